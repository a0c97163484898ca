package org.concurrencyharness.maven.report;

import java.util.List;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Race;

/**
 * An exercise's races in {@code index.html}: what was raced on, and each access with the call it
 * was made through and its source lines.
 */
final class RaceHtml {

    private final SourceExcerpts sources;

    RaceHtml(SourceExcerpts sources) {
        this.sources = sources;
    }

    void race(StringBuilder html, ExerciseResult exercise, Race race) {
        boolean foreseen = exercise.hints().stream().anyMatch(h -> h.field().equals(race.field()));
        html.append("<div class=\"race\"><p>");
        subject(html, race);
        html.append(foreseen || exercise.hints().isEmpty() ? "" : " (no hint foresaw this race)")
                .append("</p>");
        accesses(html, exercise, race);
        for (String line : RaceText.prediction(race)) {
            html.append("<p class=\"prediction\">").append(Xml.escape(line)).append("</p>");
        }
        html.append("</div>");
    }

    void suppressedRace(StringBuilder html, ExerciseResult exercise, Race race) {
        html.append("<div class=\"race suppressed\"><p><span class=\"badge suppressed\">suppressed</span> ");
        subject(html, race);
        html.append("</p>");
        accesses(html, exercise, race);
        html.append("</div>");
    }

    /** The field, and for a race on a JDK object its class. */
    private static void subject(StringBuilder html, Race race) {
        html.append("<strong>").append(Xml.escape(race.field())).append("</strong>");
        if (race.object() != null) {
            html.append(" (<code class=\"object\">")
                    .append(Xml.escape(race.object()))
                    .append("</code>)");
        }
    }

    /**
     * Both accesses of a race, each with its source lines: its own, and for an access in a library's code the
     * project's line it was made under, which is the one the project can change.
     */
    private void accesses(StringBuilder html, ExerciseResult exercise, Race race) {
        for (Access access : List.of(race.first(), race.second())) {
            html.append("<p class=\"access\">");
            if (access.call() != null) {
                html.append("<code class=\"call\">")
                        .append(Xml.escape(access.call()))
                        .append("</code> ");
            }
            html.append(Xml.escape(access.kind().toString()))
                    .append(" by <code>")
                    .append(Xml.escape(access.thread()))
                    .append("</code> in <code>")
                    .append(Xml.escape(access.method()))
                    .append("</code> at <code>")
                    .append(Xml.escape(access.location()))
                    .append("</code>");
            if (access.userFrame() != null) {
                html.append(" (under <code class=\"user-frame\">")
                        .append(Xml.escape(access.userFrame()))
                        .append("</code>)");
            }
            html.append("</p>");
            excerpt(html, exercise, access.location());
            if (access.userFrame() != null) {
                excerpt(html, exercise, access.userFrame());
            }
        }
    }

    /** The source lines around a location, its own highlighted, when the source is at hand. */
    private void excerpt(StringBuilder html, ExerciseResult exercise, String location) {
        List<SourceExcerpts.Line> lines = sources.around(exercise.className(), location, 2);
        if (lines.isEmpty()) {
            return;
        }
        html.append("<pre class=\"excerpt\">");
        for (SourceExcerpts.Line line : lines) {
            String text = String.format("%4d  %s", line.number(), line.text());
            html.append(line.highlighted() ? "<span class=\"hl\">" + Xml.escape(text) + "</span>" : Xml.escape(text))
                    .append('\n');
        }
        html.append("</pre>");
    }
}
