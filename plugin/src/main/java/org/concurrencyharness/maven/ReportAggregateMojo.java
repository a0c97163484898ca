package org.concurrencyharness.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.concurrencyharness.internal.result.RunReport;
import org.concurrencyharness.internal.shard.Shard;
import org.concurrencyharness.maven.report.ReportFiles;
import org.concurrencyharness.maven.report.ReportParts;
import org.concurrencyharness.maven.report.ReportPartsException;

/**
 * {@code concurrency:report-aggregate}: merges the reports of a sharded run's parts (each CI job's
 * {@code concurrency:run -Dconcurrency.shard=K/N}), once their directories are copied into one,
 * into one {@code report.json} and one {@code index.html} of every exercise. The parts' JUnit XML
 * stays as it is. It reports only: each part's run has already failed its own job where it had to.
 */
@Mojo(name = "report-aggregate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportAggregateMojo extends AbstractConcurrencyMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** Where the parts' reports were copied, and where the merged report goes. */
    @Parameter(
            property = "concurrency.reportsDirectory",
            defaultValue = "${project.build.directory}/concurrency-reports")
    private File reportsDirectory;

    @Override
    void skipGoal() {
        getLog().info("Concurrency report aggregation skipped (concurrency.skip=true).");
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException {
        Path directory = reportsDirectory.toPath();
        RunReport merged;
        try {
            merged = ReportParts.merge(directory);
        } catch (ReportPartsException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException(
                    "Could not read the parts' reports in " + directory + ": " + e.getMessage(), e);
        }
        for (Shard missing : merged.missingShards()) {
            getLog().warn("No " + ReportFiles.of(missing).json() + " in " + directory + ": the merged report lacks"
                    + " part " + missing.index() + "'s exercises, and says so.");
        }
        new ReportPublisher(
                        getLog(),
                        SourceRoots.of(project()),
                        session.getRequest().isInteractiveMode())
                .publishMerged(merged, directory);
    }
}
