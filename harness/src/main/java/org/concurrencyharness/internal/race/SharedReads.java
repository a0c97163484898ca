package org.concurrencyharness.internal.race;

import java.util.Arrays;

/** The reads of one variable by threads that are not ordered: each thread's last read clock and site. */
final class SharedReads {

    final VectorClock clocks = new VectorClock();
    private int[] sites = new int[8];

    void record(long epoch, int site) {
        int tid = VarState.tid(epoch);
        clocks.set(tid, VarState.clock(epoch));
        if (tid >= sites.length) {
            sites = Arrays.copyOf(sites, Math.max(tid + 1, sites.length * 2));
        }
        sites[tid] = site;
    }

    /**
     * Whether this epoch's read is already recorded: checked without the variable's monitor, as
     * only the reading thread ever writes its own entry.
     */
    boolean has(long epoch) {
        return clocks.get(VarState.tid(epoch)) == VarState.clock(epoch);
    }

    int site(int tid) {
        return sites[tid];
    }
}
