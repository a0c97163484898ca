package org.concurrencyharness.internal.race;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A volatile field of one object (or a static volatile field), as a synchronisation variable:
 * what is written to it is released, what reads it acquires. One canonical key per variable.
 */
final class VolatileKey {

    private static final WeakIdentityMap<Object, FieldKeys> INSTANCE_KEYS = new WeakIdentityMap<>();
    private static final ConcurrentHashMap<Integer, Object> STATIC_KEYS = new ConcurrentHashMap<>();

    private VolatileKey() {}

    /** The key of the field in the holder, or of the static field when the holder is null. */
    static Object of(Object holder, int field) {
        if (holder == null) {
            return STATIC_KEYS.computeIfAbsent(field, f -> new Object());
        }
        return INSTANCE_KEYS.computeIfAbsent(holder, h -> new FieldKeys()).of(field);
    }

    /**
     * The keys of one object's volatile fields, which are few (a queue node's next and value, a
     * future's state): found by a scan of what was published last, without a lock; a field's
     * first key is added under this object's monitor, in a copy. An object whose volatile fields
     * synchronise costs this rather than a map of its own.
     */
    private static final class FieldKeys {

        private record Keys(int[] fields, Object[] keys) {}

        private volatile Keys published = new Keys(new int[0], new Object[0]);

        Object of(int field) {
            Object key = find(published, field);
            return key != null ? key : add(field);
        }

        private synchronized Object add(int field) {
            Keys now = published;
            Object key = find(now, field);
            if (key == null) {
                int size = now.fields().length;
                int[] fields = Arrays.copyOf(now.fields(), size + 1);
                Object[] keys = Arrays.copyOf(now.keys(), size + 1);
                fields[size] = field;
                key = new Object();
                keys[size] = key;
                published = new Keys(fields, keys);
            }
            return key;
        }

        private static Object find(Keys keys, int field) {
            int[] fields = keys.fields();
            for (int i = 0; i < fields.length; i++) {
                if (fields[i] == field) {
                    return keys.keys()[i];
                }
            }
            return null;
        }
    }
}
