package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hook that fails never throws into the program: the failure is recorded once per kind, with its stack. */
class DetectorErrorsTest {

    @Test
    void aFailingHookRecordsItsFailureOnceAndTheProgramGoesOn() {
        DetectorErrors.drain();
        List<Integer> list = new ArrayList<>();
        // a site the agent never registered: the hook's own lookup fails
        assertDoesNotThrow(() -> Hooks.preObjectCall(list, Integer.MAX_VALUE));
        assertDoesNotThrow(() -> Hooks.preObjectCall(list, Integer.MAX_VALUE));
        List<String> errors = DetectorErrors.drain();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("The race detector failed (the program went on; races may be missed)"));
        assertTrue(errors.get(0).contains("\tat org.concurrencyharness.internal.race.SiteRegistry"), errors.get(0));
        assertEquals(List.of(), DetectorErrors.drain());
    }
}
