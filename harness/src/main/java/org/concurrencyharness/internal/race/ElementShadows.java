package org.concurrencyharness.internal.race;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The shadows of one array's elements, one per element, made on first access. Read without a
 * lock or fence, as {@link FieldShadows} explains; made with a compare-and-set, so that two
 * threads never keep two shadows of one element.
 */
final class ElementShadows {

    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(VarState[].class);

    private final VarState[] vars;

    ElementShadows(int length) {
        this.vars = new VarState[length];
    }

    /** The element's shadow, or null when the index is outside the array (the access itself will throw). */
    VarState of(int index) {
        if (index < 0 || index >= vars.length) {
            return null;
        }
        VarState var = vars[index];
        return var != null ? var : create(index);
    }

    private VarState create(int index) {
        VarState made = new VarState();
        return ELEMENT.compareAndSet(vars, index, null, made) ? made : (VarState) ELEMENT.getVolatile(vars, index);
    }
}
