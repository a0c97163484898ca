package realcode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Objects handed to the JDK rather than called: a list copied by a constructor, sorted by {@code Collections}, a map
 * merged by {@code putAll}, a builder printed by a string concatenation or {@code String.format}. The JDK reads or
 * writes them whole, inside its own code; shared without a lock they race there. A concurrent collection handed over
 * the same way is a snapshot its javadoc allows, and sees what was put into it.
 */
public class JdkHandedObjects {

    static final class Order {
        final String sku;
        int quantity;

        Order(String sku, int quantity) {
            this.sku = sku;
            this.quantity = quantity;
        }

        @Override
        public String toString() {
            return sku + " x" + quantity;
        }
    }

    @Racy(field = "realcode.JdkHandedObjects$SnapshotCopiedWhileAdding.orders")
    public static class SnapshotCopiedWhileAdding {
        private final List<String> orders = new ArrayList<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 100; i++) {
                if (index == 0) {
                    orders.add("order-" + i); // race
                } else {
                    List<String> snapshot = new ArrayList<>(orders); // race
                    if (snapshot.size() > 1_000) {
                        Thread.onSpinWait();
                    }
                }
            }
        }
    }

    @Racy(field = "realcode.JdkHandedObjects$SortedWhileRead.scores")
    public static class SortedWhileRead {
        private final List<Integer> scores = new ArrayList<>(List.of(40, 10, 30, 20));

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                if (index == 0) {
                    Collections.sort(scores); // race
                } else {
                    int best = scores.get(scores.size() - 1); // race
                    if (best < 0) {
                        Thread.onSpinWait();
                    }
                }
            }
        }
    }

    @Racy(field = "realcode.JdkHandedObjects$MergedWhilePut.stock")
    public static class MergedWhilePut {
        private final Map<String, Integer> stock = new HashMap<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                if (index == 0) {
                    stock.put("sku-" + i, i); // race
                } else {
                    Map<String, Integer> report = new HashMap<>();
                    try {
                        report.putAll(stock); // race
                    } catch (RuntimeException concurrentChange) {
                        // a HashMap changed while it is iterated may throw: one symptom of the race
                    }
                }
            }
        }
    }

    @Racy(field = "realcode.JdkHandedObjects$BuilderPrintedWhileAppended.audit")
    public static class BuilderPrintedWhileAppended {
        private final StringBuilder audit = new StringBuilder();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                if (index == 0) {
                    audit.append("step ").append(i).append('\n'); // race
                } else {
                    String line = "audit so far: " + audit; // race
                    if (line.isEmpty()) {
                        Thread.onSpinWait();
                    }
                }
            }
        }
    }

    @Racy(field = "realcode.JdkHandedObjects$JoinedWhileAdded.tags")
    public static class JoinedWhileAdded {
        private final List<String> tags = new ArrayList<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                if (index == 0) {
                    tags.add("tag" + i); // race
                } else {
                    try {
                        String header = String.format("tags: %s", String.join(",", tags)); // race
                        if (header.isEmpty()) {
                            Thread.onSpinWait();
                        }
                    } catch (RuntimeException concurrentChange) {
                        // an ArrayList changed while it is iterated may throw: one symptom of the race
                    }
                }
            }
        }
    }

    @RaceFree("a snapshot of a ConcurrentHashMap's values copied into an ArrayList, its orders read")
    public static class SnapshotOfConcurrentMap {
        private final Map<Integer, Order> orders = new ConcurrentHashMap<>();

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 20; i++) {
                orders.put(index * 100 + i, new Order("sku-" + i, i));
            }
            int total = 0;
            for (Order order : new ArrayList<>(orders.values())) {
                total += order.quantity;
            }
            if (total < 0) {
                Thread.onSpinWait();
            }
        }
    }

    @RaceFree("putAll from a ConcurrentHashMap into a thread's own HashMap, the orders then read")
    public static class MergedFromConcurrentMap {
        private final Map<Integer, Order> orders = new ConcurrentHashMap<>();

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 20; i++) {
                orders.put(index * 100 + i, new Order("sku-" + i, i));
            }
            Map<Integer, Order> mine = new HashMap<>();
            mine.putAll(orders);
            int total = 0;
            for (Order order : mine.values()) {
                total += order.quantity;
            }
            if (total < 0) {
                Thread.onSpinWait();
            }
        }
    }

    @RaceFree("a ConcurrentHashMap's values printed: their toString reads what other threads wrote before putting them")
    public static class ConcurrentMapPrinted {
        private final Map<Integer, Order> orders = new ConcurrentHashMap<>();

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 10; i++) {
                orders.put(index * 100 + i, new Order("sku-" + i, i));
                String line = "orders: " + orders.values();
                if (line.isEmpty()) {
                    Thread.onSpinWait();
                }
            }
        }
    }

    @RaceFree("a list copied under the same lock its writers hold")
    public static class CopiedUnderLock {
        private final List<String> events = new ArrayList<>();

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 25; i++) {
                synchronized (events) {
                    events.add("event " + index + "-" + i);
                }
                List<String> copy;
                synchronized (events) {
                    copy = new ArrayList<>(events);
                }
                Collections.sort(copy);
            }
        }
    }

    @RaceFree("counters that are atomic, and a CopyOnWriteArrayList, printed while others update them")
    public static class AtomicsPrinted {
        private final AtomicLong hits = new AtomicLong();
        private final LongAdder misses = new LongAdder();
        private final List<String> recent = new CopyOnWriteArrayList<>();

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 25; i++) {
                hits.incrementAndGet();
                misses.increment();
                recent.add("request " + index + "-" + i);
                String summary = String.format("hits %s, misses %s, last %s", hits, misses, String.join(";", recent));
                if (summary.isEmpty()) {
                    Thread.onSpinWait();
                }
            }
        }
    }
}
