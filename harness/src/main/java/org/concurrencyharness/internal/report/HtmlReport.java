package org.concurrencyharness.internal.report;

import java.util.List;
import java.util.Map;

/**
 * {@code index.html}: one self-contained page, every exercise with its conditions, outcome,
 * shared state, errors, a timeline of its threads and its races with their source lines. It is
 * well-formed XHTML, so machines can check it too.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;padding:1em;max-width:70em;color:#222}
            h1{font-size:1.5em}h2{font-size:1.15em;margin:0}
            .summary span{display:inline-block;margin:0 1em .5em 0;padding:.2em .6em;border-radius:.3em;background:#eee}
            section.exercise{border:1px solid #ccc;border-radius:.4em;padding:.8em;margin:1em 0}
            .badge{font-weight:bold;padding:.1em .5em;border-radius:.3em;color:#fff}
            .PASS{background:#2e7d32}.FAIL{background:#c62828}
            .conditions,.note{color:#555}
            table{border-collapse:collapse;margin:.5em 0;max-width:100%}
            td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:top;word-break:break-word}
            pre{background:#f6f6f6;padding:.5em;overflow-x:auto;white-space:pre-wrap;word-break:break-word}
            .excerpt .hl{background:#ffe082;font-weight:bold}
            svg.timeline{width:100%;height:auto;display:block}
            svg .label,svg .axis{font:11px monospace;fill:#333}
            svg .run{fill:#1976d2}svg .wait{fill:#ffb300}svg .failed{fill:#c62828}
            svg .abandoned{fill:#9e9e9e;stroke:#616161;stroke-dasharray:3 2}
            .legend span{margin-right:1em}.legend i{display:inline-block;width:1em;height:.7em;margin-right:.3em}
            .race{border-left:4px solid #c62828;padding-left:.6em;margin:.6em 0}
            .race.suppressed{border-left-color:#9e9e9e;color:#555}
            .badge.suppressed{background:#757575;font-size:.8em}
            .hint.confirmed{color:#c62828}
            .notice{background:#fff3cd;border:1px solid #ffb300;border-radius:.4em;padding:.6em .8em}
            @media (max-width:600px){body{font-size:14px;padding:.5em}td,th{padding:.1em .3em}}
            @media print{section.exercise{break-inside:avoid}details{display:block}details>*{display:block}}
            """;

    private final SourceExcerpts sources;
    private final LostUpdateHtml lostUpdates;

    HtmlReport(SourceExcerpts sources) {
        this.sources = sources;
        this.lostUpdates = new LostUpdateHtml(sources);
    }

    String render(RunReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>Concurrency report</title><style>").append(STYLE).append("</style></head><body>");
        html.append("<h1>Concurrency report</h1><p class=\"summary\">")
                .append("<span id=\"exercises\">").append(report.exercises().size()).append(" exercises</span>")
                .append("<span id=\"passed\">").append(report.passed()).append(" passed</span>")
                .append("<span id=\"failed\">").append(report.failed()).append(" failed</span>")
                .append("<span id=\"races\">").append(RaceCounts.describe(report.races(), report.suppressed()))
                .append("</span>")
                .append("<span id=\"lost-updates\">").append(LostUpdateText.count(report.lostUpdates())).append("</span>")
                .append("<span>race detector ").append(report.detectRaces() ? "on" : "off").append("</span></p>");
        if (!report.detectRaces()) {
            // an empty list of races must not read as a clean bill of health
            html.append("<p class=\"notice\" id=\"detector-off\"><strong>Race detection was off</strong> in this run")
                    .append(" (concurrency.detectRaces=false): no data race was looked for, so none is reported.")
                    .append(" Leave concurrency.detectRaces out to turn it on.</p>");
        }
        html.append("<p class=\"legend\"><span><i style=\"background:#1976d2\"></i>running</span>")
                .append("<span><i style=\"background:#ffb300\"></i>waiting for a permit</span>")
                .append("<span><i style=\"background:#9e9e9e\"></i>abandoned daemon</span>")
                .append("<span><i style=\"background:#c62828\"></i>failed, hung or deadlocked</span></p>");
        for (ExerciseResult exercise : report.exercises()) {
            exercise(html, exercise);
        }
        return html.append("</body></html>\n").toString();
    }

    private void exercise(StringBuilder html, ExerciseResult exercise) {
        html.append("<section class=\"exercise\" id=\"").append(Xml.escape(exercise.className() + "." + exercise.methodName()))
                .append("\"><h2><span class=\"badge ").append(exercise.outcome()).append("\">").append(exercise.outcome())
                .append("</span> ").append(Xml.escape(exercise.displayName())).append("</h2>");
        html.append("<p class=\"conditions\">").append(Xml.escape(exercise.className())).append(" &#8212; ")
                .append(Xml.escape(exercise.conditions().describe())).append(" &#8212; ")
                .append(Math.round(exercise.wallMillis())).append(" ms, max concurrency ")
                .append(exercise.maxConcurrency()).append("</p>");
        if (!exercise.errors().isEmpty()) {
            html.append("<h3>Errors</h3>");
            for (String error : exercise.errors()) {
                int newline = error.indexOf('\n');
                String first = newline < 0 ? error : error.substring(0, newline);
                html.append("<details class=\"error\"><summary>").append(Xml.escape(first)).append("</summary><pre>")
                        .append(Xml.escape(error)).append("</pre></details>");
            }
        }
        if (!exercise.races().isEmpty()) {
            html.append("<h3>Data races</h3>");
            for (Race race : exercise.races()) {
                race(html, exercise, race);
            }
        }
        lostUpdates.section(html, exercise);
        if (!exercise.suppressed().isEmpty()) {
            html.append("<h3>Suppressed races</h3><p class=\"note\">Matched by concurrency.suppressions:")
                    .append(" reported, but failing nothing.</p>");
            for (Race race : exercise.suppressed()) {
                suppressedRace(html, exercise, race);
            }
        }
        hints(html, exercise);
        if (!exercise.sharedState().isEmpty()) {
            html.append("<h3>Final shared state</h3><table class=\"state\"><tr><th>field</th><th>value</th></tr>");
            for (Map.Entry<String, String> field : exercise.sharedState().entrySet()) {
                html.append("<tr><td>").append(Xml.escape(field.getKey())).append("</td><td><code>")
                        .append(Xml.escape(field.getValue())).append("</code></td></tr>");
            }
            html.append("</table>");
        }
        for (RoundResult round : exercise.rounds()) {
            if (round.workers().isEmpty()) {
                continue;
            }
            html.append("<h3>Round ").append(round.round()).append(": ").append(Math.round(round.wallMillis()))
                    .append(" ms, ").append(round.finished()).append(" of ").append(round.workers().size())
                    .append(" finished</h3>");
            html.append(TimelineSvg.render(round));
            workersTable(html, round.workers());
        }
        html.append("</section>");
    }

    private void race(StringBuilder html, ExerciseResult exercise, Race race) {
        boolean foreseen = exercise.hints().stream().anyMatch(h -> h.field().equals(race.field()));
        html.append("<div class=\"race\"><p><strong>").append(Xml.escape(race.field())).append("</strong>")
                .append(foreseen || exercise.hints().isEmpty() ? "" : " (no hint foresaw this race)").append("</p>");
        accesses(html, exercise, race);
        html.append("</div>");
    }

    private void suppressedRace(StringBuilder html, ExerciseResult exercise, Race race) {
        html.append("<div class=\"race suppressed\"><p><span class=\"badge suppressed\">suppressed</span> <strong>")
                .append(Xml.escape(race.field())).append("</strong></p>");
        accesses(html, exercise, race);
        html.append("</div>");
    }

    /** Both accesses of a race, each with its source lines. */
    private void accesses(StringBuilder html, ExerciseResult exercise, Race race) {
        for (Access access : List.of(race.first(), race.second())) {
            html.append("<p>").append(Xml.escape(access.kind())).append(" by <code>").append(Xml.escape(access.thread()))
                    .append("</code> in <code>").append(Xml.escape(access.method())).append("</code> at <code>")
                    .append(Xml.escape(access.location())).append("</code></p>");
            List<SourceExcerpts.Line> lines = sources.around(exercise.className(), access.location(), 2);
            if (!lines.isEmpty()) {
                html.append("<pre class=\"excerpt\">");
                for (SourceExcerpts.Line line : lines) {
                    String text = String.format("%4d  %s", line.number(), line.text());
                    html.append(line.highlighted() ? "<span class=\"hl\">" + Xml.escape(text) + "</span>" : Xml.escape(text))
                            .append('\n');
                }
                html.append("</pre>");
            }
        }
    }

    private static void hints(StringBuilder html, ExerciseResult exercise) {
        if (exercise.hints().isEmpty()) {
            return;
        }
        html.append("<h3>Hints from the source</h3><ul>");
        for (Hint hint : exercise.hints()) {
            html.append("<li class=\"hint").append(hint.confirmed() ? " confirmed" : "").append("\"><code>")
                    .append(Xml.escape(hint.code())).append("</code> at ").append(Xml.escape(hint.location())).append(": ")
                    .append(Xml.escape(hint.reason())).append(hint.confirmed() ? " &#8212; confirmed by a race" : "")
                    .append("</li>");
        }
        html.append("</ul>");
    }

    private static void workersTable(StringBuilder html, List<WorkerResult> workers) {
        html.append("<details><summary>Every worker's times</summary><table class=\"workers\"><tr><th>worker</th>")
                .append("<th>start ms</th><th>waited ms</th><th>ran ms</th><th>end ms</th><th>state</th><th>returned</th></tr>");
        for (WorkerResult worker : workers) {
            html.append("<tr><td>").append(Xml.escape(worker.name())).append(worker.pid() != 0 ? " (pid " + worker.pid() + ")" : "")
                    .append("</td><td>").append(TimelineSvg.fmt(worker.startMillis())).append("</td><td>")
                    .append(TimelineSvg.fmt(worker.waitMillis())).append("</td><td>").append(TimelineSvg.fmt(worker.runMillis()))
                    .append("</td><td>").append(TimelineSvg.fmt(worker.endMillis())).append("</td><td>")
                    .append(Xml.escape(worker.state())).append("</td><td>")
                    .append(Xml.escape(worker.returnValue() == null ? "" : worker.returnValue())).append("</td></tr>");
        }
        html.append("</table></details>");
    }
}
