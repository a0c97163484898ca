package org.concurrencyharness.internal.race;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A traced round as one sequence of events, {@code 0..size-1} in the order they were recorded,
 * with what {@link ReorderedSchedule} asks of each: whose it is, what it touched, which write a
 * read saw, what must come before it whatever the schedule, which locks were held around an
 * access, and where a critical section ends.
 *
 * <p>Synchronisation other than locks is <em>hard</em>: a schedule keeps its events in the run's
 * order. A lock becomes hard too as soon as anything but taking and letting it go touched it (a
 * failed {@code tryLock}, a wait on its monitor), since what that saw could change with the order.
 */
final class TracedRun {

    /** A variable, by the shadow of its field or by its array's shadows and index. */
    private record Element(ElementShadows array, int index) {}

    final int size;
    final int threads;
    final String[] threadNames;
    /** Per thread, the places of its events, in its order. */
    final int[][] placesOf;

    final int[] thread;
    final int[] local;
    /** The event's kind; a hard lock's are taken as {@link TraceEvents#ACQUIRE} and {@link TraceEvents#RELEASE}. */
    final byte[] kind;
    /** The variable's or object's number; for a join, the joined thread's. */
    final int[] object;

    final int[] site;
    final String[] name;
    /** The objects by number, for a lock's name. */
    final List<Object> objects = new ArrayList<>();

    final boolean[] hard;
    final int[] capacity;
    final boolean[] racy;

    /** For a read, the write it saw (the last before it), or -1. */
    final int[] readFrom;
    /** For the acquires and joins: per thread, how many of its events come before, by hard edges. */
    final int[][] hardBefore;
    /** For a lock taken or let go by a thread not holding it already (or still): whether it is. */
    final boolean[] outermost;
    /** For an outermost lock, its outermost unlock, or -1 if the trace holds none. */
    final int[] unlockOf;
    /** For an access, the locks of one holder its thread held (shared between events while they do not change). */
    final int[][] exclusiveHeld;

    private final Map<Object, Integer> numbers = new IdentityHashMap<>();
    private final Map<Element, Integer> elements = new HashMap<>();
    /** Numbers of the elements of arrays up to this long, plus one, by index: zero for none yet. */
    private final Map<ElementShadows, int[]> elementNumbers = new IdentityHashMap<>();

    private static final int DENSE_ARRAY = 1 << 20;
    private int variables;

    TracedRun(RoundTrace trace) {
        RoundTrace.Written written = trace.written();
        List<ThreadTrace> traces = written.threads();
        int[] count = new int[1];
        ThreadTrace.Events[] columns = new ThreadTrace.Events[traces.size()];
        int[] counts = new int[traces.size()];
        boolean[] present = new boolean[(int) written.cut()];
        for (int u = 0; u < columns.length; u++) {
            columns[u] = traces.get(u).written(count);
            counts[u] = count[0];
            for (int i = 0; i < counts[u] && columns[u].places()[i] < present.length; i++) {
                present[(int) columns[u].places()[i]] = true;
            }
        }
        // every place below the cut is some thread's; should one not be, the run up to it is still a run
        int cut = 0;
        while (cut < present.length && present[cut]) {
            cut++;
        }
        size = cut;
        threads = traces.size();
        threadNames = new String[threads];
        placesOf = new int[threads][];
        thread = new int[size];
        local = new int[size];
        kind = new byte[size];
        object = new int[size];
        site = new int[size];
        name = new String[size];
        Object[] keys = new Object[size];
        int[] indexes = new int[size];
        Map<ThreadTrace, Integer> threadNumbers = new IdentityHashMap<>();
        for (int u = 0; u < threads; u++) {
            threadNumbers.put(traces.get(u), u);
        }
        for (int u = 0; u < threads; u++) {
            ThreadTrace.Events events = columns[u];
            threadNames[u] = traces.get(u).name;
            int below = 0;
            while (below < counts[u] && events.places()[below] < cut) {
                below++;
            }
            placesOf[u] = new int[below];
            for (int i = 0; i < below; i++) {
                int g = (int) events.places()[i];
                placesOf[u][i] = g;
                thread[g] = u;
                local[g] = i;
                kind[g] = events.kinds()[i];
                keys[g] = events.keys()[i];
                indexes[g] = events.indexes()[i];
                site[g] = events.sites()[i];
                name[g] = events.names()[i];
            }
        }
        for (int g = 0; g < size; g++) {
            object[g] = kind[g] == TraceEvents.JOIN
                    ? threadNumbers.getOrDefault(keys[g], -1)
                    : kind[g] == TraceEvents.READ || kind[g] == TraceEvents.WRITE
                            ? variable(keys[g], indexes[g])
                            : number(keys[g]);
        }
        hard = new boolean[objects.size()];
        capacity = new int[objects.size()];
        for (int o = 0; o < objects.size(); o++) {
            capacity[o] = objects.get(o) instanceof Permits permits ? permits.count : 1;
        }
        for (int g = 0; g < size; g++) {
            if (kind[g] == TraceEvents.ACQUIRE || kind[g] == TraceEvents.RELEASE) {
                hard[object[g]] = true;
            }
        }
        for (int g = 0; g < size; g++) {
            if (kind[g] == TraceEvents.LOCK && hard[object[g]]) {
                kind[g] = TraceEvents.ACQUIRE;
            } else if (kind[g] == TraceEvents.UNLOCK && hard[object[g]]) {
                kind[g] = TraceEvents.RELEASE;
            }
        }
        readFrom = new int[size];
        hardBefore = new int[size][];
        outermost = new boolean[size];
        unlockOf = new int[size];
        exclusiveHeld = new int[size][];
        racy = new boolean[variables];
        walk();
    }

