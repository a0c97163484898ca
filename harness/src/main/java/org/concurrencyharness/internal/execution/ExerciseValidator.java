package org.concurrencyharness.internal.execution;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.concurrencyharness.Concurrent;
import org.concurrencyharness.Daemon;
import org.concurrencyharness.ExpectRace;
import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.Pipe;
import org.concurrencyharness.Semaphore;
import org.concurrencyharness.internal.result.Conditions;

/**
 * Turns an annotated method into an {@link ExerciseDefinition}, or into the list of what is wrong
 * with it, each problem saying what to change.
 */
public final class ExerciseValidator {

    /** The time a round may take when no {@code @Concurrent} says otherwise. */
    static final long DEFAULT_TIMEOUT_MILLIS = 60_000;

    /**
     * Either a definition or the problems that prevent one.
     *
     * @param definition the exercise, or null when it is invalid
     * @param conditions what the annotations asked for, valid or not
     * @param problems what to change, each a sentence
     */
    public record Validation(ExerciseDefinition definition, Conditions conditions, List<String> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private ExerciseValidator() {}

    public static Validation validate(Class<?> type, Method method) {
        List<String> problems = new ArrayList<>();
        Concurrent concurrent = method.getAnnotation(Concurrent.class);
        Semaphore semaphore = method.getAnnotation(Semaphore.class);
        ForkProcesses fork = method.getAnnotation(ForkProcesses.class);
        boolean daemon = method.isAnnotationPresent(Daemon.class);

        int threads = concurrent == null ? 1 : concurrent.threads();
        int rounds = concurrent == null ? 1 : concurrent.rounds();
        long timeout = concurrent == null ? DEFAULT_TIMEOUT_MILLIS : concurrent.timeoutMillis();
        if (threads < 1) {
            problems.add("@Concurrent(threads = " + threads + ") needs at least 1 thread; use threads = 1 or more");
        }
        if (rounds < 1) {
            problems.add("@Concurrent(rounds = " + rounds + ") needs at least 1 round; use rounds = 1 or more");
        }
        if (timeout < 1) {
            problems.add("@Concurrent(timeoutMillis = " + timeout
                    + ") must be positive; use a time in milliseconds such as 60_000");
        }
        if (semaphore != null && semaphore.value() < 1) {
            problems.add("@Semaphore(" + semaphore.value() + ") lets nobody in; give it 1 or more permits");
        }
        if (fork != null && fork.value() < 1) {
            problems.add("@ForkProcesses(" + fork.value() + ") starts no process; use 1 or more");
        }
        if (daemon && concurrent == null) {
            problems.add("@Daemon only makes sense with @Concurrent; add @Concurrent(threads = ...) or remove @Daemon");
        }
        if (daemon && fork != null) {
            problems.add(
                    "@Daemon does not apply to @ForkProcesses (the run always waits for its processes); remove @Daemon");
        }
        checkParameters(method, problems);
        checkParentMethod(type, fork, problems);
        if (!Modifier.isStatic(method.getModifiers())) {
            checkConstructor(type, problems);
        }
        Conditions conditions = new Conditions(
                threads,
                rounds,
                timeout,
                daemon,
                semaphore == null ? 0 : semaphore.value(),
                fork == null ? 0 : fork.value(),
                method.isAnnotationPresent(ExpectRace.class));
        if (!problems.isEmpty()) {
            return new Validation(null, conditions, problems);
        }
        method.setAccessible(true);
        return new Validation(
                new ExerciseDefinition(type, method, conditions, parentMethodOf(fork)), conditions, List.of());
    }

    /** The parent-side method a forked exercise names, or null. */
    private static String parentMethodOf(ForkProcesses fork) {
        return fork == null || fork.parent().isEmpty() ? null : fork.parent();
    }

    private static void checkParentMethod(Class<?> type, ForkProcesses fork, List<String> problems) {
        String name = parentMethodOf(fork);
        if (name == null) {
            return;
        }
        for (Method candidate : type.getDeclaredMethods()) {
            Class<?>[] parameters = candidate.getParameterTypes();
            boolean pipeOnly = parameters.length == 1 && parameters[0] == Pipe.class;
            boolean indexAndPipe = parameters.length == 2 && parameters[0] == int.class && parameters[1] == Pipe.class;
            if (candidate.getName().equals(name)
                    && Modifier.isStatic(candidate.getModifiers())
                    && (pipeOnly || indexAndPipe)) {
                return;
            }
        }
        problems.add("@ForkProcesses(parent = \"" + name + "\") names no method of " + type.getSimpleName()
                + "; add static void " + name + "(Pipe pipe) or static void " + name + "(int index, Pipe pipe)");
    }

    private static void checkParameters(Method method, List<String> problems) {
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length == 0 || (parameters.length == 1 && parameters[0] == int.class)) {
            return;
        }
        StringBuilder found = new StringBuilder();
        for (Class<?> parameter : parameters) {
            found.append(found.length() == 0 ? "" : ", ").append(parameter.getSimpleName());
        }
        problems.add("an exercise takes no parameter or one int (the index of its thread or process)," + " not ("
                + found + "); change the parameters to () or (int index)");
    }

    private static void checkConstructor(Class<?> type, List<String> problems) {
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            problems.add(
                    type.getSimpleName() + " is an inner class, which needs an outer instance;" + " declare it static");
            return;
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            if (Modifier.isPrivate(constructor.getModifiers())) {
                constructor.setAccessible(true);
            }
        } catch (NoSuchMethodException e) {
            problems.add(type.getSimpleName() + " has no no-argument constructor to build the instance"
                    + " its threads share; add one, or make the method static");
        } catch (RuntimeException e) {
            problems.add("the no-argument constructor of " + type.getSimpleName() + " cannot be used (" + e.getMessage()
                    + "); make it accessible, or make the method static");
        }
    }
}
