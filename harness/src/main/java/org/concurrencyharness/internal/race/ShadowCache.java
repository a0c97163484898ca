package org.concurrencyharness.internal.race;

/**
 * One thread's own cache from the objects (or arrays) it touched last to their shadows,
 * direct-mapped by identity hash: loops touch the same few objects over and over, and a hit
 * costs no map lookup and no lock. It holds at most {@value #SIZE} objects strongly; a new round
 * gives each thread a new state, with new caches.
 */
final class ShadowCache<V> {

    private static final int SIZE = 256;

    private final Object[] keys = new Object[SIZE];
    private final Object[] values = new Object[SIZE];

    @SuppressWarnings("unchecked")
    V get(Object key) {
        int slot = System.identityHashCode(key) & (SIZE - 1);
        return keys[slot] == key ? (V) values[slot] : null;
    }

    void put(Object key, V value) {
        int slot = System.identityHashCode(key) & (SIZE - 1);
        keys[slot] = key;
        values[slot] = value;
    }
}
