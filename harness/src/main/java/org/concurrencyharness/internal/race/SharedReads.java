package org.concurrencyharness.internal.race;

import java.util.Arrays;

/** The reads of one variable by threads that are not ordered: each thread's last read clock and site. */
final class SharedReads {

    final VectorClock clocks;
    private int[] sites = new int[8];

    /** Reads of one round, whose first thread id is {@code base}. */
    SharedReads(int base) {
        this.clocks = new VectorClock(base);
    }

    private SharedReads(SharedReads other) {
        this.clocks = new VectorClock(other.clocks);
        this.sites = other.sites.clone();
    }

    SharedReads copy() {
        return new SharedReads(this);
    }

    void record(long epoch, int site) {
        int tid = VarState.tid(epoch);
        if (tid < clocks.base()) {
            // a thread of an earlier round, which ended before this one began: its read is ordered before all of it
            return;
        }
        clocks.set(tid, VarState.clock(epoch));
        int at = tid - clocks.base();
        if (at >= sites.length) {
            sites = Arrays.copyOf(sites, Math.max(at + 1, sites.length * 2));
        }
        sites[at] = site;
    }

    /**
     * Whether this epoch's read is already recorded: checked without the variable's monitor, as
     * only the reading thread ever writes its own entry.
     */
    boolean has(long epoch) {
        return clocks.get(VarState.tid(epoch)) == VarState.clock(epoch);
    }

    int site(int tid) {
        return sites[tid - clocks.base()];
    }
}
