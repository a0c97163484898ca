package org.concurrencyharness.internal.race;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A volatile field of one object (or a static volatile field), or an element of an array
 * accessed through a {@code VarHandle}, as a synchronisation variable: what is written to it is
 * released, what reads it acquires. One canonical key per variable.
 */
final class VolatileKey {

    private static final WeakIdentityMap<Object, FieldKeys> INSTANCE_KEYS = new WeakIdentityMap<>();
    private static final ConcurrentHashMap<Integer, Object> STATIC_KEYS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Long, Object> ADDRESS_KEYS = new ConcurrentHashMap<>();

    private VolatileKey() {}

    /**
     * The key of the field (or element) in the holder, or of the static field when the holder is
     * null. {@code state}, if not null, is the calling thread's: its cache finds the holder's keys
     * without the shared map, as code that touches a volatile field mostly touches it again soon.
     */
    static Object of(Object holder, int field, ThreadState state) {
        if (holder == null) {
            return STATIC_KEYS.computeIfAbsent(field, f -> new Object());
        }
        FieldKeys keys = state == null ? null : state.volatiles.get(holder);
        if (keys == null) {
            keys = INSTANCE_KEYS.computeIfAbsent(holder, h -> new FieldKeys());
            if (state != null) {
                state.volatiles.put(holder, keys);
            }
        }
        return keys.of(field);
    }

    /**
     * The key of a variable off the heap, by its address, that {@code Unsafe} accesses with no object: the memory of
     * a direct buffer, which libraries such as Agrona publish through with volatile, ordered and compare-and-set
     * accesses. A program that maps memory and frees it may meet an address again: it is the same variable.
     */
    static Object ofAddress(long address) {
        return ADDRESS_KEYS.computeIfAbsent(address, a -> new Object());
    }

    /**
     * The keys of one object's volatile fields, mostly few (a queue node's next and value, a
     * future's state): found by a scan of what was published last, without a lock; a field's
     * first key is added under this object's monitor, in a copy. An array accessed element by
     * element, or an object with many such fields, goes over to a map once it has more than a
     * scan should look through.
     */
    static final class FieldKeys {

        private static final int SCANNED = 8;

        private record Keys(int[] fields, Object[] keys) {}

        private volatile Keys published = new Keys(new int[0], new Object[0]);
        private volatile ConcurrentHashMap<Integer, Object> many;

        Object of(int field) {
            ConcurrentHashMap<Integer, Object> map = many;
            if (map != null) {
                return map.computeIfAbsent(field, f -> new Object());
            }
            Object key = find(published, field);
            return key != null ? key : add(field);
        }

        private synchronized Object add(int field) {
            if (many != null) {
                return many.computeIfAbsent(field, f -> new Object());
            }
            Keys now = published;
            Object key = find(now, field);
            if (key != null) {
                return key;
            }
            int size = now.fields().length;
            key = new Object();
            if (size == SCANNED) {
                ConcurrentHashMap<Integer, Object> map = new ConcurrentHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(now.fields()[i], now.keys()[i]);
                }
                map.put(field, key);
                many = map;
                return key;
            }
            int[] fields = Arrays.copyOf(now.fields(), size + 1);
            Object[] keys = Arrays.copyOf(now.keys(), size + 1);
            fields[size] = field;
            keys[size] = key;
            published = new Keys(fields, keys);
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
