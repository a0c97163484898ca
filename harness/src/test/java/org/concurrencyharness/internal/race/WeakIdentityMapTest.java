package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/** The detector's weak identity map: by identity, through its tables' growth, and from two threads at once. */
class WeakIdentityMapTest {

    @Test
    void keysAreTheirIdentityNotTheirEquality() {
        WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
        String first = new String("key");
        String equal = new String("key");
        map.put(first, "first");
        assertEquals("first", map.get(first));
        assertNull(map.get(equal));
        assertEquals("equal", map.computeIfAbsent(equal, k -> "equal"));
        assertEquals("first", map.computeIfAbsent(first, k -> "made again"));
    }

    @Test
    void everyKeyIsFoundAsTheTablesGrowAndAfterRemovals() {
        WeakIdentityMap<Object, Integer> map = new WeakIdentityMap<>();
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Object key = new Object();
            keys.add(key);
            map.computeIfAbsent(key, k -> keys.size());
        }
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(i + 1, map.get(keys.get(i)));
        }
        for (int i = 0; i < keys.size(); i += 2) {
            assertEquals(i + 1, map.remove(keys.get(i)));
        }
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(i % 2 == 0 ? null : i + 1, map.get(keys.get(i)));
        }
        // removed keys' slots are taken again, and a key put again has its new value
        map.put(keys.get(0), -1);
        map.put(keys.get(1), -2);
        assertEquals(-1, map.get(keys.get(0)));
        assertEquals(-2, map.get(keys.get(1)));
        map.clear();
        assertNull(map.get(keys.get(1)));
    }

    @Test
    void twoThreadsMakingOneKeysValueGetTheSameOne() throws Exception {
        WeakIdentityMap<Object, Object> map = new WeakIdentityMap<>();
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            keys.add(new Object());
        }
        AtomicReferenceArray<Object> seenByOne = new AtomicReferenceArray<>(keys.size());
        AtomicReferenceArray<Object> seenByOther = new AtomicReferenceArray<>(keys.size());
        CyclicBarrier start = new CyclicBarrier(2);
        Thread one = new Thread(() -> fill(map, keys, seenByOne, start));
        Thread other = new Thread(() -> fill(map, keys, seenByOther, start));
        one.start();
        other.start();
        one.join();
        other.join();
        for (int i = 0; i < keys.size(); i++) {
            assertSame(seenByOne.get(i), seenByOther.get(i), "key " + i);
            assertSame(seenByOne.get(i), map.get(keys.get(i)));
        }
    }

    @Test
    void aKeyPutAgainIsNeverMissingMeanwhile() throws Exception {
        WeakIdentityMap<Object, Object> map = new WeakIdentityMap<>();
        Object key = new Object();
        map.put(key, "first");
        Thread putter = new Thread(() -> {
            for (int i = 0; i < 200_000; i++) {
                map.put(key, i);
            }
        });
        putter.start();
        int missing = 0;
        while (putter.isAlive()) {
            missing += map.get(key) == null ? 1 : 0;
        }
        putter.join();
        assertEquals(0, missing);
    }

    private static void fill(
            WeakIdentityMap<Object, Object> map,
            List<Object> keys,
            AtomicReferenceArray<Object> seen,
            CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < keys.size(); i++) {
            seen.set(i, map.computeIfAbsent(keys.get(i), k -> new Object()));
        }
    }
}
