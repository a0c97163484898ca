package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.concurrencyharness.internal.result.Race;
import org.junit.jupiter.api.Test;

/**
 * The analysis across rounds, driven through the hooks as instrumented code calls them: a
 * method that began in one round and goes on in the next keeps its thread state in a local.
 */
class RoundsTest {

    private final long[] shared = new long[1];
    private final int site = SiteRegistry.register(
            "RoundsTest",
            "RoundsTest.shared[]",
            "RoundsTest.run",
            "RoundsTest.java:1",
            true,
            true,
            getClass().getClassLoader());

    @Test
    void aStateFetchedInAnEarlierRoundRecordsIntoTheNewOne() throws InterruptedException {
        Detector.begin();
        Object fetchedBefore = Hooks.threadState();
        Detector.begin();
        // created before the write below, and started without a start edge: the two writes are not ordered
        Thread other = new Thread(() -> Hooks.elementWrite(shared, 0, null, site, Hooks.threadState()));
        Hooks.elementWrite(shared, 0, null, site, fetchedBefore);
        other.start();
        other.join();
        List<Race> races = Detector.end();
        assertEquals(1, races.size(), races.toString());
        assertEquals("RoundsTest.shared[]", races.get(0).field());
    }

    @Test
    void anEarlierRoundsAccessesAreNotHeldAgainstTheNewOne() throws InterruptedException {
        Detector.begin();
        Thread other = new Thread(() -> Hooks.elementWrite(shared, 0, null, site, Hooks.threadState()));
        Hooks.elementWrite(shared, 0, null, site, Hooks.threadState());
        Detector.begin();
        other.start();
        other.join();
        assertEquals(List.of(), Detector.end(), "the first write was in the round before");
    }
}
