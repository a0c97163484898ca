package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two threads that write one variable at the same moment, without order, are always seen to race,
 * though the analysis takes no lock for a write that looks exclusive: the write epoch is set by
 * compare-and-set. Driven through the hooks as instrumented code calls them; the flag that
 * releases both threads at once is not seen by the analysis, so it orders nothing.
 */
class SimultaneousWritesTest {

    private static final int ROUNDS = 300;

    private final int site = SiteRegistry.register(
            "SimultaneousWritesTest",
            "SimultaneousWritesTest.cells[]",
            "SimultaneousWritesTest.write",
            "SimultaneousWritesTest.java:1",
            true,
            true,
            getClass().getClassLoader());

    @Test
    void everyRoundOfTwoSimultaneousWritesRaces() throws Exception {
        int racing = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long[] cells = new long[2];
            CountDownLatch ready = new CountDownLatch(2);
            AtomicBoolean go = new AtomicBoolean();
            Detector.begin();
            Runnable write = () -> {
                // reading the other element first finds the array's shadows, and orders nothing
                ElementShadows shadows = Hooks.elementRead(cells, 1, null, site, Hooks.threadState());
                Object state = Hooks.threadState();
                ready.countDown();
                while (!go.get()) {
                    Thread.onSpinWait();
                }
                Hooks.elementWrite(cells, 0, shadows, site, state);
            };
            Thread first = new Thread(write);
            Thread second = new Thread(write);
            first.start();
            second.start();
            ready.await();
            go.set(true);
            first.join();
            second.join();
            racing += Detector.end().isEmpty() ? 0 : 1;
        }
        assertEquals(ROUNDS, racing, "rounds in which the two writes were seen to race");
    }
}
