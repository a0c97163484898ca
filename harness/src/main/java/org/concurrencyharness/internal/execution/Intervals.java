package org.concurrencyharness.internal.execution;

import java.util.Arrays;

/**
 * The most intervals open at once: how many workers were inside the body together, counted
 * afterwards from each one's own start and end, so that counting synchronises nothing.
 */
public final class Intervals {

    // each event is its time, doubled, plus one for a start: sorted as plain longs, an end sorts
    // before a start at the same time, so touching intervals do not overlap
    private long[] events = new long[16];
    private int size;

    public void add(long start, long end) {
        if (size + 2 > events.length) {
            events = Arrays.copyOf(events, events.length * 2);
        }
        events[size++] = start * 2 + 1;
        events[size++] = end * 2;
    }

    public int maxOverlap() {
        Arrays.sort(events, 0, size);
        int current = 0;
        int max = 0;
        for (int i = 0; i < size; i++) {
            current += (events[i] & 1) == 1 ? 1 : -1;
            max = Math.max(max, current);
        }
        return max;
    }
}
