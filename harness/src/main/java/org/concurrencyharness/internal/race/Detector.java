package org.concurrencyharness.internal.race;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencyharness.internal.report.Access;
import org.concurrencyharness.internal.report.Race;

/**
 * The happens-before analysis: FastTrack (Flanagan and Freund, PLDI 2009). Threads and
 * synchronisation objects carry vector clocks; each variable keeps the epoch of its last write
 * and of its last read (a vector clock only while reads are shared), so that most checks are
 * two integer comparisons.
 *
 * <p>The analysis runs in epochs of one exercise round ({@link #begin}): threads of an earlier
 * round (abandoned daemons, say) are ignored until a hand-off of the present round adopts them.
 */
final class Detector {

    private static final int MAX_RACES = 100;

    private static final AtomicInteger NEXT_TID = new AtomicInteger();
    private static final ThreadLocal<ThreadState> STATE = new ThreadLocal<>();
    /**
     * A new thread's parent's clock when it was created, for threads whose start the agent did not
     * see (started through a method reference or from JDK code). Creation comes before start, so
     * this orders no more than start would.
     */
    private static final InheritableThreadLocal<VectorClock> CREATED_BY = new InheritableThreadLocal<>() {
        @Override
        protected VectorClock childValue(VectorClock unused) {
            ThreadState parent = STATE.get();
            if (parent == null || parent.round != round) {
                return null;
            }
            VectorClock snapshot = new VectorClock(parent.clock);
            parent.tick();
            return snapshot;
        }
    };
    private static final WeakIdentityMap<Thread, ThreadState> THREADS = new WeakIdentityMap<>();
    private static final WeakIdentityMap<Thread, VectorClock> STARTS = new WeakIdentityMap<>();

    private static volatile Round round = new Round();
    private static final WeakIdentityMap<Object, Object> CONDITION_LOCKS = new WeakIdentityMap<>();
    private static final WeakIdentityMap<Object, ReadWriteHalf> READ_WRITE_HALVES = new WeakIdentityMap<>();
    private static final WeakIdentityMap<Object, Object> READERS = new WeakIdentityMap<>();
    private static final Map<String, Race> RACES = new LinkedHashMap<>();

    private Detector() {
    }

    static void begin() {
        synchronized (RACES) {
            RACES.clear();
        }
        round = new Round();
        adopt();
    }

    static List<Race> end() {
        synchronized (RACES) {
            List<Race> out = new ArrayList<>(RACES.values());
            RACES.clear();
            return out;
        }
    }

    // ---- threads

    /** The calling thread's state, or null when it belongs to an earlier round. */
    private static ThreadState current() {
        ThreadState state = STATE.get();
        if (state == null) {
            state = register();
        }
        return state.round == round ? state : null;
    }

    /** The calling thread's state, adopted into the present round if it belonged to an earlier one. */
    private static ThreadState adopt() {
        ThreadState state = STATE.get();
        if (state == null || state.round != round) {
            state = register();
        }
        return state;
    }

    private static ThreadState register() {
        Thread thread = Thread.currentThread();
        ThreadState state = new ThreadState(NEXT_TID.getAndIncrement(), thread.getName(), round);
        VectorClock parent = STARTS.remove(thread);
        if (parent == null) {
            parent = CREATED_BY.get();
        }
        if (parent != null) {
            state.clock.join(parent);
        }
        STATE.set(state);
        CREATED_BY.set(state.clock);
        THREADS.put(thread, state);
        return state;
    }

    static void beforeStart(Object thread) {
        ThreadState state = current();
        if (state != null && thread instanceof Thread child) {
            STARTS.put(child, new VectorClock(state.clock));
            state.tick();
        }
    }

    static void afterJoin(Object thread) {
        ThreadState state = current();
        if (state != null && thread instanceof Thread child && !child.isAlive()) {
            ThreadState ended = THREADS.get(child);
            if (ended != null) {
                // the thread is dead and its end happened before this join returned
                state.clock.join(ended.clock);
            }
        }
    }

    // ---- synchronisation

