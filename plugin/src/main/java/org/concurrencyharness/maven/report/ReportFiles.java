package org.concurrencyharness.maven.report;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concurrencyharness.internal.shard.Shard;

/**
 * The names of a run's report files: {@code report.json}, {@code index.html} and
 * {@code TEST-<class>.xml}; for one part of a sharded run, {@code report-K-of-N.json},
 * {@code index-K-of-N.html} and {@code TEST-<class>-K-of-N.xml}, so that the parts' directories
 * can be copied into one without a file of one part overwriting another's (a class's exercises
 * may be spread over several parts).
 *
 * @param suffix what follows the name of each file of a part, {@code -K-of-N}; empty for a whole run
 */
public record ReportFiles(String suffix) {

    /** The files of a run of every exercise, and of a merge of the parts. */
    public static final ReportFiles WHOLE = new ReportFiles("");

    private static final Pattern PART_REPORT = Pattern.compile("report-(\\d+)-of-(\\d+)\\.json");

    /** The files of one part. */
    public static ReportFiles of(Shard shard) {
        return new ReportFiles("-" + shard.index() + "-of-" + shard.count());
    }

    public String json() {
        return "report" + suffix + ".json";
    }

    public String html() {
        return "index" + suffix + ".html";
    }

    public String junitXml(String className) {
        return "TEST-" + className + suffix + ".xml";
    }

    /** The part whose {@code report-K-of-N.json} that is; empty for any other file. */
    public static Optional<Shard> partOf(String fileName) {
        Matcher matcher = PART_REPORT.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Shard.parse(matcher.group(1) + "/" + matcher.group(2)));
        } catch (IllegalArgumentException notAPart) {
            // report-0-of-2.json, say: no run writes that
            return Optional.empty();
        }
    }
}
