package org.concurrencyharness.internal.race;

import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.locks.StampedLock;

/**
 * The happens-before contracts of calls that synchronise, as the package documentation of
 * {@code java.util.concurrent} states them (which calls these are is the agent's
 * {@code CallContracts}; SyncCalls applies what they mean to the clocks):
 *
 * <ul>
 *   <li>handing a task to an executor ({@code execute}, {@code submit}) orders the submitter's past
 *       before the task (see TaskHandOff), and nothing after it: the submitter acquires nothing;</li>
 *   <li>a call that waits for tasks ({@code get}, {@code join}, {@code invoke}, {@code invokeAll},
 *       {@code awaitTermination}, ...) also sees what every finished task did;</li>
 *   <li>a call on a fork-join task (a {@code fork}, a completer's {@code tryComplete}) counts as
 *       the end of a task for those who wait for tasks;</li>
 *   <li>awaiting a {@code Condition} releases and reacquires its lock; the read half of a
 *       read-write lock orders its readers after writers but not after each other;</li>
 *   <li>{@code StampedLock.tryOptimisticRead} orders nothing, by the lock's contract: it starts
 *       reads that are ordered only if {@code validate} says they held, and are plain reads if
 *       the program never asks.</li>
 * </ul>
 */
final class SyncContracts {

    /** The calls after which a thread has waited for tasks to finish. */
    private static final Set<String> WAITS_FOR_TASKS = Set.of(
            "get",
            "join",
            "getNow",
            "resultNow",
            "invoke",
            "invokeAll",
            "invokeAny",
            "awaitTermination",
            "close",
            "isDone",
            "quietlyJoin",
            "quietlyInvoke",
            "awaitQuiescence",
            "helpQuiesce",
            "getRawResult",
            "isCompletedNormally");

    /** The calls that hand a task to an executor, which wait for nothing. */
    private static final Set<String> SUBMITS =
            Set.of("execute", "submit", "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay");

    /** A {@code StampedLock}'s calls that only read its state, for an optimistic read. */
    private static final Set<String> OPTIMISTIC = Set.of("tryOptimisticRead", "validate");

    /** A {@code ReentrantLock}'s call that lets it go. */
    static final String UNLOCK = "unlock";
    /** A {@code ReentrantLock}'s calls that take it. */
    private static final Set<String> TAKES_LOCK = Set.of("lock", "lockInterruptibly", "tryLock");
    /** Its calls that look only at what the calling thread holds, which no schedule changes. */
    private static final Set<String> OWN_HOLDS = Set.of("isHeldByCurrentThread", "getHoldCount", "newCondition");

    private SyncContracts() {}

    /** A call that hands a task to an executor: the submitter acquires nothing from it. */
    static boolean submitsOnly(Object receiver, String method) {
        return receiver instanceof Executor && SUBMITS.contains(method);
    }

    /**
     * A future's {@code get}, an executor's {@code invokeAll} or {@code awaitTermination}: not a
     * map's {@code get}. A fork-join task's own {@code join}, {@code invoke} or {@code invokeAll}
     * sees what it and its subtasks did through the task itself (see Hooks#postTasksJoined), except a
     * completer's, whose subtasks complete it from their own threads.
     */
    static boolean waitsForTasks(Object receiver, String method) {
        if (method == null || !WAITS_FOR_TASKS.contains(method) || receiver == null) {
            return false;
        }
        if (receiver instanceof ForkJoinTask<?>) {
            return completesOthers(receiver);
        }
        return receiver instanceof Future<?>
                || receiver instanceof ExecutorService
                || receiver instanceof CompletionService<?>
                || receiver instanceof CompletionStage<?>;
    }

    /** A completer: its subtasks complete it, and each other, from their own threads, as they end. */
    static boolean completesOthers(Object task) {
        return task instanceof CountedCompleter<?>;
    }

    /** Whether a synchronising call ends the optimistic reads the program did not validate: all but validate. */
    static boolean endsOptimisticReads(String method) {
        return !"validate".equals(method);
    }

    /** An optimistic read's call of a {@code StampedLock}, which only reads the lock's state. */
    static boolean readsLockStateOnly(Object receiver, String method) {
        return receiver instanceof StampedLock && OPTIMISTIC.contains(method);
    }

    /** {@code StampedLock.tryOptimisticRead}, whose stamp orders nothing until validated. */
    static boolean startsOptimisticRead(Object receiver, String method) {
        return receiver instanceof StampedLock && "tryOptimisticRead".equals(method);
    }

    /** A {@code ReentrantLock}'s call that takes it, if it can. */
    static boolean takesLock(String method) {
        return TAKES_LOCK.contains(method);
    }

    /** A {@code ReentrantLock}'s call that looks only at what the calling thread holds. */
    static boolean looksAtOwnHolds(String method) {
        return OWN_HOLDS.contains(method);
    }
}
