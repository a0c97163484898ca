package org.concurrencyharness.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.internal.execution.ExerciseDefinition;
import org.concurrencyharness.internal.execution.ExerciseValidator;
import org.concurrencyharness.internal.process.ProcessRoundRunner;

/**
 * What forking through the harness costs: a round of {@code @ForkProcesses(10)} over an empty
 * body against 10 bare JVMs started at once with the same classpath. Prints figures; asserts nothing.
 */
public final class ForkOverheadBenchmark {

    private static final int CHILDREN = 10;
    private static final int REPEATS = 5;

    /** The exercise forked. */
    public static class Exercises {
        @ForkProcesses(CHILDREN)
        public void empty() {}
    }

    /** What each bare JVM runs. */
    public static final class Bare {
        public static void main(String[] args) {}
    }

    private ForkOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        ExerciseDefinition exercise = ExerciseValidator.validate(Exercises.class, Exercises.class.getMethod("empty"))
                .definition();
        double[] harness = new double[REPEATS];
        double[] bare = new double[REPEATS];
        for (int i = -1; i < REPEATS; i++) {
            long start = System.nanoTime();
            var run = new ProcessRoundRunner().run(exercise, 1);
            double forked = (System.nanoTime() - start) / 1_000_000.0;
            if (!run.result().errors().isEmpty()) {
                throw new IllegalStateException(run.result().errors().toString());
            }
            double plain = bareJvms();
            if (i >= 0) {
                harness[i] = forked;
                bare[i] = plain;
            }
        }
        double h = median(harness);
        double b = median(bare);
        System.out.printf(
                Locale.ROOT,
                "%d children through @ForkProcesses: %.1f ms; %d bare JVMs: %.1f ms;" + " ratio %.2f (median of %d)%n",
                CHILDREN,
                h,
                CHILDREN,
                b,
                h / b,
                REPEATS);
    }

    private static double bareJvms() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long start = System.nanoTime();
        // started from several threads at once, as the harness starts its children
        ExecutorService starters = Executors.newFixedThreadPool(CHILDREN);
        List<Future<Process>> processes = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            processes.add(starters.submit(() -> new ProcessBuilder(
                            java,
                            "-XX:TieredStopAtLevel=1",
                            "-Xshare:auto",
                            "-cp",
                            System.getProperty("java.class.path"),
                            Bare.class.getName())
                    .start()));
        }
        for (Future<Process> process : processes) {
            process.get().waitFor();
        }
        starters.shutdown();
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
