package org.concurrencyharness.maven.report;

import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Hint;
import org.concurrencyharness.internal.result.LostUpdateText;
import org.concurrencyharness.internal.result.Outcome;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.RaceCounts;
import org.concurrencyharness.internal.result.RoundResult;
import org.concurrencyharness.internal.result.RunReport;
import org.concurrencyharness.internal.result.WorkerResult;

/**
 * {@code index.html}: one self-contained page that opens with a table of every exercise, then
 * each exercise with its conditions, outcome, shared state, errors, a timeline of its threads and
 * its races with their source lines; failed exercises first, then those that raced, then the
 * rest. It is well-formed XHTML, so machines can check it too.
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
            svg.timeline,svg.histogram{width:100%;height:auto;display:block}
            svg .start{fill:#1976d2}svg .end{fill:#6a1b9a}
            .wide{overflow-x:auto}#summary td,#summary th{word-break:normal}
            #summary .num{text-align:right;white-space:nowrap}#summary td:first-child{white-space:nowrap}
            a.top{float:right;font-size:.85em}
            details.timeline-fold>summary{cursor:pointer}
            svg .label,svg .axis{font:11px monospace;fill:#333}
            svg .run{fill:#1976d2}svg .wait{fill:#ffb300}svg .failed{fill:#c62828}
            svg .abandoned{fill:#9e9e9e;stroke:#616161;stroke-dasharray:3 2}
            .legend span{margin-right:1em}.legend i{display:inline-block;width:1em;height:.7em;margin-right:.3em}
            .race{border-left:4px solid #c62828;padding-left:.6em;margin:.6em 0}
            .race.suppressed{border-left-color:#9e9e9e;color:#555}
            .prediction{color:#6a1b9a}
            .badge.suppressed{background:#757575;font-size:.8em}
            .hint.confirmed{color:#c62828}
            .notice{background:#fff3cd;border:1px solid #ffb300;border-radius:.4em;padding:.6em .8em}
            @media (max-width:600px){body{font-size:14px;padding:.5em}td,th{padding:.1em .3em}}
            @media print{section.exercise{break-inside:avoid}details{display:block}details>*{display:block}}
            """;

    /** A round with more workers than this shows its start and end times on one line, its timeline folded. */
    private static final int FOLD_WORKERS = 20;

    private final RaceHtml races;
    private final LostUpdateHtml lostUpdates;

    HtmlReport(SourceExcerpts sources) {
        this.races = new RaceHtml(sources);
        this.lostUpdates = new LostUpdateHtml(sources);
    }

    String render(RunReport report) {
        StringBuilder html = new StringBuilder();
        html.append(
                        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>Concurrency report</title><style>")
                .append(STYLE)
                .append("</style></head><body>");
        html.append("<h1>Concurrency report</h1><p class=\"summary\">")
                .append("<span id=\"exercises\">")
                .append(report.exercises().size())
                .append(" exercises</span>")
                .append("<span id=\"passed\">")
                .append(report.passed())
                .append(" passed</span>")
                .append("<span id=\"failed\">")
                .append(report.failed())
                .append(" failed</span>")
                .append("<span id=\"races\">")
                .append(RaceCounts.describe(report.races(), report.suppressed()))
                .append("</span>")
                .append("<span id=\"lost-updates\">")
                .append(LostUpdateText.count(report.lostUpdates()))
                .append("</span>")
                .append("<span>race detector ")
                .append(report.detectRaces() ? "on" : "off")
                .append("</span></p>");
        if (!report.detectRaces()) {
            // an empty list of races must not read as a clean bill of health
            html.append("<p class=\"notice\" id=\"detector-off\"><strong>Race detection was off</strong> in this run")
                    .append(" (concurrency.detectRaces=false): no data race was looked for, so none is reported.")
                    .append(" Leave concurrency.detectRaces out to turn it on.</p>");
        }
        ShardNotice.of(report)
                .ifPresent(notice -> html.append("<p class=\"notice\" id=\"shards\">")
                        .append(Xml.escape(notice))
                        .append("</p>"));
        List<ExerciseResult> exercises = report.exercises().stream()
                .sorted(Comparator.comparingInt(HtmlReport::rank))
                .toList();
        Map<ExerciseResult, String> sectionIds = sectionIds(exercises);
        SummaryTable.render(html, exercises, sectionIds);
        html.append("<p class=\"legend\"><span><i style=\"background:#1976d2\"></i>running</span>")
                .append("<span><i style=\"background:#ffb300\"></i>waiting for a permit</span>")
                .append("<span><i style=\"background:#9e9e9e\"></i>abandoned daemon</span>")
                .append("<span><i style=\"background:#c62828\"></i>failed, hung or deadlocked</span></p>");
        for (ExerciseResult exercise : exercises) {
            exercise(html, exercise, sectionIds.get(exercise));
        }
        return html.append("</body></html>\n").toString();
    }

    /** Failed exercises first, then those that raced, then the rest, each group in the order it ran. */
    private static int rank(ExerciseResult exercise) {
        if (exercise.outcome() == Outcome.FAIL) {
            return 0;
        }
        return exercise.races().isEmpty() ? 2 : 1;
    }

    /** Each exercise's section id, {@code class.method}, numbered apart where overloads share one. */
    private static Map<ExerciseResult, String> sectionIds(List<ExerciseResult> exercises) {
        Map<ExerciseResult, String> ids = new IdentityHashMap<>();
        Set<String> used = new HashSet<>();
        for (ExerciseResult exercise : exercises) {
            String name = exercise.className() + "." + exercise.methodName();
            String id = name;
            for (int n = 2; !used.add(id); n++) {
                id = name + "-" + n;
            }
            ids.put(exercise, id);
        }
        return ids;
    }

    private void exercise(StringBuilder html, ExerciseResult exercise, String id) {
        html.append("<section class=\"exercise\" id=\"")
                .append(Xml.escape(id))
                .append("\"><a class=\"top\" href=\"#summary\">&#8593; summary</a>")
                .append("<h2><span class=\"badge ")
                .append(exercise.outcome())
                .append("\">")
                .append(exercise.outcome())
                .append("</span> ")
                .append(Xml.escape(exercise.displayName()))
                .append("</h2>");
        html.append("<p class=\"conditions\">")
                .append(Xml.escape(exercise.className()))
                .append(" &#8212; ")
                .append(Xml.escape(exercise.conditions().describe()))
                .append(" &#8212; ")
                .append(Math.round(exercise.wallMillis()))
                .append(" ms, max concurrency ")
                .append(exercise.maxConcurrency())
                .append("</p>");
        if (!exercise.errors().isEmpty()) {
            html.append("<h3>Errors</h3>");
            stacks(html, "error", exercise.errors());
        }
        if (!exercise.races().isEmpty()) {
            html.append("<h3>Data races</h3>");
            for (Race race : exercise.races()) {
                races.race(html, exercise, race);
            }
        }
        lostUpdates.section(html, exercise);
        if (!exercise.suppressed().isEmpty()) {
            html.append("<h3>Suppressed races</h3><p class=\"note\">Matched by concurrency.suppressions:")
                    .append(" reported, but failing nothing.</p>");
            for (Race race : exercise.suppressed()) {
                races.suppressedRace(html, exercise, race);
            }
        }
        if (!exercise.detectorErrors().isEmpty()) {
            // they fail nothing, but a race the detector missed through them is missing from this page
            html.append("<h3>Race detector errors</h3><p class=\"note\">The race detector failed on its own here;")
                    .append(" the exercise went on and its outcome stands, but races may have been missed.</p>");
            stacks(html, "detector-error", exercise.detectorErrors());
        }
        hints(html, exercise);
        if (!exercise.sharedState().isEmpty()) {
            html.append("<h3>Final shared state</h3><table class=\"state\"><tr><th>field</th><th>value</th></tr>");
            for (Map.Entry<String, String> field : exercise.sharedState().entrySet()) {
                html.append("<tr><td>")
                        .append(Xml.escape(field.getKey()))
                        .append("</td><td><code>")
                        .append(Xml.escape(field.getValue()))
                        .append("</code></td></tr>");
            }
            html.append("</table>");
        }
        for (RoundResult round : exercise.rounds()) {
            if (round.workers().isEmpty()) {
                continue;
            }
            html.append("<h3>Round ")
                    .append(round.round())
                    .append(": ")
                    .append(Math.round(round.wallMillis()))
                    .append(" ms, ")
                    .append(round.finished())
                    .append(" of ")
                    .append(round.workers().size())
                    .append(" finished</h3>");
            timeline(html, round);
            workersTable(html, round.workers());
        }
        html.append("</section>");
    }

    /** Texts with a stack trace each, folded behind their first line. */
    private static void stacks(StringBuilder html, String cssClass, List<String> texts) {
        for (String text : texts) {
            int newline = text.indexOf('\n');
            String first = newline < 0 ? text : text.substring(0, newline);
            html.append("<details class=\"")
                    .append(cssClass)
                    .append("\"><summary>")
                    .append(Xml.escape(first))
                    .append("</summary><pre>")
                    .append(Xml.escape(text))
                    .append("</pre></details>");
        }
    }

    /** The round's timeline; past {@link #FOLD_WORKERS} workers, folded behind a line of their start and end times. */
    private static void timeline(StringBuilder html, RoundResult round) {
        if (round.workers().size() <= FOLD_WORKERS) {
            html.append(TimelineSvg.render(round));
            return;
        }
        DoubleSummaryStatistics starts =
                round.workers().stream().mapToDouble(WorkerResult::startMillis).summaryStatistics();
        DoubleSummaryStatistics ends =
                round.workers().stream().mapToDouble(WorkerResult::endMillis).summaryStatistics();
        html.append("<details class=\"timeline-fold\"><summary>")
                .append(round.workers().size())
                .append(" workers: started ")
                .append(TimelineSvg.fmt(starts.getMin()))
                .append("&#8211;")
                .append(TimelineSvg.fmt(starts.getMax()))
                .append(" ms, ended ")
                .append(TimelineSvg.fmt(ends.getMin()))
                .append("&#8211;")
                .append(TimelineSvg.fmt(ends.getMax()))
                .append(" ms (open for every worker&#8217;s bar)")
                .append(StartEndHistogram.render(round))
                .append("</summary>")
                .append(TimelineSvg.render(round))
                .append("</details>");
    }

    private static void hints(StringBuilder html, ExerciseResult exercise) {
        if (exercise.hints().isEmpty()) {
            return;
        }
        html.append("<h3>Hints from the source</h3><ul>");
        for (Hint hint : exercise.hints()) {
            html.append("<li class=\"hint")
                    .append(hint.confirmed() ? " confirmed" : "")
                    .append("\"><code>")
                    .append(Xml.escape(hint.code()))
                    .append("</code> at ")
                    .append(Xml.escape(hint.location()))
                    .append(": ")
                    .append(Xml.escape(hint.reason()))
                    .append(hint.confirmed() ? " &#8212; confirmed by a race" : "")
                    .append("</li>");
        }
        html.append("</ul>");
    }

    private static void workersTable(StringBuilder html, List<WorkerResult> workers) {
        html.append("<details><summary>Every worker's times</summary><table class=\"workers\"><tr><th>worker</th>")
                .append(
                        "<th>start ms</th><th>waited ms</th><th>ran ms</th><th>end ms</th><th>state</th><th>returned</th></tr>");
        for (WorkerResult worker : workers) {
            html.append("<tr><td>")
                    .append(Xml.escape(worker.name()))
                    .append(worker.pid() != 0 ? " (pid " + worker.pid() + ")" : "")
                    .append("</td><td>")
                    .append(TimelineSvg.fmt(worker.startMillis()))
                    .append("</td><td>")
                    .append(TimelineSvg.fmt(worker.waitMillis()))
                    .append("</td><td>")
                    .append(TimelineSvg.fmt(worker.runMillis()))
                    .append("</td><td>")
                    .append(TimelineSvg.fmt(worker.endMillis()))
                    .append("</td><td>")
                    .append(Xml.escape(worker.state().toString()))
                    .append("</td><td>")
                    .append(Xml.escape(worker.returnValue() == null ? "" : worker.returnValue()))
                    .append("</td></tr>");
        }
        html.append("</table></details>");
    }
}
