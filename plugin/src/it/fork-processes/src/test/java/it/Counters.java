package it;

import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.Shared;
import org.concurrencyharness.SharedLock;
import org.concurrencyharness.SharedMap;

public class Counters {

    @ForkProcesses(6)
    public void unlocked() {
        SharedMap counts = Shared.map("counts");
        for (int i = 0; i < 50; i++) {
            counts.put("n", counts.getLong("n") + 1);
        }
    }

    @ForkProcesses(6)
    public void locked() throws InterruptedException {
        SharedMap counts = Shared.map("counts");
        SharedLock lock = Shared.lock("counts");
        for (int i = 0; i < 50; i++) {
            lock.lock();
            try {
                counts.put("n", counts.getLong("n") + 1);
            } finally {
                lock.unlock();
            }
        }
    }
}
