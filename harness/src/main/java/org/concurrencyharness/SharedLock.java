package org.concurrencyharness;

/**
 * A lock hosted by the harness in the parent JVM and held by at most one process (and thread)
 * at a time, as a process lock is. Not reentrant.
 */
public interface SharedLock {

    /** Waits until the lock is free, then holds it. */
    void lock() throws InterruptedException;

    /** Frees the lock; only its holder may. */
    void unlock();
}
