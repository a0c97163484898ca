package org.concurrencyharness.internal.race;

/**
 * The analysis state of one exercise round: the shadows of the variables it touched and the
 * clocks of its synchronisation objects. A new round starts from a new one, so nothing of an
 * earlier round's leaks into it.
 */
final class Round {

    /** The first thread id of the round: its clocks count from there (see VectorClock). */
    final int base;

    final WeakIdentityMap<Object, VectorClock> syncClocks = new WeakIdentityMap<>();
    /**
     * The clocks of monitors, apart from other synchronisation objects: a monitor's clock is only
     * read and written by the thread that holds the monitor, so it needs no lock of its own.
     */
    final WeakIdentityMap<Object, VectorClock> monitorClocks = new WeakIdentityMap<>();

    final WeakIdentityMap<Object, DetachedShadows> fields = new WeakIdentityMap<>();
    final DetachedShadows statics = new DetachedShadows(this);
    final WeakIdentityMap<Object, ElementShadows> arrays = new WeakIdentityMap<>();
    /** The round's events, when races are predicted; else null. */
    final RoundTrace trace = TraceEvents.ON ? new RoundTrace() : null;

    /** What every task run through an executor had done when it ended. */
    final VectorClock tasksDone;

    Round(int base) {
        this.base = base;
        this.tasksDone = new VectorClock(base);
    }

    /**
     * Once the next round began: lets go of what this one knew. Shadows made in it stay in the
     * fields of objects that outlive it, and each names its round, so a round would otherwise stay
     * alive with every clock and shadow its maps hold, including the entries of objects long dropped
     * that only a later look into the map would have cleared. A thread of this round still running
     * finds empty maps, and its races are not reported.
     */
    void retire() {
        syncClocks.clear();
        monitorClocks.clear();
        fields.clear();
        arrays.clear();
        if (trace != null) {
            trace.clear();
        }
    }
}
