package org.concurrencyharness.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The most intervals open at once: how many workers were inside the body together, counted
 * afterwards from each one's own start and end, so that counting synchronises nothing.
 */
public final class Intervals {

    private final List<long[]> events = new ArrayList<>();

    public void add(long start, long end) {
        events.add(new long[] {start, 1});
        events.add(new long[] {end, -1});
    }

    public int maxOverlap() {
        // at equal times an end sorts before a start: touching intervals do not overlap
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int current = 0;
        int max = 0;
        for (long[] event : events) {
            current += (int) event[1];
            max = Math.max(max, current);
        }
        return max;
    }
}