    static void acquire(Object sync) {
        ThreadState state = adopt();
        VectorClock clock = state.syncs.get(sync);
        if (clock == null) {
            // nothing released into it yet means nothing to acquire: no clock is made for it
            clock = state.round.syncClocks.get(sync);
            if (clock == null) {
                return;
            }
            state.syncs.put(sync, clock);
        }
        synchronized (clock) {
            state.clock.join(clock);
        }
    }

    static void release(Object sync) {
        ThreadState state = adopt();
        VectorClock clock = state.syncs.get(sync);
        if (clock == null) {
            clock = state.round.syncClocks.computeIfAbsent(sync, k -> new VectorClock());
            state.syncs.put(sync, clock);
        }
        synchronized (clock) {
            clock.join(state.clock);
        }
        state.tick();
    }

    static void link(Object result, Object owner, String method) {
        if (result == null || owner == null) {
            return;
        }
        switch (method) {
            case "newCondition" -> CONDITION_LOCKS.put(result, owner);
            case "readLock" -> READ_WRITE_HALVES.put(result, new ReadWriteHalf(owner, false));
            case "writeLock" -> READ_WRITE_HALVES.put(result, new ReadWriteHalf(owner, true));
            default -> {
                // nothing else is linked
            }
        }
    }

    static Object lockOf(Object condition) {
        return condition == null ? null : CONDITION_LOCKS.get(condition);
    }

    /**
     * One half of a read-write lock. Its writers release into the lock and its readers into the
     * lock's readers' clock: a writer acquires both, a reader only the writers', so two readers
     * are not ordered by their read lock.
     */
    private record ReadWriteHalf(Object lock, boolean write) {
    }

    static boolean isReadWriteHalf(Object receiver) {
        return READ_WRITE_HALVES.get(receiver) != null;
    }

    static void beforeReadWriteCall(Object receiver, String method) {
        ReadWriteHalf half = READ_WRITE_HALVES.get(receiver);
        if (method.startsWith("unlock")) {
            release(half.write() ? half.lock() : readersOf(half.lock()));
        }
    }

    static void afterReadWriteCall(Object receiver, String method) {
        ReadWriteHalf half = READ_WRITE_HALVES.get(receiver);
        if (method.startsWith("lock") || method.startsWith("tryLock")) {
            acquire(half.lock());
            if (half.write()) {
                acquire(readersOf(half.lock()));
            }
        }
    }

    private static Object readersOf(Object lock) {
        return READERS.computeIfAbsent(lock, l -> new Object());
    }

    static void taskStart(VectorClock submitted) {
        ThreadState state = adopt();
        state.clock.join(submitted);
    }

    static VectorClock snapshot() {
        ThreadState state = adopt();
        VectorClock copy = new VectorClock(state.clock);
        state.tick();
        return copy;
    }

    static void taskEnd() {
        ThreadState state = adopt();
        VectorClock done = state.round.tasksDone;
        synchronized (done) {
            done.join(state.clock);
        }
        state.tick();
    }

    static void acquireTasksDone() {
        ThreadState state = adopt();
        VectorClock done = state.round.tasksDone;
        synchronized (done) {
            state.clock.join(done);
        }
    }

    // ---- accesses

    // Field and element accesses run once for every access the program makes: their common path
    // is kept small enough for the JIT to inline into the program's code, and rare paths are
    // methods of their own.

    /**
     * The thread's state that an access hook was handed, if it is of the present round; else looked
     * up. A method running from an earlier round into this one (a long-lived thread's loop) thus
     * switches to the state its thread was adopted with, as soon as a hand-off adopts it.
     */
    private static ThreadState current(Object handed) {
        return handed instanceof ThreadState state && state.round == round ? state : current();
    }

    static Object field(Object holder, int site, boolean write, Object thread) {
        ThreadState state = current(thread);
        if (state == null) {
            return null;
        }
        SiteRegistry.FieldInfo field = SiteRegistry.field(site);
        if (field.isVolatile()) {
            volatileAccess(holder, field, write);
        } else if (field.isTracked()) {
            FieldShadows vars = holder == null ? state.round.statics : fieldShadows(holder, state);
            check(vars.of(field.key()), state, site, write, field.name());
        }
        return state;
    }

    private static FieldShadows fieldShadows(Object holder, ThreadState state) {
        FieldShadows vars = state.holders.get(holder);
        return vars != null ? vars : firstFieldShadows(holder, state);
    }

