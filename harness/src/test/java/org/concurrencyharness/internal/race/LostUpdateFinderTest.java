package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.concurrencyharness.internal.race.LostUpdateFinder.Seen;
import org.concurrencyharness.internal.race.LostUpdateFinder.StaleRead;
import org.junit.jupiter.api.Test;

/** The calls, and the values they saw and replaced, that make a lost update, and those that do not. */
class LostUpdateFinderTest {

    private final LostUpdateFinder<String> finder = new LostUpdateFinder<>();
    private final Object one = new Object();
    private final Object two = new Object();
    private final Object three = new Object();

    /** A write by {@code caller} of {@code value}, from tick {@code began} to {@code ended}. */
    private void write(String caller, Object value, long began, long ended) {
        finder.writing("n", caller, caller + " writes", value, began);
        finder.wrote("n", caller, began, ended, true);
    }

    @Test
    void aWriteThatReplacesAnotherValueThanItsCallerReadLosesTheWriteInBetween() {
        finder.read("n", "A", "A reads", Seen.object(one), 1);
        write("B", two, 3, 4);
        assertEquals(new StaleRead<>("A reads", "B writes"), finder.overwrites("n", "A", two, 5));
        assertNull(finder.overwrites("n", "A", two, 7), "the write used the read up");
    }

    @Test
    void theWriteNamedIsTheOneThatWroteWhatWasReplacedElseTheLatest() {
        finder.read("n", "A", "A reads", Seen.object(one), 1);
        write("B", two, 2, 3);
        write("C", three, 4, 5);
        assertEquals("B writes", finder.overwrites("n", "A", two, 6).overwritten(), "B wrote what A replaced");

        finder.read("n", "A", "A reads", Seen.object(one), 7);
        write("B", new Object(), 8, 9);
        write("C", new Object(), 10, 11);
        assertEquals("C writes", finder.overwrites("n", "A", three, 12).overwritten(), "neither did: the latest");
    }

    @Test
    void whatTheCallerReadStillThereLosesNothing() {
        finder.read("n", "A", "A reads", Seen.object(one), 1);
        write("B", one, 2, 3);
        assertNull(finder.overwrites("n", "A", one, 4), "B wrote the very object A read: nothing tells them apart");
    }

    @Test
    void aChangeNoFollowedWriteExplainsIsNotReported() {
        finder.read("n", "A", "A reads", Seen.object(one), 5);
        write("B", two, 1, 2);
        assertNull(finder.overwrites("n", "A", three, 6), "B's write ended before A's read began");
        finder.read("n", "A", "A reads", Seen.object(one), 7);
        assertNull(finder.overwrites("n", "A", three, 8), "a library's own write, say");
    }

    @Test
    void theCallersOwnWriteUsesItsReadUp() {
        finder.read("n", "A", "A reads", Seen.object(one), 1);
        write("A", two, 2, 3);
        write("B", three, 4, 5);
        assertNull(finder.overwrites("n", "A", three, 6), "A's write after B's is based on A's own");
    }

    @Test
    void aWriteThatDidNotHappenIsNotNamed() {
        finder.read("n", "A", "A reads", Seen.object(one), 1);
        finder.writing("n", "B", "B tries", two, 2);
        finder.wrote("n", "B", 2, 3, false);
        assertNull(finder.overwrites("n", "A", three, 4), "B's compare-and-set failed");
    }

    @Test
    void aWriteStillRunningMayBeTheOneThatCameBetween() {
        finder.read("n", "A", "A reads", Seen.object(one), 1);
        finder.writing("n", "B", "B writes", two, 2);
        assertEquals(new StaleRead<>("A reads", "B writes"), finder.overwrites("n", "A", two, 3));
    }

    @Test
    void seenComparesAsTheCallItCameFromSaw() {
        assertTrue(Seen.value(5).same(5));
        assertFalse(Seen.object(one).same(new Object()));
        assertTrue(Seen.presence(false).same(null));
        assertFalse(Seen.presence(false).same(one), "containsKey was false, the key is present now");
        assertTrue(Seen.valueOrDefault(one, one).same(null), "the default stood for an absent key");
        assertTrue(Seen.valueOrDefault(one, one).same(one));
        assertFalse(Seen.valueOrDefault(one, two).same(null), "the key was present");
    }
}
