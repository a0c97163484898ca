package org.concurrencyharness.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.concurrencyharness.internal.result.RunReport;
import org.concurrencyharness.internal.shard.Shard;
import org.concurrencyharness.maven.report.ReportFiles;

/**
 * Runs the project's exercises in a forked JVM and reports them. A thin shell over the harness:
 * it works out the fork's command line, runs it, then hands the results to the report writers.
 */
abstract class AbstractRunMojo extends AbstractDetectorMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** Which exercises to run: {@code Class}, {@code Class#method}, with {@code *} wildcards, comma-separated. */
    @Parameter(property = "concurrency.include")
    private String include;

    /**
     * {@code K/N} runs only the K-th of N disjoint parts of the exercises, as the K-th of N CI jobs: an exercise's
     * part depends on its class and method alone. The part's reports are named for it ({@code report-K-of-N.json},
     * {@code index-K-of-N.html}, {@code TEST-<class>-K-of-N.xml}), so that the parts' directories copy into one, where
     * {@code concurrency:report-aggregate} merges them.
     */
    @Parameter(property = "concurrency.shard")
    private String shard;

    /** Where the reports go. */
    @Parameter(
            property = "concurrency.reportsDirectory",
            defaultValue = "${project.build.directory}/concurrency-reports")
    private File reportsDirectory;

    /** The java executable of the forked JVM; by default the one running Maven. */
    @Parameter(property = "concurrency.jvm")
    private String jvm;

    /** Extra arguments for the forked JVM, such as {@code -Xmx1g}. */
    @Parameter(property = "concurrency.argLine")
    private String argLine;

    /** The longest the whole forked run may take, in seconds, before it is killed; 0 for no limit. */
    @Parameter(property = "concurrency.forkTimeoutSeconds", defaultValue = "3600")
    private int forkTimeoutSeconds;

    @Override
    void skipGoal() {
        getLog().info("Concurrency exercises skipped (concurrency.skip=true).");
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException {
        MavenProject project = project();
        List<Path> classesDirectories = existingClassesDirectories();
        if (classesDirectories.isEmpty()) {
            getLog().info("No compiled classes in " + project.getBuild().getOutputDirectory() + " or "
                    + project.getBuild().getTestOutputDirectory() + ": no exercises to run.");
            return;
        }
        Shard part = shard();
        checkSuppressions();
        Path reports = reportsDirectory.toPath();
        ReportFiles files = part == null ? ReportFiles.WHOLE : ReportFiles.of(part);
        RunReport run = runFork(classesDirectories, reports, part);
        RunReport report = new ReportPublisher(
                        getLog(), SourceRoots.of(project), session.getRequest().isInteractiveMode())
                .publish(run, reports, files);
        failOnFailures(report, files);
    }

    /** The part to run; null for every exercise. Read before anything runs, so that a bad value fails at once. */
    private Shard shard() throws MojoFailureException {
        if (shard == null || shard.isBlank()) {
            return null;
        }
        try {
            Shard part = Shard.parse(shard);
            getLog().info("Running part " + part + " of the exercises (concurrency.shard=" + part + ").");
            return part;
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    private RunReport runFork(List<Path> classesDirectories, Path reports, Shard part) throws MojoExecutionException {
        try {
            Files.createDirectories(reports);
            ForkClasspath classpath = forkClasspath();
            ForkedRun fork = new ForkedRun.Builder()
                    .javaExecutable(jvm)
                    .agentJar(detectRaces() ? classpath.harnessJar() : null)
                    .predict(predict())
                    .argLine(argLine)
                    .classpath(classpath.elements())
                    .classesDirectories(classesDirectories)
                    .include(include)
                    .shard(part)
                    .failOnRace(failOnRace())
                    .suppressions(suppressions())
                    .workDirectory(reports)
                    .timeoutSeconds(forkTimeoutSeconds)
                    .build();
            return fork.run(getLog());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not run the exercises: " + e.getMessage(), e);
        }
    }

    private List<Path> existingClassesDirectories() {
        MavenProject project = project();
        List<Path> out = new ArrayList<>();
        for (String dir : List.of(
                project.getBuild().getOutputDirectory(), project.getBuild().getTestOutputDirectory())) {
            Path path = Path.of(dir);
            if (Files.isDirectory(path)) {
                out.add(path);
            }
        }
        return out;
    }

    private void failOnFailures(RunReport report, ReportFiles files) throws MojoFailureException {
        if (report.failed() == 0) {
            return;
        }
        StringBuilder message = new StringBuilder()
                .append(report.failed())
                .append(" of ")
                .append(report.exercises().size())
                .append(" concurrency exercises failed:");
        report.failures().forEach(e -> message.append("\n  ").append(FailureSummary.of(e)));
        message.append("\nSee ")
                .append(reportsDirectory.toPath().resolve(files.html()))
                .append(" for the details.");
        throw new MojoFailureException(message.toString());
    }
}
