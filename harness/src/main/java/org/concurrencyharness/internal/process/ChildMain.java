package org.concurrencyharness.internal.process;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.execution.ExerciseDefinition;
import org.concurrencyharness.internal.execution.RoundRun;
import org.concurrencyharness.internal.execution.ThreadRoundRunner;
import org.concurrencyharness.internal.result.Conditions;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.WorkerResult;

/**
 * The main class of a child JVM of a forked exercise: runs the invocations the parent hands it,
 * each in its threads, and sends back each one's result. A pool's worker serves several.
 *
 * <p>Usage: {@code ChildMain CLASS METHOD TAKES_INDEX THREADS TIMEOUT_MILLIS}.
 */
public final class ChildMain {

    private static final long EXIT_WAIT_MILLIS = 1_000;

    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        ChildChannel channel = ChildChannel.open(protocol, System.in);
        System.setOut(new PrintStream(new LineForwarder(channel, "out"), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new LineForwarder(channel, "err"), true, StandardCharsets.UTF_8));
        ExerciseDefinition exercise = definition(args);
        channel.send(Map.of("t", "ready"));
        while (true) {
            Map<String, Object> command = channel.nextCommand();
            if (!"run".equals(command.get("t"))) {
                break;
            }
            int invocation = ((Number) command.get("inv")).intValue();
            channel.invocation(invocation);
            channel.send(run(exercise, invocation));
        }
        System.out.flush();
        System.err.flush();
        channel.awaitParentClosed(EXIT_WAIT_MILLIS);
        System.exit(0);
    }

    /**
     * The exercise as a child runs it: its threads only, the pool and the processes being the
     * parent's. The parent validated it and passes its conditions, so the child reads no annotation.
     */
    private static ExerciseDefinition definition(String[] args) throws ReflectiveOperationException {
        Class<?> type = Class.forName(args[0], true, ClassLoader.getSystemClassLoader());
        Method method = Boolean.parseBoolean(args[2])
                ? type.getDeclaredMethod(args[1], int.class)
                : type.getDeclaredMethod(args[1]);
        method.setAccessible(true);
        Conditions inChild = new Conditions(Integer.parseInt(args[3]), 1, Long.parseLong(args[4]), false, 0, 0, false);
        return new ExerciseDefinition(type, method, inChild, null);
    }

    private static Map<String, Object> run(ExerciseDefinition exercise, int invocation) {
        long start = System.currentTimeMillis();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("t", "result");
        result.put("inv", invocation);
        List<Object> errors = new ArrayList<>();
        try {
            Object instance = exercise.newInstance();
            int threads = exercise.conditions().threads();
            RoundRun run = new ThreadRoundRunner().run(exercise, 1, instance, invocation * threads);
            List<Object> workers = new ArrayList<>();
            for (WorkerResult worker : run.result().workers()) {
                workers.add(worker.toJson());
            }
            result.put("threads", workers);
            result.put(
                    "returnValue",
                    threads == 1 && !run.result().workers().isEmpty()
                            ? run.result().workers().get(0).returnValue()
                            : null);
            errors.addAll(run.result().errors());
            List<Object> races = new ArrayList<>();
            for (Race race : run.races()) {
                races.add(race.toJson());
            }
            result.put("races", races);
            List<Object> lostUpdates = new ArrayList<>();
            for (LostUpdate lost : run.lostUpdates()) {
                lostUpdates.add(lost.toJson());
            }
            result.put("lostUpdates", lostUpdates);
        } catch (ReflectiveOperationException | RuntimeException e) {
            errors.add("could not run " + exercise.displayName() + " in the child: " + e);
        }
        result.put("errors", errors);
        result.put("start", start);
        result.put("end", System.currentTimeMillis());
        return result;
    }
}
