package org.concurrencyharness.internal.engine;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.concurrencyharness.ExpectRace;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Json;
import org.concurrencyharness.internal.result.Outcome;
import org.concurrencyharness.internal.shard.Shard;
import org.concurrencyharness.internal.suppression.Suppressions;
import org.concurrencyharness.internal.suppression.SuppressionsFileException;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The JUnit Platform engine that runs exercises: so that the plugin gets discovery, filtering and
 * listeners from the platform, and so that exercises also show up in an IDE or a Surefire run.
 * Each exercise's full result is published as a report entry keyed {@link #RESULT_KEY}.
 */
public final class ConcurrencyTestEngine implements TestEngine {

    public static final String ENGINE_ID = "concurrency-harness";
    /** The report entry that carries an exercise's result, as JSON. */
    public static final String RESULT_KEY = "concurrency.result";
    /** Configuration parameter: whether a race in an exercise without {@code @ExpectRace} fails it. */
    public static final String FAIL_ON_RACE = "concurrency.failOnRace";
    /** Configuration parameter: the file of race suppressions, whose races are reported as suppressed and fail nothing. */
    public static final String SUPPRESSIONS = "concurrency.suppressions";
    /** The project's suppressions, from the working directory: Surefire and IDEs run in the project's directory. */
    static final String DEFAULT_SUPPRESSIONS = "src/test/resources/concurrency-suppressions.txt";

    /** Configuration parameter: {@code K/N} runs only the K-th of N parts of the exercises, for a CI matrix. */
    public static final String SHARD = Shard.PROPERTY;

    /** Configuration parameter: {@code false} when the user chose to run without the race detector. */
    public static final String DETECT_RACES = "concurrency.detectRaces";

    /** A JVM may execute the engine more than once, and says that races are not looked for only once. */
    private static final AtomicBoolean DETECTOR_NOTICE_PRINTED = new AtomicBoolean();

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("org.concurrencyharness");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("concurrency-harness");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "Concurrency Harness");
        Shard shard;
        try {
            shard = request.getConfigurationParameters()
                    .get(SHARD)
                    .map(Shard::parse)
                    .orElse(Shard.WHOLE);
        } catch (IllegalArgumentException e) {
            // an error the platform fails the run with; nothing is discovered, since any part would be one not meant
            request.getDiscoveryListener()
                    .issueEncountered(uniqueId, DiscoveryIssue.create(Severity.ERROR, e.getMessage()));
            return engine;
        }
        ExerciseDiscovery.discover(request, engine, shard);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        boolean failOnRace =
                request.getConfigurationParameters().getBoolean(FAIL_ON_RACE).orElse(true);
        DetectorPresence detector = DetectorPresence.of(request.getConfigurationParameters());
        EngineExecutionListener listener = request.getEngineExecutionListener();
        TestDescriptor engine = request.getRootTestDescriptor();
        if (detector != DetectorPresence.ON
                && !engine.getChildren().isEmpty()
                && DETECTOR_NOTICE_PRINTED.compareAndSet(false, true)) {
            System.err.println(detector.notice());
        }
        listener.executionStarted(engine);
        Suppressions suppressions;
        try {
            suppressions = Suppressions.read(Path.of(request.getConfigurationParameters()
                            .get(SUPPRESSIONS)
                            .orElse(DEFAULT_SUPPRESSIONS)))
                    .and(Suppressions.LIBRARIES);
        } catch (SuppressionsFileException e) {
            // no exercise runs: each would be judged by patterns other than the user meant
            listener.executionFinished(engine, TestExecutionResult.failed(e));
            return;
        }
        ExerciseRunner runner = new ExerciseRunner(failOnRace, suppressions);
        for (TestDescriptor container : engine.getChildren()) {
            listener.executionStarted(container);
            for (TestDescriptor child : container.getChildren()) {
                if (child instanceof ExerciseDescriptor exercise) {
                    execute(exercise, runner, detector, listener);
                }
            }
            listener.executionFinished(container, TestExecutionResult.successful());
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private static void execute(
            ExerciseDescriptor exercise,
            ExerciseRunner runner,
            DetectorPresence detector,
            EngineExecutionListener listener) {
        listener.executionStarted(exercise);
        if (detector == DetectorPresence.NO_AGENT && exercise.method().isAnnotationPresent(ExpectRace.class)) {
            // its outcome is the detector's verdict: without the agent a pass would be a lie
            listener.executionFinished(exercise, TestExecutionResult.aborted(DetectorPresence.expectRaceAborted()));
            return;
        }
        ExerciseResult result;
        try {
            result = runner.run(exercise.type(), exercise.method());
        } catch (Throwable unexpected) {
            // a bug of ours in one exercise must not cost the others their run
            listener.executionFinished(exercise, TestExecutionResult.failed(unexpected));
            return;
        }
        listener.reportingEntryPublished(exercise, ReportEntry.from(RESULT_KEY, Json.write(result.toJson())));
        listener.executionFinished(
                exercise,
                result.outcome() == Outcome.PASS
                        ? TestExecutionResult.successful()
                        : TestExecutionResult.failed(new ExerciseFailedException(result)));
    }
}
