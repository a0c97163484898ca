package org.concurrencyharness.internal.process;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.concurrencyharness.Pipe;
import org.concurrencyharness.internal.execution.ExerciseDefinition;
import org.concurrencyharness.internal.execution.Intervals;
import org.concurrencyharness.internal.execution.RoundRun;
import org.concurrencyharness.internal.process.ChildMessage.InvocationResult;
import org.concurrencyharness.internal.process.ChildProcess.Event;
import org.concurrencyharness.internal.race.RaceDetection;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.RoundResult;
import org.concurrencyharness.internal.result.WorkerResult;
import org.concurrencyharness.internal.result.WorkerState;

/**
 * Runs one round of a {@code @ForkProcesses} exercise in child JVMs started at once, with this
 * JVM's executable, classpath and race detector agent: one child for each invocation, or, with
 * {@code @Semaphore(k)}, k children serving the invocations as a pool, each reused. Children that
 * crash, are killed or hang fail the round with a message naming them; what is left is killed, so
 * no child outlives the round.
 */
public final class ProcessRoundRunner {

    private static final long EXIT_GRACE_MILLIS = 5_000;

    /**
     * How a round runs: its exercise, how many invocations it has, whether a pool of workers serves them, when it
     * started and by when it must end.
     */
    private record RoundPlan(ExerciseDefinition exercise, int invocations, boolean pool, long start, long deadline) {}

    /** What became of a round's invocations: each finished one's result, and why each other one has none. */
    private record Settled(Map<Integer, InvocationResult> results, Map<Integer, String> lost) {}

