package it;

import org.concurrencyharness.Concurrent;
import org.concurrencyharness.Daemon;

public class Daemons {

    @Concurrent(threads = 5)
    @Daemon
    public static void linger() throws InterruptedException {
        Thread.sleep(5_000);
    }
}
