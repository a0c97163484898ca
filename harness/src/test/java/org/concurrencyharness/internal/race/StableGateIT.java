package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.concurrencyharness.internal.agent.RaceDetectorAgent;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.RunReport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A gate that says the same every run: the racy exercises of the labelled corpora (the prediction corpus's with
 * prediction on) (those that race and those that
 * lose updates) run five times, each time in a JVM of its own through the real agent, as five CI builds of one
 * commit would, and each must be found every time: its label must hold in five runs of five. Prints, per exercise,
 * in how many runs it was found. The race-free exercises are judged by the corpora's own tests.
 */
class StableGateIT {

    private static final int RUNS = 5;

    @TestFactory
    Stream<DynamicTest> everyRacyExerciseIsFoundInEveryRun() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        tests.addAll(gate(new LabelledCorpus("race corpus", "racecorpus", false)));
        tests.addAll(gate(new LabelledCorpus("real-code corpus", "realcode", true)));
        tests.addAll(gate(new LabelledCorpus("prediction corpus", "predictcorpus", true, RaceDetectorAgent.PREDICT)));
        return tests.stream();
    }

    private static List<DynamicTest> gate(LabelledCorpus corpus) throws Exception {
        List<Class<?>> racy = corpus.racyClasses();
        String include = racy.stream().map(Class::getName).collect(Collectors.joining(","));
        Map<Class<?>, Integer> found = new LinkedHashMap<>();
        Map<Class<?>, List<String>> misses = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (int run = 1; run <= RUNS; run++) {
            RunReport report = LabelledCorpus.run(
                    include,
                    "target/stable-gate-" + corpus.name().replace(' ', '-') + "-" + run + ".txt",
                    corpus.agentOptions());
            Map<String, ExerciseResult> byClass = report.exercises().stream()
                    .collect(Collectors.toMap(ExerciseResult::className, e -> e, (a, b) -> a));
            for (Class<?> type : racy) {
                ExerciseResult exercise = byClass.get(type.getName());
                String verdict = exercise == null ? "not in the report" : corpus.verdict(type, exercise);
                found.merge(type, verdict == null ? 1 : 0, Integer::sum);
                if (verdict != null) {
                    misses.computeIfAbsent(type, t -> new ArrayList<>()).add("run " + run + ": " + verdict);
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        long always = found.values().stream().filter(times -> times == RUNS).count();
        System.out.printf(
                "stable gate, %s on %s: %d racy exercises, %d found in %d runs of %d, in %d s%n",
                corpus.name(), LabelledCorpus.childJava(), racy.size(), always, RUNS, RUNS, seconds);
        found.forEach((type, times) -> System.out.printf("  %d/%d %s%n", times, RUNS, type.getName()));
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> type : racy) {
            int times = found.get(type);
            String why = String.join("; ", misses.getOrDefault(type, List.of()));
            tests.add(DynamicTest.dynamicTest(
                    type.getName(),
                    () -> assertEquals(
                            RUNS, times, type.getName() + " found in " + times + " runs of " + RUNS + ": " + why)));
        }
        return tests;
    }
}
