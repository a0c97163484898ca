package org.concurrencyharness.internal.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.concurrencyharness.internal.shard.Shard;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.PackageSelector;

/**
 * Finds exercises for the selectors of a discovery request: classpath roots, packages, classes
 * and methods. Abstract classes, interfaces, local and anonymous classes hold none: exercises
 * they declare run in their concrete subclasses. Of those, it keeps the shard's part.
 */
final class ExerciseDiscovery {

    private final EngineDiscoveryRequest request;
    private final TestDescriptor engine;
    private final Shard shard;

    ExerciseDiscovery(EngineDiscoveryRequest request, TestDescriptor engine, Shard shard) {
        this.request = request;
        this.engine = engine;
        this.shard = shard;
    }

    void discover() {
        Predicate<String> names = classNameFilter();
        // by name, so that every run, report and CI log lists the exercises in the same order
        Set<Class<?>> classes = new TreeSet<>(Comparator.comparing(Class::getName));
        for (ClasspathRootSelector selector : request.getSelectorsByType(ClasspathRootSelector.class)) {
            classes.addAll(ReflectionSupport.findAllClassesInClasspathRoot(selector.getClasspathRoot(),
                    ExerciseDiscovery::mayHoldExercises, names));
        }
        for (PackageSelector selector : request.getSelectorsByType(PackageSelector.class)) {
            classes.addAll(ReflectionSupport.findAllClassesInPackage(selector.getPackageName(),
                    ExerciseDiscovery::mayHoldExercises, names));
        }
        for (ClassSelector selector : request.getSelectorsByType(ClassSelector.class)) {
            if (mayHoldExercises(selector.getJavaClass())) {
                classes.add(selector.getJavaClass());
            }
        }
        for (Class<?> type : classes) {
            addClass(type, exercisesOf(type));
        }
        for (MethodSelector selector : request.getSelectorsByType(MethodSelector.class)) {
            if (ExerciseAnnotations.isExercise(selector.getJavaMethod()) && mayHoldExercises(selector.getJavaClass())) {
                addClass(selector.getJavaClass(), List.of(selector.getJavaMethod()));
            }
        }
    }

    private void addClass(Class<?> type, List<Method> found) {
        // by the concrete class, as the reports name an inherited exercise
        List<Method> exercises = found.stream().filter(m -> shard.includes(type.getName(), m.getName())).toList();
        if (exercises.isEmpty()) {
            return;
        }
        ExerciseClassDescriptor container = null;
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof ExerciseClassDescriptor existing && existing.type() == type) {
                container = existing;
            }
        }
        if (container == null) {
            container = new ExerciseClassDescriptor(engine.getUniqueId(), type);
            engine.addChild(container);
        }
        for (Method method : exercises) {
            ExerciseDescriptor exercise = new ExerciseDescriptor(container.getUniqueId(), type, method);
            if (container.findByUniqueId(exercise.getUniqueId()).isEmpty()) {
                container.addChild(exercise);
            }
        }
    }

    private static List<Method> exercisesOf(Class<?> type) {
        try {
            return ReflectionSupport.findMethods(type, ExerciseAnnotations::isExercise, HierarchyTraversalMode.TOP_DOWN);
        } catch (LinkageError e) {
            // a class whose dependencies are missing cannot declare an exercise we could run
            return List.of();
        }
    }

    private static boolean mayHoldExercises(Class<?> type) {
        int modifiers = type.getModifiers();
        return !type.isInterface() && !type.isAnnotation() && !type.isEnum() && !Modifier.isAbstract(modifiers)
                && !type.isLocalClass() && !type.isAnonymousClass() && !type.isSynthetic();
    }

    private Predicate<String> classNameFilter() {
        List<ClassNameFilter> filters = request.getFiltersByType(ClassNameFilter.class);
        return Filter.composeFilters(filters).toPredicate();
    }
}
