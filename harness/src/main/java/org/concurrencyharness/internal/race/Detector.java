package org.concurrencyharness.internal.race;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.concurrencyharness.internal.result.Race;

/**
 * The happens-before analysis, FastTrack (Flanagan and Freund, PLDI 2009), on the side of threads
 * and synchronisation: both carry vector clocks, which releases and acquires join. Each variable
 * keeps the epoch of its last write and of its last read (a vector clock only while reads are
 * shared), so that most checks are two integer comparisons; those rules are in the hooks and in
 * {@link Accesses}, the races found in {@link RaceLog}.
 *
 * <p>The analysis runs in epochs of one exercise round ({@link #begin}): threads of an earlier
 * round (abandoned daemons, say) are ignored until a hand-off of the present round adopts them.
 */
final class Detector {

    /** From 1: an object's summary names no thread 0 (see ObjectSummary). */
    private static final AtomicInteger NEXT_TID = new AtomicInteger(1);

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
            TraceEvents.record(parent, TraceEvents.RELEASE, snapshot);
            parent.tick();
            return snapshot;
        }
    };

    private static final WeakIdentityMap<Thread, ThreadState> THREADS = new WeakIdentityMap<>();
    private static final WeakIdentityMap<Thread, VectorClock> STARTS = new WeakIdentityMap<>();

    private static volatile Round round = new Round(0);
    private static final WeakIdentityMap<Object, Object> CONDITION_LOCKS = new WeakIdentityMap<>();
    private static final WeakIdentityMap<Object, ReadWriteHalf> READ_WRITE_HALVES = new WeakIdentityMap<>();
    /**
     * Whether a condition, or a half of a read-write lock, was ever linked: until one is, a lock's
     * calls (a library's segment that extends ReentrantLock, locked on every write) need not look.
     */
    private static volatile boolean anyCondition;

    private static volatile boolean anyReadWriteHalf;
    private static final WeakIdentityMap<Object, Object> READERS = new WeakIdentityMap<>();

    private Detector() {}

    static void begin() {
        RaceLog.clear();
        Round previous = round;
        round = new Round(NEXT_TID.get());
        if (previous != null) {
            previous.retire();
        }
        adopt();
    }

    static List<Race> end() {
        Round ended = round;
        if (ended.trace != null && ended.trace.hasLocks()) {
            PredictedRaces.find(ended.trace);
        }
        return RaceLog.drain();
    }

    // ---- threads

    /** The calling thread's state, or null when it belongs to an earlier round. */
    private static ThreadState current() {
        ThreadState state = STATE.get();
        if (state == null) {
            state = register();
        }
        return state.round == round && state.initializing == 0 ? state : null;
    }

    /** The calling thread's state, adopted into the present round if it belonged to an earlier one. */
    private static ThreadState adopt() {
        ThreadState state = STATE.get();
        if (state == null || state.round != round) {
            state = register();
        }
        return state;
    }

    /** The handed state if it is of the present round, else the thread's, adopted. */
    private static ThreadState adopt(Object handed) {
        return handed instanceof ThreadState state && state.round == round ? state : adopt();
    }

    private static ThreadState register() {
        Thread thread = Thread.currentThread();
        // the round first: an id taken after it was read is at or above its base
        Round present = round;
        ThreadState state = STATE.get();
        if (state == null) {
            // the common pool's workers erase their thread locals after each task: the thread is the same
            state = THREADS.get(thread);
            if (state != null) {
                STATE.set(state);
                CREATED_BY.set(state.clock);
                if (state.round == present) {
                    return state;
                }
            }
        }
        int tid = NEXT_TID.getAndIncrement();
        if (state == null) {
            state = new ThreadState(tid, thread.getName(), present);
            STATE.set(state);
            THREADS.put(thread, state);
        } else {
            state.enter(tid, thread.getName(), present);
        }
        RaceLog.name(state.tid, state.name);
        VectorClock parent = STARTS.remove(thread);
        if (parent == null) {
            parent = CREATED_BY.get();
        }
        if (parent != null) {
            state.clock.join(parent);
            TraceEvents.record(state, TraceEvents.ACQUIRE, parent);
        }
        CREATED_BY.set(state.clock);
        return state;
    }

    static void beforeStart(Object thread) {
        ThreadState state = current();
        if (state != null && thread instanceof Thread child) {
            VectorClock snapshot = new VectorClock(state.clock);
            TraceEvents.record(state, TraceEvents.RELEASE, snapshot);
            STARTS.put(child, snapshot);
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
                if (ended.round == state.round) {
                    TraceEvents.record(state, TraceEvents.JOIN, ended.trace);
                }
            }
        }
    }

    // ---- synchronisation

    static void acquire(Object sync) {
        acquire(sync, TraceEvents.ACQUIRE);
    }

    /** Acquires from the object, recorded as that event when the round is traced. */
    static void acquire(Object sync, byte event) {
        sync = ConcurrentViews.of(sync);
        ThreadState state = adopt();
        VectorClock clock = clockOf(sync, state, state.syncs, state.round.syncClocks, false);
        if (clock != null) {
            synchronized (clock) {
                state.clock.join(clock);
            }
        }
        TraceEvents.record(state, event, sync);
    }

    /** Records an event on the object, when the round is traced, with no edge for the analysis. */
    static void record(Object sync, byte event) {
        if (TraceEvents.ON) {
            TraceEvents.record(adopt(), event, sync);
        }
    }

    static void release(Object sync) {
        release(sync, TraceEvents.RELEASE);
    }

    static void release(Object sync, byte event) {
        sync = ConcurrentViews.of(sync);
        ThreadState state = adopt();
        TraceEvents.record(state, event, sync);
        VectorClock clock = clockOf(sync, state, state.syncs, state.round.syncClocks, true);
        synchronized (clock) {
            clock.join(state.clock);
        }
        state.tick();
    }

    /**
     * After a monitor is entered, or a wait for it returns. The monitor guards its clock: every
     * thread that reads or writes it holds the monitor, so it takes no lock of its own.
     */
    static ThreadState monitorAcquire(Object monitor, Object handed, byte event) {
        ThreadState state = adopt(handed);
        VectorClock clock = clockOf(monitor, state, state.monitors, state.round.monitorClocks, false);
        if (clock != null) {
            state.clock.join(clock);
        }
        TraceEvents.record(state, event, monitor);
        return state;
    }

    /**
     * Before a monitor is exited ({@code event} {@link TraceEvents#UNLOCK}), or waited on ({@link
     * TraceEvents#RELEASE}: a schedule keeps a monitor that is waited on in the run's order, as the
     * wait's wake-up is not in the trace).
     */
    static ThreadState monitorRelease(Object monitor, Object handed, byte event) {
        ThreadState state = adopt(handed);
        TraceEvents.record(state, event, monitor);
        clockOf(monitor, state, state.monitors, state.round.monitorClocks, true).join(state.clock);
        state.tick();
        return state;
    }

    /**
     * The clock released into a synchronisation object, found through the thread's cache. Only a
     * release makes one: nothing released into it yet means nothing to acquire, so an acquire gets
     * null and no clock is made for it.
     */
    private static VectorClock clockOf(
            Object sync,
            ThreadState state,
            RecentShadows<VectorClock> cache,
            WeakIdentityMap<Object, VectorClock> clocks,
            boolean release) {
        VectorClock clock = cache.get(sync);
        if (clock == null) {
            clock = release ? clocks.computeIfAbsent(sync, k -> new VectorClock(state.round.base)) : clocks.get(sync);
            if (clock != null) {
                cache.put(sync, clock);
            }
        }
        return clock;
    }

    static void link(Object result, Object owner, String method) {
        if (result == null || owner == null) {
            return;
        }
        switch (method) {
            case SyncContracts.NEW_CONDITION -> {
                CONDITION_LOCKS.put(result, owner);
                anyCondition = true;
            }
            case SyncContracts.READ_LOCK -> {
                READ_WRITE_HALVES.put(result, new ReadWriteHalf(owner, false));
                anyReadWriteHalf = true;
            }
            case SyncContracts.WRITE_LOCK -> {
                READ_WRITE_HALVES.put(result, new ReadWriteHalf(owner, true));
                anyReadWriteHalf = true;
            }
            default -> {
                // nothing else is linked
            }
        }
    }

    static Object lockOf(Object condition) {
        // only a lock's newCondition() links one: any other receiver is not looked up
        return anyCondition && condition instanceof java.util.concurrent.locks.Condition
                ? CONDITION_LOCKS.get(condition)
                : null;
    }

    /**
     * One half of a read-write lock. Its writers release into the lock and its readers into the
     * lock's readers' clock: a writer acquires both, a reader only the writers', so two readers
     * are not ordered by their read lock.
     */
    private record ReadWriteHalf(Object lock, boolean write) {}

    static boolean isReadWriteHalf(Object receiver) {
        // a half is what readLock() or writeLock() returned: a Lock
        return anyReadWriteHalf
                && receiver instanceof java.util.concurrent.locks.Lock
                && READ_WRITE_HALVES.get(receiver) != null;
    }

    static void beforeReadWriteCall(Object receiver, String method) {
        ReadWriteHalf half = READ_WRITE_HALVES.get(receiver);
        if (SyncContracts.unlocks(method)) {
            if (half.write()) {
                release(half.lock(), TraceEvents.UNLOCK);
            } else {
                release(readersOf(half.lock()));
            }
        }
    }

    static void afterReadWriteCall(Object receiver, String method) {
        ReadWriteHalf half = READ_WRITE_HALVES.get(receiver);
        if (SyncContracts.locks(method)) {
            // a schedule may reorder what a write lock guards, once it is known to be held (a tryLock may fail)
            boolean held = TraceEvents.ON
                    && receiver instanceof ReentrantReadWriteLock.WriteLock writeLock
                    && writeLock.isHeldByCurrentThread();
            acquire(half.lock(), held ? TraceEvents.LOCK : TraceEvents.ACQUIRE);
            if (half.write()) {
                acquire(readersOf(half.lock()));
            }
        }
    }

    private static Object readersOf(Object lock) {
        return READERS.computeIfAbsent(lock, l -> new Object());
    }

    /**
     * Before a racy-looking access made inside calls that synchronise (see ThreadState): it comes
     * after those calls synchronised, so it sees what was released into their objects.
     */
    static void acquireInside(ThreadState state) {
        if (state.isInsideSync()) {
            for (Object inside : state.insideSyncs()) {
                // a call on a concurrent collection's view synchronised through the collection
                Object sync = ConcurrentViews.of(inside);
                VectorClock clock = state.round.syncClocks.get(sync);
                if (clock != null) {
                    synchronized (clock) {
                        state.clock.join(clock);
                    }
                    TraceEvents.record(state, TraceEvents.ACQUIRE, sync);
                }
            }
        }
    }

    static void enterSync(Object sync) {
        adopt().enterSync(sync);
    }

    static void leaveSync(Object sync) {
        adopt().leaveSync(sync);
    }

    /** The project's code calls into a library's (or that call returned). */
    static void libraryCall(int userSite, boolean enters) {
        ThreadState state = STATE.get();
        if (state == null) {
            state = register();
        }
        if (enters) {
            state.enterLibrary(userSite);
        } else {
            state.leaveLibrary(userSite);
        }
    }

    static void startSpeculating() {
        adopt().startSpeculating();
    }

    /** Ends optimistic reads: see ThreadState#stopSpeculating. */
    static void stopSpeculating(Boolean validated) {
        ThreadState state = adopt();
        if (state.isSpeculating()) {
            state.stopSpeculating(validated);
        }
    }

    static void taskStart(VectorClock submitted) {
        ThreadState state = adopt();
        state.clock.join(submitted);
        TraceEvents.record(state, TraceEvents.ACQUIRE, submitted);
    }

    static VectorClock snapshot() {
        ThreadState state = adopt();
        VectorClock copy = new VectorClock(state.clock);
        TraceEvents.record(state, TraceEvents.RELEASE, copy);
        state.tick();
        return copy;
    }

    static void taskEnd() {
        ThreadState state = adopt();
        VectorClock done = state.round.tasksDone;
        TraceEvents.record(state, TraceEvents.RELEASE, done);
        synchronized (done) {
            done.join(state.clock);
        }
        state.tick();
    }

    /** Releases into the synchronising object whose call the thread is innermost inside of, if it is inside one. */
    static void releaseInnermostSync() {
        Object[] syncs = adopt().insideSyncs();
        if (syncs.length > 0) {
            release(syncs[syncs.length - 1]);
        }
    }

    static void acquireTasksDone() {
        ThreadState state = adopt();
        VectorClock done = state.round.tasksDone;
        synchronized (done) {
            state.clock.join(done);
        }
        TraceEvents.record(state, TraceEvents.ACQUIRE, done);
    }

    // ---- accesses

    /**
     * The thread's state that a hook was handed, if it is of the present round; else looked up
     * (null at a method's start, or a thread of an earlier round not adopted since).
     */
    static ThreadState current(Object handed) {
        return handed instanceof ThreadState state && state.round == round && state.initializing == 0
                ? state
                : current();
    }

    /** A class initialiser starts (or ends): until it ends, the thread's accesses are not checked. */
    static void classInit(boolean begins) {
        ThreadState state = STATE.get();
        if (state == null) {
            state = register();
        }
        state.initializing = Math.max(0, state.initializing + (begins ? 1 : -1));
    }

    /** Whether the state's round is still the present one: a round's races are not asked for once it ended. */
    static boolean isPresent(ThreadState state) {
        return state.round == round;
    }
}