    int event(int thread, int local) {
        return placesOf[thread][local];
    }

    int eventsOf(int thread) {
        return placesOf[thread].length;
    }

    boolean isAccess(int g) {
        return kind[g] == TraceEvents.READ || kind[g] == TraceEvents.WRITE;
    }

    private int number(Object key) {
        Integer number = numbers.get(key);
        if (number == null) {
            number = objects.size();
            numbers.put(key, number);
            objects.add(key);
        }
        return number;
    }

    private int variable(Object key, int index) {
        if (index >= 0 && key instanceof ElementShadows array && array.length <= DENSE_ARRAY) {
            // an array's elements by index, rather than an entry for each in a map
            int[] numbered = elementNumbers.computeIfAbsent(array, a -> new int[a.length]);
            if (numbered[index] == 0) {
                numbered[index] = ++variables;
            }
            return numbered[index] - 1;
        }
        Integer number = index < 0 ? numbers.get(key) : elements.get(new Element((ElementShadows) key, index));
        if (number == null) {
            number = variables++;
            if (index < 0) {
                numbers.put(key, number);
            } else {
                elements.put(new Element((ElementShadows) key, index), number);
            }
        }
        return number;
    }

    /** The lock as a user recognises it. */
    String lockName(int lock) {
        Object object = objects.get(lock);
        if (object instanceof Permits permits) {
            return "@Semaphore(" + permits.count + ")";
        }
        if (object instanceof ReentrantReadWriteLock) {
            return "ReentrantReadWriteLock.writeLock()";
        }
        if (object instanceof ReentrantLock) {
            return object.getClass().getSimpleName();
        }
        if (object instanceof Class<?> type) {
            return "synchronized (" + type.getSimpleName() + ".class)";
        }
        return "synchronized (" + object.getClass().getSimpleName() + ")";
    }

