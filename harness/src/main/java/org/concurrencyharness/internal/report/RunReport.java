package org.concurrencyharness.internal.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole run: every exercise, and the counts a CI gate reads.
 *
 * @param detectRaces whether the race detector was on
 * @param exercises every exercise, in the order they ran
 */
public record RunReport(boolean detectRaces, List<ExerciseResult> exercises) {

    public long passed() {
        return exercises.stream().filter(e -> e.outcome() == Outcome.PASS).count();
    }

    public long failed() {
        return exercises.size() - passed();
    }

    /** The races that count: those no suppression matched. */
    public long races() {
        return exercises.stream().mapToLong(e -> e.races().size()).sum();
    }

    public long lostUpdates() {
        return exercises.stream().mapToLong(e -> e.lostUpdates().size()).sum();
    }

    public long suppressed() {
        return exercises.stream().mapToLong(e -> e.suppressed().size()).sum();
    }

    public List<ExerciseResult> failures() {
        return exercises.stream().filter(e -> e.outcome() == Outcome.FAIL).toList();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("exercises", exercises.size());
        summary.put("passed", passed());
        summary.put("failed", failed());
        summary.put("races", races());
        summary.put("suppressed", suppressed());
        summary.put("lostUpdates", lostUpdates());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("summary", summary);
        json.put("detectRaces", detectRaces);
        json.put("exercises", JsonObject.toJson(exercises, ExerciseResult::toJson));
        return json;
    }

    public static RunReport fromJson(Object parsed) {
        JsonObject json = new JsonObject(parsed);
        return new RunReport(json.bool("detectRaces"), json.list("exercises", e -> ExerciseResult.fromJson(e.map())));
    }
}
