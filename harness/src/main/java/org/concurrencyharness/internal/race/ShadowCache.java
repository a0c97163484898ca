package org.concurrencyharness.internal.race;

/**
 * One thread's own cache from the objects (or arrays) it touched last to their shadows, two
 * ways by identity hash (a key's slot and its neighbour, the newer first): loops touch the same
 * objects over and over, and two of them that hash to one slot keep both places. A hit
 * costs no map lookup and no lock. The very last hit is checked first, without hashing: the
 * identity hash of a locked object is slow to get, and a loop that takes one monitor over and
 * over asks for that monitor every time. It holds at most its size in objects strongly; a
 * thread starts each round with new caches.
 */
final class ShadowCache<V> {

    /** Enough for the objects a loop touches, and for the rows of a grid a thread sweeps. */
    static final int OBJECTS = 256;
    static final int ARRAYS = 2048;

    private final Object[] keys;
    private final Object[] values;
    private final int mask;
    private Object lastKey;
    private Object lastValue;

    /** A cache of {@code size} entries, a power of two. */
    ShadowCache(int size) {
        this.keys = new Object[size];
        this.values = new Object[size];
        this.mask = size - 1;
    }

    @SuppressWarnings("unchecked")
    V get(Object key) {
        if (key == lastKey) {
            return (V) lastValue;
        }
        int slot = System.identityHashCode(key) & mask;
        if (keys[slot] != key) {
            slot ^= 1;
            if (keys[slot] != key) {
                return null;
            }
        }
        lastKey = key;
        lastValue = values[slot];
        return (V) lastValue;
    }

    void put(Object key, V value) {
        int slot = System.identityHashCode(key) & mask;
        if (keys[slot] != null && keys[slot] != key) {
            // the older of the two ways gives way
            keys[slot ^ 1] = keys[slot];
            values[slot ^ 1] = values[slot];
        }
        keys[slot] = key;
        values[slot] = value;
        lastKey = key;
        lastValue = value;
    }
}
