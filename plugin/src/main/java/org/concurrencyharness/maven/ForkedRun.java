package org.concurrencyharness.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.concurrencyharness.internal.fork.ForkOptions;
import org.concurrencyharness.internal.result.Json;
import org.concurrencyharness.internal.result.RunReport;
import org.concurrencyharness.internal.shard.Shard;

/**
 * One forked JVM that runs the engine, as Surefire and JaCoCo fork theirs: a broken exercise
 * cannot take Maven down, and the agent goes on its command line. Its arguments go in an
 * argument file, so a long classpath never hits the command-line limit.
 */
final class ForkedRun {

    private static final int STDERR_LINES_KEPT = 40;

    private final List<String> command;
    private final Path resultsFile;
    private final int timeoutSeconds;

    private ForkedRun(List<String> command, Path resultsFile, int timeoutSeconds) {
        this.command = command;
        this.resultsFile = resultsFile;
        this.timeoutSeconds = timeoutSeconds;
    }

    RunReport run(Log log) throws IOException, MojoExecutionException {
        Files.deleteIfExists(resultsFile);
        log.debug("Forked JVM: " + String.join(" ", command));
        // the fork's standard input stays open, and empty, while it runs: the system closes it when
        // Maven dies, however Maven dies, and the fork then ends itself and its children
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        Thread killer = new Thread(() -> destroyTree(process), "concurrency-fork-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        Deque<String> stderrTail = new ArrayDeque<>();
        Thread out = pump(process.getInputStream(), log::info, "concurrency-fork-stdout");
        Thread err = pump(
                process.getErrorStream(),
                line -> {
                    log.warn(line);
                    synchronized (stderrTail) {
                        stderrTail.addLast(line);
                        if (stderrTail.size() > STDERR_LINES_KEPT) {
                            stderrTail.removeFirst();
                        }
                    }
                },
                "concurrency-fork-stderr");
        try {
            boolean exited = timeoutSeconds <= 0 ? waitFor(process) : process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!exited) {
                destroyTree(process);
                throw new MojoExecutionException("The forked JVM running the exercises took more than "
                        + timeoutSeconds + " s and was killed. Give a hung exercise a smaller"
                        + " @Concurrent(timeoutMillis = ...), or raise -Dconcurrency.forkTimeoutSeconds.");
            }
            out.join(5_000);
            err.join(5_000);
        } catch (InterruptedException e) {
            destroyTree(process);
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while the exercises ran", e);
        } finally {
            destroyTree(process);
            removeHook(killer);
        }
        int exitCode = process.exitValue();
        if (exitCode != 0 || !Files.isRegularFile(resultsFile)) {
            List<String> tail;
            synchronized (stderrTail) {
                tail = new ArrayList<>(stderrTail);
            }
            throw new MojoExecutionException("The forked JVM running the exercises failed (exit code " + exitCode
                    + ") before it wrote its results."
                    + (tail.isEmpty() ? "" : " Its last error output:\n  " + String.join("\n  ", tail)));
        }
        return RunReport.fromJson(Json.parse(Files.readString(resultsFile, StandardCharsets.UTF_8)));
    }

    private static boolean waitFor(Process process) throws InterruptedException {
        process.waitFor();
        return true;
    }

    /** Ends the fork and anything it started, so that no JVM outlives the build. */
    private static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting, and the hook will do its job
        }
    }

    private static Thread pump(InputStream stream, Consumer<String> sink, String name) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            sink.accept(line);
                        }
                    } catch (IOException closed) {
                        // the fork ended; what it printed so far was passed on
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Collects the fork's settings and writes its argument file. */
    static final class Builder {
        private String javaExecutable;
        private File agentJar;
        private boolean predict;
        private String argLine;
        private List<String> classpath = List.of();
        private List<Path> classesDirectories = List.of();
        private String include;
        private Shard shard;
        private boolean failOnRace = true;
        private Path suppressions;
        private Path workDirectory;
        private int timeoutSeconds;

        Builder javaExecutable(String value) {
            this.javaExecutable = value;
            return this;
        }

        Builder predict(boolean value) {
            this.predict = value;
            return this;
        }

        Builder agentJar(File value) {
            this.agentJar = value;
            return this;
        }

        Builder argLine(String value) {
            this.argLine = value;
            return this;
        }

        Builder classpath(List<String> value) {
            this.classpath = value;
            return this;
        }

        Builder classesDirectories(List<Path> value) {
            this.classesDirectories = value;
            return this;
        }

        Builder include(String value) {
            this.include = value;
            return this;
        }

        Builder shard(Shard value) {
            this.shard = value;
            return this;
        }

        Builder failOnRace(boolean value) {
            this.failOnRace = value;
            return this;
        }

        Builder suppressions(Path value) {
            this.suppressions = value;
            return this;
        }

        Builder workDirectory(Path value) {
            this.workDirectory = value;
            return this;
        }

        Builder timeoutSeconds(int value) {
            this.timeoutSeconds = value;
            return this;
        }

        ForkedRun build() throws IOException {
            Path results = workDirectory.resolve("fork-results.json");
            List<String> args = new ArrayList<>();
            if (agentJar != null) {
                args.addAll(AgentArguments.of(agentJar, predict));
            }
            if (argLine != null && !argLine.isBlank()) {
                args.addAll(List.of(argLine.trim().split("\\s+")));
            }
            args.add("-cp");
            args.add(String.join(File.pathSeparator, classpath));
            args.add(ForkOptions.MAIN_CLASS);
            args.addAll(new ForkOptions(results, classesDirectories, include, failOnRace, suppressions, shard)
                    .toArguments());
            Path argFile = workDirectory.resolve("fork.args");
            Files.write(argFile, quoted(args), StandardCharsets.UTF_8);
            List<String> command = List.of(java(), "@" + argFile.toAbsolutePath());
            return new ForkedRun(command, results, timeoutSeconds);
        }

        private String java() {
            if (javaExecutable != null && !javaExecutable.isBlank()) {
                return javaExecutable;
            }
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }

        /** Java argument files split on white space, so each argument is quoted and escaped. */
        private static List<String> quoted(List<String> args) {
            List<String> out = new ArrayList<>();
            for (String arg : args) {
                out.add('"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
            }
            return out;
        }
    }
}
