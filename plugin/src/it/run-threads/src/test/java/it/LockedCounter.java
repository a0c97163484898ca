package it;

import org.concurrencyharness.Concurrent;

public class LockedCounter {

    private int count;

    @Concurrent(threads = 8, rounds = 2)
    public void increment() {
        for (int i = 0; i < 1000; i++) {
            synchronized (this) {
                count++;
            }
        }
    }
}
