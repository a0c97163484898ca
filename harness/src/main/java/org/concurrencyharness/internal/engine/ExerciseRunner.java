package org.concurrencyharness.internal.engine;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.execution.ExerciseDefinition;
import org.concurrencyharness.internal.execution.ExerciseValidator;
import org.concurrencyharness.internal.execution.RoundRun;
import org.concurrencyharness.internal.execution.ThreadRoundRunner;
import org.concurrencyharness.internal.process.ProcessRoundRunner;
import org.concurrencyharness.internal.race.RaceDetection;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.Conditions;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.Outcome;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.RoundResult;
import org.concurrencyharness.internal.suppression.Suppressions;

/** Runs every round of one exercise and decides its outcome. Never throws: what goes wrong is the exercise's result. */
public final class ExerciseRunner {

    private final boolean failOnRace;
    private final Suppressions suppressions;

    public ExerciseRunner(boolean failOnRace, Suppressions suppressions) {
        this.failOnRace = failOnRace;
        this.suppressions = suppressions;
    }

    public ExerciseResult run(Class<?> type, Method method) {
        ExerciseValidator.Validation validation = ExerciseValidator.validate(type, method);
        if (!validation.isValid()) {
            return invalid(type, method, validation);
        }
        ExerciseDefinition exercise = validation.definition();
        List<RoundResult> rounds = new ArrayList<>();
        Map<String, Race> races = new LinkedHashMap<>();
        Map<String, LostUpdate> lostUpdates = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        int roundCount = exercise.conditions().rounds();
        for (int round = 1; round <= roundCount; round++) {
            RoundRun run = runRound(exercise, round);
            rounds.add(run.result());
            for (Race race : run.races()) {
                races.putIfAbsent(siteKey(race), race);
            }
            for (LostUpdate lost : run.lostUpdates()) {
                lostUpdates.putIfAbsent(lost.sites(), lost);
            }
            String prefix = roundCount > 1 ? "round " + round + ": " : "";
            run.result().errors().forEach(e -> errors.add(prefix + e));
        }
        // a child process's races came back with its round, so they are split here with the threads' own
        List<Race> raceList = new ArrayList<>();
        List<Race> suppressed = new ArrayList<>();
        for (Race race : races.values()) {
            (suppressions.matches(race) ? suppressed : raceList).add(race);
        }
        Conditions conditions = exercise.conditions();
        // @ExpectRace expects either kind of race: a data race, or a lost update through thread-safe calls
        boolean raced = !raceList.isEmpty() || !lostUpdates.isEmpty();
        if (conditions.expectRace() && !raced && RaceDetection.isActive()) {
            errors.add(
                    suppressed.isEmpty()
                            ? "@ExpectRace: a data race or a lost update was expected, but the detector found none; if the"
                                    + " exercise is correctly synchronised now, remove @ExpectRace"
                            : "@ExpectRace: a data race was expected, but the races found (on " + fieldsOf(suppressed)
                                    + ") were all suppressed, by concurrency.suppressions or as a library's deliberate race;"
                                    + " a race made on purpose is not benign: remove the pattern that matches it, or"
                                    + " @ExpectRace");
        }
        boolean racesFail = raced && !conditions.expectRace() && failOnRace;
        Outcome outcome = errors.isEmpty() && !racesFail ? Outcome.PASS : Outcome.FAIL;
        double wall = rounds.stream().mapToDouble(RoundResult::wallMillis).sum();
        int maxConcurrency =
                rounds.stream().mapToInt(RoundResult::maxConcurrency).max().orElse(0);
        Map<String, String> lastState =
                rounds.isEmpty() ? Map.of() : rounds.get(rounds.size() - 1).sharedState();
        return ExerciseResult.builder(type.getName(), method.getName(), sourceFileOf(type), conditions)
                .outcome(outcome)
                .wallMillis(wall)
                .maxConcurrency(maxConcurrency)
                .sharedState(lastState)
                .races(List.copyOf(raceList))
                .suppressed(List.copyOf(suppressed))
                .detectorErrors(RaceDetection.drainDetectorErrors())
                .errors(errors)
                .rounds(rounds)
                .lostUpdates(List.copyOf(lostUpdates.values()))
                .build();
    }

    private RoundRun runRound(ExerciseDefinition exercise, int round) {
        if (exercise.conditions().processes() > 0) {
            return new ProcessRoundRunner().run(exercise, round);
        }
        Object instance;
        try {
            instance = exercise.newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new RoundRun(
                    new RoundResult(
                            round,
                            0,
                            0,
                            0,
                            List.of(),
                            Map.of(),
                            List.of("Could not build " + exercise.type().getSimpleName()
                                    + " with its no-argument constructor: " + cause
                                    + "; fix the constructor, or make the method static")),
                    List.of(),
                    List.of());
        }
        return new ThreadRoundRunner().run(exercise, round, instance, 0);
    }

    private static ExerciseResult invalid(Class<?> type, Method method, ExerciseValidator.Validation validation) {
        return ExerciseResult.builder(type.getName(), method.getName(), sourceFileOf(type), validation.conditions())
                .outcome(Outcome.FAIL)
                .errors(List.copyOf(validation.problems()))
                .build();
    }

    private static String fieldsOf(List<Race> races) {
        return String.join(", ", races.stream().map(Race::field).distinct().toList());
    }

    /** Two reports of the same pair of sites are one race. */
    private static String siteKey(Race race) {
        return race.field() + "|" + site(race.first()) + "|" + site(race.second());
    }

    private static String site(Access access) {
        return access.location() + " " + access.kind();
    }

    /** The top-level class's file: what javac names the source of a class and its nested classes. */
    static String sourceFileOf(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return top.getSimpleName() + ".java";
    }
}
