package org.concurrencyharness.internal.race;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A task handed to another thread: the submitter's clock when it handed it over, acquired when
 * the task starts; the task's end is released for those who wait for tasks. A runnable, callable
 * or supplier that an executor runs again ({@code scheduleAtFixedRate}, {@code
 * scheduleWithFixedDelay}) starts each run after the one before ended, as the executor orders
 * them: a periodic task keeps its own state between runs. Functions are not: a stream or a
 * concurrent map's bulk operation calls one from several threads at once.
 */
final class TaskHandOff {

    private final VectorClock submitted;
    private final boolean afterEarlierTasks;
    /** What the task's end is released into for those who wait for it: null for every task's (the round's). */
    private final Object done;
    /** Whether its runs are one after another, each after the last: a runnable's, a callable's, a supplier's. */
    private final boolean runsInTurn;
    /** The clock at the end of the task's last run, if it ran yet; guarded by this. */
    private VectorClock lastRun;

    private TaskHandOff(VectorClock submitted, boolean afterEarlierTasks, Object done, boolean runsInTurn) {
        this.submitted = submitted;
        this.afterEarlierTasks = afterEarlierTasks;
        this.done = done;
        this.runsInTurn = runsInTurn;
    }

    /** A runnable, callable or supplier handed to an executor; taken in the submitting thread. */
    static TaskHandOff ofTask() {
        return capture(false, null, true);
    }

    /** A function that runs once the stage before it completed, and so after the tasks that finished. */
    static TaskHandOff ofStage() {
        return capture(true, null, false);
    }

    /** A function whose end only those who wait for {@code done} wait for (a stream's pipeline). */
    static TaskHandOff ofFunction(Object done) {
        return capture(false, done, false);
    }

    private static TaskHandOff capture(boolean afterEarlierTasks, Object done, boolean runsInTurn) {
        VectorClock submitted;
        try {
            submitted = Detector.snapshot();
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            submitted = null;
        }
        return new TaskHandOff(submitted, afterEarlierTasks, done, runsInTurn);
    }

    <V> V run(Supplier<V> body) {
        start();
        try {
            return body.get();
        } finally {
            end();
        }
    }

    <V> V call(Callable<V> body) throws Exception {
        start();
        try {
            return body.call();
        } finally {
            end();
        }
    }

    private void start() {
        try {
            if (submitted != null) {
                Detector.taskStart(submitted);
            }
            if (afterEarlierTasks) {
                Detector.acquireTasksDone();
            }
            VectorClock previous = lastRun();
            if (previous != null) {
                Detector.taskStart(previous);
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    private void end() {
        try {
            if (runsInTurn) {
                ranLast(Detector.snapshot());
            }
            if (done == null) {
                Detector.taskEnd();
            } else {
                Detector.release(done);
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    private synchronized VectorClock lastRun() {
        return lastRun;
    }

    private synchronized void ranLast(VectorClock end) {
        lastRun = end;
    }
}
