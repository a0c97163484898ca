package racecorpus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.concurrencyharness.Concurrent;
import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.Shared;
import org.concurrencyharness.SharedLock;
import org.concurrencyharness.SharedMap;

/**
 * Read then write of one key or variable through thread-safe calls: lost updates when another write can come in
 * between, none when the update is one atomic call or a lock every writer takes covers the read and the write.
 */
public class Updates {

    @LosesUpdates(field = "racecorpus.Updates$MapGetThenPut.counts")
    public static class MapGetThenPut {
        private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

        @Concurrent(threads = 4)
        public void run() {
            counts.putIfAbsent("n", 0);
            // long enough that the threads overlap even when a fresh JVM's compiler threads hold the cores at first
            for (int i = 0; i < 20_000; i++) {
                Integer seen = counts.get("n"); // race
                counts.put("n", seen + 1); // race
            }
        }
    }

    @LosesUpdates(field = "racecorpus.Updates$MapBehindTheInterface.counts")
    public static class MapBehindTheInterface {
        private final Map<String, Integer> counts = new ConcurrentHashMap<>();

        @Concurrent(threads = 4)
        public void run() {
            // long enough that the threads overlap even when a fresh JVM's compiler threads hold the cores at first
            for (int i = 0; i < 20_000; i++) {
                int seen = counts.getOrDefault("n", 0); // race
                counts.put("n", seen + 1); // race
            }
        }
    }

    @LosesUpdates(field = "racecorpus.Updates$CheckThenPut.cache")
    public static class CheckThenPut {
        private final ConcurrentMap<Integer, String> cache = new ConcurrentHashMap<>();

        @Concurrent(threads = 4)
        public void run() {
            for (int key = 0; key < 10_000; key++) {
                // a cache filled by check-then-act: the threads that find a key missing at once all render it, and
                // the last put wins; those that skip the keys already there catch up with the one rendering them,
                // if it has not rendered them all within the time the scheduler gave it
                if (!cache.containsKey(key)) { // race
                    cache.put(key, render(key)); // race
                }
            }
        }

        /** Long enough that the threads behind the first catch up with it, even where its builder costs nothing. */
        private static String render(int key) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                text.append(key * i % 7);
            }
            return text.toString();
        }
    }

    @LosesUpdates(field = "racecorpus.Updates$AtomicGetThenSet.count")
    public static class AtomicGetThenSet {
        private final AtomicInteger count = new AtomicInteger();

        @Concurrent(threads = 4)
        public void run() {
            // long enough that the threads overlap even when a fresh JVM's compiler threads hold the cores at first
            for (int i = 0; i < 20_000; i++) {
                count.set(count.get() + 1); // race
            }
        }
    }

    @LosesUpdates(field = "racecorpus.Updates$ReferenceGetThenSet.last")
    public static class ReferenceGetThenSet {
        private final AtomicReference<String> last = new AtomicReference<>("");

        @Concurrent(threads = 4)
        public void run(int index) {
            // long enough that the threads overlap even when a fresh JVM's compiler threads hold the cores at first
            for (int i = 0; i < 20_000; i++) {
                String seen = last.get(); // race
                last.set(seen.length() > 8 ? "" + index : seen + index); // race
            }
        }
    }

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

    @LosesUpdates(field = "racecorpus.Updates$MapInsideAChild.counts")
    public static class MapInsideAChild {
        private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

        @ForkProcesses(2)
        @Concurrent(threads = 2)
        public void run(int index) {
            // each child has its own map: its two threads lose updates of it, and the child tells the parent
            for (int i = 0; i < 20_000; i++) {
                int seen = counts.getOrDefault("n", 0); // race
                counts.put("n", seen + 1); // race
            }
        }
    }

    @RaceFree("merge updates the key in one atomic call")
    public static class MapMerge {
        private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

        @Concurrent(threads = 4)
        public void run() {
            for (int i = 0; i < 5000; i++) {
                counts.merge("n", 1, Integer::sum);
                counts.get("n");
            }
        }
    }

    @RaceFree("compare-and-set retries a read that another write made stale")
    public static class AtomicCompareAndSet {
        private final AtomicInteger count = new AtomicInteger();

        @Concurrent(threads = 4)
        public void run() {
            for (int i = 0; i < 5000; i++) {
                int seen;
                do {
                    seen = count.get();
                } while (!count.compareAndSet(seen, seen + 1));
            }
        }
    }

    @RaceFree("a lock every writer takes covers the read and the write")
    public static class LockedGetThenPut {
        private final ReentrantLock lock = new ReentrantLock();
        private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
        private final AtomicInteger total = new AtomicInteger();

        @Concurrent(threads = 4)
        public void run() {
            for (int i = 0; i < 5000; i++) {
                lock.lock();
                try {
                    counts.put("n", counts.getOrDefault("n", 0) + 1);
                    total.set(total.get() + 1);
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    @RaceFree("each thread reads and writes a key of its own")
    public static class KeyPerThread {
        private final ConcurrentHashMap<Integer, Integer> counts = new ConcurrentHashMap<>();

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 5000; i++) {
                counts.put(index, counts.getOrDefault(index, 0) + 1);
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