    /**
     * One pass in the run's order: the happens-before order of the run (to find the variables on
     * which it raced, whose reads a schedule cannot trust to see the same writes), the hard order,
     * reads-from, and the locks' sections.
     */
    private void walk() {
        int[][] clock = new int[threads][threads];
        int[][] hardClock = new int[threads][threads];
        Map<Integer, int[]> objectClocks = new HashMap<>();
        Map<Integer, int[]> objectHardClocks = new HashMap<>();
        List<Map<Integer, Integer>> depths = new ArrayList<>();
        List<Map<Integer, Integer>> openedAt = new ArrayList<>();
        int[][] held = new int[threads][];
        for (int u = 0; u < threads; u++) {
            depths.add(new HashMap<>());
            openedAt.add(new HashMap<>());
            held[u] = new int[0];
        }
        int[] lastWrite = new int[variables];
        Arrays.fill(lastWrite, -1);
        // per variable, the last read of each thread since its last write
        int[][] readsSinceWrite = new int[variables][];
        Arrays.fill(unlockOf, -1);
        Arrays.fill(readFrom, -1);
        for (int g = 0; g < size; g++) {
            int u = thread[g];
            int o = object[g];
            clock[u][u] = local[g] + 1;
            switch (kind[g]) {
                case TraceEvents.READ -> {
                    int w = lastWrite[o];
                    readFrom[g] = w;
                    if (w >= 0 && !before(w, clock[u])) {
                        racy[o] = true;
                    }
                    readsSinceWrite[o] = withRead(readsSinceWrite[o], g);
                    exclusiveHeld[g] = held[u];
                }
                case TraceEvents.WRITE -> {
                    int w = lastWrite[o];
                    if (w >= 0 && !before(w, clock[u])) {
                        racy[o] = true;
                    }
                    int[] reads = readsSinceWrite[o];
                    readsSinceWrite[o] = null;
                    if (reads != null) {
                        for (int r : reads) {
                            if (!before(r, clock[u])) {
                                racy[o] = true;
                            }
                        }
                    }
                    lastWrite[o] = g;
                    exclusiveHeld[g] = held[u];
                }
                case TraceEvents.ACQUIRE -> {
                    join(clock[u], objectClocks.get(o));
                    hardClock[u] = joined(hardClock[u], objectHardClocks.get(o));
                    hardBefore[g] = hardClock[u];
                }
                case TraceEvents.RELEASE -> {
                    release(objectClocks, o, clock[u]);
                    int[] own = hardClock[u].clone();
                    own[u] = local[g] + 1;
                    objectHardClocks.merge(o, own, TracedRun::joined);
                }
                case TraceEvents.JOIN -> {
                    if (o >= 0) {
                        join(clock[u], clock[o]);
                        int[] theirs = hardClock[o].clone();
                        theirs[o] = eventsBefore(o, g);
                        hardClock[u] = joined(hardClock[u], theirs);
                    }
                    hardBefore[g] = hardClock[u];
                }
                case TraceEvents.LOCK -> {
                    join(clock[u], objectClocks.get(o));
                    int depth = depths.get(u).merge(o, 1, Integer::sum);
                    if (depth == 1) {
                        outermost[g] = true;
                        openedAt.get(u).put(o, g);
                        if (capacity[o] == 1) {
                            held[u] = with(held[u], o);
                        }
                    }
                }
                case TraceEvents.UNLOCK -> {
                    release(objectClocks, o, clock[u]);
                    Integer depth = depths.get(u).get(o);
                    if (depth != null && depth > 0) {
                        depths.get(u).put(o, depth - 1);
                        if (depth == 1) {
                            outermost[g] = true;
                            unlockOf[openedAt.get(u).remove(o)] = g;
                            if (capacity[o] == 1) {
                                held[u] = without(held[u], o);
                            }
                        }
                    }
                }
                default -> {
                    // every kind is above
                }
            }
        }
    }

    /** The reads with this one in place of its thread's earlier one. */
    private int[] withRead(int[] reads, int g) {
        if (reads == null) {
            return new int[] {g};
        }
        for (int i = 0; i < reads.length; i++) {
            if (thread[reads[i]] == thread[g]) {
                reads[i] = g;
                return reads;
            }
        }
        int[] more = Arrays.copyOf(reads, reads.length + 1);
        more[reads.length] = g;
        return more;
    }

    /** Whether event {@code g} happens before a thread whose clock is {@code clock}. */
    private boolean before(int g, int[] clock) {
        return clock[thread[g]] > local[g];
    }

    /** How many of the thread's events come before place {@code g}. */
    private int eventsBefore(int thread, int g) {
        int[] places = placesOf[thread];
        int at = Arrays.binarySearch(places, g);
        return at >= 0 ? at : -at - 1;
    }

    private static void join(int[] into, int[] from) {
        if (from != null) {
            for (int v = 0; v < into.length; v++) {
                into[v] = Math.max(into[v], from[v]);
            }
        }
    }

    private static void release(Map<Integer, int[]> clocks, int o, int[] clock) {
        int[] into = clocks.computeIfAbsent(o, k -> new int[clock.length]);
        join(into, clock);
    }

    /** The pointwise maximum, as a new array only if it differs from {@code mine} (hard clocks are shared by events). */
    private static int[] joined(int[] mine, int[] theirs) {
        if (theirs == null) {
            return mine;
        }
        int[] out = mine;
        for (int v = 0; v < mine.length; v++) {
            if (theirs[v] > out[v]) {
                if (out == mine) {
                    out = mine.clone();
                }
                out[v] = theirs[v];
            }
        }
        return out;
    }

    private static int[] with(int[] locks, int lock) {
        int[] out = Arrays.copyOf(locks, locks.length + 1);
        out[locks.length] = lock;
        return out;
    }

    private static int[] without(int[] locks, int lock) {
        int[] out = new int[locks.length - 1];
        int i = 0;
        for (int held : locks) {
            if (held != lock && i < out.length) {
                out[i++] = held;
            }
        }
        return out;
    }
}
