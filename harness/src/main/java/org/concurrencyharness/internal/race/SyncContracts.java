package org.concurrencyharness.internal.race;

import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/**
 * The happens-before contracts of calls that synchronise, at run time, as the package
 * documentation of {@code java.util.concurrent} states them (which calls these are is the agent's
 * {@code CallContracts}): a call releases what its thread did into the object it synchronises
 * through, and acquires what others released into it. On top of that:
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
 *       the program never asks;</li>
 *   <li>code the call makes the JDK run inside it (a key's {@code equals}, a map's
 *       {@code compute} function) sees what the call synchronised with.</li>
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

    private SyncContracts() {}

    /** Before the call; {@code method} is null for a call through a collection interface. */
    static void before(Object receiver, String method) {
        if (method != null && Detector.isReadWriteHalf(receiver)) {
            Detector.beforeReadWriteCall(receiver, method);
            return;
        }
        if (!"validate".equals(method)) {
            // any other synchronisation ends optimistic reads the program did not validate: they were plain reads
            Detector.stopSpeculating(null);
        }
        if (receiver instanceof StampedLock && OPTIMISTIC.contains(method)) {
            // an optimistic read only reads the lock's state: it releases nothing into the lock, else a
            // writer locking it later would be ordered after the reads it may race with; a schedule keeps its
            // place among the lock's other calls, so that validate says what it said
            Detector.enterSync(receiver);
            Detector.record(receiver, TraceEvents.ACQUIRE);
            return;
        }
        Detector.release(receiver, lockEventBefore(receiver, method));
        Object lock = Detector.lockOf(receiver);
        if (lock != null) {
            // awaiting a condition releases its lock
            Detector.release(lock);
        }
        if (completesOthers(receiver)) {
            Detector.taskEnd();
        }
        Detector.enterSync(receiver);
    }

    /** After the call returned; {@code receiver} is null for a static call. */
    static void after(Object receiver, String method) {
        if (receiver instanceof StampedLock && "tryOptimisticRead".equals(method)) {
            // by the lock's contract what an optimistic read sees is worth nothing until validated:
            // the stamp orders nothing, validate does
            Detector.leaveSync(receiver);
            Detector.startSpeculating();
            return;
        }
        if (receiver != null && method != null && Detector.isReadWriteHalf(receiver)) {
            Detector.afterReadWriteCall(receiver, method);
        } else if (receiver instanceof Executor && SUBMITS.contains(method)) {
            // handing a task over orders the submitter before the task, not after other submitters
            Detector.leaveSync(receiver);
        } else if (receiver != null) {
            Detector.leaveSync(receiver);
            Detector.acquire(receiver, lockEventAfter(receiver, method));
            Object lock = Detector.lockOf(receiver);
            if (lock != null) {
                Detector.acquire(lock);
            }
        }
        if (waitsForTasks(receiver, method)) {
            Detector.acquireTasksDone();
        }
    }

    /** A {@code ReentrantLock}'s calls that take it. */
    private static final Set<String> LOCKS = Set.of("lock", "lockInterruptibly", "tryLock");
    /** Its calls that look only at what the calling thread holds, which no schedule changes. */
    private static final Set<String> OWN_HOLDS = Set.of("isHeldByCurrentThread", "getHoldCount", "newCondition");

    /**
     * How a trace records the release before a call (see TraceEvents): a lock's {@code unlock}
     * lets it go; its {@code lock} and its calls about the caller's own holds record nothing, so
     * that a schedule may run its critical sections in another order. Any other call on a lock
     * (a failed {@code tryLock}, {@code isLocked}) is kept in the run's order, and with it the lock.
     */
    private static byte lockEventBefore(Object receiver, String method) {
        if (!TraceEvents.ON || !(receiver instanceof ReentrantLock) || method == null) {
            return TraceEvents.releaseOf(receiver);
        }
        if (method.equals("unlock")) {
            return TraceEvents.UNLOCK;
        }
        return LOCKS.contains(method) || OWN_HOLDS.contains(method) ? TraceEvents.NONE : TraceEvents.RELEASE;
    }

    private static byte lockEventAfter(Object receiver, String method) {
        if (!TraceEvents.ON || !(receiver instanceof ReentrantLock lock) || method == null) {
            return TraceEvents.acquireOf(receiver);
        }
        if (LOCKS.contains(method)) {
            return lock.isHeldByCurrentThread() ? TraceEvents.LOCK : TraceEvents.ACQUIRE;
        }
        return method.equals("unlock") || OWN_HOLDS.contains(method) ? TraceEvents.NONE : TraceEvents.ACQUIRE;
    }

    /**
     * A future's {@code get}, an executor's {@code invokeAll} or {@code awaitTermination}: not a
     * map's {@code get}. A fork-join task's own {@code join}, {@code invoke} or {@code invokeAll}
     * sees what it and its subtasks did through the task itself (see Hooks#postTasksJoined), except a
     * completer's, whose subtasks complete it from their own threads.
     */
    private static boolean waitsForTasks(Object receiver, String method) {
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

    private static final WeakIdentityMap<Object, java.util.concurrent.ConcurrentHashMap<Object, Object>> KEYS =
            new WeakIdentityMap<>();

    /**
     * What the calls back for one key of a concurrent map synchronise through: the key's own, when
     * its equality is the JDK's to decide (a string, a number), so that those of other keys, which
     * the map runs at once, are not ordered; else the map's, which orders them all.
     */
    static Object keyOf(Object map, Object key) {
        try {
            if (key == null || key.getClass().getClassLoader() != null) {
                return map;
            }
            return KEYS.computeIfAbsent(map, m -> new java.util.concurrent.ConcurrentHashMap<>())
                    .computeIfAbsent(key, k -> new Object());
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            return map;
        }
    }

    /** A function a concurrent map calls back under its own lock starts after the calls back before it... */
    static void callbackBegin(Object map) {
        try {
            Detector.acquire(map);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** ... and ends before the calls back after it, and before the map's later calls see what it left there. */
    static void callbackEnd(Object sync, Object map) {
        try {
            Detector.release(sync);
            if (sync != map) {
                Detector.release(map);
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }
}
