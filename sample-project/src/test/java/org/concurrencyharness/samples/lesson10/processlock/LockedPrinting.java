package org.concurrencyharness.samples.lesson10.processlock;

import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.Shared;
import org.concurrencyharness.SharedLock;

/** A lock shared by processes keeps their printing whole: one process at a time writes its lines. */
public class LockedPrinting {

    @ForkProcesses(10)
    public void print(int index) throws InterruptedException {
        SharedLock lock = Shared.lock("print");
        lock.lock();
        try {
            Shared.list("lines").add("process " + index + " begins");
            Thread.sleep(100); // its work, between its two lines
            Shared.list("lines").add("process " + index + " ends");
        } finally {
            lock.unlock();
        }
    }
}
