package org.concurrencyharness.samples.lesson01.threads;

import org.concurrencyharness.Concurrent;

/** 50 threads each sleep 2 s, all at once: the whole batch takes about 2 s, not 100 s. */
public class FiftySleepers {

    @Concurrent(threads = 50)
    public void sleepTwoSeconds() throws InterruptedException {
        Thread.sleep(2_000);
    }
}
