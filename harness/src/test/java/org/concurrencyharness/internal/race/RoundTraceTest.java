package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A round's trace keeps the run's beginning when the run is longer than it can hold: a run in its own right. */
class RoundTraceTest {

    @Test
    void aFullTraceHoldsEveryEventBelowItsCapacityAndNoneAfter() {
        RoundTrace trace = new RoundTrace();
        ThreadTrace first = trace.thread("first");
        ThreadTrace second = trace.thread("second");
        Object lock = new Object();
        for (int i = 0; i < RoundTrace.MAX_EVENTS; i++) {
            assertTrue(trace.record(i % 2 == 0 ? first : second, TraceEvents.ACQUIRE, lock, -1, 0, null));
        }

        assertFalse(trace.record(first, TraceEvents.RELEASE, lock, -1, 0, null), "the event past the end");
        assertFalse(trace.record(second, TraceEvents.RELEASE, lock, -1, 0, null), "and every one after it");

        assertTrue(trace.isFull());
        TracedRun run = new TracedRun(trace);
        assertEquals(RoundTrace.MAX_EVENTS, run.size);
        assertEquals(RoundTrace.MAX_EVENTS / 2, run.eventsOf(0));
        assertEquals(TraceEvents.ACQUIRE, run.kind[run.size - 1]);
    }
}
