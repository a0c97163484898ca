package org.concurrencyharness.internal.execution;

import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.concurrencyharness.internal.race.RaceDetection;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.RoundResult;
import org.concurrencyharness.internal.result.WorkerResult;
import org.concurrencyharness.internal.result.WorkerState;

/**
 * Runs one round of an exercise in real platform threads: all started, held at a start gate,
 * released together, then joined (or, for daemons, abandoned). Watches for deadlocks and for the
 * round's timeout while it waits.
 */
public final class ThreadRoundRunner {

    private static final long POLL_MILLIS = 100;

    public RoundRun run(ExerciseDefinition exercise, int round, Object instance, int indexOffset) {
        var conditions = exercise.conditions();
        int count = conditions.threads();
        long roundStart = System.nanoTime();
        long deadline = roundStart + TimeUnit.MILLISECONDS.toNanos(conditions.timeoutMillis());
        RaceDetection.beginExercise(exercise.displayName() + "#" + round);

        RoundGate gate = new RoundGate(count);
        CountDownLatch done = new CountDownLatch(count);
        java.util.concurrent.Semaphore semaphore =
                conditions.permits() > 0 ? new java.util.concurrent.Semaphore(conditions.permits(), true) : null;
        Object semaphoreSyncPoint = RaceDetection.newPermits(conditions.permits());
        List<Worker> workers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            workers.add(new Worker(
                    exercise, instance, indexOffset + i, gate, semaphore, semaphoreSyncPoint, done, roundStart));
        }
        DeadlockWatch deadlocks = new DeadlockWatch(workers.get(0).thread.getId());
        List<String> errors = new ArrayList<>();
        WorkerState unfinishedState = WorkerState.ABANDONED;
        try {
            for (Worker worker : workers) {
                worker.thread.start();
            }
            if (!gate.awaitAll(remainingMillis(deadline))) {
                errors.add("Timed out after " + conditions.timeoutMillis() + " ms before all " + count
                        + " threads had started; raise @Concurrent(timeoutMillis) or use fewer threads");
            }
            gate.open();
            if (!conditions.daemon()) {
                unfinishedState = awaitWorkers(exercise, workers, done, deadline, deadlocks, errors);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add("The round was interrupted");
        }
        long roundEnd = System.nanoTime();
        Map<String, String> sharedState = SharedStateRenderer.render(exercise.type(), instance);
        List<Race> races = RaceDetection.endExercise();
        List<LostUpdate> lostUpdates = RaceDetection.drainLostUpdates();

        List<WorkerResult> results = new ArrayList<>(count);
        int finished = 0;
        for (Worker worker : workers) {
            WorkerResult result = worker.result(unfinishedState, roundEnd);
            results.add(result);
            if (worker.isFinished()) {
                finished++;
                if (result.error() != null) {
                    errors.add(worker.thread.getName() + " threw " + result.error());
                }
            }
        }
        if (!conditions.daemon() && finished < count) {
            workers.stream().filter(w -> !w.isFinished()).forEach(w -> w.thread.interrupt());
        }
        RoundResult result = new RoundResult(
                round,
                Worker.nanosToMillis(roundEnd - roundStart),
                maxConcurrency(workers, roundEnd),
                finished,
                results,
                sharedState,
                errors);
        return new RoundRun(result, races, lostUpdates);
    }

    /** Waits for every thread, watching for deadlocks and the deadline; says what to call the threads left. */
    private WorkerState awaitWorkers(
            ExerciseDefinition exercise,
            List<Worker> workers,
            CountDownLatch done,
            long deadline,
            DeadlockWatch deadlocks,
            List<String> errors)
            throws InterruptedException {
        while (!done.await(Math.min(POLL_MILLIS, Math.max(1, remainingMillis(deadline))), TimeUnit.MILLISECONDS)) {
            List<ThreadInfo> deadlock = deadlocks.newDeadlock();
            if (!deadlock.isEmpty()) {
                errors.add(describeDeadlock(deadlock, exercise));
                return WorkerState.DEADLOCKED;
            }
            if (System.nanoTime() - deadline >= 0) {
                errors.add(describeTimeout(exercise, workers));
                return WorkerState.TIMED_OUT;
            }
        }
        for (Worker worker : workers) {
            worker.thread.join();
            RaceDetection.acquireFrom(worker.endSyncPoint);
        }
        return WorkerState.FINISHED;
    }

    private static String describeDeadlock(List<ThreadInfo> deadlock, ExerciseDefinition exercise) {
        StringBuilder out = new StringBuilder("Deadlock: ");
        out.append(deadlock.size()).append(" threads each wait for a lock another holds (");
        out.append(String.join(
                ", ", deadlock.stream().map(ThreadInfo::getThreadName).toList()));
        out.append("); take the locks in one global order, or use tryLock with a timeout.");
        for (ThreadInfo info : deadlock) {
            out.append("\n\n").append(StackTraces.of(info, exercise.method()));
        }
        return out.toString();
    }

    private static String describeTimeout(ExerciseDefinition exercise, List<Worker> workers) {
        List<Worker> running = workers.stream().filter(w -> !w.isFinished()).toList();
        StringBuilder out = new StringBuilder("Timed out after ")
                .append(exercise.conditions().timeoutMillis())
                .append(" ms: ")
                .append(running.size())
                .append(" of ")
                .append(workers.size())
                .append(" threads still running; if the work really takes longer, raise @Concurrent(timeoutMillis).");
        for (Worker worker : running) {
            out.append("\n\n").append(StackTraces.of(worker.thread, exercise.method()));
        }
        return out.toString();
    }

    /** The most threads inside the body at once. */
    static int maxConcurrency(List<Worker> workers, long now) {
        Intervals intervals = new Intervals();
        for (Worker worker : workers) {
            if (worker.bodyStart() != 0) {
                intervals.add(worker.bodyStart(), worker.bodyEnd(now));
            }
        }
        return intervals.maxOverlap();
    }

    private static long remainingMillis(long deadline) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
