package org.concurrencyharness.internal.race;

import java.util.Arrays;

/**
 * One thread's events in a traced round, in its program order, each with its place in the
 * round's order of all events. Only its thread appends; {@link #size} publishes what it wrote,
 * for the analysis, which may read while a thread the round abandoned still appends.
 */
final class ThreadTrace {

    /**
     * The events, column by column. Grown into a new one, published through {@link #events}, so
     * that a reader who sees the new columns sees what was copied into them.
     */
    record Events(long[] places, byte[] kinds, Object[] keys, int[] indexes, int[] sites, String[] names) {

        static Events ofCapacity(int capacity) {
            return new Events(
                    new long[capacity],
                    new byte[capacity],
                    new Object[capacity],
                    new int[capacity],
                    new int[capacity],
                    new String[capacity]);
        }

        Events grown() {
            int capacity = places.length * 2;
            return new Events(
                    Arrays.copyOf(places, capacity),
                    Arrays.copyOf(kinds, capacity),
                    Arrays.copyOf(keys, capacity),
                    Arrays.copyOf(indexes, capacity),
                    Arrays.copyOf(sites, capacity),
                    Arrays.copyOf(names, capacity));
        }
    }

    private final RoundTrace round;
    final String name;

    private volatile Events events = Events.ofCapacity(64);
    /** How many events are written, published after them. */
    private volatile int size;
    /**
     * At or below the place of an event being appended, else {@link Long#MAX_VALUE}: the analysis
     * takes only events below every thread's, which are all written (see {@link RoundTrace#written}).
     */
    volatile long pending = Long.MAX_VALUE;

    ThreadTrace(RoundTrace round, String name) {
        this.round = round;
        this.name = name;
    }

    RoundTrace round() {
        return round;
    }

    void append(long place, byte kind, Object key, int index, int site, String variableName) {
        int at = size;
        Events columns = events;
        if (at == columns.places.length) {
            columns = columns.grown();
            events = columns;
        }
        columns.places[at] = place;
        columns.kinds[at] = kind;
        columns.keys[at] = key;
        columns.indexes[at] = index;
        columns.sites[at] = site;
        columns.names[at] = variableName;
        size = at + 1;
    }

    /** The events written so far and how many they are: the count first, so that the columns hold them all. */
    Events written(int[] count) {
        count[0] = size;
        return events;
    }
}
