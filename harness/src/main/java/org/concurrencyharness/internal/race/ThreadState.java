package org.concurrencyharness.internal.race;

/**
 * What the detector knows of one thread in one round: its id, its vector clock, and the round's
 * shadows it records into. Only its own thread changes it, except for a joiner reading a finished
 * thread's clock. No other clock ever holds more of this thread's steps than its own, so joins
 * leave its own entry alone.
 */
final class ThreadState {

    final int tid;
    final String name;
    final VectorClock clock;
    final Round round;

    /** The shadows of the objects, arrays and locks this thread touched last: loops touch the same ones. */
    final ShadowCache<FieldShadows> holders = new ShadowCache<>();
    final ShadowCache<ElementShadows> arrays = new ShadowCache<>();
    final ShadowCache<VectorClock> syncs = new ShadowCache<>();
    final ShadowCache<VectorClock> monitors = new ShadowCache<>();

    /** This thread's current epoch, {@code clock << 32 | tid}, as shadows record it: the accesses' fast path compares it. */
    long epoch;

    ThreadState(int tid, String name, Round round) {
        this.tid = tid;
        this.name = name;
        this.round = round;
        this.clock = new VectorClock(round.base);
        clock.set(tid, 1);
        epoch = VarState.epoch(tid, 1);
    }

    /** Whether an access in that epoch happens before this thread's present (never asked of {@link VarState#SHARED}). */
    boolean covers(long epoch) {
        int tid = VarState.tid(epoch);
        // this thread's own past needs no clock lookup
        return tid == this.tid || epoch == VarState.NONE || VarState.clock(epoch) <= clock.get(tid);
    }

    /** After a release, later steps of this thread are no longer covered by what it released. */
    void tick() {
        clock.increment(tid);
        epoch = VarState.epoch(tid, clock.get(tid));
    }
}