    private static FieldShadows firstFieldShadows(Object holder, ThreadState state) {
        FieldShadows vars = state.round.fields.computeIfAbsent(holder, k -> new FieldShadows());
        state.holders.put(holder, vars);
        return vars;
    }

    private static void volatileAccess(Object holder, SiteRegistry.FieldInfo field, boolean write) {
        Object variable = VolatileKey.of(holder, field.key());
        if (write) {
            release(variable);
        } else {
            acquire(variable);
        }
    }

    static Object element(Object array, int index, int site, boolean write, Object thread) {
        ThreadState state = current(thread);
        if (state == null || array == null) {
            return state;
        }
        ElementShadows vars = state.arrays.get(array);
        if (vars == null) {
            vars = firstElementShadows(array, state);
        }
        VarState var = vars.of(index);
        if (var != null) {
            // an element's name is its site's, looked up only if there is a race to report
            check(var, state, site, write, null);
        }
        return state;
    }

    private static ElementShadows firstElementShadows(Object array, ThreadState state) {
        ElementShadows vars = state.round.arrays.computeIfAbsent(array,
                a -> new ElementShadows(java.lang.reflect.Array.getLength(a)));
        state.arrays.put(array, vars);
        return vars;
    }

    /**
     * The FastTrack read and write rules; a null name is the site's own. The same-epoch fast path
     * (this thread already did this access in this epoch) is kept small enough to be inlined.
     */
    private static void check(VarState var, ThreadState state, int site, boolean write, String name) {
        long epoch = state.epochOf();
        if (write ? var.write != epoch : var.read != epoch) {
            update(var, state, epoch, site, write, name);
        }
    }

    private static void update(VarState var, ThreadState state, long epoch, int site, boolean write, String name) {
        int tid = state.tid;
        int clock = state.epoch();
        VectorClock now = state.clock;
        synchronized (var) {
            if (write) {
                if (var.write == epoch) {
                    return;
                }
                if (!VarState.happensBefore(var.write, now)) {
                    report(state, name, var.writeSite, var.writeThread, site, state.name);
                }
                if (var.sharedReads != null) {
                    for (int t = 0; t < var.sharedReadSites.length; t++) {
                        if (var.sharedReadThreads[t] != null && var.sharedReads.get(t) > now.get(t)) {
                            report(state, name, var.sharedReadSites[t], var.sharedReadThreads[t], site, state.name);
                        }
                    }
                    var.sharedReads = null;
                    var.sharedReadSites = null;
                    var.sharedReadThreads = null;
                } else if (!VarState.happensBefore(var.read, now)) {
                    report(state, name, var.readSite, var.readThread, site, state.name);
                }
                var.read = VarState.NONE;
                var.write = epoch;
                var.writeSite = site;
                var.writeThread = state.name;
            } else {
                if (var.read == epoch) {
                    return;
                }
                if (!VarState.happensBefore(var.write, now)) {
                    report(state, name, var.writeSite, var.writeThread, site, state.name);
                }
                if (var.sharedReads != null) {
                    var.recordSharedRead(tid, clock, site, state.name);
                } else if (VarState.happensBefore(var.read, now)) {
                    var.read = epoch;
                    var.readSite = site;
                    var.readThread = state.name;
                } else {
                    var.shareReads(tid, clock, site, state.name);
                }
            }
        }
    }

    private static void report(ThreadState reporter, String field, int earlierSite, String earlierThread, int laterSite,
                               String laterThread) {
        if (reporter.round != round) {
            // the round ended while this access was being checked: its races are no longer asked for
            return;
        }
        AccessSite earlier = SiteRegistry.site(earlierSite);
        AccessSite later = SiteRegistry.site(laterSite);
        if (field == null) {
            field = later.field();
        }
        String key = field + "|" + Math.min(earlierSite, laterSite) + "|" + Math.max(earlierSite, laterSite);
        synchronized (RACES) {
            if (RACES.size() < MAX_RACES && !RACES.containsKey(key)) {
                RACES.put(key, new Race(field, access(earlier, earlierThread), access(later, laterThread)));
            }
        }
    }

    private static Access access(AccessSite site, String thread) {
        return new Access(thread, site.method(), site.location(), site.write() ? "write" : "read");
    }
}
