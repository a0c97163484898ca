package org.concurrencyharness.internal.race;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The clocks around a call that synchronises, at run time, as SyncContracts says what it means: a
 * call releases what its thread did into the object it synchronises through, and acquires what
 * others released into it; a call that hands a task over acquires nothing, one that waits for tasks
 * also sees what every finished task did, and code the call makes the JDK run inside it (a key's
 * {@code equals}, a map's {@code compute} function) sees what the call synchronised with.
 */
final class SyncCalls {

    private SyncCalls() {}

    /** Before the call; {@code method} is null for a call through a collection interface. */
    static void before(Object receiver, String method) {
        if (SyncContracts.IS_INTERRUPTED.equals(method) || SyncContracts.INTERRUPT.equals(method)) {
            // asking acquires only, after the call; an interrupt releases into the thread it interrupts
            if (SyncContracts.INTERRUPT.equals(method) && receiver instanceof Thread) {
                Detector.release(receiver);
            }
            return;
        }
        if (method != null && Detector.isReadWriteHalf(receiver)) {
            Detector.beforeReadWriteCall(receiver, method);
            return;
        }
        if (SyncContracts.endsOptimisticReads(method)) {
            // any other synchronisation ends optimistic reads the program did not validate: they were plain reads
            Detector.stopSpeculating(null);
        }
        if (SyncContracts.readsLockStateOnly(receiver, method)) {
            // an optimistic read only reads the lock's state: it releases nothing into the lock, else a
            // writer locking it later would be ordered after the reads it may race with; a schedule keeps its
            // place among the lock's other calls, so that validate says what it said
            Detector.enterSync(receiver);
            Detector.record(receiver, TraceEvents.ACQUIRE);
            return;
        }
        if (SyncContracts.onlyReads(receiver, method)
                || method != null && SyncContracts.onlyReads(method) && ConcurrentViews.isView(receiver)) {
            // a volatile read releases nothing; what the call runs inside it still sees what it synchronised with
            Detector.enterSync(receiver);
            return;
        }
        Detector.release(receiver, lockEventBefore(receiver, method));
        Object lock = Detector.lockOf(receiver);
        if (lock != null) {
            // awaiting a condition releases its lock
            Detector.release(lock);
        }
        if (SyncContracts.completesOthers(receiver)) {
            Detector.taskEnd();
        }
        Detector.enterSync(receiver);
    }

    /** After the call returned; {@code receiver} is null for a static call. */
    static void after(Object receiver, String method) {
        if (SyncContracts.INTERRUPT.equals(method)) {
            return;
        }
        if (SyncContracts.IS_INTERRUPTED.equals(method) || SyncContracts.INTERRUPTED.equals(method)) {
            Object thread = receiver == null ? Thread.currentThread() : receiver;
            if (thread instanceof Thread) {
                Detector.acquire(thread);
            }
            return;
        }
        if (SyncContracts.startsOptimisticRead(receiver, method)) {
            // by the lock's contract what an optimistic read sees is worth nothing until validated:
            // the stamp orders nothing, validate does
            Detector.leaveSync(receiver);
            Detector.startSpeculating();
            return;
        }
        if (receiver != null && method != null && Detector.isReadWriteHalf(receiver)) {
            Detector.afterReadWriteCall(receiver, method);
        } else if (SyncContracts.submitsOnly(receiver, method)) {
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
        if (SyncContracts.waitsForTasks(receiver, method)) {
            Detector.acquireTasksDone();
        }
    }

    /**
     * How a trace records the release before a call (see TraceEvents): a lock's {@code unlock}
     * lets it go; its {@code lock} and its calls about the caller's own holds record nothing, so
     * that a schedule may run its critical sections in another order. Any other call on a lock
     * (a failed {@code tryLock}, {@code isLocked}) is kept in the run's order, and with it the lock.
     */
    private static byte lockEventBefore(Object receiver, String method) {
        if (!TraceEvents.ON || !(receiver instanceof ReentrantLock) || method == null) {
            return TraceEvents.RELEASE;
        }
        if (method.equals(SyncContracts.UNLOCK)) {
            return TraceEvents.UNLOCK;
        }
        return SyncContracts.takesLock(method) || SyncContracts.looksAtOwnHolds(method)
                ? TraceEvents.NONE
                : TraceEvents.RELEASE;
    }

    private static byte lockEventAfter(Object receiver, String method) {
        if (!TraceEvents.ON || !(receiver instanceof ReentrantLock lock) || method == null) {
            return TraceEvents.ACQUIRE;
        }
        if (SyncContracts.takesLock(method)) {
            return lock.isHeldByCurrentThread() ? TraceEvents.LOCK : TraceEvents.ACQUIRE;
        }
        return method.equals(SyncContracts.UNLOCK) || SyncContracts.looksAtOwnHolds(method)
                ? TraceEvents.NONE
                : TraceEvents.ACQUIRE;
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

    /**
     * ... and ends before the calls back after it, and before the map's later calls see what it left there. A
     * publisher's {@code consume} function runs as a task of the publisher's executor: what it did is also seen by
     * whoever waits on the future {@code consume} returned, as for any task.
     */
    static void callbackEnd(Object sync, Object map) {
        try {
            Detector.release(sync);
            if (sync != map) {
                Detector.release(map);
            }
            if (map instanceof java.util.concurrent.SubmissionPublisher<?>) {
                Detector.taskEnd();
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }
}
