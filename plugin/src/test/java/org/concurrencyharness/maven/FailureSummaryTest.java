package org.concurrencyharness.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.AccessKind;
import org.concurrencyharness.internal.result.Conditions;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Outcome;
import org.concurrencyharness.internal.result.Race;
import org.junit.jupiter.api.Test;

class FailureSummaryTest {

    private static final Conditions TWO_THREADS = new Conditions(2, 1, 60_000, false, 0, 0, false);
    private static final Race ON_A_LIST = new Race(
            "it.Registry.names",
            "java.util.ArrayList",
            new Access("worker-1", "Registry.register", "Registry.java:12", AccessKind.WRITE, "ArrayList.add", null),
            new Access("worker-0", "Registry.find", "Registry.java:20", AccessKind.READ, "ArrayList.get", null));
    private static final Race IN_A_LIBRARY = new Race(
            "com.google.common.collect.HashMultiset.size",
            new Access(
                    "worker-1", "HashMultiset.add", "HashMultiset.java:271", AccessKind.WRITE, null, "Counter.java:41"),
            new Access(
                    "worker-0", "HashMultiset.size", "HashMultiset.java:90", AccessKind.READ, null, "Counter.java:45"));

    private static ExerciseResult failed(List<Race> races, List<String> detectorErrors, List<String> errors) {
        return ExerciseResult.builder("it.Registry", "register", "Registry.java", TWO_THREADS)
                .outcome(Outcome.FAIL)
                .wallMillis(10)
                .maxConcurrency(2)
                .races(races)
                .detectorErrors(detectorErrors)
                .errors(errors)
                .build();
    }

    @Test
    void eachRaceIsALineWithItsObjectCallsAndTheProjectsLines() {
        assertEquals("""
                it.Registry#register: 2 data races
                    it.Registry.names (java.util.ArrayList): ArrayList.add write at Registry.java:12 [worker-1] \
                vs ArrayList.get read at Registry.java:20 [worker-0]
                    com.google.common.collect.HashMultiset.size: write at HashMultiset.java:271 (under Counter.java:41) \
                [worker-1] vs read at HashMultiset.java:90 (under Counter.java:45) [worker-0]""", FailureSummary.of(failed(List.of(ON_A_LIST, IN_A_LIBRARY), List.of(), List.of())));
    }

    @Test
    void pastAFewRacesTheRestAreCounted() {
        List<Race> races = new ArrayList<>();
        for (int i = 0; i < FailureSummary.MAX_RACES_LISTED + 3; i++) {
            races.add(ON_A_LIST);
        }
        String[] lines = FailureSummary.of(failed(races, List.of(), List.of())).split("\n");
        assertEquals("it.Registry#register: 8 data races", lines[0]);
        assertEquals(1 + FailureSummary.MAX_RACES_LISTED + 1, lines.length);
        assertEquals("    (+3 more races)", lines[lines.length - 1]);
    }

    @Test
    void anErrorIsNamedByItsFirstLineAndTheDetectorsOwnFailuresAreMentioned() {
        assertEquals(
                "it.Registry#register: worker-0 threw java.lang.IllegalStateException: boom (+1 more)"
                        + " (the race detector failed on its own: races may be missed)",
                FailureSummary.of(failed(
                        List.of(),
                        List.of("The race detector failed: java.lang.NullPointerException"),
                        List.of(
                                "worker-0 threw java.lang.IllegalStateException: boom\n\tat it.Registry.register",
                                "another"))));
    }

    @Test
    void anExpectedRaceIsNoReasonToFailAndIsNotListed() {
        ExerciseResult expected = ExerciseResult.builder(
                        "it.Registry", "register", "Registry.java", new Conditions(2, 1, 60_000, false, 0, 0, true))
                .outcome(Outcome.FAIL)
                .wallMillis(10)
                .maxConcurrency(2)
                .races(List.of(ON_A_LIST))
                .errors(List.of("round 2: timed out"))
                .build();
        assertEquals("it.Registry#register: round 2: timed out", FailureSummary.of(expected));
    }
}
