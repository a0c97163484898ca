package org.concurrencyharness.internal.execution;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.concurrencyharness.internal.result.Conditions;

/**
 * A valid exercise: the method, its class and the conditions its annotations ask for.
 *
 * @param type the class that declares the method
 * @param method the exercise method, made accessible
 * @param conditions what the annotations asked for
 * @param parentMethod for a forked exercise, the static method run in the parent for each child, or null
 */
public record ExerciseDefinition(Class<?> type, Method method, Conditions conditions, String parentMethod) {

    /** Whether the method takes the index of its thread (or process). */
    public boolean takesIndex() {
        return method.getParameterCount() == 1;
    }

    public boolean isStatic() {
        return Modifier.isStatic(method.getModifiers());
    }

    /** {@code SimpleName#method}. */
    public String displayName() {
        return type.getSimpleName() + "#" + method.getName();
    }

    /** The instance a round runs on: a fresh one from the no-argument constructor, or null for a static method. */
    public Object newInstance() throws ReflectiveOperationException {
        if (isStatic()) {
            return null;
        }
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }
}
