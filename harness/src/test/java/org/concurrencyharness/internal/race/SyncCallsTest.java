package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.concurrencyharness.internal.result.Race;
import org.junit.jupiter.api.Test;

/**
 * What a call of a concurrent class orders, driven through the hooks as instrumented code calls
 * them. The second thread is created before the first one's write and started without a start
 * edge, so that only the map can order the two writes.
 */
class SyncCallsTest {

    private final long[] shared = new long[1];
    private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();
    private final int site = SiteRegistry.register(
            "SyncCallsTest",
            "SyncCallsTest.shared[]",
            "SyncCallsTest.run",
            "SyncCallsTest.java:1",
            true,
            true,
            getClass().getClassLoader());

    @Test
    void aMapsGetReleasesNothingToALaterPut() throws InterruptedException {
        assertEquals(1, writeThenCallThenPutThenWrite("get").size(), "a volatile read orders nothing after it");
    }

    @Test
    void aMapsPutReleasesToALaterPut() throws InterruptedException {
        assertEquals(List.of(), writeThenCallThenPutThenWrite("put"));
    }

    @Test
    void whatAnAtomicsUpdateFunctionWroteIsReleasedBeforeTheValueItReturnedIsSet() throws InterruptedException {
        AtomicReference<String> reference = new AtomicReference<>("");
        Detector.begin();
        Thread other = new Thread(() -> {
            SyncCalls.before(reference, "get");
            reference.get();
            SyncCalls.after(reference, "get");
            Hooks.elementWrite(shared, 0, null, site, Hooks.threadState());
        });
        SyncCalls.before(reference, "updateAndGet");
        UnaryOperator<String> addMark = value -> {
            Hooks.elementWrite(shared, 0, null, site, Hooks.threadState());
            return value + "!";
        };
        reference.updateAndGet(Hooks.callback(addMark, reference));
        // another thread gets the new value before this call's own hook after it has run
        other.start();
        other.join();
        SyncCalls.after(reference, "updateAndGet");
        assertEquals(List.of(), Detector.end());
    }

    @Test
    void anInterruptIsSeenByTheThreadThatFindsItWasInterrupted() throws InterruptedException {
        Detector.begin();
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                interrupted.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            SyncCalls.after(null, "interrupted");
            Hooks.elementWrite(shared, 0, null, site, Hooks.threadState());
        });
        worker.start();
        Hooks.elementWrite(shared, 0, null, site, Hooks.threadState());
        SyncCalls.before(worker, "interrupt");
        SyncCalls.after(worker, "interrupt");
        // the latch stands for the interrupt's own delivery, which the analysis does not see
        interrupted.countDown();
        worker.join();
        assertEquals(List.of(), Detector.end());
    }

    @Test
    void onlyTheJdksOwnReadsCount() {
        assertEquals(true, SyncContracts.onlyReads(map, "get"));
        assertEquals(false, SyncContracts.onlyReads(map, "put"));
        assertEquals(false, SyncContracts.onlyReads(map, null));
        // a subclass's get may write, and its own code is instrumented
        assertEquals(false, SyncContracts.onlyReads(new ConcurrentHashMap<String, String>() {}, "get"));
        assertEquals(false, SyncContracts.onlyReads(new java.util.concurrent.locks.ReentrantLock(), "isLocked"));
    }

    @Test
    void aRoundLetsGoOfItsClocksWhenTheNextBegins() {
        Detector.begin();
        Round first = ((ThreadState) Hooks.threadState()).round;
        Object lock = new Object();
        Detector.release(lock);
        assertNotNull(first.syncClocks.get(lock));
        Detector.begin();
        assertNull(first.syncClocks.get(lock));
        Detector.end();
    }

    private List<Race> writeThenCallThenPutThenWrite(String call) throws InterruptedException {
        Detector.begin();
        Thread other = new Thread(() -> {
            SyncCalls.before(map, "put");
            map.put("key", "value");
            SyncCalls.after(map, "put");
            Hooks.elementWrite(shared, 0, null, site, Hooks.threadState());
        });
        Hooks.elementWrite(shared, 0, null, site, Hooks.threadState());
        SyncCalls.before(map, call);
        SyncCalls.after(map, call);
        other.start();
        other.join();
        return Detector.end();
    }
}
