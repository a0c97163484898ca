package org.concurrencyharness.internal.race;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;

/**
 * The FastTrack shadows of one array's elements: element {@code i}'s write epoch and read epoch
 * at {@code 2i} and {@code 2i + 1} of one array, and their sites likewise in another, so that an
 * access reads one cache line of epochs, and an element costs 24 bytes rather than an object.
 * Updated as {@link VarState} explains; the rare transitions hold this object's monitor, and
 * copy the element through a {@link VarState} so that both follow the same rules. Public only so
 * that instrumented bytecode can name its type.
 */
public final class ElementShadows extends WeakReference<Object> {

    /** Write epochs are set by compare-and-set, as VarState explains. */
    static final VarHandle EPOCHS = MethodHandles.arrayElementVarHandle(long[].class);

    final Round round;
    final int length;
    /** Made when the array goes element by element (see {@link #runs}). */
    long[] epochs;

    int[] sites;
    /** By element, while its reads are shared; made and changed under this monitor. */
    private volatile SharedReads[] shared;
    /**
     * While not null, the elements' shadows are its runs, not the arrays above: a new array
     * starts so, and goes element by element once the runs do not fit (see {@link ElementRuns}).
     * Changed under this monitor; the hooks' inlined paths read it first, so that they see the
     * elements' shadows as they were spread. An array that never goes element by element costs
     * no shadow per element.
     */
    private volatile ElementRuns runs;

    /** The array is referred to weakly, so that a site's cache can tell its array without keeping it alive. */
    ElementShadows(Object array, Round round, int length) {
        super(array);
        this.round = round;
        this.length = length;
        if (round.trace != null && !round.trace.isFull()) {
            // a traced array goes element by element from the start, so that each element's accesses are recorded
            this.epochs = new long[2 * length];
            this.sites = new int[2 * length];
        } else {
            this.runs = new ElementRuns(round);
        }
    }

    boolean inRuns() {
        return runs != null;
    }

    /**
     * Checks {@code count} elements from {@code first}, {@code step} apart (a loop's range, or a
     * single access) on the runs; false if the array goes element by element, from now on.
     */
    synchronized boolean checkRuns(int first, int count, int step, boolean write, ThreadState state, int site) {
        ElementRuns current = runs;
        if (current == null) {
            return false;
        }
        if (count == 1 && current.tooManySingleAccesses() || !current.check(first, count, step, write, state, site)) {
            spread(current);
            return false;
        }
        if (current.overflows()) {
            spread(current);
        }
        return true;
    }

    /** Gives each element of each run the run's state. */
    private void spread(ElementRuns current) {
        epochs = new long[2 * length];
        sites = new int[2 * length];
        current.spread(this::store);
        runs = null;
    }

    /**
     * The element's state, copied into {@code var} (the calling thread's own, see ThreadState's
     * scratch), which it returns; the caller holds this monitor.
     */
    VarState load(int index, VarState var) {
        var.write = epochs[2 * index];
        var.writeSite = sites[2 * index];
        var.read = epochs[2 * index + 1];
        var.readSite = sites[2 * index + 1];
        var.sharedReads = var.read == VarState.SHARED ? sharedReads(index) : null;
        return var;
    }

    /** Writes back what {@link #load} gave; the caller holds this monitor. */
    void store(int index, VarState var) {
        sites[2 * index] = var.writeSite;
        epochs[2 * index] = var.write;
        sites[2 * index + 1] = var.readSite;
        epochs[2 * index + 1] = var.read;
        if (var.sharedReads != null && shared == null) {
            shared = new SharedReads[length];
        }
        if (shared != null) {
            shared[index] = var.sharedReads;
        }
    }

    /** Whether the element's reads are shared and include this epoch's; without the monitor, as sharedReads. */
    boolean isSharedReadBy(int index, long epoch) {
        SharedReads[] all = shared;
        SharedReads reads = all == null ? null : all[index];
        return reads != null && reads.has(epoch);
    }

    /** The element's shared reads, if its reads are shared; read without the monitor by the shared-read check. */
    SharedReads sharedReads(int index) {
        SharedReads[] all = shared;
        return all == null ? null : all[index];
    }
}
