package org.concurrencyharness.internal.race;

import java.util.Arrays;

/**
 * A vector clock: for each thread id, the last of its steps known to happen before. Not
 * thread-safe.
 *
 * <p>Thread ids grow over a run, and a clock counts only the threads of its round: its entries
 * start at the round's first id (its base), so a join costs the threads of one round, however
 * many rounds came before. An id below the base is of an earlier round, which ended before this
 * one began: every step of it is covered. A clock of another round is never joined.
 */
final class VectorClock {

    private final int base;
    private int[] clocks;

    VectorClock(int base) {
        this.base = base;
        this.clocks = new int[4];
    }

    VectorClock(VectorClock other) {
        this.base = other.base;
        this.clocks = other.clocks.clone();
    }

    int get(int tid) {
        int at = tid - base;
        if (at < 0) {
            return Integer.MAX_VALUE;
        }
        return at < clocks.length ? clocks[at] : 0;
    }

    /** Sets a thread's entry; a thread of an earlier round has none to set (its steps are all covered). */
    void set(int tid, int value) {
        int at = ensure(tid);
        if (at >= 0) {
            clocks[at] = value;
        }
    }

    void increment(int tid) {
        int at = ensure(tid);
        if (at >= 0) {
            clocks[at]++;
        }
    }

    /** This clock becomes the pointwise maximum of itself and the other, if the other is of the same round. */
    void join(VectorClock other) {
        if (other.base != base) {
            return;
        }
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

    /** The first thread id this clock counts, and one past the last it may hold. */
    int base() {
        return base;
    }

    int end() {
        return base + clocks.length;
    }

    private int ensure(int tid) {
        int at = tid - base;
        if (at >= clocks.length) {
            clocks = Arrays.copyOf(clocks, Math.max(at + 1, clocks.length * 2));
        }
        return at;
    }

    @Override
    public String toString() {
        return "from " + base + " " + Arrays.toString(clocks);
    }
}
