package org.concurrencyharness.internal.fork;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.concurrencyharness.internal.engine.ConcurrencyTestEngine;
import org.concurrencyharness.internal.process.ParentWatch;
import org.concurrencyharness.internal.race.RaceDetection;
import org.concurrencyharness.internal.result.Json;
import org.concurrencyharness.internal.result.RunReport;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the forked JVM the plugin starts: runs the engine over the project's class
 * directories and writes the run's results for the plugin to report.
 *
 * <p>Its arguments are {@link ForkOptions}'. Without a suppressions file the engine looks for
 * the project's in the working directory, as under Surefire.
 */
public final class ForkMain {

    private ForkMain() {}

    public static void main(String[] args) {
        // the plugin holds the other end of this input and writes nothing to it: its end is Maven's
        ParentWatch.endWhenClosed(System.in);
        // an exercise that reads standard input reads an empty one, as it did before
        System.setIn(InputStream.nullInputStream());
        PrintStream out = System.out;
        int status;
        try {
            run(ForkOptions.parse(args), out);
            status = 0;
        } catch (IllegalArgumentException e) {
            System.err.println("[concurrency] " + e.getMessage());
            status = 2;
        } catch (Throwable e) {
            System.err.println("[concurrency] the engine failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        out.flush();
        System.err.flush();
        // exercise threads left hung, deadlocked or abandoned must not keep this JVM alive
        System.exit(status);
    }

    static void run(ForkOptions arguments, PrintStream out) throws Exception {
        Set<Path> roots = new LinkedHashSet<>(arguments.classesDirectories());
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClasspathRoots(roots))
                .filters(EngineFilter.includeEngines(ConcurrencyTestEngine.ENGINE_ID))
                .configurationParameter(ConcurrencyTestEngine.FAIL_ON_RACE, Boolean.toString(arguments.failOnRace()))
                // the plugin leaves the agent off this JVM only when the user chose concurrency.detectRaces=false
                .configurationParameter(ConcurrencyTestEngine.DETECT_RACES, Boolean.toString(RaceDetection.isActive()));
        if (arguments.include() != null) {
            builder.filters(new IncludeFilter(arguments.include()));
        }
        if (arguments.suppressions() != null) {
            builder.configurationParameter(
                    ConcurrencyTestEngine.SUPPRESSIONS, arguments.suppressions().toString());
        }
        if (arguments.shard() != null) {
            builder.configurationParameter(
                    ConcurrencyTestEngine.SHARD, arguments.shard().toString());
        }
        LauncherDiscoveryRequest request = builder.build();
        ResultCollector collector = new ResultCollector(out, ResultCollector.HEARTBEAT);
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, collector);
        RunReport report = new RunReport(
                RaceDetection.isActive(),
                collector.results(),
                arguments.shard() == null ? List.of() : List.of(arguments.shard()));
        Files.writeString(arguments.results(), Json.writePretty(report.toJson()), StandardCharsets.UTF_8);
    }
}
