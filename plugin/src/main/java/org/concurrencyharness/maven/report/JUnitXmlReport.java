package org.concurrencyharness.maven.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.LostUpdateText;
import org.concurrencyharness.internal.result.Outcome;
import org.concurrencyharness.internal.result.Race;

/**
 * {@code TEST-<class>.xml} as Surefire writes it, one file per exercise class and one test case
 * per exercise, so that CI servers list exercises as tests, with races, lost updates and errors as failures.
 * Races and lost updates that fail nothing (suppressed, expected) go in the test case's output; the race
 * detector's own failures fail nothing either, and go in its error output.
 */
final class JUnitXmlReport {

    private JUnitXmlReport() {}

    static String render(String className, List<ExerciseResult> exercises) {
        long failures =
                exercises.stream().filter(e -> e.outcome() == Outcome.FAIL).count();
        double seconds =
                exercises.stream().mapToDouble(ExerciseResult::wallMillis).sum() / 1000.0;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"")
                .append(Xml.escape(className))
                .append("\" tests=\"")
                .append(exercises.size())
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"0\" skipped=\"0\" time=\"")
                .append(seconds(seconds))
                .append("\">\n  <properties/>\n");
        for (ExerciseResult exercise : exercises) {
            xml.append("  <testcase name=\"")
                    .append(Xml.escape(exercise.methodName()))
                    .append("\" classname=\"")
                    .append(Xml.escape(className))
                    .append("\" time=\"")
                    .append(seconds(exercise.wallMillis() / 1000.0))
                    .append("\">\n");
            if (exercise.outcome() == Outcome.FAIL) {
                xml.append("    <failure message=\"")
                        .append(Xml.escape(failureMessage(exercise)))
                        .append("\" type=\"concurrency\">")
                        .append(Xml.escape(details(exercise)))
                        .append("</failure>\n");
            }
            xml.append("    <system-out>")
                    .append(Xml.escape(systemOut(exercise)))
                    .append("</system-out>\n");
            if (!exercise.detectorErrors().isEmpty()) {
                xml.append("    <system-err>")
                        .append(Xml.escape(String.join("\n", exercise.detectorErrors())))
                        .append("</system-err>\n");
            }
            xml.append("  </testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static String failureMessage(ExerciseResult exercise) {
        if (!exercise.races().isEmpty() && !exercise.conditions().expectRace()) {
            return exercise.races().size() + " data race(s), the first on "
                    + RaceText.subject(exercise.races().get(0));
        }
        if (!exercise.lostUpdates().isEmpty() && !exercise.conditions().expectRace()) {
            return LostUpdateText.count(exercise.lostUpdates().size()) + ", the first of "
                    + exercise.lostUpdates().get(0).subject();
        }
        String first =
                exercise.errors().isEmpty() ? "failed" : exercise.errors().get(0);
        int newline = first.indexOf('\n');
        return newline < 0 ? first : first.substring(0, newline);
    }

    private static String details(ExerciseResult exercise) {
        StringBuilder out = new StringBuilder();
        for (Race race : exercise.races()) {
            race(out, "race on ", race);
        }
        lostUpdates(out, exercise);
        exercise.errors().forEach(e -> out.append(e).append('\n'));
        return out.toString();
    }

    private static void race(StringBuilder out, String label, Race race) {
        out.append(label).append(RaceText.subject(race)).append('\n');
        for (Access access : List.of(race.first(), race.second())) {
            out.append("  ").append(RaceText.access(access)).append('\n');
        }
        RaceText.prediction(race).forEach(line -> out.append("  ").append(line).append('\n'));
    }

    private static void lostUpdates(StringBuilder out, ExerciseResult exercise) {
        for (LostUpdate lost : exercise.lostUpdates()) {
            out.append("lost update of ").append(lost.subject()).append('\n');
            LostUpdateText.accesses(lost)
                    .forEach(access -> out.append("  ").append(access).append('\n'));
        }
    }

    private static String systemOut(ExerciseResult exercise) {
        StringBuilder out = new StringBuilder("conditions: ")
                .append(exercise.conditions().describe())
                .append('\n');
        out.append("max concurrency: ").append(exercise.maxConcurrency()).append('\n');
        for (Map.Entry<String, String> field : exercise.sharedState().entrySet()) {
            out.append(field.getKey()).append(" = ").append(field.getValue()).append('\n');
        }
        if (exercise.outcome() == Outcome.PASS) {
            // an expected race, or one that failOnRace=false lets pass: no failure lists it, so the output does
            for (Race race : exercise.races()) {
                race(out, "race on ", race);
            }
        }
        for (Race race : exercise.suppressed()) {
            race(out, "suppressed race on ", race);
        }
        if (exercise.outcome() == Outcome.PASS) {
            // expected, or let pass by failOnRace=false: no failure lists them
            lostUpdates(out, exercise);
        }
        return out.toString();
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
