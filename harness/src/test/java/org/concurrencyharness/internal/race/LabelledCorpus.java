package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.concurrencyharness.internal.agent.RaceDetectorAgent;
import org.concurrencyharness.internal.fork.ForkOptions;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Json;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.RunReport;
import org.junit.jupiter.api.DynamicTest;
import racecorpus.LosesUpdates;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * A labelled corpus of exercises (one package of nested classes, each labelled {@link Racy}, {@link LosesUpdates} or
 * {@link RaceFree}), run once through the real agent in a JVM of its own (the JVM of {@code -Dconcurrency.childJava},
 * by default this one's) and judged label by label: a racy exercise must race on its field (for a label ending in
 * {@code *}, on a field whose name starts with what comes before it) with both accesses on its {@code // race} lines
 * (see {@link #raceLines}),
 * where an access is on a line if its {@code location} or its {@code userFrame} is; one that loses updates must lose
 * one of its field with all three accesses on those lines; a race-free one must neither race nor lose an update at
 * all, nor fail.
 * Gives one dynamic test per exercise, and prints precision and recall.
 */
final class LabelledCorpus {

    private static final Path TEST_SOURCES = Path.of("src", "test", "java");
    private static final Path TEST_CLASSES = Path.of("target", "test-classes");

    private final String name;
    private final String packageName;
    private final boolean detectorErrorsFail;
    /** The agent's options, such as {@code predict}; null for none. */
    private final String agentOptions;

    /**
     * @param name what the printed line calls it, such as {@code race corpus}
     * @param packageName the package of the corpus's files
     * @param detectorErrorsFail whether the detector's own errors make a race-free exercise a false alarm
     */
    LabelledCorpus(String name, String packageName, boolean detectorErrorsFail) {
        this(name, packageName, detectorErrorsFail, null);
    }

    /** The same, with the agent's options (such as {@code predict}), or null for none. */
    LabelledCorpus(String name, String packageName, boolean detectorErrorsFail, String agentOptions) {
        this.name = name;
        this.packageName = packageName;
        this.detectorErrorsFail = detectorErrorsFail;
        this.agentOptions = agentOptions;
    }

    /**
     * Runs the corpus, prints {@code <name> on <java>: N exercises, ...; precision P, recall R} and every wrong label,
     * and gives one test per labelled class of the package, then one that the corpus has at least {@code minimum}
     * exercises.
     */
    /** What the printed lines call it. */
    String name() {
        return name;
    }

    /** The agent's options it runs with, or null for none. */
    String agentOptions() {
        return agentOptions;
    }

    /** The corpus's exercises that race or lose updates. */
    List<Class<?>> racyClasses() throws IOException, ClassNotFoundException {
        return labelledClasses().stream()
                .filter(type -> !type.isAnnotationPresent(RaceFree.class))
                .toList();
    }

    Stream<DynamicTest> judge(int minimum) throws Exception {
        List<Class<?>> labelled = labelledClasses();
        RunReport report = run(packageName + ".*", "target/" + name.replace(' ', '-') + "-output.txt", agentOptions);
        Map<String, ExerciseResult> byClass = new HashMap<>();
        for (ExerciseResult exercise : report.exercises()) {
            byClass.put(exercise.className(), exercise);
        }
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int trueNegatives = 0;
        List<String> wrong = new ArrayList<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> type : labelled) {
            ExerciseResult exercise = byClass.remove(type.getName());
            String verdict = exercise == null ? "not in the report: " + type.getName() : verdict(type, exercise);
            if (exercise != null && !type.isAnnotationPresent(RaceFree.class)) {
                if (verdict == null) {
                    truePositives++;
                } else {
                    falseNegatives++;
                }
            } else if (exercise != null) {
                if (verdict == null) {
                    trueNegatives++;
                } else {
                    falsePositives++;
                }
            }
            if (verdict != null) {
                wrong.add(verdict);
            }
            tests.add(DynamicTest.dynamicTest(type.getName().substring(packageName.length() + 1), () -> {
                if (verdict != null) {
                    fail(verdict);
                }
            }));
        }
        for (String unlabelled : byClass.keySet()) {
            String verdict = unlabelled + " ran but has no label";
            wrong.add(verdict);
            tests.add(DynamicTest.dynamicTest(unlabelled, () -> fail(verdict)));
        }
        double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
        double recall = truePositives / (double) Math.max(1, truePositives + falseNegatives);
        System.out.printf(
                "%s on %s: %d exercises, %d racy found, %d missed, %d false alarms, %d clean;"
                        + " precision %.2f, recall %.2f%n",
                name,
                childJava(),
                report.exercises().size(),
                truePositives,
                falseNegatives,
                falsePositives,
                trueNegatives,
                precision,
                recall);
        wrong.forEach(w -> System.out.println("  " + w));
        int exercises = report.exercises().size();
        tests.add(DynamicTest.dynamicTest(
                "the " + name + " has at least " + minimum + " exercises",
                () -> assertTrue(exercises >= minimum, "the " + name + " has " + exercises + " exercises")));
        return tests.stream();
    }

    /** Null when the exercise's label holds, else what went wrong. */
    String verdict(Class<?> type, ExerciseResult exercise) throws IOException {
        LosesUpdates losesUpdates = type.getAnnotation(LosesUpdates.class);
        if (losesUpdates != null) {
            Set<Integer> lines = raceLines(type);
            String file = sourceFile(type).getFileName().toString();
            boolean found =
                    exercise.lostUpdates().stream().anyMatch(lost -> matches(lost, losesUpdates.field(), file, lines));
            return found
                    ? null
                    : "missed the lost update of " + losesUpdates.field() + " on lines " + lines + " of "
                            + exercise.className() + ", found " + exercise.lostUpdates()
                            + (exercise.errors().isEmpty() ? "" : " " + exercise.errors());
        }
        Racy racy = type.getAnnotation(Racy.class);
        if (racy != null) {
            Set<Integer> lines = raceLines(type);
            String file = sourceFile(type).getFileName().toString();
            boolean found = exercise.races().stream().anyMatch(r -> matches(r, racy.field(), file, lines));
            return found
                    ? null
                    : "missed " + racy.field() + " on lines " + lines + " of " + exercise.className() + ", found "
                            + exercise.races() + (exercise.errors().isEmpty() ? "" : " " + exercise.errors());
        }
        RaceFree raceFree = type.getAnnotation(RaceFree.class);
        boolean detectorErrors =
                detectorErrorsFail && !exercise.detectorErrors().isEmpty();
        if (exercise.races().isEmpty()
                && exercise.lostUpdates().isEmpty()
                && exercise.errors().isEmpty()
                && !detectorErrors) {
            return null;
        }
        return "false alarm in " + exercise.className() + " (" + raceFree.value() + "): " + exercise.races() + " "
                + exercise.lostUpdates() + " " + exercise.errors()
                + (detectorErrors ? " detector errors " + exercise.detectorErrors() : "");
    }

    static boolean matches(Race race, String field, String file, Set<Integer> lines) {
        boolean fieldMatches = field.endsWith("*")
                ? race.field().startsWith(field.substring(0, field.length() - 1))
                : race.field().equals(field);
        return fieldMatches && onLines(race.first(), file, lines) && onLines(race.second(), file, lines);
    }

    static boolean matches(LostUpdate lost, String field, String file, Set<Integer> lines) {
        return lost.field().equals(field) && lost.accesses().stream().allMatch(a -> onLines(a, file, lines));
    }

    /** Whether the access's location, or its user frame, is one of the lines of the file. */
    static boolean onLines(Access access, String file, Set<Integer> lines) {
        return onLine(access.location(), file, lines) || onLine(access.userFrame(), file, lines);
    }

    private static boolean onLine(String location, String file, Set<Integer> lines) {
        if (location == null) {
            return false;
        }
        int colon = location.lastIndexOf(':');
        if (colon < 0 || !location.substring(0, colon).equals(file)) {
            return false;
        }
        try {
            return lines.contains(Integer.parseInt(location.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The lines of the nested class's source marked {@code // race}, and the lines elsewhere in the file marked
     * {@code // race in Name}: code of a class the exercise shares with others (a pool's factory) that one of its
     * races may be found on.
     */
    static Set<Integer> raceLines(Class<?> type) throws IOException {
        List<String> source = Files.readAllLines(sourceFile(type), StandardCharsets.UTF_8);
        Set<Integer> lines = new TreeSet<>();
        boolean inside = false;
        for (int i = 0; i < source.size(); i++) {
            String line = source.get(i);
            if (line.startsWith("    public static class ")) {
                inside = line.startsWith("    public static class " + type.getSimpleName() + " ");
            } else if (inside && line.contains("// race") || line.contains("// race in " + type.getSimpleName())) {
                lines.add(i + 1);
            }
        }
        return lines;
    }

    private static Path sourceFile(Class<?> type) {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return TEST_SOURCES.resolve(outer.getPackageName().replace('.', '/')).resolve(outer.getSimpleName() + ".java");
    }

    /** The classes of the package, compiled, that carry a label, by name. */
    List<Class<?>> labelledClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> labelled = new ArrayList<>();
        try (Stream<Path> files = Files.list(TEST_CLASSES.resolve(packageName.replace('.', '/')))) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".class")) {
                    Class<?> type = Class.forName(
                            packageName + "." + fileName.substring(0, fileName.length() - 6),
                            false,
                            LabelledCorpus.class.getClassLoader());
                    if (type.isAnnotationPresent(Racy.class)
                            || type.isAnnotationPresent(LosesUpdates.class)
                            || type.isAnnotationPresent(RaceFree.class)) {
                        labelled.add(type);
                    }
                }
            }
        }
        return labelled;
    }

    /** Runs the exercises the pattern includes, through the agent, as the plugin runs them. */
    static RunReport run(String include, String outputFile) throws IOException, InterruptedException {
        return run(include, outputFile, null);
    }

    /** The same, with the agent's options, or null for none. */
    static RunReport run(String include, String outputFile, String agentOptions)
            throws IOException, InterruptedException {
        Path results = Files.createTempFile("race-corpus", ".json");
        Path output = Path.of(outputFile);
        String agent = "-javaagent:" + System.getProperty("concurrency.harnessJar")
                + (agentOptions == null ? "" : "=" + agentOptions);
        List<String> command = new ArrayList<>(List.of(childJava(), agent));
        // as the plugin runs it
        command.addAll(RaceDetectorAgent.JVM_OPTIONS);
        // Agrona 2 uses the JDK's internal Unsafe, which its users export to it as this
        command.addAll(List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ForkOptions.MAIN_CLASS));
        command.addAll(ForkOptions.of(results, List.of(TEST_CLASSES))
                .withInclude(include)
                .toArguments());
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!child.waitFor(4, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the corpus took more than 4 minutes; see " + output);
        }
        assertEquals(0, child.exitValue(), "the corpus run failed; see " + output);
        return RunReport.fromJson(Json.parse(Files.readString(results, StandardCharsets.UTF_8)));
    }

    static String childJava() {
        return System.getProperty(
                "concurrency.childJava",
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
