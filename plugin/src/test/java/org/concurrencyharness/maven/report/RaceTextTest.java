package org.concurrencyharness.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.AccessKind;
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
