package org.concurrencyharness.maven.report;

import java.util.List;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.LostUpdate;

/** The lost updates of an exercise in {@code index.html}: a section after its races, each access with its lines. */
final class LostUpdateHtml {

    private static final String[] STEPS = {"read by", "then written by", "then written by"};

    private final SourceExcerpts sources;

    LostUpdateHtml(SourceExcerpts sources) {
        this.sources = sources;
    }

    void section(StringBuilder html, ExerciseResult exercise) {
        if (exercise.lostUpdates().isEmpty()) {
            return;
        }
        html.append("<h3>Lost updates</h3><p class=\"note\">Each call was atomic, the read and the write after it")
                .append(" were not: the second write is based on a read made before another's write, which it")
                .append(" overwrites.</p>");
        for (LostUpdate lost : exercise.lostUpdates()) {
            html.append("<div class=\"race lost-update\"><p><strong>")
                    .append(Xml.escape(lost.subject()))
                    .append("</strong> <span class=\"note\">")
                    .append(Xml.escape(lost.object()))
                    .append("</span></p>");
            List<Access> accesses = lost.accesses();
            for (int i = 0; i < accesses.size(); i++) {
                access(html, exercise, STEPS[i], accesses.get(i));
            }
            html.append("</div>");
        }
    }

    private void access(StringBuilder html, ExerciseResult exercise, String step, Access access) {
        html.append("<p>")
                .append(step)
                .append(" <code>")
                .append(Xml.escape(access.thread()))
                .append("</code> in <code>")
                .append(Xml.escape(access.method()))
                .append("</code> at <code>")
                .append(Xml.escape(access.location()))
                .append("</code>");
        if (access.call() != null) {
            html.append(" (<code>").append(Xml.escape(access.call())).append("</code>)");
        }
        html.append("</p>");
        List<SourceExcerpts.Line> lines = sources.around(exercise.className(), access.location(), 2);
        if (!lines.isEmpty()) {
            html.append("<pre class=\"excerpt\">");
            for (SourceExcerpts.Line line : lines) {
                String text = Xml.escape(String.format("%4d  %s", line.number(), line.text()));
                html.append(line.highlighted() ? "<span class=\"hl\">" + text + "</span>" : text)
                        .append('\n');
            }
            html.append("</pre>");
        }
    }
}
