package it;

import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.Semaphore;

public class Pool {

    @ForkProcesses(6)
    @Semaphore(2)
    public int cube(int task) throws InterruptedException {
        Thread.sleep(100);
        return task * task * task;
    }
}
