package org.concurrencyharness.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.concurrencyharness.internal.result.RunReport;
import org.concurrencyharness.maven.insight.SourceInsight;
import org.concurrencyharness.maven.report.ConsoleSummary;
import org.concurrencyharness.maven.report.ReportFiles;
import org.concurrencyharness.maven.report.ReportWriter;

/** Writes the run's reports and prints the summary at the end of the build. */
final class ReportPublisher {

    private final Log log;
    private final List<Path> sourceRoots;
    private final boolean colour;

    /** Colour goes only to a person at a terminal: not in batch mode, not into a file. */
    ReportPublisher(Log log, List<Path> sourceRoots, boolean interactive) {
        this.log = log;
        this.sourceRoots = sourceRoots;
        this.colour = interactive && System.console() != null;
    }

    /** Returns the run as reported: with the hints source insight found, confirmed or not by the races. */
    RunReport publish(RunReport run, Path directory, ReportFiles files) throws MojoExecutionException {
        SourceInsight insight = new SourceInsight(sourceRoots);
        insight.skipped().forEach(source -> log.debug("Source insight skipped " + source));
        RunReport report = insight.annotate(run);
        try {
            new ReportWriter(sourceRoots).write(report, directory, files);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the reports to " + directory + ": " + e.getMessage(), e);
        }
        summarise(report, directory, files);
        return report;
    }

    /** Writes the merge of a sharded run's parts, as it is: each part's run found its hints already. */
    void publishMerged(RunReport merged, Path directory) throws MojoExecutionException {
        try {
            new ReportWriter(sourceRoots).writeMerged(merged, directory);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the reports to " + directory + ": " + e.getMessage(), e);
        }
        summarise(merged, directory, ReportFiles.WHOLE);
    }

    private void summarise(RunReport report, Path directory, ReportFiles files) {
        log.info("");
        for (String line : ConsoleSummary.render(report, colour)) {
            log.info(line);
        }
        log.info("");
        log.info("Reports in " + directory + " (" + files.html() + ", " + files.json() + ", " + files.junitXml("*")
                + ")");
    }
}
