package org.concurrencyharness.internal.race;

/**
 * The events a round's trace records when races are predicted ({@code -javaagent:...=predict}),
 * for {@link PredictedRaces} to look for schedules the run did not take. The happens-before
 * analysis itself needs none of them: with prediction off nothing is recorded.
 *
 * <p>Each event is one of these kinds. Locks are apart from other synchronisation because a
 * schedule may run two critical sections of one lock in the other order; every other edge (a
 * volatile, a queue, a thread's start or join, a task's hand-off) is kept as the run made it.
 *
 * <p>A trace holds the accesses the detector checks: each thread's first access to a variable in
 * each stretch between its synchronisation events (an acquire starts a new epoch when tracing, as
 * a release always does), not the repeats, which find nothing new. A schedule that runs a thread
 * up to one of its events runs the repeats after it too, up to the next, and they see what they saw
 * in the run: the thread's own writes, or, if another thread's write came between unordered, a
 * variable the run raced on, whose reads the analysis does not rely on.
 */
final class TraceEvents {

    /** Whether this JVM records traces: the agent sets the property before any of the detector's classes load. */
    static final boolean ON = Boolean.getBoolean("concurrency.predict");

    /** Records nothing: an edge the analysis takes but a schedule need not keep (a lock's own bookkeeping). */
    static final byte NONE = 0;

    static final byte READ = 1;
    static final byte WRITE = 2;
    /** Acquires what was released into the object: a volatile read, a call that synchronises, a task's start. */
    static final byte ACQUIRE = 3;
    /** Releases into the object. */
    static final byte RELEASE = 4;
    /** A lock (a monitor, a {@code ReentrantLock}, a write lock, the harness's semaphore) is taken. */
    static final byte LOCK = 5;
    /** ... and let go. */
    static final byte UNLOCK = 6;
    /** Everything a finished thread did comes before: a join that returned after the thread ended. */
    static final byte JOIN = 7;

    private TraceEvents() {}

    /** Records an event of the thread's, if its round is traced. */
    static void record(ThreadState state, byte kind, Object key) {
        record(state, kind, key, -1, 0, null);
    }

    static void record(ThreadState state, byte kind, Object key, int index, int site, String name) {
        ThreadTrace trace = state.trace;
        if (trace == null || kind == NONE) {
            return;
        }
        if (key instanceof Permits) {
            // the harness's semaphore is a lock of its permits
            kind = kind == ACQUIRE ? LOCK : kind == RELEASE ? UNLOCK : kind;
        }
        if (!trace.round().record(trace, kind, key, index, site, name)) {
            // the trace is full: this thread records no more, and its checks take their shortcuts again
            state.trace = null;
        } else if (kind == ACQUIRE || kind == LOCK || kind == JOIN) {
            // a new epoch, so that each variable's first access after the acquire is checked, and recorded: the
            // accesses a trace leaves out must be repeats, within one stretch without synchronisation, of one it holds
            state.tick();
        }
    }
}
