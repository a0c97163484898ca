package org.concurrencyharness.maven.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Hint;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.LostUpdateText;
import org.concurrencyharness.internal.result.Outcome;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.RaceCounts;
import org.concurrencyharness.internal.result.RunReport;

/** The closing summary a person reads at the end of the build: a table, then what went wrong and where. */
public final class ConsoleSummary {

    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String RESET = "\u001b[0m";

    private ConsoleSummary() {}

    public static List<String> render(RunReport report, boolean colour) {
        List<String> lines = new ArrayList<>();
        int nameWidth = Math.max(
                8,
                report.exercises().stream()
                        .mapToInt(e -> e.displayName().length())
                        .max()
                        .orElse(8));
        int conditionsWidth = Math.max(
                10,
                report.exercises().stream()
                        .mapToInt(e -> e.conditions().describe().length())
                        .max()
                        .orElse(10));
        String format = "%-" + nameWidth + "s  %-" + conditionsWidth + "s  %-7s %9s  %4s  %5s";
        lines.add(String.format(format, "exercise", "conditions", "outcome", "wall ms", "max", "races"));
        for (ExerciseResult exercise : report.exercises()) {
            String row = String.format(
                    format,
                    exercise.displayName(),
                    exercise.conditions().describe(),
                    exercise.outcome(),
                    Math.round(exercise.wallMillis()),
                    exercise.maxConcurrency(),
                    racesCell(exercise));
            lines.add(colour ? (exercise.outcome() == Outcome.PASS ? GREEN : RED) + row + RESET : row);
        }
        lines.add(report.exercises().size() + " exercises: " + report.passed() + " passed, " + report.failed()
                + " failed, " + RaceCounts.describe(report.races(), report.suppressed())
                + (report.lostUpdates() == 0 ? "" : ", " + LostUpdateText.count(report.lostUpdates()))
                + (report.detectRaces() ? "" : " (race detector off)"));
        ShardNotice.of(report).ifPresent(lines::add);
        for (ExerciseResult exercise : report.exercises()) {
            details(lines, exercise);
        }
        return lines;
    }

    /**
     * The races found, the suppressed ones counted in and said apart, then the lost updates:
     * {@code 3 (1 suppressed) + 2 lost updates}.
     */
    private static String racesCell(ExerciseResult exercise) {
        int suppressed = exercise.suppressed().size();
        int found = exercise.races().size() + suppressed;
        int lost = exercise.lostUpdates().size();
        return (suppressed == 0 ? String.valueOf(found) : found + " (" + suppressed + " suppressed)")
                + (lost == 0 ? "" : " + " + LostUpdateText.count(lost));
    }

    private static void details(List<String> lines, ExerciseResult exercise) {
        if (exercise.sharedState().isEmpty()
                && exercise.races().isEmpty()
                && exercise.suppressed().isEmpty()
                && exercise.errors().isEmpty()
                && exercise.hints().isEmpty()
                && exercise.detectorErrors().isEmpty()
                && exercise.lostUpdates().isEmpty()) {
            return;
        }
        lines.add("");
        lines.add(exercise.displayName() + ":");
        for (Map.Entry<String, String> field : exercise.sharedState().entrySet()) {
            lines.add("  " + field.getKey() + " = " + field.getValue());
        }
        for (Race race : exercise.races()) {
            race(lines, "race on ", race, exercise.conditions().expectRace() ? " (expected)" : "");
        }
        for (Race race : exercise.suppressed()) {
            race(lines, "suppressed race on ", race, "");
        }
        lostUpdates(lines, exercise);
        for (Hint hint : exercise.hints()) {
            lines.add("  hint: " + hint.code() + " at " + hint.location() + ", " + hint.reason()
                    + (hint.confirmed() ? " (confirmed by a race)" : ""));
        }
        for (String error : exercise.errors()) {
            stack(lines, "error: ", error, 12);
        }
        // the detector's own failures fail nothing, but the races it missed through them are not in this report
        for (String error : exercise.detectorErrors()) {
            stack(lines, "detector error: ", error, 6);
        }
    }

    private static void race(List<String> lines, String label, Race race, String note) {
        lines.add("  " + label + RaceText.subject(race) + note);
        for (Access access : List.of(race.first(), race.second())) {
            lines.add("    " + RaceText.access(access));
        }
        RaceText.prediction(race).forEach(line -> lines.add("    " + line));
    }

    /** A text with a stack trace: its first line, then at most {@code maxLines} lines in all. */
    private static void stack(List<String> lines, String label, String text, int maxLines) {
        String[] textLines = text.split("\n");
        lines.add("  " + label + textLines[0]);
        for (int i = 1; i < Math.min(textLines.length, maxLines); i++) {
            lines.add("    " + textLines[i].strip());
        }
    }

    private static void lostUpdates(List<String> lines, ExerciseResult exercise) {
        for (LostUpdate lost : exercise.lostUpdates()) {
            lines.add("  lost update of " + lost.subject()
                    + (exercise.conditions().expectRace() ? " (expected)" : ""));
            LostUpdateText.accesses(lost).forEach(access -> lines.add("    " + access));
        }
    }
}