    public RoundRun run(ExerciseDefinition exercise, int round) {
        int invocations = exercise.conditions().processes();
        int workers = exercise.conditions().permits() > 0
                ? Math.min(exercise.conditions().permits(), invocations)
                : invocations;
        boolean pool = workers < invocations || exercise.conditions().permits() > 0;
        long roundStart = System.currentTimeMillis();
        RoundPlan plan = new RoundPlan(
                exercise,
                invocations,
                pool,
                roundStart,
                roundStart + exercise.conditions().timeoutMillis());
        SharedHost host = new SharedHost(pool);
        host.open();
        ExecutorService calls = Executors.newCachedThreadPool(daemonThreads("shared-object-call"));
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        List<ChildProcess> children = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Race> races = new ArrayList<>();
        List<LostUpdate> lostUpdates = new ArrayList<>();
        // as it stays when the children could not start
        Settled settled = new Settled(Map.of(), Map.of());
        Thread killer = new Thread(() -> children.forEach(ChildProcess::kill), "concurrency-children-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        List<Thread> parentSides = new ArrayList<>();
        try {
            children.addAll(startAll(exercise, workers, host, calls, events));
            parentSides.addAll(startParentSides(exercise, invocations, host, errors));
            settled = schedule(plan, children, events, host, errors);
        } catch (IOException e) {
            errors.add("Could not start a child JVM: " + e.getMessage());
        } finally {
            children.forEach(ChildProcess::exit);
            awaitExit(children);
            children.forEach(ChildProcess::kill);
            awaitExit(children);
            parentSides.forEach(Thread::interrupt);
            calls.shutdownNow();
            host.close();
            removeHook(killer);
        }
        for (InvocationResult result : settled.results().values()) {
            collect(result, errors, races, lostUpdates);
        }
        // between the processes, found by the host; the children's, between their own threads, came with their
        // results. Both are the race detector's findings: with it off, nothing of the kind is looked for
        if (RaceDetection.isActive()) {
            lostUpdates.addAll(host.lostUpdates());
        }
        settled.lost().forEach((invocation, why) -> errors.add("invocation " + invocation + ": " + why));
        List<WorkerResult> workerResults = new ArrayList<>();
        for (ChildProcess child : children) {
            workerResults.add(describe(child, plan));
            if (child.process.exitValue() != 0 && child.running == null && !lostInvocationsOf(child, settled.lost())) {
                errors.add(name(child, pool) + " (pid " + child.pid() + ") exited with code "
                        + child.process.exitValue() + lastLines(child));
            }
        }
        long roundEnd = System.currentTimeMillis();
        int finished = (int) settled.results().values().stream()
                .filter(r -> r.errors().isEmpty())
                .count();
        RoundResult roundResult = new RoundResult(
                round,
                roundEnd - roundStart,
                maxConcurrency(settled.results().values()),
                finished,
                workerResults,
                host.render(),
                errors);
        return new RoundRun(roundResult, races, lostUpdates);
    }

    private static boolean lostInvocationsOf(ChildProcess child, Map<Integer, String> lost) {
        return lost.values().stream().anyMatch(why -> why.contains("(pid " + child.pid() + ")"));
    }

    /**
     * Hands invocations to idle children until all are done, a child dies, or the deadline passes; a timeout's
     * errors go to {@code errors}.
     */
    private static Settled schedule(
            RoundPlan plan,
            List<ChildProcess> children,
            BlockingQueue<Event> events,
            SharedHost host,
            List<String> errors) {
        Map<Integer, InvocationResult> results = new HashMap<>();
        Map<Integer, String> lost = new LinkedHashMap<>();
        boolean pool = plan.pool();
        Deque<Integer> pending = new ArrayDeque<>();
        for (int i = 0; i < plan.invocations(); i++) {
            pending.add(i);
        }
        int alive = children.size();
        while (results.size() + lost.size() < plan.invocations()) {
            Event event;
            try {
                event = events.poll(Math.max(1, plan.deadline() - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Settled(results, lost);
            }
            if (event == null) {
                for (ChildProcess child : children) {
                    if (child.process.isAlive()) {
                        Integer running = child.running;
                        errors.add(
                                "Timed out after "
                                        + plan.exercise().conditions().timeoutMillis() + " ms: "
                                        + (running == null ? "a child" : "process " + running) + " (pid " + child.pid()
                                        + ") was still running and was killed; raise @Concurrent(timeoutMillis) if it needs longer");
                        child.kill();
                    }
                }
                pending.forEach(i -> lost.put(i, "never ran: the round timed out"));
                return new Settled(results, lost);
            }
            ChildProcess child = event.child();
            if (event instanceof Event.Finished finished) {
                InvocationResult result = finished.result();
                results.put(result.invocation(), result);
                child.results.add(result);
                child.running = null;
                if (plan.exercise().conditions().permits() > 0) {
                    host.callback(result.invocation(), String.valueOf(result.returnValue()));
                }
            }
            if (event instanceof Event.Ready && !pool) {
                // without a pool each child runs its own invocation, and only that one
                pending.remove(child.id);
                child.run(child.id);
            } else if (event instanceof Event.Finished && !pool) {
                child.exit();
            } else if (event instanceof Event.Ready || event instanceof Event.Finished) {
                if (pending.isEmpty()) {
                    child.exit();
                } else {
                    child.run(pending.poll());
                }
            } else if (event instanceof Event.Exited) {
                alive--;
                Integer running = child.running;
                if (running != null) {
                    lost.put(
                            running,
                            "process " + running + " (pid " + child.pid() + ") died with exit code "
                                    + child.process.exitValue() + " before it finished" + lastLines(child));
                }
                if (!pool && pending.remove((Integer) child.id)) {
                    lost.put(
                            child.id,
                            "process " + child.id + " (pid " + child.pid() + ") died with exit code "
                                    + child.process.exitValue() + " before it started" + lastLines(child));
                }
                if (alive == 0) {
                    pending.forEach(i -> lost.put(i, "never ran: no child was left to run it"));
                    pending.clear();
                }
            }
        }
        return new Settled(results, lost);
    }

    /** Starts the children from several threads at once: spawning a JVM keeps the parent busy for milliseconds. */
    private static List<ChildProcess> startAll(
            ExerciseDefinition exercise,
            int workers,
            SharedHost host,
            ExecutorService calls,
            BlockingQueue<Event> events)
            throws IOException {
        List<Future<ChildProcess>> starting = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            int id = i;
            starting.add(calls.submit(() -> start(exercise, id, host, calls, events)));
        }
        List<ChildProcess> started = new ArrayList<>();
        IOException failure = null;
        for (Future<ChildProcess> child : starting) {
            try {
                started.add(child.get());
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IOException("interrupted while starting the children");
            }
        }
        if (failure != null) {
            started.forEach(ChildProcess::kill);
            throw failure;
        }
        return started;
    }

    private static ChildProcess start(
            ExerciseDefinition exercise, int id, SharedHost host, ExecutorService calls, BlockingQueue<Event> events)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("-javaagent:")) {
                command.add(argument);
            }
        }
        command.addAll(List.of(
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                ChildMain.class.getName(),
                exercise.type().getName(),
                exercise.method().getName(),
                String.valueOf(exercise.takesIndex()),
                String.valueOf(exercise.conditions().threads()),
                String.valueOf(exercise.conditions().timeoutMillis())));
        long started = System.currentTimeMillis();
        Process process = new ProcessBuilder(command).start();
        return new ChildProcess(id, process, started, host, calls, events);
    }

    /** The exercise's parent method, once for each invocation, each with the parent's end of that pipe. */
    private static List<Thread> startParentSides(
            ExerciseDefinition exercise, int invocations, SharedHost host, List<String> errors) {
        List<Thread> threads = new ArrayList<>();
        if (exercise.parentMethod() == null) {
            return threads;
        }
        Method parent = parentMethod(exercise);
        for (int i = 0; i < invocations; i++) {
            int invocation = i;
            Pipe pipe = host.pipe(invocation).parentEnd();
            Thread thread = new Thread(
                    () -> {
                        try {
                            if (parent.getParameterCount() == 2) {
                                parent.invoke(null, invocation, pipe);
                            } else {
                                parent.invoke(null, pipe);
                            }
                        } catch (InvocationTargetException e) {
                            if (!(e.getCause() instanceof InterruptedException)) {
                                synchronized (errors) {
                                    errors.add("the parent method " + parent.getName() + " for invocation " + invocation
                                            + " threw " + e.getCause());
                                }
                            }
                        } catch (IllegalAccessException e) {
                            synchronized (errors) {
                                errors.add(
                                        "could not call the parent method " + parent.getName() + ": " + e.getMessage());
                            }
                        }
                    },
                    "parent-" + invocation);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    private static Method parentMethod(ExerciseDefinition exercise) {
        for (Method method : exercise.type().getDeclaredMethods()) {
            if (method.getName().equals(exercise.parentMethod())) {
                method.setAccessible(true);
                return method;
            }
        }
        throw new IllegalStateException("no parent method " + exercise.parentMethod());
    }

    private static void collect(
            InvocationResult result, List<String> errors, List<Race> races, List<LostUpdate> lostUpdates) {
        for (String error : result.errors()) {
            errors.add("process " + result.invocation() + ": " + error);
        }
        races.addAll(result.races());
        lostUpdates.addAll(result.lostUpdates());
    }

    private static WorkerResult describe(ChildProcess child, RoundPlan plan) {
        boolean pool = plan.pool();
        List<WorkerResult> served = new ArrayList<>();
        double firstStart = Double.MAX_VALUE;
        double busy = 0;
        String returnValue = null;
        String error = null;
        synchronized (child.results) {
            for (InvocationResult result : child.results) {
                double start = result.startMillis() - plan.start();
                double end = result.endMillis() - plan.start();
                firstStart = Math.min(firstStart, start);
                busy += end - start;
                returnValue = result.returnValue();
                error = result.errors().isEmpty() ? error : result.errors().get(0);
                for (WorkerResult thread : result.threads()) {
                    served.add(shift(thread, start, result.invocation(), pool));
                }
            }
        }
        double started = child.startedMillis - plan.start();
        double ended = (child.endedMillis == 0 ? System.currentTimeMillis() : child.endedMillis) - plan.start();
        Integer exitCode = child.process.isAlive() ? null : child.process.exitValue();
        WorkerState state = exitCode == null
                ? WorkerState.KILLED
                : exitCode == 0 && error == null
                        ? WorkerState.FINISHED
                        : exitCode == 0 ? WorkerState.FAILED : WorkerState.CRASHED;
        int index = pool ? -1 : child.id;
        double wait = firstStart == Double.MAX_VALUE ? 0 : Math.max(0, firstStart - started);
        return new WorkerResult(
                name(child, pool),
                index,
                child.pid(),
                started,
                ended,
                wait,
                busy,
                state,
                pool ? null : returnValue,
                error,
                exitCode,
                List.copyOf(child.stdout),
                List.copyOf(child.stderr),
                served);
    }

    /** A child's thread, its times moved from its invocation's start to the round's. */
    private static WorkerResult shift(WorkerResult thread, double invocationStart, int invocation, boolean pool) {
        String name = pool ? "invocation " + invocation + " " + thread.name() : thread.name();
        return new WorkerResult(
                name,
                thread.index(),
                0,
                invocationStart + thread.startMillis(),
                invocationStart + thread.endMillis(),
                thread.waitMillis(),
                thread.runMillis(),
                thread.state(),
                thread.returnValue(),
                thread.error(),
                null,
                List.of(),
                List.of(),
                List.of());
    }

    private static String name(ChildProcess child, boolean pool) {
        return pool ? "worker " + child.id : "process " + child.id;
    }

    /** The most invocations running at once, from their own start and end times. */
    private static int maxConcurrency(Collection<InvocationResult> results) {
        Intervals intervals = new Intervals();
        for (InvocationResult result : results) {
            intervals.add(result.startMillis(), result.endMillis());
        }
        return intervals.maxOverlap();
    }

    /** The end of what a dead child printed, its error output first: the JVM's own last words go to either. */
    private static String lastLines(ChildProcess child) {
        List<String> lines;
        synchronized (child.stderr) {
            lines = new ArrayList<>(child.stderr);
        }
        if (lines.isEmpty()) {
            synchronized (child.stdout) {
                lines = new ArrayList<>(child.stdout);
            }
        }
        return lines.isEmpty()
                ? ""
                : "; its last output: "
                        + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static void awaitExit(List<ChildProcess> children) {
        long deadline = System.currentTimeMillis() + EXIT_GRACE_MILLIS;
        for (ChildProcess child : children) {
            try {
                child.process.waitFor(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
