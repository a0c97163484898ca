package org.concurrencyharness.internal.race;

import java.lang.reflect.Field;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variable an {@code Unsafe} access synchronises through, so that it meets the other accesses of the same
 * variable: a field's, whose offset the program asked for ({@code objectFieldOffset}, {@code staticFieldOffset}), is
 * the field's own volatile key, which its {@code volatile} reads and writes, VarHandles and updaters use too
 * (JCTools publishes a queue's node with {@code putOrderedObject} and reads it back as a plain volatile field); an
 * address off the heap, with no object, is its own (Agrona's buffers over direct memory); anything else, an array's
 * element or a field whose offset came from elsewhere, synchronises through the object, which orders all its
 * accesses alike.
 */
final class UnsafeFields {

    /** Per class, the field keys of the offsets the program asked for of its own fields. */
    private static final ClassValue<ConcurrentHashMap<Long, Integer>> OFFSETS = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<Long, Integer> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private UnsafeFields() {}

    /** An offset the program was given: of the field, or of the field of that name its type declares. */
    static void found(long offset, Object field, String name) {
        Class<?> type;
        String fieldName;
        if (field instanceof Field reflected) {
            // a static field's offset is into its class's statics, which an access names by the class itself
            type = reflected.getDeclaringClass();
            fieldName = reflected.getName();
        } else if (field instanceof Class<?> declaring && name != null) {
            type = declaring;
            fieldName = name;
        } else {
            return;
        }
        SiteRegistry.FieldInfo info = SiteRegistry.field(type, fieldName);
        if (info != null) {
            OFFSETS.get(type).put(offset, info.key());
            generation++;
        }
    }

    /** The synchronisation variable of an access at that offset into the object, or at that address if none. */
    static Object variable(Object object, long offset) {
        if (object == null) {
            return VolatileKey.ofAddress(offset);
        }
        if (object instanceof Class<?> statics) {
            Integer key = OFFSETS.get(statics).get(offset);
            if (key != null) {
                return VolatileKey.of(null, key, null);
            }
        }
        if (object.getClass().isArray()) {
            return object;
        }
        Resolved resolved = RESOLVED.get(object.getClass());
        Integer key = resolved.keys.get(offset);
        if (key == null || resolved.generation != generation) {
            key = declared(object.getClass(), offset);
            resolved.refresh(generation);
            resolved.keys.put(offset, key);
        }
        return key == NONE ? object : VolatileKey.of(object, key, null);
    }

    /** The key of the field at that offset that the class or a superclass declares, or NONE. */
    private static int declared(Class<?> concrete, long offset) {
        for (Class<?> type = concrete; type != null; type = type.getSuperclass()) {
            Integer key = OFFSETS.get(type).get(offset);
            if (key != null) {
                return key;
            }
        }
        return NONE;
    }

    private static final int NONE = -1;

    /**
     * How many offsets were found so far: a class's resolved offsets, NONE included, hold until another is found (a
     * lock-free queue walks a dozen padding classes to its fields, on every access).
     */
    private static volatile int generation;

    /** Per concrete class, the keys of the offsets accessed in its objects, as of a generation. */
    private static final class Resolved {
        final ConcurrentHashMap<Long, Integer> keys = new ConcurrentHashMap<>();
        volatile int generation = -1;

        void refresh(int now) {
            if (generation != now) {
                keys.clear();
                generation = now;
            }
        }
    }

    private static final ClassValue<Resolved> RESOLVED = new ClassValue<>() {
        @Override
        protected Resolved computeValue(Class<?> type) {
            return new Resolved();
        }
    };
}
