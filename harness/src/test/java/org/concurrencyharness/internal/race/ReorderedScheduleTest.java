package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.concurrencyharness.internal.result.Prediction;
import org.junit.jupiter.api.Test;

/**
 * The search for a schedule that exposes a race, on traces written out event by event in the
 * order a run recorded them: it finds one where a lock only happened to order the accesses, and
 * none where what the program read, a hard edge or the lock itself orders them.
 */
class ReorderedScheduleTest {

    private final Round round = new Round(1);
    private final RoundTrace trace = new RoundTrace();
    private final ThreadTrace first = trace.thread("first");
    private final ThreadTrace second = trace.thread("second");
    private final VarState data = new VarState(round, null);
    private final VarState flag = new VarState(round, null);
    private final VarState other = new VarState(round, null);
    private final Object lock = new Object();
    private final int site = SiteRegistry.register(
            "ReorderedScheduleTest",
            "data",
            "ReorderedScheduleTest.run",
            "ReorderedScheduleTest.java:1",
            true,
            false,
            getClass().getClassLoader());
    private int events;

    /** Records an event and gives its place in the run. */
    private int event(ThreadTrace thread, byte kind, Object key) {
        trace.record(thread, kind, key, -1, site, null);
        return events++;
    }

    private Prediction search(int earlier, int later) {
        return new ReorderedSchedule(new TracedRun(trace)).find(earlier, later);
    }

    @Test
    void aWriteBeforeOneCriticalSectionRacesWithAReadAfterAnotherOfTheSameLock() {
        int write = event(first, TraceEvents.WRITE, data);
        event(first, TraceEvents.LOCK, lock);
        event(first, TraceEvents.WRITE, flag);
        event(first, TraceEvents.UNLOCK, lock);
        event(second, TraceEvents.LOCK, lock);
        event(second, TraceEvents.WRITE, other);
        event(second, TraceEvents.UNLOCK, lock);
        int read = event(second, TraceEvents.READ, data);

        Prediction prediction = search(write, read);

        assertNotNull(prediction);
        assertEquals(
                List.of(new Prediction.Reordering(
                        "synchronized (Object)",
                        new Prediction.CriticalSection("first", "ReorderedScheduleTest.java:1"),
                        new Prediction.CriticalSection("second", "ReorderedScheduleTest.java:1"))),
                prediction.reordered());
    }

    @Test
    void aFlagWrittenAndReadUnderTheLockHandsTheDataOver() {
        int write = event(first, TraceEvents.WRITE, data);
        event(first, TraceEvents.LOCK, lock);
        event(first, TraceEvents.WRITE, flag);
        event(first, TraceEvents.UNLOCK, lock);
        event(second, TraceEvents.LOCK, lock);
        event(second, TraceEvents.READ, flag);
        event(second, TraceEvents.UNLOCK, lock);
        int read = event(second, TraceEvents.READ, data);

        assertNull(search(write, read));
    }

    @Test
    void aHardEdgeKeepsItsOrder() {
        Object queue = new Object();
        int write = event(first, TraceEvents.WRITE, data);
        event(first, TraceEvents.RELEASE, queue);
        event(second, TraceEvents.ACQUIRE, queue);
        int read = event(second, TraceEvents.READ, data);

        assertNull(search(write, read));
    }

    @Test
    void twoAccessesInsideSectionsOfOneLockNeverRace() {
        event(first, TraceEvents.LOCK, lock);
        int write = event(first, TraceEvents.WRITE, data);
        event(first, TraceEvents.UNLOCK, lock);
        event(second, TraceEvents.LOCK, lock);
        int read = event(second, TraceEvents.READ, data);
        event(second, TraceEvents.UNLOCK, lock);

        assertNull(search(write, read));
    }

    @Test
    void aSemaphoreOfTwoPermitsLetsTwoHoldersInAtOnce() {
        Object permits = new Permits(2);
        event(first, TraceEvents.LOCK, permits);
        int write = event(first, TraceEvents.WRITE, data);
        event(first, TraceEvents.UNLOCK, permits);
        event(second, TraceEvents.LOCK, permits);
        int read = event(second, TraceEvents.READ, data);
        event(second, TraceEvents.UNLOCK, permits);

        Prediction prediction = search(write, read);

        assertNotNull(prediction);
        assertEquals("@Semaphore(2)", prediction.reordered().get(0).lock());
    }

    @Test
    void aLockAlsoTouchedOtherwiseKeepsTheRunsOrder() {
        // a failed tryLock saw the lock held: in another order it could have succeeded, and the thread gone elsewhere
        int write = event(first, TraceEvents.WRITE, data);
        event(first, TraceEvents.LOCK, lock);
        event(second, TraceEvents.ACQUIRE, lock);
        event(first, TraceEvents.UNLOCK, lock);
        event(second, TraceEvents.LOCK, lock);
        event(second, TraceEvents.UNLOCK, lock);
        int read = event(second, TraceEvents.READ, data);

        assertNull(search(write, read));
    }

    @Test
    void aReadOfAVariableTheRunRacedOnIsNotReliedOn() {
        // the second thread reads other, which both wrote unordered: which write it saw is not known
        event(second, TraceEvents.WRITE, other);
        int write = event(first, TraceEvents.WRITE, data);
        event(first, TraceEvents.WRITE, other);
        event(first, TraceEvents.LOCK, lock);
        event(first, TraceEvents.UNLOCK, lock);
        event(second, TraceEvents.LOCK, lock);
        event(second, TraceEvents.UNLOCK, lock);
        event(second, TraceEvents.READ, other);
        int read = event(second, TraceEvents.READ, data);

        assertNull(search(write, read));
    }
}
