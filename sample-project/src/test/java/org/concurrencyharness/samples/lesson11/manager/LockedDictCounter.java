package org.concurrencyharness.samples.lesson11.manager;

import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.Shared;
import org.concurrencyharness.SharedLock;
import org.concurrencyharness.SharedMap;

/** {@link UnlockedDictCounter} with a process lock around the read and the put: no put can come between them. */
public class LockedDictCounter {

    @ForkProcesses(10)
    public void addOneHundredTimes() throws InterruptedException {
        SharedMap d = Shared.map("d");
        SharedLock lock = Shared.lock("d");
        for (int i = 0; i < 100; i++) {
            lock.lock();
            try {
                d.put("count", d.getLong("count") + 1);
            } finally {
                lock.unlock();
            }
        }
    }
}
