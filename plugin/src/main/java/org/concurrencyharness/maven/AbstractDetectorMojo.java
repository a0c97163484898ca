package org.concurrencyharness.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.concurrencyharness.internal.suppression.Suppressions;
import org.concurrencyharness.internal.suppression.SuppressionsFileException;

/**
 * What the goals that put the race detector on a JVM read, as JaCoCo's {@code AbstractAgentMojo} holds it for its
 * agent's goals: {@code run} puts it on the JVM it forks, {@code prepare-agent} on those that Surefire and Failsafe
 * fork. Either way the detector is the plugin's own harness jar, and the same two parameters say whether it runs
 * and whether its races fail an exercise.
 */
abstract class AbstractDetectorMojo extends AbstractConcurrencyMojo {

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    /** Fail an exercise without {@code @ExpectRace} that races, and so the build; {@code false} only reports races. */
    @Parameter(property = "concurrency.failOnRace", defaultValue = "true")
    private boolean failOnRace;

    /** Run the exercises with the race detector agent; {@code false} runs them without it, and without its cost. */
    @Parameter(property = "concurrency.detectRaces", defaultValue = "true")
    private boolean detectRaces;

    /**
     * Also report the races another schedule of the same run exposes, where only a lock happened to order the two
     * accesses (predictive detection); each such race says which critical sections that schedule swaps. Each round's
     * events are then traced, which costs time and memory.
     */
    @Parameter(property = "concurrency.predict", defaultValue = "false")
    private boolean predict;

    /**
     * Races judged benign in code the project cannot change, one pattern a line: a field
     * ({@code com.foo.Cache.size}), a class ({@code com.foo.Cache}) or a package ({@code com.foo.*}). The races
     * they match are reported as suppressed and fail nothing. A missing file suppresses nothing.
     */
    @Parameter(
            property = "concurrency.suppressions",
            defaultValue = "${project.basedir}/src/test/resources/concurrency-suppressions.txt")
    private File suppressions;

    /** The plugin's harness and JUnit Platform before the project's test classpath; the harness jar is the agent. */
    final ForkClasspath forkClasspath() {
        return new ForkClasspath(project(), pluginArtifacts);
    }

    final boolean failOnRace() {
        return failOnRace;
    }

    final boolean detectRaces() {
        return detectRaces;
    }

    final boolean predict() {
        return predict;
    }

    final Path suppressions() {
        return suppressions.toPath().toAbsolutePath();
    }

    /**
     * The JVM that runs the exercises applies the suppressions, but they are read here first, so that a malformed
     * file fails the build with its own message before anything runs.
     */
    final void checkSuppressions() throws MojoFailureException {
        Suppressions patterns;
        try {
            patterns = Suppressions.read(suppressions());
        } catch (SuppressionsFileException e) {
            throw new MojoFailureException(e.getMessage());
        }
        if (patterns.size() > 0) {
            getLog().info("Races that match the " + patterns.size() + (patterns.size() == 1 ? " pattern" : " patterns")
                    + " in " + suppressions + " are reported as suppressed.");
        }
    }
}
