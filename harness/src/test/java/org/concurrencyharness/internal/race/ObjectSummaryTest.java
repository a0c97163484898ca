package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What an object's summary stands for: the checks one thread made in one epoch, and nothing else. */
class ObjectSummaryTest {

    private static final long X_READ = ObjectSummary.required(0, false);
    private static final long X_WRITE = ObjectSummary.required(0, true);
    private static final long Y_READ = ObjectSummary.required(1, false);

    @Test
    void aWriteCheckedCoversLaterReadsAndWritesOfThatFieldOnly() {
        long thread = ObjectSummary.of(3, 7);
        long summary = ObjectSummary.after(0, ObjectSummary.bits(0, true), thread);
        assertTrue(ObjectSummary.covers(summary, X_READ, thread));
        assertTrue(ObjectSummary.covers(summary, X_WRITE, thread));
        assertFalse(ObjectSummary.covers(summary, Y_READ, thread));
        assertFalse(ObjectSummary.covers(summary, X_READ | Y_READ, thread));
    }

    @Test
    void aReadCheckedDoesNotCoverAWrite() {
        long thread = ObjectSummary.of(3, 7);
        long summary = ObjectSummary.after(0, ObjectSummary.bits(0, false), thread);
        assertTrue(ObjectSummary.covers(summary, X_READ, thread));
        assertFalse(ObjectSummary.covers(summary, X_WRITE, thread));
    }

    @Test
    void anotherThreadOrALaterEpochStartsAfresh() {
        long summary = ObjectSummary.after(0, ObjectSummary.bits(0, true), ObjectSummary.of(3, 7));
        assertFalse(ObjectSummary.covers(summary, X_READ, ObjectSummary.of(4, 7)));
        assertFalse(ObjectSummary.covers(summary, X_READ, ObjectSummary.of(3, 8)));
        long later = ObjectSummary.after(summary, ObjectSummary.bits(1, false), ObjectSummary.of(3, 8));
        assertTrue(ObjectSummary.covers(later, Y_READ, ObjectSummary.of(3, 8)));
        assertFalse(ObjectSummary.covers(later, X_READ, ObjectSummary.of(3, 8)), "the earlier epoch's checks are gone");
    }

    @Test
    void aThreadWhoseIdDoesNotFitIsNeverCovered() {
        long none = ObjectSummary.of(0x1_0000, 1);
        assertFalse(ObjectSummary.covers(0, X_READ, none));
        assertFalse(ObjectSummary.covers(
                ObjectSummary.after(0, ObjectSummary.bits(0, true), ObjectSummary.of(1, 1)), X_READ, none));
        assertFalse(ObjectSummary.covers(0, 0, ObjectSummary.of(0, 1)), "thread 0 has no summary either");
    }
}
