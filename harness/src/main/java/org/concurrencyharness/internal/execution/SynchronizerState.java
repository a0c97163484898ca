package org.concurrencyharness.internal.execution;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * A synchroniser or a thread as a person reads it: who holds a lock and how many threads queue
 * for it, a semaphore's permits, a latch's count, a barrier's parties, a thread's name and
 * state. Never the identity hash the JDK prints, so that two runs' reports can be compared.
 */
final class SynchronizerState {

    /** How the JDK prints a lock's owner, the one thing about it that no public method tells. */
    private static final String LOCKED_BY = "[Locked by thread ";

    private SynchronizerState() {}

    /** The state of a lock, condition, semaphore, latch, barrier, phaser or thread; null for any other value. */
    static String describe(Object value) {
        if (value instanceof ReentrantLock lock) {
            return "ReentrantLock[" + (lock.isLocked() ? lockedBy(lock) : "unlocked") + queued(lock.getQueueLength())
                    + "]";
        } else if (value instanceof ReentrantReadWriteLock lock) {
            return "ReentrantReadWriteLock[" + readWriteState(lock) + queued(lock.getQueueLength()) + "]";
        } else if (value instanceof StampedLock lock) {
            return "StampedLock["
                    + (lock.isWriteLocked()
                            ? "write-locked"
                            : lock.isReadLocked() ? "read-locked " + times(lock.getReadLockCount()) : "unlocked")
                    + "]";
        } else if (value instanceof Condition) {
            // how many wait on it may be asked only by the thread that holds its lock
            return "Condition";
        } else if (value instanceof Semaphore semaphore) {
            int permits = semaphore.availablePermits();
            return "Semaphore[" + permits + (permits == 1 ? " permit" : " permits") + queued(semaphore.getQueueLength())
                    + "]";
        } else if (value instanceof CountDownLatch latch) {
            return "CountDownLatch[count " + latch.getCount() + "]";
        } else if (value instanceof CyclicBarrier barrier) {
            return "CyclicBarrier[" + barrier.getParties() + " parties, " + barrier.getNumberWaiting() + " waiting"
                    + (barrier.isBroken() ? ", broken" : "") + "]";
        } else if (value instanceof Phaser phaser) {
            return "Phaser[" + (phaser.isTerminated() ? "terminated" : "phase " + phaser.getPhase()) + ", "
                    + phaser.getRegisteredParties() + " parties, " + phaser.getArrivedParties() + " arrived]";
        } else if (value instanceof Thread thread) {
            return "Thread[" + thread.getName() + ", " + thread.getState() + "]";
        }
        return null;
    }

    private static String readWriteState(ReentrantReadWriteLock lock) {
        if (lock.isWriteLocked()) {
            String owner = owner(lock.writeLock());
            return owner == null ? "write-locked" : "write-locked by " + owner;
        }
        int reads = lock.getReadLockCount();
        return reads == 0 ? "unlocked" : "read-locked " + times(reads);
    }

    private static String lockedBy(Object lock) {
        String owner = owner(lock);
        return owner == null ? "locked" : "locked by " + owner;
    }

    /** The owner's name as the lock's {@code toString} gives it, or null when a subclass prints something else. */
    private static String owner(Object lock) {
        String text = lock.toString();
        int at = text.indexOf(LOCKED_BY);
        return at < 0 || !text.endsWith("]") ? null : text.substring(at + LOCKED_BY.length(), text.length() - 1);
    }

    private static String queued(int threads) {
        return threads == 0 ? "" : ", " + threads + " queued";
    }

    private static String times(int count) {
        return count == 1 ? "once" : count + " times";
    }
}
