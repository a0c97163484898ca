package org.concurrencyharness.internal.race;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events of one round's threads in one order, the order in which they were recorded: a
 * release is recorded before it happens and an acquire after, so that order agrees with every
 * synchronisation the run made. It stops at {@link #MAX_EVENTS}; what it holds is then the
 * run's beginning, still a run in its own right.
 */
final class RoundTrace {

    /** About 35 MB of events; a longer round is predicted on its beginning. */
    static final int MAX_EVENTS = 1_000_000;

    private final AtomicLong next = new AtomicLong();
    private final List<ThreadTrace> threads = new ArrayList<>();

    synchronized ThreadTrace thread(String name) {
        ThreadTrace trace = new ThreadTrace(this, name);
        threads.add(trace);
        return trace;
    }

    /** Whether the trace holds all it can: threads then stop recording, and the detector takes its shortcuts again. */
    private volatile boolean full;

    /** Whether a lock was taken: without one, no schedule reorders anything, and the trace is not searched. */
    private volatile boolean locked;

    /** Records the event; false once the trace is full, when nothing more is recorded. */
    boolean record(ThreadTrace trace, byte kind, Object key, int index, int site, String name) {
        if (full) {
            return false;
        }
        // first a bound at or below the place about to be taken: see written()
        trace.pending = next.get();
        long place = next.getAndIncrement();
        if (place < MAX_EVENTS) {
            trace.append(place, kind, key, index, site, name);
            if (kind == TraceEvents.LOCK && !locked) {
                locked = true;
            }
        } else {
            full = true;
        }
        trace.pending = Long.MAX_VALUE;
        return place < MAX_EVENTS;
    }

    /** Drops the threads' traces, once the round is over and searched. */
    synchronized void clear() {
        threads.clear();
    }

    boolean hasLocks() {
        return locked;
    }

    boolean isFull() {
        return full;
    }

    /** The threads' traces and the place below which all their events are written. */
    record Written(List<ThreadTrace> threads, long cut) {}

    /**
     * What is written so far: the events below the next place, or below a place an append in
     * flight took. An append sets its bound before taking its place, so a look that saw the place
     * taken sees the bound, or the append done; and the next place is read before the threads, so
     * a thread that joins later takes only places above it.
     */
    Written written() {
        long cut = Math.min(next.get(), MAX_EVENTS);
        List<ThreadTrace> traces;
        synchronized (this) {
            traces = new ArrayList<>(threads);
        }
        for (ThreadTrace trace : traces) {
            cut = Math.min(cut, trace.pending);
        }
        return new Written(traces, cut);
    }
}
