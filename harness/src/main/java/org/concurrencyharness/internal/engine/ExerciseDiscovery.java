package org.concurrencyharness.internal.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.concurrencyharness.internal.shard.Shard;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Finds exercises for the selectors of a discovery request, through the platform's own resolver
 * (as the Jupiter engine does): classpath roots, packages and modules become classes, with the
 * request's class name filters applied; classes, methods and unique ids (an IDE's rerun of one
 * exercise) become descriptors. Abstract classes, interfaces, local and anonymous classes hold
 * none: exercises they declare run in their concrete subclasses. Of those, it keeps the shard's
 * part.
 */
final class ExerciseDiscovery {

    private ExerciseDiscovery() {}

    static void discover(EngineDiscoveryRequest request, EngineDescriptor engine, Shard shard) {
        EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                .addClassContainerSelectorResolver(ExerciseDiscovery::mayHoldExercises)
                .addSelectorResolver(context -> new Exercises(shard))
                .build()
                .resolve(request, engine);
        // by name, so that every run, report and CI log lists the exercises in the same order
        List<ExerciseClassDescriptor> classes = new ArrayList<>();
        engine.getChildren().forEach(child -> classes.add((ExerciseClassDescriptor) child));
        classes.forEach(engine::removeChild);
        classes.sort(Comparator.comparing(container -> container.type().getName()));
        classes.forEach(engine::addChild);
    }

    /** Resolves classes to their exercises, methods to one exercise, and unique ids back to either. */
    private static final class Exercises implements SelectorResolver {

        private final Shard shard;

        Exercises(Shard shard) {
            this.shard = shard;
        }

        @Override
        public Resolution resolve(ClassSelector selector, Context context) {
            Class<?> type = selector.getJavaClass();
            Set<DiscoverySelector> exercises = new LinkedHashSet<>();
            if (mayHoldExercises(type)) {
                // by the concrete class, as the reports name an inherited exercise
                for (Method method : exercisesOf(type)) {
                    if (shard.includes(type.getName(), method.getName())) {
                        exercises.add(DiscoverySelectors.selectMethod(type, method));
                    }
                }
            }
            if (exercises.isEmpty()) {
                return Resolution.unresolved();
            }
            return context.addToParent(parent -> Optional.of(new ExerciseClassDescriptor(parent.getUniqueId(), type)))
                    .map(container -> Resolution.match(Match.exact(container, () -> exercises)))
                    .orElse(Resolution.unresolved());
        }

        @Override
        public Resolution resolve(MethodSelector selector, Context context) {
            Class<?> type = selector.getJavaClass();
            Method method = selector.getJavaMethod();
            if (!ExerciseAnnotations.isExercise(method)
                    || !mayHoldExercises(type)
                    || !shard.includes(type.getName(), method.getName())) {
                return Resolution.unresolved();
            }
            return context.addToParent(
                            () -> DiscoverySelectors.selectClass(type),
                            parent -> Optional.of(new ExerciseDescriptor(parent.getUniqueId(), type, method)))
                    .map(exercise -> Resolution.match(Match.exact(exercise)))
                    .orElse(Resolution.unresolved());
        }

        @Override
        public Resolution resolve(UniqueIdSelector selector, Context context) {
            List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
            if (segments.size() < 2
                    || !segments.get(0).getValue().equals(ConcurrencyTestEngine.ENGINE_ID)
                    || !segments.get(1).getType().equals(ExerciseClassDescriptor.SEGMENT_TYPE)) {
                return Resolution.unresolved();
            }
            String className = segments.get(1).getValue();
            if (segments.size() == 2) {
                return Resolution.selectors(Set.of(DiscoverySelectors.selectClass(className)));
            }
            UniqueId.Segment exercise = segments.get(2);
            if (segments.size() > 3 || !exercise.getType().equals(ExerciseDescriptor.SEGMENT_TYPE)) {
                return Resolution.unresolved();
            }
            // the segment is the method's signature, name(parameter types), as a method selector reads it
            return Resolution.selectors(Set.of(DiscoverySelectors.selectMethod(className + "#" + exercise.getValue())));
        }
    }

    private static List<Method> exercisesOf(Class<?> type) {
        try {
            return ReflectionSupport.findMethods(
                    type, ExerciseAnnotations::isExercise, HierarchyTraversalMode.TOP_DOWN);
        } catch (LinkageError e) {
            // a class whose dependencies are missing cannot declare an exercise we could run
            return List.of();
        }
    }

    private static boolean mayHoldExercises(Class<?> type) {
        int modifiers = type.getModifiers();
        return !type.isInterface()
                && !type.isAnnotation()
                && !type.isEnum()
                && !Modifier.isAbstract(modifiers)
                && !type.isLocalClass()
                && !type.isAnonymousClass()
                && !type.isSynthetic();
    }
}
