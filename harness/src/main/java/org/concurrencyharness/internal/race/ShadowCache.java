package org.concurrencyharness.internal.race;

/**
 * One thread's own cache from the objects (or arrays) it touched last to their shadows,
 * direct-mapped by identity hash: loops touch the same few objects over and over, and a hit
 * costs no map lookup and no lock. It holds at most {@value #SIZE} objects strongly, and is
 * emptied when a new round begins.
 */
final class ShadowCache<V> {

    private static final int SIZE = 256;

    private final Object[] keys = new Object[SIZE];
    private final Object[] values = new Object[SIZE];
    private Object round;

    @SuppressWarnings("unchecked")
    V get(Object key, Object currentRound) {
        if (round != currentRound) {
            reset(currentRound);
            return null;
        }
        int slot = System.identityHashCode(key) & (SIZE - 1);
        return keys[slot] == key ? (V) values[slot] : null;
    }

    private void reset(Object currentRound) {
        java.util.Arrays.fill(keys, null);
        java.util.Arrays.fill(values, null);
        round = currentRound;
    }

    void put(Object key, V value) {
        int slot = System.identityHashCode(key) & (SIZE - 1);
        keys[slot] = key;
        values[slot] = value;
    }
}
