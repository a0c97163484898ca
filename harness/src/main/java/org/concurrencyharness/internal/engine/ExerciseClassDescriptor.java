package org.concurrencyharness.internal.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** A class that declares exercises: a container of {@link ExerciseDescriptor}s. */
final class ExerciseClassDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT_TYPE = "class";

    private final Class<?> type;

    ExerciseClassDescriptor(UniqueId parentId, Class<?> type) {
        super(parentId.append(SEGMENT_TYPE, type.getName()), type.getSimpleName(), ClassSource.from(type));
        this.type = type;
    }

    Class<?> type() {
        return type;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
