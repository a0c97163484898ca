package org.concurrencyharness.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.AccessKind;
import org.concurrencyharness.internal.result.Prediction;
import org.concurrencyharness.internal.result.Race;
import org.junit.jupiter.api.Test;

class RaceTextTest {

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
    private static final Race ON_A_FIELD = new Race(
            "it.Counter.count",
            new Access("worker-1", "Counter.increment", "Counter.java:12", AccessKind.WRITE),
            new Access("worker-0", "Counter.increment", "Counter.java:12", AccessKind.READ));

    private static final Race HIDDEN_BY_A_LOCK = new Race(
            "it.Counter.data",
            null,
            new Access("worker-0", "Counter.publish", "Counter.java:20", AccessKind.WRITE),
            new Access("worker-1", "Counter.consume", "Counter.java:33", AccessKind.READ),
            new Prediction(List.of(new Prediction.Reordering(
                    "synchronized (Object)",
                    new Prediction.CriticalSection("worker-0", "Counter.java:22"),
                    new Prediction.CriticalSection("worker-1", "Counter.java:30")))));

    @Test
    void aPredictedRaceSaysWhichCriticalSectionsAnotherScheduleSwaps() {
        assertEquals(
                List.of("predicted: worker-1's critical section at Counter.java:30 on synchronized (Object)"
                        + " can begin before worker-0's critical section at Counter.java:22 ends"),
                RaceText.prediction(HIDDEN_BY_A_LOCK));
        assertEquals(
                "it.Counter.data: write at Counter.java:20 [worker-0] vs read at Counter.java:33 [worker-1] (predicted)",
                RaceText.oneLine(HIDDEN_BY_A_LOCK));
        assertEquals(List.of(), RaceText.prediction(ON_A_FIELD));
    }

    @Test
    void aRaceOnAJdkObjectNamesItsClassAndEachAccessItsCall() {
        assertEquals("it.Registry.names (java.util.ArrayList)", RaceText.subject(ON_A_LIST));
        assertEquals(
                "ArrayList.add write by worker-1 in Registry.register at Registry.java:12",
                RaceText.access(ON_A_LIST.first()));
        assertEquals(
                "it.Registry.names (java.util.ArrayList): ArrayList.add write at Registry.java:12 [worker-1]"
                        + " vs ArrayList.get read at Registry.java:20 [worker-0]",
                RaceText.oneLine(ON_A_LIST));
    }

    @Test
    void anAccessInALibrarysCodeNamesTheProjectsLineItWasMadeUnder() {
        assertEquals(
                "write by worker-1 in HashMultiset.add at HashMultiset.java:271 (under Counter.java:41)",
                RaceText.access(IN_A_LIBRARY.first()));
        assertEquals(
                "com.google.common.collect.HashMultiset.size: write at HashMultiset.java:271 (under Counter.java:41)"
                        + " [worker-1] vs read at HashMultiset.java:90 (under Counter.java:45) [worker-0]",
                RaceText.oneLine(IN_A_LIBRARY));
    }

    @Test
    void aFieldRaceReadsAsItAlwaysHas() {
        assertEquals("it.Counter.count", RaceText.subject(ON_A_FIELD));
        assertEquals("write by worker-1 in Counter.increment at Counter.java:12", RaceText.access(ON_A_FIELD.first()));
        assertEquals(
                "it.Counter.count: write at Counter.java:12 [worker-1] vs read at Counter.java:12 [worker-0]",
                RaceText.oneLine(ON_A_FIELD));
    }
}
