package org.concurrencyharness.internal.race;

import java.lang.invoke.VarHandle;

/**
 * The variable a VarHandle's access synchronises through, so that it meets the volatile
 * accesses of the same variable: a field of one object (the handle's first coordinate), a
 * static field, or an element of an array (an array and an index). Which field a handle accesses
 * is learnt where the program finds it ({@code Lookup.findVarHandle}); a handle found elsewhere
 * synchronises through itself, which orders all its accesses, those of every object alike. An
 * {@code Atomic*FieldUpdater} is taken the same way: its field is learnt where it is made
 * ({@code newUpdater}), and its calls meet the plain volatile reads of the field.
 */
final class VarHandles {

    /** A handle's field: its key (see SiteRegistry.FieldInfo), and whether it is static. */
    private record Field(int key, boolean isStatic) {}

    private static final WeakIdentityMap<Object, Field> FIELDS = new WeakIdentityMap<>();

    private VarHandles() {}

    /** A handle found, or an {@code Atomic*FieldUpdater} made, for the field of that name its type declares. */
    static void found(Object handle, Class<?> type, String name) {
        if (handle != null && type != null && name != null) {
            SiteRegistry.FieldInfo field = SiteRegistry.field(type, name);
            if (field != null) {
                boolean isStatic = handle instanceof VarHandle varHandle
                        && varHandle.coordinateTypes().isEmpty();
                FIELDS.put(handle, new Field(field.key(), isStatic));
            }
        }
    }

    /** The synchronisation variable of the handle's access with these arguments. */
    static Object variable(Object handle, Object target, int index) {
        Field field = FIELDS.get(handle);
        if (field != null) {
            return VolatileKey.of(field.isStatic() ? null : target, field.key(), null);
        }
        if (target != null
                && target.getClass().isArray()
                && handle instanceof VarHandle varHandle
                && varHandle.coordinateTypes().size() == 2) {
            return VolatileKey.of(target, index, null);
        }
        return handle;
    }
}
