package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A thread that reads a field and one that writes it, at the same moment and without order, are always seen to
 * race, though the analysis takes no lock for a read or a write that looks exclusive: each is followed by a full
 * fence and a second look, so that of two made at once, one sees the other. Driven through the hooks as
 * instrumented code calls them; the flag that releases both threads at once is not seen by the analysis.
 */
class SimultaneousReadAndWriteTest {

    private static final int ROUNDS = 300;

    /** The field read and written. */
    static final class Holder {
        int value;
    }

    private final int readSite = site(false);
    private final int writeSite = site(true);

    private int site(boolean write) {
        return SiteRegistry.register(
                Holder.class.getName().replace('.', '/'),
                "value",
                "SimultaneousReadAndWriteTest.run",
                "SimultaneousReadAndWriteTest.java:1",
                write,
                false,
                getClass().getClassLoader());
    }

    @Test
    void everyRoundOfAReadAndAWriteAtOnceRaces() throws Exception {
        int racing = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Holder holder = new Holder();
            CountDownLatch ready = new CountDownLatch(2);
            AtomicBoolean go = new AtomicBoolean();
            Detector.begin();
            Thread reader = new Thread(() -> access(holder, false, ready, go));
            Thread writer = new Thread(() -> access(holder, true, ready, go));
            reader.start();
            writer.start();
            ready.await();
            go.set(true);
            reader.join();
            writer.join();
            racing += Detector.end().isEmpty() ? 0 : 1;
        }
        assertEquals(ROUNDS, racing, "rounds in which the read and the write were seen to race");
    }

    private void access(Holder holder, boolean write, CountDownLatch ready, AtomicBoolean go) {
        Object state = Hooks.threadState();
        ready.countDown();
        while (!go.get()) {
            Thread.onSpinWait();
        }
        if (write) {
            Hooks.untrackedWrite(holder, writeSite, state);
        } else {
            Hooks.untrackedRead(holder, readSite, state);
        }
    }
}
