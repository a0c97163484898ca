package org.concurrencyharness.maven.report;

import java.util.List;
import java.util.Locale;
import org.concurrencyharness.internal.result.RoundResult;
import org.concurrencyharness.internal.result.WorkerResult;

/**
 * A round's threads (or processes) as an SVG timeline: one bar a worker, the wait for a permit
 * drawn apart from the run, abandoned daemons hatched. It scales with its {@code viewBox}.
 */
final class TimelineSvg {

    static final double WIDTH = 600;
    static final double LABEL = 90;
    static final double ROW = 16;
    static final int MAX_ROWS = 120;

    private TimelineSvg() {}

    static String render(RoundResult round) {
        List<WorkerResult> workers = round.workers();
        int rows = Math.min(workers.size(), MAX_ROWS);
        double span = span(round);
        double height = rows * ROW + 24;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"timeline\" role=\"img\" viewBox=\"0 0 ")
                .append(fmt(WIDTH))
                .append(' ')
                .append(fmt(height))
                .append("\" preserveAspectRatio=\"xMinYMin meet\" data-span-ms=\"")
                .append(fmt(span))
                .append("\">");
        svg.append("<title>Timeline of round ")
                .append(round.round())
                .append(": ")
                .append(workers.size())
                .append(" workers over ")
                .append(fmt(span))
                .append(" ms</title>");
        for (int i = 0; i < rows; i++) {
            WorkerResult worker = workers.get(i);
            double y = i * ROW;
            svg.append("<text class=\"label\" x=\"0\" y=\"")
                    .append(fmt(y + ROW - 3))
                    .append("\">")
                    .append(Xml.escape(label(worker)))
                    .append("</text>");
            double waitStart = worker.startMillis();
            double runStart = waitStart + worker.waitMillis();
            double runEnd = Math.max(runStart, worker.endMillis());
            if (worker.waitMillis() > 0) {
                bar(
                        svg,
                        "wait",
                        waitStart,
                        runStart,
                        y,
                        span,
                        worker.name() + " waited " + fmt(worker.waitMillis()) + " ms");
            }
            String kind = switch (worker.state()) {
                case ABANDONED -> "abandoned";
                case FINISHED -> "run";
                default -> "failed";
            };
            bar(
                    svg,
                    kind,
                    runStart,
                    runEnd,
                    y,
                    span,
                    worker.name() + " " + worker.state() + ", ran " + fmt(worker.runMillis()) + " ms");
        }
        double axisY = rows * ROW + 14;
        svg.append("<text class=\"axis\" x=\"")
                .append(fmt(LABEL))
                .append("\" y=\"")
                .append(fmt(axisY))
                .append("\">0 ms</text>");
        svg.append("<text class=\"axis\" text-anchor=\"end\" x=\"")
                .append(fmt(WIDTH))
                .append("\" y=\"")
                .append(fmt(axisY))
                .append("\">")
                .append(fmt(span))
                .append(" ms</text>");
        if (workers.size() > rows) {
            svg.append("<text class=\"axis\" x=\"")
                    .append(fmt(WIDTH / 2))
                    .append("\" y=\"")
                    .append(fmt(axisY))
                    .append("\">(+")
                    .append(workers.size() - rows)
                    .append(" more)</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** The time the timeline spans, in milliseconds: the round's, or the last worker's end if that is later. */
    static double span(RoundResult round) {
        return Math.max(
                1,
                Math.max(
                        round.wallMillis(),
                        round.workers().stream()
                                .mapToDouble(WorkerResult::endMillis)
                                .max()
                                .orElse(1)));
    }

    /** The x position of a time, in the viewBox's units. */
    static double x(double millis, double span) {
        return LABEL + (WIDTH - LABEL) * millis / span;
    }

    private static void bar(
            StringBuilder svg, String kind, double from, double to, double y, double span, String title) {
        double x = x(from, span);
        double width = Math.max(0.5, x(to, span) - x);
        svg.append("<rect class=\"")
                .append(kind)
                .append("\" x=\"")
                .append(fmt(x))
                .append("\" y=\"")
                .append(fmt(y + 2))
                .append("\" width=\"")
                .append(fmt(width))
                .append("\" height=\"")
                .append(fmt(ROW - 4))
                .append("\" data-start-ms=\"")
                .append(fmt(from))
                .append("\" data-end-ms=\"")
                .append(fmt(to))
                .append("\"><title>")
                .append(Xml.escape(title))
                .append("</title></rect>");
    }

    private static String label(WorkerResult worker) {
        return worker.pid() != 0 ? worker.name() + " (pid " + worker.pid() + ")" : worker.name();
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
