package org.concurrencyharness.internal.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.concurrencyharness.internal.engine.ConcurrencyTestEngine;
import org.concurrencyharness.internal.engine.fixtures.Sleepers;
import org.concurrencyharness.internal.result.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class ResultCollectorTest {

    @Test
    void printsAProgressLineAtStartWhileRunningAndAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResultCollector collector =
                new ResultCollector(new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofMillis(30));

        // ten threads that each sleep 100 ms: long enough for a few heartbeats
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectMethod(Sleepers.class, "sleep", "int"))
                                .filters(EngineFilter.includeEngines(ConcurrencyTestEngine.ENGINE_ID))
                                .build(),
                        collector);

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("[concurrency] running Sleepers#sleep ...", lines.get(0));
        assertTrue(lines.get(lines.size() - 1).startsWith("[concurrency] PASS Sleepers#sleep in "), lines.toString());
        List<String> middle = lines.subList(1, lines.size() - 1);
        assertTrue(
                !middle.isEmpty()
                        && middle.stream()
                                .allMatch(l -> l.startsWith("[concurrency] still running Sleepers#sleep after ")),
                lines.toString());
        assertEquals(1, collector.results().size());
        assertEquals(Outcome.PASS, collector.results().get(0).outcome());
    }
}
