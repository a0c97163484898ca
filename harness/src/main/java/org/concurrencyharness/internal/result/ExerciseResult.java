package org.concurrencyharness.internal.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one exercise produced, over all its rounds.
 *
 * @param className the fully qualified class name
 * @param methodName the method's name
 * @param sourceFile the class's source file name as compiled, such as {@code Counter.java}, or null
 * @param conditions what the annotations asked for
 * @param outcome whether the exercise met its expectations
 * @param wallMillis the wall time of all rounds together
 * @param maxConcurrency the most workers seen inside the body at once, over all rounds
 * @param sharedState the shared state when the last round ended: field name to rendered value
 * @param races every data race found, once per pair of sites, but those a suppression matched
 * @param suppressed the races a suppression matched: counted and listed, never failing the exercise
 * @param detectorErrors the race detector's own failures, once per kind, with their stacks: the program went on
 * @param errors what went wrong, each with its stack trace where there is one
 * @param rounds each round in detail
 * @param hints what source insight flagged before the run
 * @param lostUpdates every lost update found, once per three sites: like races, they fail the exercise unless it
 *     expects races
 */
public record ExerciseResult(
        String className,
        String methodName,
        String sourceFile,
        Conditions conditions,
        Outcome outcome,
        double wallMillis,
        int maxConcurrency,
        Map<String, String> sharedState,
        List<Race> races,
        List<Race> suppressed,
        List<String> detectorErrors,
        List<String> errors,
        List<RoundResult> rounds,
        List<Hint> hints,
        List<LostUpdate> lostUpdates) {

    /** An exercise in which no lost update was found. */
    public ExerciseResult(
            String className,
            String methodName,
            String sourceFile,
            Conditions conditions,
            Outcome outcome,
            double wallMillis,
            int maxConcurrency,
            Map<String, String> sharedState,
            List<Race> races,
            List<Race> suppressed,
            List<String> detectorErrors,
            List<String> errors,
            List<RoundResult> rounds,
            List<Hint> hints) {
        this(
                className,
                methodName,
                sourceFile,
                conditions,
                outcome,
                wallMillis,
                maxConcurrency,
                sharedState,
                races,
                suppressed,
                detectorErrors,
                errors,
                rounds,
                hints,
                List.of());
    }

    /** {@code SimpleName#method}, as a person reads it. */
    public String displayName() {
        return className.substring(className.lastIndexOf('.') + 1) + "#" + methodName;
    }

    /** A copy with other hints, as source insight adds them after the run. */
    public ExerciseResult withHints(List<Hint> newHints) {
        return new ExerciseResult(
                className,
                methodName,
                sourceFile,
                conditions,
                outcome,
                wallMillis,
                maxConcurrency,
                sharedState,
                races,
                suppressed,
                detectorErrors,
                errors,
                rounds,
                List.copyOf(newHints),
                lostUpdates);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("class", className);
        json.put("method", methodName);
        json.put("sourceFile", sourceFile);
        json.put("conditions", conditions.toJson());
        json.put("outcome", outcome.name());
        json.put("wallMillis", WorkerResult.round(wallMillis));
        json.put("maxConcurrency", maxConcurrency);
        json.put("sharedState", sharedState);
        json.put("races", JsonObject.toJson(races, Race::toJson));
        json.put("suppressed", JsonObject.toJson(suppressed, Race::toJson));
        json.put("lostUpdates", JsonObject.toJson(lostUpdates, LostUpdate::toJson));
        json.put("detectorErrors", detectorErrors);
        json.put("errors", errors);
        json.put("hints", JsonObject.toJson(hints, Hint::toJson));
        json.put("rounds", JsonObject.toJson(rounds, RoundResult::toJson));
        return json;
    }

    public static ExerciseResult fromJson(Object parsed) {
        JsonObject json = new JsonObject(parsed);
        return new ExerciseResult(
                json.string("class"),
                json.string("method"),
                json.string("sourceFile"),
                Conditions.fromJson(json.object("conditions")),
                Outcome.valueOf(json.string("outcome")),
                json.doubleValue("wallMillis"),
                json.intValue("maxConcurrency"),
                json.stringMap("sharedState"),
                json.list("races", Race::fromJson),
                json.list("suppressed", Race::fromJson),
                json.strings("detectorErrors"),
                json.strings("errors"),
                json.list("rounds", RoundResult::fromJson),
                json.list("hints", Hint::fromJson),
                json.list("lostUpdates", LostUpdate::fromJson));
    }
}
