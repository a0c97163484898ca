package org.concurrencyharness.internal.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one exercise produced, over all its rounds. Made by name with {@link #builder}; the canonical
 * constructor, with every component in its place, is for reading one back from JSON and for copies.
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

    /**
     * Starts the result of one exercise: its class, method, source file (or null) and conditions. Its outcome must be
     * given; the rest starts empty (no time, no state, no race, no error, no round) until given.
     */
    public static Builder builder(String className, String methodName, String sourceFile, Conditions conditions) {
        return new Builder(className, methodName, sourceFile, conditions);
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

    /** Collects an exercise's result by name, for {@link #builder}. */
    public static final class Builder {
        private final String className;
        private final String methodName;
        private final String sourceFile;
        private final Conditions conditions;
        private Outcome outcome;
        private double wallMillis;
        private int maxConcurrency;
        private Map<String, String> sharedState = Map.of();
        private List<Race> races = List.of();
        private List<Race> suppressed = List.of();
        private List<String> detectorErrors = List.of();
        private List<String> errors = List.of();
        private List<RoundResult> rounds = List.of();
        private List<Hint> hints = List.of();
        private List<LostUpdate> lostUpdates = List.of();

        private Builder(String className, String methodName, String sourceFile, Conditions conditions) {
            this.className = className;
            this.methodName = methodName;
            this.sourceFile = sourceFile;
            this.conditions = conditions;
        }

        public Builder outcome(Outcome value) {
            this.outcome = value;
            return this;
        }

        public Builder wallMillis(double value) {
            this.wallMillis = value;
            return this;
        }

        public Builder maxConcurrency(int value) {
            this.maxConcurrency = value;
            return this;
        }

        public Builder sharedState(Map<String, String> value) {
            this.sharedState = value;
            return this;
        }

        public Builder races(List<Race> value) {
            this.races = value;
            return this;
        }

        public Builder suppressed(List<Race> value) {
            this.suppressed = value;
            return this;
        }

        public Builder detectorErrors(List<String> value) {
            this.detectorErrors = value;
            return this;
        }

        public Builder errors(List<String> value) {
            this.errors = value;
            return this;
        }

        public Builder rounds(List<RoundResult> value) {
            this.rounds = value;
            return this;
        }

        public Builder hints(List<Hint> value) {
            this.hints = value;
            return this;
        }

        public Builder lostUpdates(List<LostUpdate> value) {
            this.lostUpdates = value;
            return this;
        }

        public ExerciseResult build() {
            return new ExerciseResult(
                    className,
                    methodName,
                    sourceFile,
                    conditions,
                    Objects.requireNonNull(outcome, "an exercise's result needs its outcome"),
                    wallMillis,
                    maxConcurrency,
                    sharedState,
                    races,
                    suppressed,
                    detectorErrors,
                    errors,
                    rounds,
                    hints,
                    lostUpdates);
        }
    }
}
