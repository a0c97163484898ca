package org.concurrencyharness.samples.lesson09.pool;

import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.Semaphore;

/** A pool of 5 worker processes serves 10 tasks: each worker is reused, and each result comes back as a callback. */
public class PoolWithCallbacks {

    @ForkProcesses(10)
    @Semaphore(5)
    public int square(int task) throws InterruptedException {
        Thread.sleep(300);
        return task * task;
    }
}
