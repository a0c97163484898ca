package org.concurrencyharness.internal.execution;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CountDownLatch;
import org.concurrencyharness.internal.race.RaceDetection;
import org.concurrencyharness.internal.result.WorkerResult;
import org.concurrencyharness.internal.result.WorkerState;

/**
 * One thread of a round. Its timings are plain fields written by its own thread and read by the
 * round after the done latch; the only happens-before edges it states to the race detector are
 * the start gate, the semaphore and its end.
 */
final class Worker implements Runnable {

    private final ExerciseDefinition exercise;
    private final Object instance;
    private final int index;
    private final RoundGate gate;
    private final java.util.concurrent.Semaphore semaphore;
    private final Object semaphoreSyncPoint;
    private final CountDownLatch done;
    private final long roundStart;
    final Object endSyncPoint = RaceDetection.newSyncPoint();
    final Thread thread;

    private long started;
    private long bodyStarted;
    private long bodyEnded;
    private long ended;
    private Object returned;
    private Throwable thrown;
    private volatile boolean finished;

    Worker(
            ExerciseDefinition exercise,
            Object instance,
            int index,
            RoundGate gate,
            java.util.concurrent.Semaphore semaphore,
            Object semaphoreSyncPoint,
            CountDownLatch done,
            long roundStart) {
        this.exercise = exercise;
        this.instance = instance;
        this.index = index;
        this.gate = gate;
        this.semaphore = semaphore;
        this.semaphoreSyncPoint = semaphoreSyncPoint;
        this.done = done;
        this.roundStart = roundStart;
        this.thread = new Thread(this, "worker-" + index);
        this.thread.setDaemon(exercise.conditions().daemon());
    }

    @Override
    public void run() {
        try {
            gate.pass();
            started = System.nanoTime();
            bodyStarted = started;
            if (semaphore != null) {
                semaphore.acquire();
                bodyStarted = System.nanoTime();
                RaceDetection.acquireFrom(semaphoreSyncPoint);
            }
            try {
                returned = exercise.takesIndex()
                        ? exercise.method().invoke(instance, index)
                        : exercise.method().invoke(instance);
            } catch (InvocationTargetException e) {
                thrown = e.getCause();
            } finally {
                bodyEnded = System.nanoTime();
                if (semaphore != null) {
                    RaceDetection.releaseTo(semaphoreSyncPoint);
                    semaphore.release();
                }
            }
        } catch (InterruptedException e) {
            thrown = e;
        } catch (Throwable e) {
            thrown = e;
        } finally {
            ended = System.nanoTime();
            RaceDetection.releaseTo(endSyncPoint);
            finished = true;
            done.countDown();
        }
    }

    boolean isFinished() {
        return finished;
    }

    Throwable thrown() {
        return thrown;
    }

    int index() {
        return index;
    }

    /** When the body started and ended, in nanoseconds; an unfinished body ends at {@code now}. */
    long bodyStart() {
        return bodyStarted;
    }

    long bodyEnd(long now) {
        return finished ? bodyEnded : now;
    }

    WorkerResult result(WorkerState unfinishedState, long roundEnd) {
        boolean isFinished = finished;
        long start = started == 0 ? roundEnd : started;
        long end = isFinished ? ended : roundEnd;
        long bodyStart = bodyStarted == 0 ? end : bodyStarted;
        long bodyEnd = isFinished ? bodyEnded : end;
        WorkerState state = !isFinished ? unfinishedState : thrown != null ? WorkerState.FAILED : WorkerState.FINISHED;
        String returnValue = isFinished && thrown == null && exercise.method().getReturnType() != void.class
                ? ValueRenderer.render(returned)
                : null;
        String error = isFinished && thrown != null ? StackTraces.of(thrown, exercise.method()) : null;
        return WorkerResult.ofThread(
                thread.getName(),
                index,
                millis(start),
                millis(end),
                nanosToMillis(bodyStart - start),
                nanosToMillis(bodyEnd - bodyStart),
                state,
                returnValue,
                error);
    }

    private double millis(long nanos) {
        return nanosToMillis(nanos - roundStart);
    }

    static double nanosToMillis(long nanos) {
        return Math.max(0, nanos) / 1_000_000.0;
    }
}
