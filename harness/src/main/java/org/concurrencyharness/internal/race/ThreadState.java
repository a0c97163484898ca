package org.concurrencyharness.internal.race;

/**
 * What the detector knows of one thread: its id, its vector clock, and which analysis epoch it
 * belongs to. Only its own thread changes it, except for a joiner reading a finished thread's clock.
 */
final class ThreadState {

    final int tid;
    final String name;
    final VectorClock clock = new VectorClock();
    final int generation;

    /** The last object and array this thread touched, and their shadows: loops touch the same ones. */
    Object lastHolder;
    java.util.concurrent.ConcurrentHashMap<Integer, VarState> lastHolderFields;
    Object lastShadows;
    Object lastArray;
    VarState[] lastArrayVars;
    Object lastArrayShadows;

    ThreadState(int tid, String name, int generation) {
        this.tid = tid;
        this.name = name;
        this.generation = generation;
        clock.set(tid, 1);
    }

    /** This thread's current epoch: its own entry of its clock. */
    int epoch() {
        return clock.get(tid);
    }

    /** After a release, later steps of this thread are no longer covered by what it released. */
    void tick() {
        clock.increment(tid);
    }
}
