package org.concurrencyharness;

/**
 * A first-in first-out queue hosted by the harness in the parent JVM: the way processes hand
 * values to each other and to the parent. Elements are plain values.
 */
public interface SharedQueue {

    /** Adds a value at the tail. */
    void put(Object value);

    /** Removes the value at the head, waiting for one. */
    Object take() throws InterruptedException;

    /** Removes the value at the head, waiting at most that long; null when none came. */
    Object poll(long timeoutMillis) throws InterruptedException;

    /** How many values wait in the queue. */
    int size();
}
