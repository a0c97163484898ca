package org.concurrencyharness.samples.lesson03.lock;

import org.concurrencyharness.Concurrent;

/** Java's built-in lock: a {@code synchronized} block around {@code num += 1} is exact too. */
public class SynchronizedCounter {

    private int num;

    @Concurrent(threads = 50)
    public void addOneThousandTimes() {
        for (int i = 0; i < 1_000; i++) {
            synchronized (this) {
                num += 1;
            }
        }
    }
}
