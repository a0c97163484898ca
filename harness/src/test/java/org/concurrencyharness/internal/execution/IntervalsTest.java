package org.concurrencyharness.internal.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IntervalsTest {

    @Test
    void noIntervalsOverlapNothing() {
        assertEquals(0, new Intervals().maxOverlap());
    }

    @Test
    void intervalsThatOnlyTouchAreNeverOpenTogether() {
        Intervals intervals = new Intervals();
        intervals.add(0, 10);
        intervals.add(10, 20);
        intervals.add(20, 30);
        assertEquals(1, intervals.maxOverlap());
    }

    @Test
    void countsTheMostOpenAtOneInstantAddedInAnyOrder() {
        Intervals intervals = new Intervals();
        intervals.add(50, 60);
        intervals.add(0, 100);
        intervals.add(55, 58);
        intervals.add(10, 20);
        for (int i = 0; i < 20; i++) {
            intervals.add(200 + i, 201 + i);
        }
        assertEquals(3, intervals.maxOverlap());
    }
}
