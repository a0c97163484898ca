package org.concurrencyharness.internal.race;

/**
 * The FastTrack shadow of one variable (a field of one object, a static field, or one array
 * element): the epoch of its last write, and the epoch of its last read, or a vector clock of
 * reads while they are shared by threads that are not ordered. Epochs are {@code clock << 32 | tid}.
 * Each state is guarded by its own monitor, which the analysis holds only for a few steps; the
 * sites and threads are read only for an epoch that is not {@link #NONE}.
 */
final class VarState {

    static final long NONE = 0;

    // No field has an initialiser: a shadow's default state is a valid start, so a thread that
    // finds a shadow through a racy read sees nothing half made.
    volatile long write;
    int writeSite;
    String writeThread;

    volatile long read;
    int readSite;
    String readThread;

    /** When reads are shared: each thread's last read clock, site and name, by thread id. */
    VectorClock sharedReads;
    int[] sharedReadSites;
    String[] sharedReadThreads;

    static long epoch(int tid, int clock) {
        return ((long) clock << 32) | (tid & 0xffffffffL);
    }

    static int tid(long epoch) {
        return (int) epoch;
    }

    static int clock(long epoch) {
        return (int) (epoch >>> 32);
    }

    /** Whether the epoch happens before the thread's present, as its clock knows it. */
    static boolean happensBefore(long epoch, VectorClock clock) {
        return epoch == NONE || clock(epoch) <= clock.get(tid(epoch));
    }

    void recordSharedRead(int tid, int clock, int site, String thread) {
        sharedReads.set(tid, clock);
        if (sharedReadSites.length <= tid) {
            int size = Math.max(tid + 1, sharedReadSites.length * 2);
            sharedReadSites = java.util.Arrays.copyOf(sharedReadSites, size);
            sharedReadThreads = java.util.Arrays.copyOf(sharedReadThreads, size);
        }
        sharedReadSites[tid] = site;
        sharedReadThreads[tid] = thread;
    }

    void shareReads(int tid, int clock, int site, String thread) {
        sharedReads = new VectorClock();
        sharedReadSites = new int[Math.max(8, Math.max(tid, tid(read)) + 1)];
        sharedReadThreads = new String[sharedReadSites.length];
        recordSharedRead(tid(read), clock(read), readSite, readThread);
        recordSharedRead(tid, clock, site, thread);
        read = NONE;
    }
}
