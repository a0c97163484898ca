package org.concurrencyharness.internal.race;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A volatile field of one object (or a static volatile field), as a synchronisation variable:
 * what is written to it is released, what reads it acquires. One canonical key per variable.
 */
final class VolatileKey {

    private static final WeakIdentityMap<Object, ConcurrentHashMap<Integer, Object>> INSTANCE_KEYS =
            new WeakIdentityMap<>();
    private static final ConcurrentHashMap<Integer, Object> STATIC_KEYS = new ConcurrentHashMap<>();

    private VolatileKey() {}

    /** The key of the field in the holder, or of the static field when the holder is null. */
    static Object of(Object holder, int field) {
        if (holder == null) {
            return STATIC_KEYS.computeIfAbsent(field, f -> new Object());
        }
        return INSTANCE_KEYS
                .computeIfAbsent(holder, h -> new ConcurrentHashMap<>())
                .computeIfAbsent(field, f -> new Object());
    }
}
