package org.concurrencyharness.internal.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Library fields that publish immutable objects without synchronising, on purpose (the list, with
 * why, is {@code racy-publications.txt} beside this class): their accesses synchronise as a
 * volatile field's do, as the Java memory model's final-field rule makes the publication safe.
 */
final class RacyPublications {

    private static final String LIST = "racy-publications.txt";
    private static final Set<String> FIELDS = read();

    private RacyPublications() {}

    /** Whether the field, by the internal name of its declaring class, is one of them. */
    static boolean contains(String declaringClass, String field) {
        return FIELDS.contains(declaringClass.replace('/', '.') + "." + field);
    }

    private static Set<String> read() {
        try (InputStream in = RacyPublications.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("the agent's jar has no " + LIST);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + LIST, e);
        }
    }
}
