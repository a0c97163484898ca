package org.concurrencyharness.samples.lesson04.semaphore;

import org.concurrencyharness.Concurrent;
import org.concurrencyharness.Semaphore;

/** A semaphore of 5 over 22 one-second tasks: never more than 5 inside, so about 5 s in all. */
public class BoundedTasks {

    @Concurrent(threads = 22)
    @Semaphore(5)
    public void oneSecondTask() throws InterruptedException {
        Thread.sleep(1_000);
    }
}
