package org.concurrencyharness.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.project.MavenProject;

/** The project's main and test source directories, where the reports find the lines they quote. */
final class SourceRoots {

    private SourceRoots() {}

    static List<Path> of(MavenProject project) {
        List<Path> out = new ArrayList<>();
        for (String root : project.getCompileSourceRoots()) {
            out.add(Path.of(root));
        }
        for (String root : project.getTestCompileSourceRoots()) {
            out.add(Path.of(root));
        }
        return out;
    }
}
