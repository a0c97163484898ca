package org.concurrencyharness.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.concurrencyharness.internal.report.ExerciseResult;
import org.concurrencyharness.internal.report.Json;
import org.concurrencyharness.internal.report.RunReport;

/** Writes the run's reports and prints the summary at the end of the build. */
final class ReportPublisher {

    private final Log log;
    private final List<Path> sourceRoots;

    ReportPublisher(Log log, List<Path> sourceRoots) {
        this.log = log;
        this.sourceRoots = sourceRoots;
    }

    void publish(RunReport report, Path directory) throws MojoExecutionException {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("report.json"), Json.writePretty(report.toJson()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the reports to " + directory + ": " + e.getMessage(), e);
        }
        log.info("Concurrency exercises: " + report.exercises().size() + " run, " + report.passed() + " passed, "
                + report.failed() + " failed, " + report.races() + " races");
        for (ExerciseResult exercise : report.exercises()) {
            log.info("  " + exercise.outcome() + "  " + exercise.displayName() + "  [" + exercise.conditions().describe()
                    + "]  " + Math.round(exercise.wallMillis()) + " ms");
        }
        log.info("Reports in " + directory);
    }
}
