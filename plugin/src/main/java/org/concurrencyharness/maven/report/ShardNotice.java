package org.concurrencyharness.maven.report;

import java.util.List;
import java.util.Optional;
import org.concurrencyharness.internal.result.RunReport;
import org.concurrencyharness.internal.shard.Shard;

/**
 * What a report of a sharded run says of the parts it holds, worded once for the console and
 * {@code index.html}: a part's report, or a merge that lacks a part, must not read as every exercise.
 */
final class ShardNotice {

    private ShardNotice() {}

    /** Empty for a run of every exercise. */
    static Optional<String> of(RunReport report) {
        if (report.shards().isEmpty()) {
            return Optional.empty();
        }
        int count = report.shards().get(0).count();
        List<Shard> missing = report.missingShards();
        if (missing.isEmpty()) {
            return Optional.of("Holds " + (count == 1 ? "the one part" : "all " + count + " parts")
                    + " of a sharded run (concurrency.shard): every exercise.");
        }
        return Optional.of("Holds " + parts(report.shards()) + " of " + count
                + " of a sharded run (concurrency.shard); "
                + parts(missing) + (missing.size() == 1 ? " is" : " are") + " missing, and "
                + (missing.size() == 1 ? "its" : "their") + " exercises are not in this report. To see every exercise,"
                + " copy each part's reports into one directory and run mvn concurrency:report-aggregate there.");
    }

    /** {@code part 2}, {@code parts 1 and 3}, {@code parts 1, 2 and 4}. */
    private static String parts(List<Shard> shards) {
        List<String> indexes =
                shards.stream().map(s -> String.valueOf(s.index())).toList();
        if (indexes.size() == 1) {
            return "part " + indexes.get(0);
        }
        return "parts " + String.join(", ", indexes.subList(0, indexes.size() - 1)) + " and "
                + indexes.get(indexes.size() - 1);
    }
}
