package racecorpus;

import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.Shared;
import org.concurrencyharness.SharedLock;
import org.concurrencyharness.SharedMap;

/**
 * Read then write of one key or variable through thread-safe calls: lost updates when another write can come in
 * between, none when the update is one atomic call or a lock every writer takes covers the read and the write.
 */
public class Updates {

    @LosesUpdates(field = "Shared.map(\"counts\")")
    public static class SharedMapAcrossProcesses {

        @ForkProcesses(3)
        public void run() {
            SharedMap counts = Shared.map("counts");
            for (int i = 0; i < 300; i++) {
                counts.put("n", counts.getLong("n") + 1); // race
            }
        }
    }

    @RaceFree("the processes take one SharedLock around their read and write")
    public static class SharedMapUnderTheProcessLock {

        @ForkProcesses(3)
        public void run() throws InterruptedException {
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
}
