package org.concurrencyharness.internal.process;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.concurrencyharness.internal.execution.ExerciseDefinition;
import org.concurrencyharness.internal.execution.RoundRun;
import org.concurrencyharness.internal.execution.ThreadRoundRunner;
import org.concurrencyharness.internal.process.ChildMessage.InvocationResult;
import org.concurrencyharness.internal.process.ChildMessage.Ready;
import org.concurrencyharness.internal.process.ParentMessage.Run;
import org.concurrencyharness.internal.result.Conditions;
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
        System.setOut(new PrintStream(LineForwarder.stdout(channel), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(LineForwarder.stderr(channel), true, StandardCharsets.UTF_8));
        ExerciseDefinition exercise = definition(args);
        channel.send(new Ready());
        // until the parent's exit command
        while (channel.nextCommand() instanceof Run command) {
            channel.invocation(command.invocation());
            channel.send(run(exercise, command.invocation()));
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

    private static InvocationResult run(ExerciseDefinition exercise, int invocation) {
        long start = System.currentTimeMillis();
        try {
            Object instance = exercise.newInstance();
            int threads = exercise.conditions().threads();
            RoundRun run = new ThreadRoundRunner().run(exercise, 1, instance, invocation * threads);
            List<WorkerResult> workers = run.result().workers();
            return new InvocationResult(
                    invocation,
                    workers,
                    threads == 1 && !workers.isEmpty() ? workers.get(0).returnValue() : null,
                    run.races(),
                    run.lostUpdates(),
                    run.result().errors(),
                    start,
                    System.currentTimeMillis());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new InvocationResult(
                    invocation,
                    List.of(),
                    null,
                    List.of(),
                    List.of(),
                    List.of("could not run " + exercise.displayName() + " in the child: " + e),
                    start,
                    System.currentTimeMillis());
        }
    }
}
