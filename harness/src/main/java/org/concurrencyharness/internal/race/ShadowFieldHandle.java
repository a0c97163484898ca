package org.concurrencyharness.internal.race;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The field the agent added next to a field of an instrumented class, which holds that field's
 * {@link VarState} in each object (or once, for a static field). Set with a compare-and-set, so
 * that two threads that find it empty or of an earlier round agree on one shadow. Public for the
 * agent, which declares them.
 */
public final class ShadowFieldHandle {

    /** The type of a shadow field. */
    public static final String DESCRIPTOR = "Lorg/concurrencyharness/internal/race/VarState;";
    /** The static accessor of an instance field's shadow: its holder, null allowed, to its shadow. */
    public static final String ACCESSOR_DESCRIPTOR = "(Ljava/lang/Object;)" + DESCRIPTOR;

    /** The name of the shadow of field {@code name}, and of its accessor. */
    public static String nameOf(String name) {
        return "$concurrency$" + name;
    }

    private final VarHandle handle;
    private final boolean isStatic;

    private ShadowFieldHandle(VarHandle handle, boolean isStatic) {
        this.handle = handle;
        this.isStatic = isStatic;
    }

    /** The shadow field of the named field, or null when this JVM does not let the detector reach it. */
    static ShadowFieldHandle find(Class<?> declaring, String name, boolean isStatic) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(declaring, MethodHandles.lookup());
            VarHandle handle = isStatic
                    ? lookup.findStaticVarHandle(declaring, nameOf(name), VarState.class)
                    : lookup.findVarHandle(declaring, nameOf(name), VarState.class);
            return new ShadowFieldHandle(handle, isStatic);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** What the holder's shadow field holds now: its shadow, of any round, or null. */
    VarState get(Object holder) {
        return (VarState) (isStatic ? handle.get() : handle.get(holder));
    }

    /**
     * The holder's shadow of the round: the one found there if it is of this round and this
     * holder's own, else {@code fresh} (a new shadow of the round and holder; if null, an empty
     * one) put in place of {@code seen}. Null for a null holder, whose access throws.
     */
    VarState install(Object holder, VarState seen, Round round, VarState fresh) {
        if (!isStatic && holder == null) {
            return null;
        }
        if (fresh == null) {
            fresh = new VarState(round, holder);
        }
        while (true) {
            VarState found = isStatic
                    ? (VarState) handle.compareAndExchange(seen, fresh)
                    : (VarState) handle.compareAndExchange(holder, seen, fresh);
            if (found == seen) {
                return fresh;
            }
            if (found != null && found.round == round && found.holder == holder) {
                return found;
            }
            seen = found;
        }
    }
}
