package org.concurrencyharness.maven;

import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugins.annotations.Parameter;

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
}
