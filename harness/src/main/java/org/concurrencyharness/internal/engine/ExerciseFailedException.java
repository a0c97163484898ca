package org.concurrencyharness.internal.engine;

import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.LostUpdateText;
import org.concurrencyharness.internal.result.Race;

/** Why an exercise failed, as an IDE or Surefire shows a failed test. */
final class ExerciseFailedException extends AssertionError {

    private static final long serialVersionUID = 1L;

    ExerciseFailedException(ExerciseResult result) {
        super(message(result));
        setStackTrace(new StackTraceElement[0]);
    }

    private static String message(ExerciseResult result) {
        StringBuilder out = new StringBuilder(result.displayName()).append(" failed");
        if (!result.races().isEmpty() && !result.conditions().expectRace()) {
            out.append("\n").append(result.races().size()).append(" data race(s):");
            for (Race race : result.races()) {
                out.append("\n  ")
                        .append(race.field())
                        .append(": ")
                        .append(race.first().kind())
                        .append(" at ")
                        .append(race.first().location())
                        .append(" (")
                        .append(race.first().thread())
                        .append(") vs ")
                        .append(race.second().kind())
                        .append(" at ")
                        .append(race.second().location())
                        .append(" (")
                        .append(race.second().thread())
                        .append(')');
            }
        }
        if (!result.lostUpdates().isEmpty() && !result.conditions().expectRace()) {
            out.append("\n")
                    .append(LostUpdateText.count(result.lostUpdates().size()))
                    .append(':');
            for (LostUpdate lost : result.lostUpdates()) {
                out.append("\n  ").append(LostUpdateText.oneLine(lost));
            }
        }
        for (String error : result.errors()) {
            out.append("\n").append(error);
        }
        return out.toString();
    }
}
