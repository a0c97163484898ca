package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two ways of a thread's cache of shadows, with keys chosen by the slot their identity hash gives. */
class RecentShadowsTest {

    private static final int SIZE = 16;

    @Test
    void twoKeysOfNeighbouringSlotsStayWhenAThirdWasMovedAside() {
        RecentShadows<String> cache = new RecentShadows<>(SIZE);
        List<Object> inSlotTwo = keysInSlot(2, 2);
        Object moved = inSlotTwo.get(0);
        Object first = inSlotTwo.get(1);
        Object second = keysInSlot(3, 1).get(0);
        cache.put(moved, "moved");
        // takes slot 2, and moves the older key into slot 3
        cache.put(first, "first");
        // slot 3 is its own: the key moved there gives way, not the first one in its own slot 2
        cache.put(second, "second");
        assertEquals("first", cache.get(first));
        assertEquals("second", cache.get(second));
    }

    @Test
    void theOlderOfTwoKeysOfOneSlotGivesWayToANewOne() {
        RecentShadows<String> cache = new RecentShadows<>(SIZE);
        List<Object> keys = keysInSlot(4, 3);
        cache.put(keys.get(0), "oldest");
        cache.put(keys.get(1), "older");
        cache.put(keys.get(2), "newest");
        assertEquals(null, cache.get(keys.get(0)));
        assertEquals("older", cache.get(keys.get(1)));
        assertEquals("newest", cache.get(keys.get(2)));
    }

    /** Objects whose identity hash puts them in the slot of a cache of {@link #SIZE} entries. */
    private static List<Object> keysInSlot(int slot, int count) {
        List<Object> keys = new ArrayList<>();
        while (keys.size() < count) {
            Object key = new Object();
            if ((System.identityHashCode(key) & (SIZE - 1)) == slot) {
                keys.add(key);
            }
        }
        return keys;
    }
}
