package org.concurrencyharness.samples.lesson03.lock;

import java.util.concurrent.locks.ReentrantLock;
import org.concurrencyharness.Concurrent;

/** The same {@code num += 1} under a lock: exactly 50,000, and no race. */
public class LockedCounter {

    private final ReentrantLock lock = new ReentrantLock();
    private int num;

    @Concurrent(threads = 50)
    public void addOneThousandTimes() {
        for (int i = 0; i < 1_000; i++) {
            lock.lock();
            try {
                num += 1;
            } finally {
                lock.unlock();
            }
        }
    }
}
