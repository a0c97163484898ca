package it;

import org.concurrencyharness.Concurrent;

public class Sleepers {

    @Concurrent(threads = 10)
    public void sleep(int index) throws InterruptedException {
        Thread.sleep(300);
    }
}
