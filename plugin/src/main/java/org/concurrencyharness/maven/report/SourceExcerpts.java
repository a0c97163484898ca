package org.concurrencyharness.maven.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Lines of the project's sources around a {@code File.java:LINE} location, for the reports. */
public final class SourceExcerpts {

    /** One line of an excerpt. */
    public record Line(int number, String text, boolean highlighted) {}

    private final Map<String, List<Path>> filesByName = new HashMap<>();
    private final Map<Path, List<String>> contents = new HashMap<>();

    public SourceExcerpts(List<Path> sourceRoots) {
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .forEach(f -> filesByName
                                .computeIfAbsent(f.getFileName().toString(), k -> new ArrayList<>())
                                .add(f));
            } catch (IOException e) {
                // a root we cannot read gives no excerpts
            }
        }
    }

    /** The lines around a location, the location's own highlighted; empty when the source is not at hand. */
    public List<Line> around(String className, String location, int context) {
        int colon = location == null ? -1 : location.lastIndexOf(':');
        if (colon < 0) {
            return List.of();
        }
        int line;
        try {
            line = Integer.parseInt(location.substring(colon + 1));
        } catch (NumberFormatException e) {
            return List.of();
        }
        Optional<List<String>> lines = source(className, location.substring(0, colon));
        if (lines.isEmpty() || line < 1 || line > lines.get().size()) {
            return List.of();
        }
        List<Line> out = new ArrayList<>();
        for (int n = Math.max(1, line - context); n <= Math.min(lines.get().size(), line + context); n++) {
            out.add(new Line(n, lines.get().get(n - 1), n == line));
        }
        return out;
    }

    private Optional<List<String>> source(String className, String fileName) {
        List<Path> candidates = filesByName.getOrDefault(fileName, List.of());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Path best = candidates.get(0);
        if (className != null && className.contains(".")) {
            String packagePath =
                    className.substring(0, className.lastIndexOf('.')).replace('.', '/');
            for (Path candidate : candidates) {
                if (candidate.getParent() != null
                        && candidate.getParent().toString().replace('\\', '/').endsWith(packagePath)) {
                    best = candidate;
                }
            }
        }
        return Optional.of(contents.computeIfAbsent(best, SourceExcerpts::read));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }
}
