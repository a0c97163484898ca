package org.concurrencyharness.internal.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.shard.Shard;

/**
 * A whole run: every exercise, and the counts a CI gate reads.
 *
 * @param detectRaces whether the race detector was on
 * @param exercises every exercise, in the order they ran
 * @param shards the parts of a sharded run ({@code concurrency.shard}) it holds: one for a part's run, those
 *               merged for a merge of parts; none for a run of every exercise
 */
public record RunReport(boolean detectRaces, List<ExerciseResult> exercises, List<Shard> shards) {

    /** A run of every exercise. */
    public RunReport(boolean detectRaces, List<ExerciseResult> exercises) {
        this(detectRaces, exercises, List.of());
    }

    /** The same run with other results for its exercises. */
    public RunReport withExercises(List<ExerciseResult> changed) {
        return new RunReport(detectRaces, changed, shards);
    }

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

    /** The parts of its sharded run this report lacks, whose exercises it does not hold; none for an unsharded run. */
    public List<Shard> missingShards() {
        List<Shard> missing = new ArrayList<>();
        if (!shards.isEmpty()) {
            int count = shards.get(0).count();
            for (int index = 1; index <= count; index++) {
                if (!shards.contains(new Shard(index, count))) {
                    missing.add(new Shard(index, count));
                }
            }
        }
        return missing;
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
        if (!shards.isEmpty()) {
            json.put("shards", shards.stream().map(Shard::toString).toList());
            json.put(
                    "missingShards",
                    missingShards().stream().map(Shard::toString).toList());
        }
        json.put("exercises", JsonObject.toJson(exercises, ExerciseResult::toJson));
        return json;
    }

    public static RunReport fromJson(Object parsed) {
        JsonObject json = new JsonObject(parsed);
        return new RunReport(
                json.bool("detectRaces"),
                json.list("exercises", e -> ExerciseResult.fromJson(e.map())),
                json.strings("shards").stream().map(Shard::parse).toList());
    }
}
