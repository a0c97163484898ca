package it;

import org.concurrencyharness.Concurrent;
import org.concurrencyharness.ForkProcesses;

public class Sleepers {

    /** Far longer than the test waits: only the end of Maven can end these JVMs in time. */
    @ForkProcesses(4)
    @Concurrent(timeoutMillis = 600_000)
    public void sleep(int index) throws InterruptedException {
        Thread.sleep(600_000);
    }
}
