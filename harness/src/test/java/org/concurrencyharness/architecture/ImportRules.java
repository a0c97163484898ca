package org.concurrencyharness.architecture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages of the harness and the plugin each of their packages may use, checked against the
 * sources: every name of a class of {@code org.concurrencyharness} a file holds (imported, statically
 * imported, or qualified in code, a comment or a string) must be of its own package or of one it may
 * use. A package the rules do not name breaks them too, so that a new package is given its place.
 */
public final class ImportRules {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /** A qualified name of the harness's: its package, then a class (every class here is capitalised) or {@code *}. */
    private static final Pattern REFERENCE =
            Pattern.compile("(?<![\\w.])(org\\.concurrencyharness(?:\\.[a-z_][a-z0-9_]*)*)\\.(?:[A-Z]|\\*)");

    /** A package a {@code package-info}'s "May use:" paragraph links. */
    private static final Pattern LINKED_PACKAGE = Pattern.compile("\\{@link\\s+(org\\.concurrencyharness[\\w.]*)\\}");

    private final Map<String, Set<String>> allowed;

    /** @param allowed each package, to the other packages it may use */
    public ImportRules(Map<String, Set<String>> allowed) {
        this.allowed = Map.copyOf(allowed);
    }

    /** Every {@code .java} file under a source root, by its path from the root, with its text. */
    public static Map<String, String> sources(Path root) throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return sources;
    }

    /** What breaks the rules, a line each, such as {@code a/B.java: a may not use c}; empty when nothing does. */
    public List<String> violations(Map<String, String> sources) {
        List<String> violations = new ArrayList<>();
        sources.forEach((name, text) -> {
            Matcher declared = PACKAGE.matcher(text);
            if (!declared.find()) {
                violations.add(name + ": declares no package");
                return;
            }
            String own = declared.group(1);
            Set<String> mayUse = allowed.get(own);
            if (mayUse == null) {
                violations.add(name + ": " + own + " is a package the rules do not name");
                return;
            }
            Set<String> used = new TreeSet<>();
            Matcher reference = REFERENCE.matcher(text);
            while (reference.find()) {
                used.add(reference.group(1));
            }
            for (String other : used) {
                if (!other.equals(own) && !mayUse.contains(other)) {
                    violations.add(name + ": " + own + " may not use " + other);
                }
            }
        });
        return violations;
    }

    /** A cycle of packages that may use each other, as {@code a -> b -> a}; empty when the rules have a direction. */
    public static Optional<String> cycle(Map<String, Set<String>> allowed) {
        Set<String> done = new HashSet<>();
        for (String start : new TreeSet<>(allowed.keySet())) {
            Optional<String> found = cycleFrom(start, allowed, new ArrayDeque<>(), done);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> cycleFrom(
            String pkg, Map<String, Set<String>> allowed, Deque<String> path, Set<String> done) {
        if (path.contains(pkg)) {
            List<String> names = new ArrayList<>(path);
            List<String> loop = new ArrayList<>(names.subList(names.indexOf(pkg), names.size()));
            loop.add(pkg);
            return Optional.of(String.join(" -> ", loop));
        }
        if (!done.add(pkg)) {
            return Optional.empty();
        }
        path.addLast(pkg);
        for (String next : new TreeSet<>(allowed.getOrDefault(pkg, Set.of()))) {
            Optional<String> found = cycleFrom(next, allowed, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        path.removeLast();
        return Optional.empty();
    }

    /** The packages a {@code package-info.java}'s "May use:" paragraph links, to hold against the rules. */
    public static Set<String> mayUseOf(String packageInfo) {
        int from = packageInfo.indexOf("May use:");
        if (from < 0) {
            return null;
        }
        int to = packageInfo.indexOf("*/", from);
        Set<String> linked = new TreeSet<>();
        Matcher link = LINKED_PACKAGE.matcher(packageInfo.substring(from, to < 0 ? packageInfo.length() : to));
        while (link.find()) {
            linked.add(link.group(1));
        }
        return linked;
    }
}
