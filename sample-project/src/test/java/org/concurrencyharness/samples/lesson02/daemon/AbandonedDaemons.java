package org.concurrencyharness.samples.lesson02.daemon;

import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencyharness.Concurrent;
import org.concurrencyharness.Daemon;

/** 50 daemon threads sleep 2 s, but the main flow ends at once: nobody waits for daemons. */
public class AbandonedDaemons {

    private final AtomicInteger woke = new AtomicInteger();

    @Concurrent(threads = 50)
    @Daemon
    public void sleepThenCount() throws InterruptedException {
        Thread.sleep(2_000);
        woke.incrementAndGet();
    }
}
