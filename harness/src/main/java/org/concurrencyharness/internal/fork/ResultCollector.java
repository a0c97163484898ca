package org.concurrencyharness.internal.fork;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.concurrencyharness.internal.engine.ConcurrencyTestEngine;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Json;
import org.concurrencyharness.internal.result.LostUpdateText;
import org.concurrencyharness.internal.result.Outcome;
import org.concurrencyharness.internal.result.RaceCounts;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Collects each exercise's result from the engine's report entries, and prints a progress line
 * as each one starts and ends, and every so often while a long one runs, so that a long run
 * shows life.
 */
final class ResultCollector implements TestExecutionListener {

    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final PrintStream out;
    private final Duration heartbeat;
    private final List<ExerciseResult> results = new ArrayList<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "concurrency-progress");
        thread.setDaemon(true);
        return thread;
    });
    private ExerciseResult current;
    private TestIdentifier running;
    private ScheduledFuture<?> stillRunning;

    ResultCollector(PrintStream out, Duration heartbeat) {
        this.out = out;
        this.heartbeat = heartbeat;
    }

    List<ExerciseResult> results() {
        return results;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            current = null;
            out.println("[concurrency] running " + name(test) + " ...");
            out.flush();
            long started = System.nanoTime();
            long every = heartbeat.toMillis();
            synchronized (this) {
                running = test;
                stillRunning = clock.scheduleAtFixedRate(
                        () -> stillRunning(test, started), every, every, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Under the lock that ends it too, so that no such line can follow the exercise's last. */
    private synchronized void stillRunning(TestIdentifier test, long started) {
        if (running == test) {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            out.println("[concurrency] still running " + name(test) + " after " + seconds + " s");
            out.flush();
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        Map<String, String> values = entry.getKeyValuePairs();
        String json = values.get(ConcurrencyTestEngine.RESULT_KEY);
        if (json != null) {
            current = ExerciseResult.fromJson(Json.parse(json));
            results.add(current);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        synchronized (this) {
            running = null;
            stillRunning.cancel(false);
        }
        if (current == null) {
            // the engine itself failed on this exercise: still report it, as a failure
            String reason = result.getThrowable().map(Throwable::toString).orElse("no result");
            current = crashed(test, reason);
            results.add(current);
        }
        out.println("[concurrency] " + current.outcome() + " " + name(test) + " in " + Math.round(current.wallMillis())
                + " ms" + racesText(current));
        out.flush();
    }

    private static String racesText(ExerciseResult result) {
        int races = result.races().size();
        int suppressed = result.suppressed().size();
        int lostUpdates = result.lostUpdates().size();
        return (races + suppressed == 0 ? "" : ", " + RaceCounts.describe(races, suppressed))
                + (lostUpdates == 0 ? "" : ", " + LostUpdateText.count(lostUpdates));
    }

    private static ExerciseResult crashed(TestIdentifier test, String reason) {
        Optional<MethodSource> source =
                test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
        String className = source.map(MethodSource::getClassName).orElse(test.getLegacyReportingName());
        String method = source.map(MethodSource::getMethodName).orElse(test.getDisplayName());
        return ExerciseResult.builder(
                        className,
                        method,
                        null,
                        new org.concurrencyharness.internal.result.Conditions(0, 0, 0, false, 0, 0, false))
                .outcome(Outcome.FAIL)
                .errors(List.of("The harness failed on this exercise: " + reason))
                .build();
    }

    private static String name(TestIdentifier test) {
        return test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast)
                .map(s -> s.getJavaClass().getSimpleName() + "#" + s.getMethodName())
                .orElse(test.getDisplayName());
    }
}
