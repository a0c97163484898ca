package it;

import org.concurrencyharness.Concurrent;

/** A flag written and read under the lock hands the data over: no schedule races. */
public class HandedOver {

    private final Object lock = new Object();
    private int data;
    private boolean ready;

    @Concurrent(threads = 2)
    public void deliver(int index) {
        if (index == 0) {
            data = 42;
            synchronized (lock) {
                ready = true;
            }
        } else {
            boolean seen = false;
            while (!seen) {
                synchronized (lock) {
                    seen = ready;
                }
            }
            System.out.println("read " + data);
        }
    }
}
