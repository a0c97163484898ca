package org.concurrencyharness.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.concurrencyharness.internal.engine.ConcurrencyTestEngine;

/**
 * {@code concurrency:prepare-agent}: puts the race detector on the command line of the JVMs that
 * Surefire and Failsafe start for the tests, as JaCoCo's {@code prepare-agent} does for its
 * coverage agent, so that exercises run there (the harness being a JUnit Platform engine) find
 * races as under {@code concurrency:run}. It appends the agent to a project property, Surefire's
 * {@code argLine} unless told otherwise, which IntelliJ and Eclipse also read when they import the
 * project.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    /** Skip the goal: the property gets no agent. */
    @Parameter(property = "concurrency.skip", defaultValue = "false")
    private boolean skip;

    /** Fail an exercise without {@code @ExpectRace} that races. */
    @Parameter(property = "concurrency.failOnRace", defaultValue = "true")
    private boolean failOnRace;

    /** {@code false} leaves the race detector off: the property gets no agent. */
    @Parameter(property = "concurrency.detectRaces", defaultValue = "true")
    private boolean detectRaces;

    /** The project property the agent's arguments are appended to. */
    @Parameter(property = "concurrency.propertyName", defaultValue = "argLine")
    private String propertyName;

    @Override
    public void execute() throws MojoExecutionException {
        Properties properties = project.getProperties();
        if (skip || !detectRaces) {
            getLog().info("No race detector for the tests ("
                    + (skip ? "concurrency.skip=true" : "concurrency.detectRaces=false") + ").");
            // a build that names the property in its Surefire configuration, as @{argLine}, still needs a value
            properties.putIfAbsent(propertyName, "");
            return;
        }
        List<String> arguments =
                new ArrayList<>(AgentArguments.of(new ForkClasspath(project, pluginArtifacts).harnessJar()));
        if (!failOnRace) {
            // the engine reads its configuration parameters from system properties too
            arguments.add("-D" + ConcurrencyTestEngine.FAIL_ON_RACE + "=false");
        }
        String value = ArgLine.append(properties.getProperty(propertyName), arguments);
        properties.setProperty(propertyName, value);
        getLog().info(propertyName + " set to " + value);
    }
}
