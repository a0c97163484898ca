package org.concurrencyharness.internal.race;

/**
 * One thread's own cache from the objects (or arrays) it touched last to their shadows, two
 * ways by identity hash (a key's slot and its neighbour, the newer first): loops touch the same
 * objects over and over, and two of them that hash to one slot keep both places. A hit
 * costs no map lookup and no lock. The very last hit is checked first, without hashing: the
 * identity hash of a locked object is slow to get, and a loop that takes one monitor over and
 * over asks for that monitor every time. It starts small and doubles, up to its size, when both
 * ways of a slot are taken, so that a thread that touches few objects keeps a small cache. It
 * holds at most its size in objects strongly; a thread starts each round with new caches.
 */
final class RecentShadows<V> {

    /** Enough for the objects a loop touches, and for the rows of a grid a thread sweeps. */
    static final int OBJECTS = 256;

    static final int ARRAYS = 2048;

    private static final int FIRST_SIZE = 16;

    private final int size;
    private Object[] keys = new Object[FIRST_SIZE];
    private Object[] values = new Object[FIRST_SIZE];
    private int mask = FIRST_SIZE - 1;
    private Object lastKey;
    private Object lastValue;

    /** A cache of up to {@code size} entries, a power of two. */
    RecentShadows(int size) {
        this.size = size;
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
        int hash = System.identityHashCode(key);
        int slot = hash & mask;
        if (keys[slot] != null && keys[slot] != key && keys[slot ^ 1] != null && keys.length < size) {
            grow();
            slot = hash & mask;
        }
        Object other = keys[slot ^ 1];
        if (keys[slot] != null
                && keys[slot] != key
                && (other == null || (System.identityHashCode(other) & mask) != (slot ^ 1))) {
            // the older of the two ways gives way, unless the other way holds a key in its own slot: that one stays,
            // or two keys of neighbouring slots would push each other out through a third moved back and forth
            keys[slot ^ 1] = keys[slot];
            values[slot ^ 1] = values[slot];
        }
        keys[slot] = key;
        values[slot] = value;
        lastKey = key;
        lastValue = value;
    }

    private void grow() {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new Object[2 * oldKeys.length];
        values = new Object[2 * oldKeys.length];
        mask = keys.length - 1;
        for (int at = 0; at < oldKeys.length; at++) {
            if (oldKeys[at] != null) {
                int slot = System.identityHashCode(oldKeys[at]) & mask;
                slot = keys[slot] == null ? slot : slot ^ 1;
                keys[slot] = oldKeys[at];
                values[slot] = oldValues[at];
            }
        }
    }
}
