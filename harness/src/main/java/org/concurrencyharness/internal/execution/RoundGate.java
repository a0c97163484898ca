package org.concurrencyharness.internal.execution;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.concurrencyharness.internal.race.RaceDetection;

/**
 * The start gate: every thread of a round waits at it until all have started, then all are
 * released at once so that they really contend. Opening it is the one happens-before edge from
 * the round's main flow to its threads that the race detector is told about.
 */
final class RoundGate {

    private final CountDownLatch arrived;
    private final CountDownLatch open = new CountDownLatch(1);
    private final Object syncPoint = RaceDetection.newSyncPoint();

    RoundGate(int parties) {
        this.arrived = new CountDownLatch(parties);
    }

    /** Called by each thread: waits until the gate opens. */
    void pass() throws InterruptedException {
        arrived.countDown();
        open.await();
        RaceDetection.acquireFrom(syncPoint);
    }

    /** Waits until every thread stands at the gate, at most that long. */
    boolean awaitAll(long timeoutMillis) throws InterruptedException {
        return arrived.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    void open() {
        RaceDetection.releaseTo(syncPoint);
        open.countDown();
    }
}
