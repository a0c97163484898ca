package org.concurrencyharness.maven.report;

import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.concurrencyharness.internal.result.RoundResult;
import org.concurrencyharness.internal.result.WorkerResult;

/**
 * A round's start and end times on one line: how many workers started, and how many ended, in
 * each slice of the round, on the timeline's scale. It stands for a timeline too long to read bar
 * by bar, which the page folds beneath it.
 */
final class StartEndHistogram {

    static final int BINS = 60;
    private static final double ROW = 16;

    private StartEndHistogram() {}

    static String render(RoundResult round) {
        double span = TimelineSvg.span(round);
        int[] starts = counts(round, WorkerResult::startMillis, span);
        int[] ends = counts(round, WorkerResult::endMillis, span);
        int most = Math.max(
                1,
                IntStream.concat(IntStream.of(starts), IntStream.of(ends)).max().orElse(0));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"histogram\" role=\"img\" viewBox=\"0 0 ")
                .append(TimelineSvg.fmt(TimelineSvg.WIDTH))
                .append(' ')
                .append(TimelineSvg.fmt(2 * ROW + 2))
                .append("\" preserveAspectRatio=\"xMinYMin meet\"")
                .append(" data-span-ms=\"")
                .append(TimelineSvg.fmt(span))
                .append("\">");
        svg.append("<title>When round ")
                .append(round.round())
                .append("'s ")
                .append(round.workers().size())
                .append(" workers started and ended, over ")
                .append(TimelineSvg.fmt(span))
                .append(" ms</title>");
        row(svg, "start", "starts", "started", starts, 0, most, span);
        row(svg, "end", "ends", "ended", ends, ROW + 2, most, span);
        return svg.append("</svg>").toString();
    }

    /** How many workers' times fall in each of the bins that split the span evenly; the span's end is in the last. */
    private static int[] counts(RoundResult round, ToDoubleFunction<WorkerResult> time, double span) {
        int[] counts = new int[BINS];
        for (WorkerResult worker : round.workers()) {
            int bin = (int) Math.floor(time.applyAsDouble(worker) / span * BINS);
            counts[Math.max(0, Math.min(BINS - 1, bin))]++;
        }
        return counts;
    }

    /** One row of bars, each as tall as its count against the most in any bin of either row. */
    private static void row(
            StringBuilder svg,
            String kind,
            String label,
            String verb,
            int[] counts,
            double top,
            int most,
            double span) {
        svg.append("<text class=\"label\" x=\"0\" y=\"")
                .append(TimelineSvg.fmt(top + ROW - 2))
                .append("\">")
                .append(label)
                .append("</text>");
        double binMillis = span / BINS;
        for (int bin = 0; bin < BINS; bin++) {
            if (counts[bin] == 0) {
                continue;
            }
            double from = bin * binMillis;
            double x = TimelineSvg.x(from, span);
            double width = Math.max(0.5, TimelineSvg.x(from + binMillis, span) - x - 0.5);
            double height = Math.max(1, ROW * counts[bin] / most);
            svg.append("<rect class=\"")
                    .append(kind)
                    .append("\" x=\"")
                    .append(TimelineSvg.fmt(x))
                    .append("\" y=\"")
                    .append(TimelineSvg.fmt(top + ROW - height))
                    .append("\" width=\"")
                    .append(TimelineSvg.fmt(width))
                    .append("\" height=\"")
                    .append(TimelineSvg.fmt(height))
                    .append("\" data-count=\"")
                    .append(counts[bin])
                    .append("\" data-from-ms=\"")
                    .append(TimelineSvg.fmt(from))
                    .append("\" data-to-ms=\"")
                    .append(TimelineSvg.fmt(from + binMillis))
                    .append("\"><title>")
                    .append(counts[bin])
                    .append(' ')
                    .append(verb)
                    .append(" at ")
                    .append(TimelineSvg.fmt(from))
                    .append("&#8211;")
                    .append(TimelineSvg.fmt(from + binMillis))
                    .append(" ms</title></rect>");
        }
    }
}
