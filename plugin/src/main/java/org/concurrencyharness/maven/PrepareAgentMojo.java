package org.concurrencyharness.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.concurrencyharness.internal.engine.ConcurrencyTestEngine;

/**
 * {@code concurrency:prepare-agent}: puts the race detector on the command line of the JVMs that
 * Surefire and Failsafe start for the tests, as JaCoCo's {@code prepare-agent} does for its
 * coverage agent, so that exercises run there (the harness being a JUnit Platform engine) find
 * races as under {@code concurrency:run}. It appends the agent to a project property, Surefire's
 * {@code argLine} unless told otherwise, which IntelliJ and Eclipse also read when they import the
 * project. The suppressions file goes with it, by its absolute path, so that the races it matches are
 * suppressed there as under {@code run}. Skipped, or with {@code concurrency.detectRaces=false}, it appends nothing.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractDetectorMojo {

    /** The project property the agent's arguments are appended to. */
    @Parameter(property = "concurrency.propertyName", defaultValue = "argLine")
    private String propertyName;

    @Override
    void skipGoal() {
        leaveWithoutAgent("concurrency.skip=true");
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException {
        if (!detectRaces()) {
            leaveWithoutAgent("concurrency.detectRaces=false");
            return;
        }
        checkSuppressions();
        Properties properties = project().getProperties();
        List<String> arguments =
                new ArrayList<>(AgentArguments.of(forkClasspath().harnessJar(), predict()));
        // the engine reads its configuration parameters from system properties too; the file by its absolute path,
        // as Surefire may run the tests in another directory than the project's
        arguments.add("-D" + ConcurrencyTestEngine.SUPPRESSIONS + "=" + suppressions());
        if (!failOnRace()) {
            arguments.add("-D" + ConcurrencyTestEngine.FAIL_ON_RACE + "=false");
        }
        String value = ArgLine.append(properties.getProperty(propertyName), arguments);
        properties.setProperty(propertyName, value);
        getLog().info(propertyName + " set to " + value);
    }

    private void leaveWithoutAgent(String reason) {
        getLog().info("No race detector for the tests (" + reason + ").");
        // a build that names the property in its Surefire configuration, as @{argLine}, still needs a value
        project().getProperties().putIfAbsent(propertyName, "");
    }
}
