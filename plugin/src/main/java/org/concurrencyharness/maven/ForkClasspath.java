package org.concurrencyharness.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * The classpath of the forked JVM: the plugin's own harness and JUnit Platform first, so the
 * engine and the agent runtime are the versions this plugin was built with, then the project's
 * test classpath without its copies of them.
 */
final class ForkClasspath {

    static final String GROUP_ID = "org.concurrencyharness";
    static final String HARNESS_ARTIFACT_ID = "concurrency-harness";

    /** The groups whose jars the fork takes from the plugin rather than from the project. */
    private static final Set<String> RUNTIME_GROUPS =
            Set.of(GROUP_ID, "org.junit.platform", "org.opentest4j", "org.apiguardian");

    private final MavenProject project;
    private final List<Artifact> pluginArtifacts;

    ForkClasspath(MavenProject project, List<Artifact> pluginArtifacts) {
        this.project = project;
        this.pluginArtifacts = pluginArtifacts;
    }

    /** The harness jar, which is also the race detector agent. */
    File harnessJar() throws MojoExecutionException {
        for (Artifact artifact : pluginArtifacts) {
            if (GROUP_ID.equals(artifact.getGroupId()) && HARNESS_ARTIFACT_ID.equals(artifact.getArtifactId())) {
                File file = artifact.getFile();
                if (file == null || !file.isFile()) {
                    throw new MojoExecutionException("The race detector needs the packaged " + HARNESS_ARTIFACT_ID
                            + " jar, but the plugin resolved it to " + file + ". Build the harness with"
                            + " 'mvn package' (or install it) first, or run with -Dconcurrency.detectRaces=false.");
                }
                return file;
            }
        }
        throw new MojoExecutionException("The plugin's own " + HARNESS_ARTIFACT_ID + " dependency is missing.");
    }

    List<String> elements() throws MojoExecutionException {
        Set<String> out = new LinkedHashSet<>();
        Set<String> replaced = new LinkedHashSet<>();
        for (Artifact artifact : pluginArtifacts) {
            if (RUNTIME_GROUPS.contains(artifact.getGroupId())
                    && artifact.getFile() != null
                    && "jar".equals(artifact.getType())) {
                out.add(artifact.getFile().getAbsolutePath());
                replaced.add(artifact.getGroupId() + ":" + artifact.getArtifactId());
            }
        }
        Set<String> dropped = new LinkedHashSet<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (replaced.contains(artifact.getGroupId() + ":" + artifact.getArtifactId())
                    && artifact.getFile() != null) {
                dropped.add(artifact.getFile().getAbsolutePath());
            }
        }
        try {
            for (String element : project.getTestClasspathElements()) {
                String absolute = new File(element).getAbsolutePath();
                if (!dropped.contains(absolute)) {
                    out.add(absolute);
                }
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The project's test classpath is not resolved: " + e.getMessage(), e);
        }
        return new ArrayList<>(out);
    }
}
