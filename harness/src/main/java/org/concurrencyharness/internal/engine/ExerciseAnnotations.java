package org.concurrencyharness.internal.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import org.concurrencyharness.Concurrent;
import org.concurrencyharness.Daemon;
import org.concurrencyharness.ExpectRace;
import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.Semaphore;

/** Which methods are exercises: those that carry any of the harness's annotations. */
final class ExerciseAnnotations {

    private static final List<Class<? extends Annotation>> MARKERS =
            List.of(Concurrent.class, Daemon.class, Semaphore.class, ForkProcesses.class, ExpectRace.class);

    private ExerciseAnnotations() {}

    static boolean isExercise(Method method) {
        if (method.isSynthetic() || method.isBridge()) {
            return false;
        }
        for (Class<? extends Annotation> marker : MARKERS) {
            if (method.isAnnotationPresent(marker)) {
                return true;
            }
        }
        return false;
    }
}
