package org.concurrencyharness.internal.race;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The FastTrack shadow of one field of one object, or of one static field: the epoch of its last
 * write and of its last read (or {@link #SHARED}, while reads by threads that are not ordered are
 * kept in {@link #sharedReads}), each with its site. Epochs are {@code clock << 32 | tid}.
 *
 * <p>Instrumented classes hold one in a field next to each field they declare, made on the
 * first access of a round; it is public only so that their bytecode can name its type. The
 * common updates take no lock: in a race-free program the accesses to one variable are ordered,
 * and so are the updates of its shadow. A write sets its epoch by compare-and-set, so two writes
 * at the same moment are always seen; a read of a field stores its epoch, then, after a full
 * fence, looks at the write epoch again, as a write looks at the read epoch again after its
 * compare-and-set, so that of a read and a write at the same moment one sees the other. (An
 * array element's read and write, settled in the hooks inlined into loops, take no fence, and a
 * pair a few nanoseconds apart can still each miss the other, which may hide that race once but
 * never reports one that is not there.) Rarer transitions hold the shadow's monitor.
 */
public final class VarState {

    /**
     * The write epoch, set by compare-and-set where no lock is held: of two threads writing at the
     * same moment without order, one fails and goes on under the lock, where it sees the other's write.
     */
    static final VarHandle WRITE;

    static {
        try {
            WRITE = MethodHandles.lookup().findVarHandle(VarState.class, "write", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final long NONE = 0;
    /** The read epoch while reads are shared: no thread's epoch is ever -1. */
    static final long SHARED = -1;

    /** The round it belongs to: a shadow of an earlier round is replaced on first access. */
    final Round round;
    /**
     * The object whose field it shadows (null for a static field, or when a map keeps it by
     * object): {@code clone()} copies the shadow field too, and the clone's first checked access
     * must not take the original's shadow for its own.
     */
    final Object holder;

    long write;
    int writeSite;
    long read;
    int readSite;
    SharedReads sharedReads;

    VarState(Round round, Object holder) {
        this.round = round;
        this.holder = holder;
    }

    /** The same state, held apart (a run of elements split off, an element of a run spread): its shared reads too. */
    VarState copy() {
        VarState copy = new VarState(round, null);
        copy.write = write;
        copy.writeSite = writeSite;
        copy.read = read;
        copy.readSite = readSite;
        copy.sharedReads = sharedReads == null ? null : sharedReads.copy();
        return copy;
    }

    static long epoch(int tid, int clock) {
        return ((long) clock << 32) | (tid & 0xffffffffL);
    }

    static int tid(long epoch) {
        return (int) epoch;
    }

    static int clock(long epoch) {
        return (int) (epoch >>> 32);
    }
}
