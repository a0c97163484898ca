package it;

import org.concurrencyharness.Concurrent;
import org.concurrencyharness.Semaphore;

public class BoundedPool {

    @Concurrent(threads = 6)
    @Semaphore(2)
    public void work() throws InterruptedException {
        Thread.sleep(150);
    }
}
