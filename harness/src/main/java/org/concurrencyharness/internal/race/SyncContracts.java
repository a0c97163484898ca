package org.concurrencyharness.internal.race;

import java.util.Set;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.locks.StampedLock;

/**
 * The happens-before contracts of calls that synchronise, at run time, as the package
 * documentation of {@code java.util.concurrent} states them (which calls these are is the agent's
 * {@code CallContracts}): a call releases what its thread did into the object it synchronises
 * through, and acquires what others released into it. On top of that:
 *
 * <ul>
 *   <li>a call that waits for tasks ({@code get}, {@code join}, {@code invoke}, {@code invokeAll},
 *       {@code awaitTermination}, ...) also sees what every finished task did;</li>
 *   <li>a call on a fork-join task (a {@code fork}, a completer's {@code tryComplete}) counts as
 *       the end of a task for those who wait for tasks;</li>
 *   <li>awaiting a {@code Condition} releases and reacquires its lock; the read half of a
 *       read-write lock orders its readers after writers but not after each other;</li>
 *   <li>{@code StampedLock.tryOptimisticRead} starts reads that count only if {@code validate}
 *       says they held;</li>
 *   <li>code the call makes the JDK run inside it (a key's {@code equals}, a map's
 *       {@code compute} function) sees what the call synchronised with.</li>
 * </ul>
 */
final class SyncContracts {

    /** The calls after which a thread has waited for tasks to finish. */
    private static final Set<String> WAITS_FOR_TASKS = Set.of("get", "join", "getNow", "resultNow", "invoke",
            "invokeAll", "invokeAny", "awaitTermination", "close", "isDone", "quietlyJoin", "quietlyInvoke",
            "awaitQuiescence", "helpQuiesce", "getRawResult", "isCompletedNormally");

    private SyncContracts() {
    }

    /** Before the call; {@code method} is null for a call through a collection interface. */
    static void before(Object receiver, String method) {
        if (method != null && Detector.isReadWriteHalf(receiver)) {
            Detector.beforeReadWriteCall(receiver, method);
            return;
        }
        if (!"validate".equals(method)) {
            // any other synchronisation ends optimistic reads the program did not validate
            Detector.stopSpeculating(false);
        }
        Detector.release(receiver);
        Object lock = Detector.lockOf(receiver);
        if (lock != null) {
            // awaiting a condition releases its lock
            Detector.release(lock);
        }
        if (receiver instanceof ForkJoinTask<?>) {
            Detector.taskEnd();
        }
        Detector.enterSync(receiver);
    }

    /** After the call returned; {@code receiver} is null for a static call. */
    static void after(Object receiver, String method) {
        if (receiver != null && method != null && Detector.isReadWriteHalf(receiver)) {
            Detector.afterReadWriteCall(receiver, method);
        } else if (receiver != null) {
            Detector.leaveSync(receiver);
            Detector.acquire(receiver);
            Object lock = Detector.lockOf(receiver);
            if (lock != null) {
                Detector.acquire(lock);
            }
        }
        if (method != null && WAITS_FOR_TASKS.contains(method)) {
            Detector.acquireTasksDone();
        }
        if (receiver instanceof StampedLock && "tryOptimisticRead".equals(method)) {
            Detector.startSpeculating();
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

    /** ... and ends before the calls back after it. */
    static void callbackEnd(Object map) {
        try {
            Detector.release(map);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }
}
