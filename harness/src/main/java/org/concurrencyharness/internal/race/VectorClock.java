package org.concurrencyharness.internal.race;

import java.util.Arrays;

/** A vector clock: for each thread id, the last of its steps known to happen before. Not thread-safe. */
final class VectorClock {

    private int[] clocks;

    VectorClock() {
        this.clocks = new int[4];
    }

    VectorClock(VectorClock other) {
        this.clocks = other.clocks.clone();
    }

    int get(int tid) {
        return tid < clocks.length ? clocks[tid] : 0;
    }

    void set(int tid, int value) {
        ensure(tid);
        clocks[tid] = value;
    }

    void increment(int tid) {
        ensure(tid);
        clocks[tid]++;
    }

    /** This clock becomes the pointwise maximum of itself and the other. */
    void join(VectorClock other) {
        int[] theirs = other.clocks;
        if (theirs.length > clocks.length) {
            // grow to exactly their size: doubling here would make two clocks joined in turn outgrow each other
            clocks = Arrays.copyOf(clocks, theirs.length);
        }
        for (int i = 0; i < theirs.length; i++) {
            if (theirs[i] > clocks[i]) {
                clocks[i] = theirs[i];
            }
        }
    }

    /** Whether the epoch {@code clock@tid} happens before (or is) this clock's knowledge of tid. */
    boolean covers(int tid, int clock) {
        return clock <= get(tid);
    }

    /** Whether every entry of this clock is covered by the other. */
    boolean leq(VectorClock other) {
        for (int i = 0; i < clocks.length; i++) {
            if (clocks[i] > other.get(i)) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return clocks.length;
    }

    private void ensure(int tid) {
        if (tid >= clocks.length) {
            clocks = Arrays.copyOf(clocks, Math.max(tid + 1, clocks.length * 2));
        }
    }

    @Override
    public String toString() {
        return Arrays.toString(clocks);
    }
}
