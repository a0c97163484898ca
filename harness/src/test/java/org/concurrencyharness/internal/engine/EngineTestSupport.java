package org.concurrencyharness.internal.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Json;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventType;

/** Runs fixture classes through the real engine with the engine test kit, and reads back their results. */
final class EngineTestSupport {

    private EngineTestSupport() {}

    static EngineExecutionResults execute(Class<?> fixture) {
        return EngineTestKit.engine(ConcurrencyTestEngine.ENGINE_ID)
                .selectors(selectClass(fixture))
                .execute();
    }

    static List<ExerciseResult> resultsOf(EngineExecutionResults results) {
        return results.allEvents().stream()
                .filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(e -> e.getRequiredPayload(ReportEntry.class)
                        .getKeyValuePairs()
                        .get(ConcurrencyTestEngine.RESULT_KEY))
                .map(json -> ExerciseResult.fromJson(Json.parse(json)))
                .toList();
    }

    static Map<String, ExerciseResult> run(Class<?> fixture) {
        return resultsOf(execute(fixture)).stream()
                .collect(Collectors.toMap(ExerciseResult::methodName, Function.identity()));
    }
}
