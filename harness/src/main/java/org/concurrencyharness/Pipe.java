package org.concurrencyharness;

/**
 * One end of a two-way pipe between the parent and one child process. What one end sends, the
 * other receives, in order. Values are plain: strings, numbers, booleans, lists and maps.
 */
public interface Pipe {

    /** Sends a value to the other end. */
    void send(Object value);

    /** Waits for the next value from the other end. */
    Object receive() throws InterruptedException;
}
