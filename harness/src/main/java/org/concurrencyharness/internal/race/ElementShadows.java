package org.concurrencyharness.internal.race;

/**
 * The FastTrack shadows of one array's elements, as parallel arrays of epochs and sites: a
 * loop over the array walks them in step, and an element costs 24 bytes rather than an object.
 * Updated as {@link VarState} explains; the rare transitions hold this object's monitor, and
 * copy the element through a {@link VarState} so that both follow the same rules. Public only so
 * that instrumented bytecode can name its type.
 */
public final class ElementShadows {

    final Round round;
    final long[] writes;
    final long[] reads;
    final int[] writeSites;
    final int[] readSites;
    /** By element, while its reads are shared; made and changed under this monitor. */
    private volatile SharedReads[] shared;

    ElementShadows(Round round, int length) {
        this.round = round;
        this.writes = new long[length];
        this.reads = new long[length];
        this.writeSites = new int[length];
        this.readSites = new int[length];
    }

    /** The element's state as a variable; the caller holds this monitor. */
    VarState load(int index) {
        VarState var = new VarState(round);
        var.write = writes[index];
        var.writeSite = writeSites[index];
        var.read = reads[index];
        var.readSite = readSites[index];
        var.sharedReads = var.read == VarState.SHARED ? sharedReads(index) : null;
        return var;
    }

    /** Writes back what {@link #load} gave; the caller holds this monitor. */
    void store(int index, VarState var) {
        writeSites[index] = var.writeSite;
        writes[index] = var.write;
        readSites[index] = var.readSite;
        reads[index] = var.read;
        if (var.sharedReads != null && shared == null) {
            shared = new SharedReads[writes.length];
        }
        if (shared != null) {
            shared[index] = var.sharedReads;
        }
    }

    /** The element's shared reads, if its reads are shared; read without the monitor by the shared-read check. */
    SharedReads sharedReads(int index) {
        SharedReads[] all = shared;
        return all == null ? null : all[index];
    }
}
