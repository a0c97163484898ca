package org.concurrencyharness.maven;

import java.util.LinkedHashSet;
import java.util.Set;
import org.concurrencyharness.internal.report.ExerciseResult;
import org.concurrencyharness.internal.report.LostUpdate;
import org.concurrencyharness.internal.report.LostUpdateText;
import org.concurrencyharness.internal.report.Race;

/** One line that says which exercise failed and why, for the build's failure message. */
final class FailureSummary {

    private FailureSummary() {
    }

    static String of(ExerciseResult exercise) {
        StringBuilder line = new StringBuilder(exercise.className()).append('#').append(exercise.methodName());
        int named = line.length();
        if (!exercise.races().isEmpty() && !exercise.conditions().expectRace()) {
            Set<String> fields = new LinkedHashSet<>();
            for (Race race : exercise.races()) {
                fields.add(race.field());
            }
            int count = exercise.races().size();
            line.append(": ").append(count).append(count == 1 ? " data race on " : " data races on ")
                    .append(String.join(", ", fields));
        }
        if (!exercise.lostUpdates().isEmpty() && !exercise.conditions().expectRace()) {
            line.append(line.length() == named ? ": " : "; ").append(lostUpdates(exercise));
        }
        if (!exercise.errors().isEmpty()) {
            String first = exercise.errors().get(0);
            int newline = first.indexOf('\n');
            line.append(line.length() == named ? ": " : "; ").append(newline < 0 ? first : first.substring(0, newline));
            if (exercise.errors().size() > 1) {
                line.append(" (+").append(exercise.errors().size() - 1).append(" more)");
            }
        }
        return line.toString();
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
