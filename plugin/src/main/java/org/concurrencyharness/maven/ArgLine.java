package org.concurrencyharness.maven;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A JVM command line kept in one property, as Surefire's {@code argLine} is. Surefire and the
 * IDEs split it at white space outside double quotes, so an argument that holds white space (a
 * path) is quoted.
 */
final class ArgLine {

    private ArgLine() {}

    /** The existing value with the arguments after it, or as it was when it holds them already. */
    static String append(String existing, List<String> arguments) {
        String added = arguments.stream().map(ArgLine::quoted).collect(Collectors.joining(" "));
        if (existing == null || existing.isBlank()) {
            return added;
        }
        if (existing.contains(added)) {
            // prepare-agent ran twice for this project (bound, and named on the command line too):
            // a second agent would instrument every class twice
            return existing;
        }
        return existing.strip() + " " + added;
    }

    private static String quoted(String argument) {
        return argument.chars().anyMatch(Character::isWhitespace) ? '"' + argument + '"' : argument;
    }
}
