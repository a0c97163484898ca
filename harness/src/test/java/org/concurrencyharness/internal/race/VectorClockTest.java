package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A clock counts the threads of its round only: earlier rounds' threads are behind it, other rounds' clocks are not joined. */
class VectorClockTest {

    @Test
    void aJoinTakesThePointwiseMaximumOfTheSameRound() {
        VectorClock mine = new VectorClock(100);
        mine.set(100, 3);
        VectorClock theirs = new VectorClock(100);
        theirs.set(100, 1);
        theirs.set(105, 7);
        mine.join(theirs);
        assertEquals(3, mine.get(100));
        assertEquals(7, mine.get(105));
        assertEquals(0, mine.get(104));
    }

    @Test
    void aClockOfAnotherRoundIsNotJoined() {
        VectorClock present = new VectorClock(100);
        VectorClock earlier = new VectorClock(40);
        earlier.set(100, 9);
        present.join(earlier);
        assertEquals(0, present.get(100));
    }

    @Test
    void anEarlierRoundsThreadHasNoEntryToSet() {
        // a read by a thread of an earlier round met a shared read of this one's (seen on Caffeine's queues)
        VectorClock present = new VectorClock(100);
        present.set(2, 5);
        present.increment(2);
        SharedReads reads = new SharedReads(100);
        reads.record(VarState.epoch(2, 5), 7);
        assertEquals(Integer.MAX_VALUE, present.get(2));
        assertEquals(0, present.get(100));
    }

    @Test
    void everyStepOfAnEarlierRoundsThreadIsCovered() {
        VectorClock present = new VectorClock(100);
        assertEquals(Integer.MAX_VALUE, present.get(99));
    }

    @Test
    void aClockHoldsOnlyItsRoundsThreads() {
        VectorClock present = new VectorClock(1_000_000);
        present.set(1_000_002, 1);
        assertEquals(1_000_000, present.base());
        assertEquals(
                1_000_004, present.end(), "entries for the round's threads only, not for every id since the run began");
    }
}
