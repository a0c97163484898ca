package org.concurrencyharness.samples.lesson10.processlock;

import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.Shared;

/**
 * {@link LockedPrinting} without the lock: each process still prints its two lines, but another's lines can come
 * between them. Nothing is lost (each line is added whole, in one call), so there is no race to report: the lock
 * kept each process's lines together, and that is what the shared list shows is gone.
 */
public class UnlockedPrinting {

    @ForkProcesses(10)
    public void print(int index) throws InterruptedException {
        Shared.list("lines").add("process " + index + " begins");
        Thread.sleep(100); // its work, between its two lines
        Shared.list("lines").add("process " + index + " ends");
    }
}
