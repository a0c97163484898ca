package org.concurrencyharness.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.concurrencyharness.Concurrent;
import org.concurrencyharness.Daemon;
import org.concurrencyharness.Semaphore;
import org.concurrencyharness.internal.execution.ExerciseDefinition;
import org.concurrencyharness.internal.execution.ExerciseValidator;
import org.concurrencyharness.internal.execution.ThreadRoundRunner;
import org.concurrencyharness.internal.result.RoundResult;

/**
 * What the harness itself costs, in one run on this machine: the lesson's timings against their
 * floors, and a round of 1,000 empty threads against plain {@code Thread.start}/{@code join}.
 * Prints figures; asserts nothing.
 */
public final class HarnessOverheadBenchmark {

    private static final int REPEATS = 7;

    /** The exercises measured. */
    public static class Exercises {
        @Concurrent(threads = 50)
        public void sleepTwoSeconds() throws InterruptedException {
            Thread.sleep(2_000);
        }

        @Concurrent(threads = 22)
        @Semaphore(5)
        public void oneSecondTask() throws InterruptedException {
            Thread.sleep(1_000);
        }

        @Concurrent(threads = 50)
        @Daemon
        public void daemonSleep() throws InterruptedException {
            Thread.sleep(2_000);
        }

        @Concurrent(threads = 1_000)
        public void empty() {}
    }

    private HarnessOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        RoundResult sleepers = round("sleepTwoSeconds");
        print("50 threads x 2 s sleep", sleepers.wallMillis(), 2_000, "floor 2000 ms");
        RoundResult bounded = round("oneSecondTask");
        print(
                "22 x 1 s through @Semaphore(5)",
                bounded.wallMillis(),
                5_000,
                "floor 5000 ms, max concurrency " + bounded.maxConcurrency());
        RoundResult daemons = round("daemonSleep");
        System.out.printf(
                Locale.ROOT,
                "%-34s %9.1f ms  (%d of 50 finished when the main flow ended)%n",
                "50 daemons over 2 s sleeps",
                daemons.wallMillis(),
                daemons.finished());

        for (int warmUp = 0; warmUp < 3; warmUp++) {
            round("empty");
            plainThreads(1_000);
        }
        double[] harness = new double[REPEATS];
        double[] plain = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            harness[i] = round("empty").wallMillis();
            plain[i] = plainThreads(1_000);
        }
        print(
                "1,000 empty threads (median of " + REPEATS + ")",
                median(harness),
                median(plain),
                "plain start/join " + String.format(Locale.ROOT, "%.1f ms", median(plain)));
    }

    private static RoundResult round(String method) throws Exception {
        ExerciseDefinition exercise = ExerciseValidator.validate(Exercises.class, Exercises.class.getMethod(method))
                .definition();
        return new ThreadRoundRunner()
                .run(exercise, 1, exercise.newInstance(), 0)
                .result();
    }

    private static double plainThreads(int count) throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {});
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void print(String what, double millis, double baseline, String note) {
        System.out.printf(Locale.ROOT, "%-34s %9.1f ms  ratio %.3f  (%s)%n", what, millis, millis / baseline, note);
    }
}
