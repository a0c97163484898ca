package org.concurrencyharness.internal.race;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A task handed to another thread: the submitter's clock when it handed it over, acquired when
 * the task starts; the task's end is released for those who wait for tasks.
 */
final class TaskHandOff {

    private final VectorClock submitted;
    private final boolean afterEarlierTasks;
    /** What the task's end is released into for those who wait for it: null for every task's (the round's). */
    private final Object done;

    private TaskHandOff(VectorClock submitted, boolean afterEarlierTasks, Object done) {
        this.submitted = submitted;
        this.afterEarlierTasks = afterEarlierTasks;
        this.done = done;
    }

    /** Taken in the submitting thread. */
    static TaskHandOff capture(boolean afterEarlierTasks) {
        return capture(afterEarlierTasks, null);
    }

    /** A task whose end only those who wait for {@code done} wait for (a stream's pipeline). */
    static TaskHandOff capture(boolean afterEarlierTasks, Object done) {
        VectorClock submitted;
        try {
            submitted = Detector.snapshot();
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            submitted = null;
        }
        return new TaskHandOff(submitted, afterEarlierTasks, done);
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
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    private void end() {
        try {
            if (done == null) {
                Detector.taskEnd();
            } else {
                Detector.release(done);
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }
}
