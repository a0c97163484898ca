package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.concurrencyharness.internal.agent.RaceDetectorAgent;
import org.concurrencyharness.internal.report.Access;
import org.concurrencyharness.internal.report.ExerciseResult;
import org.concurrencyharness.internal.report.Json;
import org.concurrencyharness.internal.report.Race;
import org.concurrencyharness.internal.report.RunReport;
import org.junit.jupiter.api.Test;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Runs the labelled corpus in {@code racecorpus} through the real agent, in a JVM of its own
 * (the JVM of {@code -Dconcurrency.childJava}, by default this one's), and checks every label:
 * a racy exercise must race on its field with both accesses on its {@code // race} lines; a
 * race-free one must not race at all. Prints precision and recall.
 */
class RaceDetectorCorpusIT {

    private static final Path CORPUS_SOURCES = Path.of("src", "test", "java", "racecorpus");

    @Test
    void everyLabelOfTheCorpusHolds() throws Exception {
        RunReport report = runCorpus();
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int trueNegatives = 0;
        List<String> wrong = new ArrayList<>();
        for (ExerciseResult exercise : report.exercises()) {
            Class<?> type = Class.forName(exercise.className());
            Racy racy = type.getAnnotation(Racy.class);
            RaceFree raceFree = type.getAnnotation(RaceFree.class);
            assertTrue(racy != null || raceFree != null, exercise.className() + " has no label");
            if (racy != null) {
                Set<Integer> lines = raceLines(type);
                boolean found = exercise.races().stream().anyMatch(r -> matches(r, racy.field(), lines));
                if (found) {
                    truePositives++;
                } else {
                    falseNegatives++;
                    wrong.add("missed " + racy.field() + " on lines " + lines + ", found " + exercise.races());
                }
            } else if (exercise.races().isEmpty() && exercise.errors().isEmpty()) {
                trueNegatives++;
            } else {
                falsePositives++;
                wrong.add("false alarm in " + exercise.className() + " (" + raceFree.value() + "): "
                        + exercise.races() + " " + exercise.errors());
            }
        }
        double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
        double recall = truePositives / (double) Math.max(1, truePositives + falseNegatives);
        System.out.printf("race corpus on %s: %d exercises, %d racy found, %d missed, %d false alarms, %d clean;"
                        + " precision %.2f, recall %.2f%n", childJava(), report.exercises().size(), truePositives,
                falseNegatives, falsePositives, trueNegatives, precision, recall);
        wrong.forEach(w -> System.out.println("  " + w));
        assertTrue(report.exercises().size() >= 40, "the corpus has " + report.exercises().size() + " exercises");
        assertEquals(List.of(), wrong);
    }

    private static boolean matches(Race race, String field, Set<Integer> lines) {
        return race.field().equals(field) && onLines(race.first(), lines) && onLines(race.second(), lines);
    }

    private static boolean onLines(Access access, Set<Integer> lines) {
        String location = access.location();
        return lines.contains(Integer.parseInt(location.substring(location.lastIndexOf(':') + 1)));
    }

    /** The lines of the nested class's source marked {@code // race}. */
    private static Set<Integer> raceLines(Class<?> type) throws IOException {
        List<String> source = Files.readAllLines(
                CORPUS_SOURCES.resolve(type.getEnclosingClass().getSimpleName() + ".java"), StandardCharsets.UTF_8);
        Set<Integer> lines = new TreeSet<>();
        boolean inside = false;
        for (int i = 0; i < source.size(); i++) {
            String line = source.get(i);
            if (line.startsWith("    public static class ")) {
                inside = line.startsWith("    public static class " + type.getSimpleName() + " ");
            } else if (inside && line.contains("// race")) {
                lines.add(i + 1);
            }
        }
        return lines;
    }

    private static RunReport runCorpus() throws IOException, InterruptedException {
        Path results = Files.createTempFile("race-corpus", ".json");
        Path output = Path.of("target", "race-corpus-output.txt");
        List<String> command = new ArrayList<>(List.of(childJava(),
                "-javaagent:" + System.getProperty("concurrency.harnessJar")));
        // as the plugin runs it
        command.addAll(RaceDetectorAgent.JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.concurrencyharness.internal.fork.ForkMain",
                "--results", results.toString(), "--classes", Path.of("target", "test-classes").toString(),
                "--include", "racecorpus.*"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!child.waitFor(4, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the corpus took more than 4 minutes; see " + output);
        }
        assertEquals(0, child.exitValue(), "the corpus run failed; see " + output);
        return RunReport.fromJson(Json.parse(Files.readString(results, StandardCharsets.UTF_8)));
    }

    private static String childJava() {
        return System.getProperty("concurrency.childJava",
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
