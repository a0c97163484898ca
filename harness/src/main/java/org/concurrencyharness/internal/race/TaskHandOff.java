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

    private TaskHandOff(VectorClock submitted, boolean afterEarlierTasks) {
        this.submitted = submitted;
        this.afterEarlierTasks = afterEarlierTasks;
    }

    /** Taken in the submitting thread. */
    static TaskHandOff capture(boolean afterEarlierTasks) {
        VectorClock submitted;
        try {
            submitted = Detector.snapshot();
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            submitted = null;
        }
        return new TaskHandOff(submitted, afterEarlierTasks);
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

    private static void end() {
        try {
            Detector.taskEnd();
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }
}
