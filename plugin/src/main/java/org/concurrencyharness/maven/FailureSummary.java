package org.concurrencyharness.maven;

import java.util.LinkedHashSet;
import java.util.Set;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.LostUpdateText;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.maven.report.RaceText;

/**
 * What the build's failure message says of one failed exercise: a line that names it and why it
 * failed, then a line for each of its first races, so that the log alone shows where to look.
 */
final class FailureSummary {

    /** Past that many, the races are counted, not listed: the reports have them all. */
    static final int MAX_RACES_LISTED = 5;

    private FailureSummary() {}

    static String of(ExerciseResult exercise) {
        StringBuilder text = new StringBuilder(exercise.className()).append('#').append(exercise.methodName());
        int named = text.length();
        boolean racesFailed =
                !exercise.races().isEmpty() && !exercise.conditions().expectRace();
        if (racesFailed) {
            int count = exercise.races().size();
            text.append(": ").append(count).append(count == 1 ? " data race" : " data races");
        }
        if (!exercise.lostUpdates().isEmpty() && !exercise.conditions().expectRace()) {
            text.append(text.length() == named ? ": " : "; ").append(lostUpdates(exercise));
        }
        if (!exercise.errors().isEmpty()) {
            String first = exercise.errors().get(0);
            int newline = first.indexOf('\n');
            text.append(text.length() == named ? ": " : "; ").append(newline < 0 ? first : first.substring(0, newline));
            if (exercise.errors().size() > 1) {
                text.append(" (+").append(exercise.errors().size() - 1).append(" more)");
            }
        }
        if (!exercise.detectorErrors().isEmpty()) {
            // the detector's failures fail nothing, but a race it missed through them is missing from this message
            text.append(" (the race detector failed on its own: races may be missed)");
        }
        if (racesFailed) {
            for (Race race : exercise.races()
                    .subList(0, Math.min(MAX_RACES_LISTED, exercise.races().size()))) {
                text.append("\n    ").append(RaceText.oneLine(race));
            }
            if (exercise.races().size() > MAX_RACES_LISTED) {
                text.append("\n    (+")
                        .append(exercise.races().size() - MAX_RACES_LISTED)
                        .append(" more races)");
            }
        }
        return text.toString();
    }

    /** {@code 2 lost updates of Shared.map("d")["n"]}: what was updated, each once. */
    private static String lostUpdates(ExerciseResult exercise) {
        Set<String> subjects = new LinkedHashSet<>();
        for (LostUpdate lost : exercise.lostUpdates()) {
            subjects.add(lost.subject());
        }
        return LostUpdateText.count(exercise.lostUpdates().size()) + " of " + String.join(", ", subjects);
    }
}
