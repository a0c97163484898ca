package org.concurrencyharness.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal of the plugin reads, as JaCoCo's {@code AbstractJacocoMojo} holds it for JaCoCo's goals: the
 * project, and {@code concurrency.skip}, which decides before anything else whether the goal does its work.
 */
abstract class AbstractConcurrencyMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** Skip the goal. */
    @Parameter(property = "concurrency.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            skipGoal();
            return;
        }
        executeGoal();
    }

    /** The goal's work, when {@code concurrency.skip} is not set. */
    abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

    /** Says that {@code concurrency.skip} skipped the goal, and leaves the build as a skipped goal should. */
    abstract void skipGoal();

    final MavenProject project() {
        return project;
    }
}
