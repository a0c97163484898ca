package org.concurrencyharness.internal.execution;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared state of an exercise: every field of its class and superclasses, instance and
 * static, rendered readably. A field a subclass hides is named {@code Super.field}.
 */
public final class SharedStateRenderer {

    private SharedStateRenderer() {}

    /** The fields' values now; {@code instance} is null for a static exercise, whose instance fields are left out. */
    public static Map<String, String> render(Class<?> type, Object instance) {
        Map<String, String> state = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(field.getModifiers());
                if (field.isSynthetic() || (!isStatic && instance == null) || isConstant(field)) {
                    continue;
                }
                String name = state.containsKey(field.getName())
                        ? c.getSimpleName() + "." + field.getName()
                        : field.getName();
                state.put(name, read(field, isStatic ? null : instance));
            }
        }
        return state;
    }

    /** A static final primitive or string is a constant, not state. */
    private static boolean isConstant(Field field) {
        int modifiers = field.getModifiers();
        return Modifier.isStatic(modifiers)
                && Modifier.isFinal(modifiers)
                && (field.getType().isPrimitive() || field.getType() == String.class);
    }

    private static String read(Field field, Object target) {
        try {
            field.setAccessible(true);
            return ValueRenderer.render(field.get(target));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "<inaccessible>";
        }
    }
}
