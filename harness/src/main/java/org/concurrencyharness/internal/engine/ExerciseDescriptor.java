package org.concurrencyharness.internal.engine;

import java.lang.reflect.Method;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/** One exercise: an annotated method of a class, run under its conditions. */
final class ExerciseDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT_TYPE = "exercise";

    private final Class<?> type;
    private final Method method;

    ExerciseDescriptor(UniqueId parentId, Class<?> type, Method method) {
        super(parentId.append(SEGMENT_TYPE, signature(method)), method.getName(), MethodSource.from(type, method));
        this.type = type;
        this.method = method;
    }

    Class<?> type() {
        return type;
    }

    Method method() {
        return method;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    private static String signature(Method method) {
        StringBuilder out = new StringBuilder(method.getName()).append('(');
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            out.append(i == 0 ? "" : ",").append(parameters[i].getName());
        }
        return out.append(')').toString();
    }
}
