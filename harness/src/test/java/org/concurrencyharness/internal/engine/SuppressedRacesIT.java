package org.concurrencyharness.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.concurrencyharness.internal.agent.RaceDetectorAgent;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Json;
import org.concurrencyharness.internal.result.Outcome;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.RunReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the exercises in {@code suppressedraces} through the real agent, in a JVM of its own as the
 * plugin runs them, with the races in {@code suppressedraces.library} suppressed: those races are
 * listed as suppressed and fail nothing, whether threads or a child process's threads made them.
 */
class SuppressedRacesIT {

    private static final String LIBRARY_FIELD = "suppressedraces.library.Stats.hits";

    private static Map<String, ExerciseResult> exercises;

    @BeforeAll
    static void run(@TempDir Path directory) throws Exception {
        Path suppressions = Files.writeString(
                directory.resolve("concurrency-suppressions.txt"),
                "# the library's statistics race, and we cannot change it\nsuppressedraces.library.*\n");
        Path results = directory.resolve("results.json");
        Path output = Path.of("target", "suppressed-races-output.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + System.getProperty("concurrency.harnessJar")));
        command.addAll(RaceDetectorAgent.JVM_OPTIONS);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "org.concurrencyharness.internal.fork.ForkMain",
                "--results",
                results.toString(),
                "--classes",
                Path.of("target", "test-classes").toString(),
                "--include",
                "suppressedraces.*",
                "--suppressions",
                suppressions.toString()));
        Process fork = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!fork.waitFor(2, TimeUnit.MINUTES)) {
            fork.destroyForcibly();
            throw new AssertionError("the run took more than 2 minutes; see " + output);
        }
        assertEquals(0, fork.exitValue(), "the run failed; see " + output);
        RunReport report = RunReport.fromJson(Json.parse(Files.readString(results, StandardCharsets.UTF_8)));
        exercises = report.exercises().stream()
                .collect(Collectors.toMap(
                        e -> e.className().substring(e.className().indexOf('$') + 1), Function.identity()));
    }

    @Test
    void aSuppressedRaceIsListedAsSuchAndFailsNothing() {
        ExerciseResult libraryOnly = exercises.get("InTheLibraryOnly");
        assertEquals(Outcome.PASS, libraryOnly.outcome(), libraryOnly.errors().toString());
        assertEquals(List.of(), libraryOnly.races());
        assertEquals(List.of(LIBRARY_FIELD), fields(libraryOnly.suppressed()));
    }

    @Test
    void aChildProcesssRacesAreSuppressedAsTheThreadsAre() {
        ExerciseResult inAChild = exercises.get("InTheLibraryInAChild");
        assertEquals(Outcome.PASS, inAChild.outcome(), inAChild.errors().toString());
        assertEquals(List.of(), inAChild.races());
        assertEquals(List.of(LIBRARY_FIELD), fields(inAChild.suppressed()));
    }

    @Test
    void anExpectedRaceThatWasSuppressedDoesNotMeetTheExpectation() {
        ExerciseResult expected = exercises.get("ExpectedButOnlyInTheLibrary");
        assertEquals(Outcome.FAIL, expected.outcome());
        assertEquals(List.of(LIBRARY_FIELD), fields(expected.suppressed()));
        assertEquals(
                List.of("@ExpectRace: a data race was expected, but the races found (on " + LIBRARY_FIELD
                        + ") were all suppressed, by concurrency.suppressions or as a library's deliberate race; a race"
                        + " made on purpose is not benign: remove the pattern that matches it, or @ExpectRace"),
                expected.errors());
    }

    @Test
    void aRaceNoPatternMatchesStillFailsTheExercise() {
        ExerciseResult ownField = exercises.get("InItsOwnFieldToo");
        assertEquals(Outcome.FAIL, ownField.outcome());
        assertEquals(List.of("suppressedraces.Exercises$InItsOwnFieldToo.count"), fields(ownField.races()));
        assertEquals(List.of(LIBRARY_FIELD), fields(ownField.suppressed()));
        assertTrue(ownField.errors().isEmpty(), ownField.errors().toString());
    }

    private static List<String> fields(List<Race> races) {
        return races.stream().map(Race::field).distinct().toList();
    }
}
