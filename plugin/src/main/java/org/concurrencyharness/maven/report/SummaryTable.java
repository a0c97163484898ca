package org.concurrencyharness.maven.report;

import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.result.ExerciseResult;

/**
 * The table {@code index.html} opens with: a row for every exercise, in the page's order, each
 * linking to its section, so that a long report is read from the top down to what matters.
 */
final class SummaryTable {

    private SummaryTable() {}

    /**
     * @param exercises the exercises in the page's order
     * @param sectionIds each exercise's section id
     */
    static void render(StringBuilder html, List<ExerciseResult> exercises, Map<ExerciseResult, String> sectionIds) {
        html.append("<div class=\"wide\"><table id=\"summary\"><thead><tr><th>exercise</th><th>outcome</th>")
                .append("<th>conditions</th><th>wall ms</th><th>max concurrency</th><th>races</th>")
                .append("<th>suppressed</th></tr></thead><tbody>");
        for (ExerciseResult exercise : exercises) {
            html.append("<tr data-outcome=\"")
                    .append(exercise.outcome())
                    .append("\" data-races=\"")
                    .append(exercise.races().size())
                    .append("\"><td><a href=\"#")
                    .append(Xml.escape(sectionIds.get(exercise)))
                    .append("\" title=\"")
                    .append(Xml.escape(exercise.className()))
                    .append("\">")
                    .append(Xml.escape(exercise.displayName()))
                    .append("</a></td><td><span class=\"badge ")
                    .append(exercise.outcome())
                    .append("\">")
                    .append(exercise.outcome())
                    .append("</span></td><td>")
                    .append(Xml.escape(exercise.conditions().describe()))
                    .append("</td><td class=\"num\">")
                    .append(Math.round(exercise.wallMillis()))
                    .append("</td><td class=\"num\">")
                    .append(exercise.maxConcurrency())
                    .append("</td><td class=\"num\">")
                    .append(exercise.races().size())
                    .append("</td><td class=\"num\">")
                    .append(exercise.suppressed().size())
                    .append("</td></tr>");
        }
        html.append("</tbody></table></div>");
    }
}
