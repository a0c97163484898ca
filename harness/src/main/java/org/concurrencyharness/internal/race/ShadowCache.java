package org.concurrencyharness.internal.race;

/**
 * One thread's own cache from the objects (or arrays) it touched last to their shadows,
 * direct-mapped by identity hash: loops touch the same few objects over and over, and a hit
 * costs no map lookup and no lock. The very last hit is checked first, without hashing: the
 * identity hash of a locked object is slow to get, and a loop that takes one monitor over and
 * over asks for that monitor every time. It holds at most {@value #SIZE} objects strongly; a
 * thread starts each round with new caches.
 */
final class ShadowCache<V> {

    private static final int SIZE = 256;

    private final Object[] keys = new Object[SIZE];
    private final Object[] values = new Object[SIZE];
    private Object lastKey;
    private Object lastValue;

    @SuppressWarnings("unchecked")
    V get(Object key) {
        if (key == lastKey) {
            return (V) lastValue;
        }
        int slot = System.identityHashCode(key) & (SIZE - 1);
        if (keys[slot] != key) {
            return null;
        }
        lastKey = key;
        lastValue = values[slot];
        return (V) lastValue;
    }

    void put(Object key, V value) {
        int slot = System.identityHashCode(key) & (SIZE - 1);
        keys[slot] = key;
        values[slot] = value;
        lastKey = key;
        lastValue = value;
    }
}
