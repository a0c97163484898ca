package org.concurrencyharness.internal.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One round of an exercise.
 *
 * @param round the round's number, from 1
 * @param wallMillis the round's wall time (for daemons: the main flow's time)
 * @param maxConcurrency the most workers seen inside the body at once
 * @param finished how many workers had finished when the round ended
 * @param workers every thread or process of the round
 * @param sharedState field name to rendered value, when the round ended
 * @param errors what went wrong, each with its stack trace where there is one
 */
public record RoundResult(
        int round,
        double wallMillis,
        int maxConcurrency,
        int finished,
        List<WorkerResult> workers,
        Map<String, String> sharedState,
        List<String> errors) {

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("round", round);
        json.put("wallMillis", WorkerResult.round(wallMillis));
        json.put("maxConcurrency", maxConcurrency);
        json.put("finished", finished);
        json.put("sharedState", sharedState);
        json.put("errors", errors);
        json.put("workers", JsonObject.toJson(workers, WorkerResult::toJson));
        return json;
    }

    static RoundResult fromJson(JsonObject json) {
        return new RoundResult(
                json.intValue("round"),
                json.doubleValue("wallMillis"),
                json.intValue("maxConcurrency"),
                json.intValue("finished"),
                json.list("workers", WorkerResult::fromJson),
                json.stringMap("sharedState"),
                json.strings("errors"));
    }
}
