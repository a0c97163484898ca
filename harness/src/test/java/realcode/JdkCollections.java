package realcode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * The collections of java.util shared between threads: without a lock they race inside (each is documented as not
 * synchronised); guarded, filled before the threads start, wrapped, or concurrent ones do not.
 */
public class JdkCollections {

    @Racy(field = "realcode.JdkCollections$SharedArrayList.names")
    public static class SharedArrayList {
        private final List<String> names = new ArrayList<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 100; i++) {
                names.add("user-" + index + "-" + i); // race
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$LinkedListJobs.jobs")
    public static class LinkedListJobs {
        private final LinkedList<Integer> jobs = new LinkedList<>();
        private int done;

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                for (int job = 0; job < 100; job++) {
                    jobs.addLast(job); // race
                }
            } else {
                for (int i = 0; i < 100; i++) {
                    Integer job = jobs.pollFirst(); // race
                    if (job != null) {
                        done++;
                    }
                }
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$ArrayDequeLines.lines")
    public static class ArrayDequeLines {
        private final Deque<String> lines = new ArrayDeque<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                for (int i = 0; i < 100; i++) {
                    lines.offerLast("line " + i); // race
                }
            } else {
                int read = 0;
                for (int i = 0; i < 100; i++) {
                    if (lines.pollFirst() != null) { // race
                        read++;
                    }
                }
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$PriorityQueueTasks.tasks")
    public static class PriorityQueueTasks {
        record Task(String name, int priority) {}

        private final Queue<Task> tasks = new PriorityQueue<>(Comparator.comparingInt(Task::priority));

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                tasks.add(new Task("task " + index + "-" + i, i % 7)); // race
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$HashMapWordCount.counts")
    public static class HashMapWordCount {
        private static final String[] WORDS = {"the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog"};
        private final Map<String, Integer> counts = new HashMap<>();

        @Concurrent(threads = 4)
        public void run() {
            for (int i = 0; i < 20; i++) {
                for (String word : WORDS) {
                    counts.merge(word, 1, Integer::sum); // race
                }
            }
        }
    }

    /** The LRU cache of LinkedHashMap's javadoc: in access order, a get moves the entry, so it writes. */
    @Racy(field = "realcode.JdkCollections$AccessOrderedLru.recent")
    public static class AccessOrderedLru {
        private static final int CAPACITY = 16;
        private final Map<Integer, String> recent = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, String> eldest) {
                return size() > CAPACITY;
            }
        };

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 100; i++) {
                int key = (i * 7 + index) % 24;
                String page = recent.get(key); // race
                if (page == null) {
                    recent.put(key, "page " + key); // race
                }
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$TreeMapIndex.byPrice")
    public static class TreeMapIndex {
        private final NavigableMap<Integer, String> byPrice = new TreeMap<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                for (int i = 0; i < 100; i++) {
                    byPrice.put(i * 10, "item " + i); // race
                }
            } else {
                int found = 0;
                for (int i = 0; i < 100; i++) {
                    Map.Entry<Integer, String> cheapest = byPrice.ceilingEntry(i * 5); // race
                    if (cheapest != null) {
                        found++;
                    }
                }
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$EnumMapStates.byState")
    public static class EnumMapStates {
        enum State {
            NEW,
            RUNNING,
            BLOCKED,
            DONE
        }

        private final Map<State, Integer> byState = new EnumMap<>(State.class);

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                State state = State.values()[(i + index) % 4];
                byState.merge(state, 1, Integer::sum); // race
            }
        }
    }

    /** The identity set of Collections.newSetFromMap's javadoc, as a graph walk's visited set. */
    @Racy(field = "realcode.JdkCollections$IdentitySetVisited.visited")
    public static class IdentitySetVisited {
        private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        private final List<Object> nodes = new ArrayList<>();

        public IdentitySetVisited() {
            for (int i = 0; i < 20; i++) {
                nodes.add(new Object());
            }
        }

        @Concurrent(threads = 2)
        public void run() {
            int fresh = 0;
            for (Object node : nodes) {
                if (visited.add(node)) { // race
                    fresh++;
                }
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$WeakHashMapLabels.labels")
    public static class WeakHashMapLabels {
        private final Map<Object, String> labels = new WeakHashMap<>();
        private final Object[] keys = new Object[32];

        public WeakHashMapLabels() {
            for (int i = 0; i < keys.length; i++) {
                keys[i] = new Object();
            }
        }

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < keys.length; i++) {
                if (index == 0) {
                    labels.put(keys[i], "label " + i); // race
                } else {
                    String label = labels.get(keys[i]); // race
                    if (label != null && label.isEmpty()) {
                        Thread.onSpinWait();
                    }
                }
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$HashSetSeen.seen")
    public static class HashSetSeen {
        private final Set<String> seen = new HashSet<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            int duplicates = 0;
            for (int i = 0; i < 100; i++) {
                if (!seen.add("request-" + i * (index + 1) % 150)) { // race
                    duplicates++;
                }
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$LinkedHashSetOrder.arrivals")
    public static class LinkedHashSetOrder {
        private final Set<String> arrivals = new LinkedHashSet<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                arrivals.add("guest " + index + "-" + i); // race
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$TreeSetRanking.scores")
    public static class TreeSetRanking {
        private final SortedSet<Integer> scores = new TreeSet<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                for (int i = 0; i < 100; i++) {
                    scores.add(i * 37 % 101); // race
                }
            } else {
                int best = 0;
                for (int i = 0; i < 100; i++) {
                    if (!scores.isEmpty()) { // race
                        best = Math.max(best, scores.last()); // race
                    }
                }
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$BitSetFlags.done")
    public static class BitSetFlags {
        private final BitSet done = new BitSet();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 200; i++) {
                done.set(i * 2 + index); // race
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$ArraysAsListSlots.slots")
    public static class ArraysAsListSlots {
        private final List<String> slots = Arrays.asList(new String[4]);

        @Concurrent(threads = 4)
        public void run(int index) {
            slots.set(index, "worker " + index); // race
            if (!slots.contains(null)) { // race
                Thread.onSpinWait();
            }
        }
    }

    /** An ArrayList's iterator, taken through Iterable, while another thread adds. */
    @Racy(field = "realcode.JdkCollections$IterableWhileAdding.names")
    public static class IterableWhileAdding {
        private final List<String> names = new ArrayList<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                for (int i = 0; i < 200; i++) {
                    names.add("name " + i); // race
                }
            } else {
                int total = 0;
                for (int i = 0; i < 20; i++) {
                    total += totalLength(names);
                }
            }
        }

        private static int totalLength(Iterable<String> items) {
            int length = 0;
            for (String item : items) { // race
                length += item.length();
            }
            return length;
        }
    }

    @Racy(field = "realcode.JdkCollections$KeySetWhileAdding.sessions")
    public static class KeySetWhileAdding {
        private final Map<String, Long> sessions = new HashMap<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                for (int i = 0; i < 100; i++) {
                    sessions.put("session-" + i, (long) i); // race
                }
            } else {
                int admins = 0;
                for (int round = 0; round < 20; round++) {
                    for (String id : sessions.keySet()) { // race
                        if (id.endsWith("0")) {
                            admins++;
                        }
                    }
                }
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$SubListWhileAdding.history")
    public static class SubListWhileAdding {
        private final List<Integer> history = new ArrayList<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                for (int i = 0; i < 100; i++) {
                    history.add(i); // race
                }
            } else {
                for (int i = 0; i < 100; i++) {
                    int size = history.size(); // race
                    if (size >= 3) {
                        List<Integer> lastThree = new ArrayList<>(history.subList(size - 3, size)); // race
                        if (lastThree.isEmpty()) {
                            Thread.onSpinWait();
                        }
                    }
                }
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$CollectionOfPending.pending")
    public static class CollectionOfPending {
        private final Collection<String> pending = new ArrayList<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 100; i++) {
                if (index == 0) {
                    pending.add("job " + i); // race
                } else if (pending.contains("job 50")) { // race
                    break;
                }
            }
        }
    }

    /** The classic mistake: a parallel stream's forEach adding to an ArrayList. */
    @Racy(field = "java.util.ArrayList")
    public static class ParallelForEachIntoArrayList {

        @Concurrent(threads = 2)
        public void run() {
            List<Integer> squares = new ArrayList<>();
            IntStream.range(0, 10_000).parallel().forEach(i -> squares.add(i * i)); // race
        }
    }

    @Racy(field = "java.util.HashMap")
    public static class HelperThreadSharesLocalMap {

        @Concurrent(threads = 2)
        public void run() throws InterruptedException {
            Map<String, Integer> totals = new HashMap<>();
            Thread helper = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    totals.merge("helper " + i % 5, i, Integer::sum); // race
                }
            });
            helper.start();
            for (int i = 0; i < 50; i++) {
                totals.merge("main " + i % 5, i, Integer::sum); // race
            }
            helper.join();
        }
    }

    @RaceFree("an ArrayList guarded by synchronized on itself")
    public static class GuardedArrayList {
        private final List<String> names = new ArrayList<>();

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                synchronized (names) {
                    names.add("user-" + index + "-" + i);
                }
            }
            int size;
            synchronized (names) {
                size = names.size();
            }
            if (size < 50) {
                throw new IllegalStateException("lost names: " + size);
            }
        }
    }

    @RaceFree("a HashMap filled before the threads start, then only read")
    public static class ReadOnlyHashMap {
        private static final String[] ITEMS = {"apple", "pear", "plum", "fig"};
        private final Map<String, Integer> prices = new HashMap<>();

        public ReadOnlyHashMap() {
            prices.put("apple", 3);
            prices.put("pear", 4);
            prices.put("plum", 2);
            prices.put("fig", 7);
        }

        @Concurrent(threads = 4)
        public void run() {
            int total = 0;
            for (int i = 0; i < 100; i++) {
                total += prices.get(ITEMS[i % ITEMS.length]);
                total += prices.getOrDefault("kiwi", 0);
            }
            int[] sum = new int[1];
            prices.forEach((item, price) -> sum[0] += price);
            if (total != 400 || sum[0] != 16) {
                throw new IllegalStateException(total + " " + sum[0]);
            }
        }
    }

    /** Collections.synchronizedList, iterated in a block synchronized on the list as its javadoc says. */
    /**
     * The mistake Collections.synchronizedList's javadoc warns of: "it is imperative that the user manually
     * synchronize on the returned list when traversing it". Each add holds the list's lock; the iteration does not.
     */
    @Racy(field = "realcode.JdkCollections$SynchronizedListIteratedUnlocked.events")
    public static class SynchronizedListIteratedUnlocked {
        private final List<String> events = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch reporting = new CountDownLatch(1);
        private volatile boolean closed;

        /** One thread appends a burst of events once the other reports on them, until the log is closed. */
        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            if (index == 0) {
                reporting.await();
                for (int i = 0; i < 50_000; i++) {
                    events.add("event " + i); // race
                }
                closed = true;
            } else {
                reporting.countDown();
                int length = 0;
                do {
                    for (String event : events) { // race
                        length += event.length();
                    }
                } while (!closed);
            }
        }
    }

    @RaceFree("Collections.synchronizedList")
    public static class SynchronizedListWrapper {
        private final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                events.add("event " + index + "-" + i);
            }
            int length = 0;
            synchronized (events) {
                for (String event : events) {
                    length += event.length();
                }
            }
            if (length == 0) {
                throw new IllegalStateException("no events");
            }
        }
    }

    @RaceFree("ConcurrentHashMap.compute and merge, whose functions update a plain object")
    public static class ComputeUpdatesPlainObject {
        static class Stats {
            long count;
            long totalMillis;
        }

        private final ConcurrentMap<String, Stats> byEndpoint = new ConcurrentHashMap<>();

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 100; i++) {
                String endpoint = "/api/" + i % 3;
                long millis = i + index;
                if (index % 2 == 0) {
                    byEndpoint.compute(endpoint, (key, stats) -> {
                        if (stats == null) {
                            stats = new Stats();
                        }
                        stats.count++;
                        stats.totalMillis += millis;
                        return stats;
                    });
                } else {
                    Stats one = new Stats();
                    one.count = 1;
                    one.totalMillis = millis;
                    byEndpoint.merge(endpoint, one, (old, given) -> {
                        old.count += given.count;
                        old.totalMillis += given.totalMillis;
                        return old;
                    });
                }
            }
        }
    }

    @RaceFree("ConcurrentSkipListMap with a comparator that reads its keys' fields")
    public static class SkipListWithComparator {
        static class Version {
            int major;
            int minor;

            Version(int major, int minor) {
                this.major = major;
                this.minor = minor;
            }
        }

        private final ConcurrentNavigableMap<Version, String> releases = new ConcurrentSkipListMap<>(
                Comparator.comparingInt((Version v) -> v.major).thenComparingInt(v -> v.minor));

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 20; i++) {
                releases.put(new Version(index, i), "release " + index + "." + i);
            }
            Version newest = releases.lastKey();
            if (newest.major < index) {
                throw new IllegalStateException("lost " + index);
            }
        }
    }

    /** A key class of its own, with equals and hashCode over plain fields, in a ConcurrentHashMap. */
    @RaceFree("ConcurrentHashMap keyed by a class with its own equals and hashCode")
    public static class CustomKeyConcurrentMap {
        static class CustomerId {
            private String tenant;
            private long id;

            CustomerId(String tenant, long id) {
                this.tenant = tenant;
                this.id = id;
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof CustomerId that && id == that.id && tenant.equals(that.tenant);
            }

            @Override
            public int hashCode() {
                return Objects.hash(tenant, id);
            }
        }

        private final Map<CustomerId, Integer> visits = new ConcurrentHashMap<>();

        @Concurrent(threads = 4)
        public void run() {
            for (int i = 0; i < 50; i++) {
                visits.merge(new CustomerId("acme", i % 10), 1, Integer::sum);
            }
        }
    }

    /**
     * A key looked up through the map's key set view: the lookup calls the keys' own equals inside it, which reads the
     * fields of a key another thread put.
     */
    @RaceFree("ConcurrentHashMap.keySet().contains with keys of a class with its own equals")
    public static class KeySetViewLookup {
        static final class Sku {
            private String code;

            Sku(String code) {
                this.code = code;
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof Sku that && code.equals(that.code);
            }

            @Override
            public int hashCode() {
                return code.hashCode();
            }
        }

        private final ConcurrentHashMap<Sku, Integer> stock = new ConcurrentHashMap<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            int found = 0;
            for (int i = 0; i < 300; i++) {
                if (index == 0) {
                    stock.put(new Sku("sku-" + i), i);
                } else if (stock.keySet().contains(new Sku("sku-" + i / 2))) {
                    found++;
                }
            }
        }
    }

    /** CopyOnWriteArrayList: its iterators are snapshots, so iterating while another thread adds is documented safe. */
    @RaceFree("CopyOnWriteArrayList iterated while another thread adds")
    public static class CopyOnWriteIteration {
        private final List<String> listeners = new CopyOnWriteArrayList<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                for (int i = 0; i < 100; i++) {
                    listeners.add("listener " + i);
                }
            } else {
                int notified = 0;
                for (int round = 0; round < 20; round++) {
                    for (String listener : listeners) {
                        notified += listener.length();
                    }
                }
            }
        }
    }

    /**
     * A concurrent set made the way its javadoc says, Collections.newSetFromMap(new ConcurrentHashMap<>()): sessions
     * one thread registers and another finds through it are seen whole.
     */
    @RaceFree("Collections.newSetFromMap over a ConcurrentHashMap")
    public static class ConcurrentSetFromMap {
        static class Session {
            String user;
            long started;
        }

        private final Set<Session> open = Collections.newSetFromMap(new ConcurrentHashMap<>());

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 200; i++) {
                Session session = new Session();
                session.user = "user-" + index + "-" + i;
                session.started = i;
                open.add(session);
            }
            long started = 0;
            for (Session session : open) {
                started += session.started + session.user.length();
            }
            if (started == 0) {
                throw new IllegalStateException("no sessions");
            }
        }
    }

    @Racy(field = "realcode.JdkCollections$PlainSetFromMap.visited")
    public static class PlainSetFromMap {
        private final Set<String> visited = Collections.newSetFromMap(new HashMap<>());

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 200; i++) {
                visited.add("/page/" + index + "/" + i); // race
            }
        }
    }

    /**
     * Weakly consistent iteration: a ConcurrentLinkedQueue's iterator may meet events placed after it was made, and
     * java.util.concurrent orders each placing before the access that finds the event.
     */
    @RaceFree("ConcurrentLinkedQueue iterated while another thread adds")
    public static class ConcurrentQueueIteratedWhileFilled {
        static class Event {
            String source;
            long at;
        }

        private final Queue<Event> events = new ConcurrentLinkedQueue<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                for (int i = 0; i < 2000; i++) {
                    Event event = new Event();
                    event.source = "sensor-" + i % 7;
                    event.at = i;
                    events.add(event);
                }
            } else {
                long total = 0;
                for (int pass = 0; pass < 50; pass++) {
                    for (Event event : events) {
                        total += event.at + event.source.length();
                    }
                }
            }
        }
    }

    @RaceFree("ConcurrentHashMap.values() iterated while another thread puts")
    public static class ConcurrentMapValuesWhileFilled {
        static class Price {
            String symbol;
            long cents;
        }

        private final ConcurrentHashMap<String, Price> prices = new ConcurrentHashMap<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                for (int i = 0; i < 2000; i++) {
                    Price price = new Price();
                    price.symbol = "SYM" + i;
                    price.cents = 100 + i;
                    prices.put(price.symbol, price);
                }
            } else {
                long total = 0;
                for (int pass = 0; pass < 50; pass++) {
                    for (Price price : prices.values()) {
                        total += price.cents + price.symbol.length();
                    }
                }
            }
        }
    }

    /** A last-writer-wins map: each put sets the key whatever it held; the get after it only shows what is there. */
    @RaceFree("ConcurrentHashMap put then get of the same key in a loop, the put not based on the get")
    public static class LastWriterWinsThenShown {
        private final Map<String, Integer> lastSeen = new ConcurrentHashMap<>();

        @Concurrent(threads = 4)
        public void run(int index) {
            int shown = 0;
            for (int i = 0; i < 40; i++) {
                String user = "user" + i % 6;
                lastSeen.put(user, index * 100 + i);
                Integer last = lastSeen.get(user);
                shown += last == null ? 0 : 1;
            }
            if (shown == 0) {
                throw new IllegalStateException("nothing shown");
            }
        }
    }
}
