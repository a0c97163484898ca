package org.concurrencyharness.internal.fork;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concurrencyharness.internal.engine.ConcurrencyTestEngine;
import org.concurrencyharness.internal.report.ExerciseResult;
import org.concurrencyharness.internal.report.Json;
import org.concurrencyharness.internal.report.Outcome;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Collects each exercise's result from the engine's report entries, and prints a progress line
 * as each one starts and ends, so that a long run shows life.
 */
final class ResultCollector implements TestExecutionListener {

    private final PrintStream out;
    private final List<ExerciseResult> results = new ArrayList<>();
    private ExerciseResult current;

    ResultCollector(PrintStream out) {
        this.out = out;
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
        if (current == null) {
            // the engine itself failed on this exercise: still report it, as a failure
            String reason = result.getThrowable().map(Throwable::toString).orElse("no result");
            current = crashed(test, reason);
            results.add(current);
        }
        out.println("[concurrency] " + current.outcome() + " " + name(test) + " in "
                + Math.round(current.wallMillis()) + " ms" + racesText(current));
        out.flush();
    }

    private static String racesText(ExerciseResult result) {
        int races = result.races().size();
        return races == 0 ? "" : races == 1 ? ", 1 race" : ", " + races + " races";
    }

    private static ExerciseResult crashed(TestIdentifier test, String reason) {
        Optional<MethodSource> source = test.getSource().filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast);
        String className = source.map(MethodSource::getClassName).orElse(test.getLegacyReportingName());
        String method = source.map(MethodSource::getMethodName).orElse(test.getDisplayName());
        return new ExerciseResult(className, method, null,
                new org.concurrencyharness.internal.report.Conditions(0, 0, 0, false, 0, 0, false), Outcome.FAIL, 0, 0,
                Map.of(), List.of(), List.of("The harness failed on this exercise: " + reason), List.of(), List.of());
    }

    private static String name(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(s -> s.getJavaClass().getSimpleName() + "#" + s.getMethodName())
                .orElse(test.getDisplayName());
    }
}
