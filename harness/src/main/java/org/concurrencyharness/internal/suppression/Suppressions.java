package org.concurrencyharness.internal.suppression;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.concurrencyharness.internal.result.Race;

/**
 * {@code concurrency.suppressions}: the races a user judged benign in code they cannot change, one
 * pattern a line. A race a pattern matches is still reported, as suppressed; it only fails nothing.
 *
 * <p>A line is a field ({@code com.foo.Cache.size}, which matches its array elements
 * {@code com.foo.Cache.size[]} too), a class ({@code com.foo.Cache}: its fields, its nested classes'
 * fields, and races on objects of that class) or a package ({@code com.foo.*}, sub-packages
 * included). A dotted name does not say whether it names a field or a class, so it is matched as
 * both. {@code com.foo.Cache.size[]}, as a report writes an element race, matches the elements only.
 * Blank lines and lines that start with {@code #} are ignored.
 */
public final class Suppressions {

    public static final Suppressions NONE = new Suppressions(List.of());

    private static final String IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final String NAME = IDENTIFIER + "(?:\\." + IDENTIFIER + ")*";
    private static final Pattern FIELD_OR_CLASS = Pattern.compile(NAME);
    private static final Pattern ELEMENTS = Pattern.compile("(" + NAME + ")\\[\\]");
    private static final Pattern PACKAGE = Pattern.compile("(" + NAME + ")\\.\\*");
    private static final String WHAT_TO_WRITE = "Write one pattern a line: a field (com.foo.Cache.size), a class"
            + " (com.foo.Cache) or a package with its sub-packages (com.foo.*); a line that starts with # is a comment.";

    /**
     * The races popular libraries make on purpose, which every run suppresses: see {@code library-races.txt}. Made
     * after the patterns above, which it is read with.
     */
    public static final Suppressions LIBRARIES = shipped("library-races.txt");

    private final List<Rule> rules;

    private Suppressions(List<Rule> rules) {
        this.rules = rules;
    }

    /** The patterns in {@code file}; none when there is no such file, as a project without suppressions has none. */
    public static Suppressions read(Path file) {
        if (!Files.exists(file)) {
            return NONE;
        }
        try {
            return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SuppressionsFileException("Could not read the race suppressions in " + file + ": " + e);
        }
    }

    private static Suppressions shipped(String resource) {
        try (var in = Suppressions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the harness's jar has no " + resource);
            }
            return parse(
                    resource,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** These patterns and {@code other}'s. */
    public Suppressions and(Suppressions other) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(other.rules);
        return all.isEmpty() ? NONE : new Suppressions(List.copyOf(all));
    }

    /** The patterns in {@code lines}; {@code source} names them in an error. */
    static Suppressions parse(String source, List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Rule rule = Rule.of(line);
            if (rule != null) {
                rules.add(rule);
            } else {
                problems.add(source + ", line " + (i + 1) + ": \"" + line + "\" " + whyNot(line));
            }
        }
        if (!problems.isEmpty()) {
            throw new SuppressionsFileException(String.join("\n", problems) + "\n" + WHAT_TO_WRITE);
        }
        return rules.isEmpty() ? NONE : new Suppressions(List.copyOf(rules));
    }

    private static String whyNot(String line) {
        if (line.chars().anyMatch(Character::isWhitespace)) {
            return "has white space in it: one pattern a line, and a comment on a line of its own.";
        }
        if (line.contains("*")) {
            return "has a * that is not a whole package's: only a trailing .* is a wildcard, as in com.foo.*.";
        }
        return "is not a Java name.";
    }

    /** How many patterns there are. */
    public int size() {
        return rules.size();
    }

    public boolean matches(Race race) {
        RacedOn target = RacedOn.of(race);
        return rules.stream().anyMatch(rule -> rule.matches(target));
    }

    /**
     * What a race is on, as the patterns see it.
     *
     * @param field the field as reported, {@code []} and all; null when a JDK object was reached through none
     * @param classes the class that declares the field, and the JDK object's class, where there are such
     */
    private record RacedOn(String field, List<String> classes) {

        static RacedOn of(Race race) {
            if (race.object() != null && race.object().equals(race.field())) {
                return new RacedOn(null, List.of(race.object()));
            }
            String name = race.field().endsWith("[]")
                    ? race.field().substring(0, race.field().length() - 2)
                    : race.field();
            String declaring = name.substring(0, Math.max(0, name.lastIndexOf('.')));
            return new RacedOn(
                    race.field(), race.object() == null ? List.of(declaring) : List.of(declaring, race.object()));
        }
    }

    private record Rule(Kind kind, String name) {

        enum Kind {
            FIELD_OR_CLASS,
            ELEMENTS,
            PACKAGE
        }

        static Rule of(String line) {
            if (FIELD_OR_CLASS.matcher(line).matches()) {
                return new Rule(Kind.FIELD_OR_CLASS, line);
            }
            var elements = ELEMENTS.matcher(line);
            if (elements.matches()) {
                return new Rule(Kind.ELEMENTS, elements.group(1));
            }
            var inPackage = PACKAGE.matcher(line);
            return inPackage.matches() ? new Rule(Kind.PACKAGE, inPackage.group(1)) : null;
        }

        boolean matches(RacedOn target) {
            return switch (kind) {
                case FIELD_OR_CLASS ->
                    name.equals(target.field())
                            || (name + "[]").equals(target.field())
                            || target.classes().stream().anyMatch(c -> c.equals(name) || c.startsWith(name + "$"));
                case ELEMENTS -> (name + "[]").equals(target.field());
                case PACKAGE -> target.classes().stream().anyMatch(c -> c.startsWith(name + "."));
            };
        }
    }
}
