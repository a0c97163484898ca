package org.concurrencyharness.internal.fork;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.concurrencyharness.internal.shard.Shard;

/**
 * What the forked JVM is asked to do, and the one place that both writes it as {@link ForkMain}'s
 * arguments and reads them back (as JaCoCo's {@code AgentOptions} does for its agent): the plugin,
 * the fork and the tests cannot disagree on a spelling.
 *
 * @param results            where the fork writes the run's results
 * @param classesDirectories the project's class directories, searched for exercises
 * @param include            which exercises to run ({@code Class}, {@code Class#method}, {@code *}), or null for all
 * @param failOnRace         whether a race fails an exercise that does not expect one
 * @param suppressions       the suppressions file, or null: the engine then looks in the working directory
 * @param shard              the part of the exercises to run, or null for all
 */
public record ForkOptions(
        Path results,
        List<Path> classesDirectories,
        String include,
        boolean failOnRace,
        Path suppressions,
        Shard shard) {

    /** The fork's main class, which takes these arguments. */
    public static final String MAIN_CLASS = ForkMain.class.getName();

    private static final String RESULTS = "--results";
    private static final String CLASSES = "--classes";
    private static final String INCLUDE = "--include";
    private static final String FAIL_ON_RACE = "--failOnRace";
    private static final String SUPPRESSIONS = "--suppressions";
    private static final String SHARD = "--shard";
    private static final String USAGE = "usage: ForkMain " + RESULTS + " FILE " + CLASSES + " DIR [" + CLASSES
            + " DIR] [" + INCLUDE + " PATTERNS] [" + FAIL_ON_RACE + " true|false] [" + SUPPRESSIONS + " FILE] ["
            + SHARD + " K/N]";

    public ForkOptions {
        classesDirectories = List.copyOf(classesDirectories);
        include = include == null || include.isBlank() ? null : include.trim();
    }

    /** Options that run every exercise of the class directories, failing on races. */
    public static ForkOptions of(Path results, List<Path> classesDirectories) {
        return new ForkOptions(results, classesDirectories, null, true, null, null);
    }

    public ForkOptions withInclude(String patterns) {
        return new ForkOptions(results, classesDirectories, patterns, failOnRace, suppressions, shard);
    }

    /** The arguments that follow the main class on the fork's command line; paths absolute. */
    public List<String> toArguments() {
        List<String> args =
                new ArrayList<>(List.of(RESULTS, results.toAbsolutePath().toString()));
        for (Path directory : classesDirectories) {
            args.addAll(List.of(CLASSES, directory.toAbsolutePath().toString()));
        }
        if (include != null) {
            args.addAll(List.of(INCLUDE, include));
        }
        if (shard != null) {
            args.addAll(List.of(SHARD, shard.toString()));
        }
        args.addAll(List.of(FAIL_ON_RACE, Boolean.toString(failOnRace)));
        if (suppressions != null) {
            // named even when missing, so that the fork never looks for one in Maven's working directory
            args.addAll(List.of(SUPPRESSIONS, suppressions.toAbsolutePath().toString()));
        }
        return args;
    }

    /** Reads what {@link #toArguments()} wrote; a wrong one is refused with the usage. */
    public static ForkOptions parse(String[] args) {
        Path results = null;
        List<Path> classes = new ArrayList<>();
        String include = null;
        boolean failOnRace = true;
        Path suppressions = null;
        Shard shard = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing a value after " + name + "; " + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case RESULTS -> results = Path.of(value);
                case CLASSES -> classes.add(Path.of(value));
                case INCLUDE -> include = value;
                case FAIL_ON_RACE -> failOnRace = Boolean.parseBoolean(value);
                case SUPPRESSIONS -> suppressions = Path.of(value);
                case SHARD -> shard = Shard.parse(value);
                default -> throw new IllegalArgumentException("unknown argument " + name + "; " + USAGE);
            }
        }
        if (results == null || classes.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        return new ForkOptions(results, classes, include, failOnRace, suppressions, shard);
    }
}
