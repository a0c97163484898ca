package org.concurrencyharness.internal.engine;

import static org.concurrencyharness.internal.engine.EngineTestSupport.execute;
import static org.concurrencyharness.internal.engine.EngineTestSupport.resultsOf;
import static org.concurrencyharness.internal.engine.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.concurrencyharness.internal.engine.fixtures.Bounded;
import org.concurrencyharness.internal.engine.fixtures.Daemons;
import org.concurrencyharness.internal.engine.fixtures.ExpectedRaces;
import org.concurrencyharness.internal.engine.fixtures.Failures;
import org.concurrencyharness.internal.engine.fixtures.Forks;
import org.concurrencyharness.internal.engine.fixtures.Invalid;
import org.concurrencyharness.internal.engine.fixtures.Rounds;
import org.concurrencyharness.internal.engine.fixtures.Sleepers;
import org.concurrencyharness.internal.engine.fixtures.State;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Outcome;
import org.concurrencyharness.internal.result.WorkerResult;
import org.concurrencyharness.internal.result.WorkerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.TestAbortedException;

class ConcurrencyTestEngineTest {

    @Test
    void discoversOnlyAnnotatedMethods() {
        EngineExecutionResults results = execute(Sleepers.class);
        results.testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertEquals("sleep", resultsOf(results).get(0).methodName());
    }

    @Test
    void discoversByPackageAndByMethod() {
        var engine = EngineTestKit.engine(ConcurrencyTestEngine.ENGINE_ID)
                .selectors(selectPackage("org.concurrencyharness.internal.engine.fixtures"))
                .discover()
                .getEngineDescriptor();
        long inPackage =
                engine.getDescendants().stream().filter(d -> d.isTest()).count();
        assertTrue(inPackage >= 15, "every fixture exercise, found " + inPackage);
        List<String> classes = engine.getChildren().stream()
                .map(d -> ((ClassSource) d.getSource().orElseThrow()).getClassName())
                .toList();
        assertEquals(classes.stream().sorted().toList(), classes, "classes in the order of their names");
        EngineExecutionResults one = EngineTestKit.engine(ConcurrencyTestEngine.ENGINE_ID)
                .selectors(selectMethod(Failures.class, "fine"))
                .execute();
        one.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void anIdeRerunsOneExerciseOrOneClassByItsUniqueId() {
        var discovered = EngineTestKit.engine(ConcurrencyTestEngine.ENGINE_ID)
                .selectors(selectClass(Failures.class))
                .discover()
                .getEngineDescriptor();
        TestDescriptor container = discovered.getChildren().iterator().next();
        TestDescriptor fine = container.getChildren().stream()
                .filter(d -> d.getDisplayName().equals("fine"))
                .findFirst()
                .orElseThrow();
        EngineExecutionResults one = EngineTestKit.engine(ConcurrencyTestEngine.ENGINE_ID)
                .selectors(selectUniqueId(fine.getUniqueId()))
                .execute();
        one.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        var again = EngineTestKit.engine(ConcurrencyTestEngine.ENGINE_ID)
                .selectors(selectUniqueId(container.getUniqueId()))
                .discover()
                .getEngineDescriptor();
        assertEquals(
                container.getChildren().stream()
                        .map(TestDescriptor::getUniqueId)
                        .toList(),
                again.getDescendants().stream()
                        .filter(TestDescriptor::isTest)
                        .map(TestDescriptor::getUniqueId)
                        .toList());
    }

    @Test
    void theShardsOfTheExercisesAreDisjointAndTogetherHoldThemAll() {
        Set<String> all = discovered(null);
        assertTrue(all.size() >= 15, "every fixture exercise, found " + all.size());
        Set<String> together = new HashSet<>();
        for (int k = 1; k <= 3; k++) {
            Set<String> part = discovered(k + "/3");
            assertFalse(part.isEmpty(), "part " + k + " of 3");
            for (String exercise : part) {
                assertTrue(together.add(exercise), exercise + " is in two parts");
            }
        }
        assertEquals(all, together);
        assertEquals(discovered("2/3"), discovered("2/3"), "a part is the same each time");
    }

    /** The unique ids of the fixture exercises the engine discovers with that shard, checking it keeps no empty class. */
    private static Set<String> discovered(String shard) {
        var kit = EngineTestKit.engine(ConcurrencyTestEngine.ENGINE_ID)
                .selectors(selectPackage("org.concurrencyharness.internal.engine.fixtures"));
        if (shard != null) {
            kit.configurationParameter(ConcurrencyTestEngine.SHARD, shard);
        }
        var engine = kit.discover().getEngineDescriptor();
        engine.getChildren()
                .forEach(c -> assertFalse(c.getChildren().isEmpty(), c + " has no exercise of part " + shard));
        return engine.getDescendants().stream()
                .filter(d -> d.isTest())
                .map(d -> d.getUniqueId().toString())
                .collect(Collectors.toSet());
    }

    @Test
    void aShardThatIsNoShardFailsTheRunWithWhatToWriteAndRunsNothing() {
        EngineExecutionResults results = EngineTestKit.engine(ConcurrencyTestEngine.ENGINE_ID)
                .configurationParameter(ConcurrencyTestEngine.SHARD, "4/3")
                .selectors(selectClass(Sleepers.class))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.started(0));
        Throwable failure = results.containerEvents().failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class)
                        .getThrowable()
                        .orElseThrow())
                .findFirst()
                .orElseThrow();
        assertTrue(
                failure.getMessage().contains("concurrency.shard=4/3: K must be from 1 to 3; write K/N"),
                failure.getMessage());
    }

    @Test
    void threadsReleasedTogetherContendAndEachGetsItsIndex() {
        ExerciseResult sleepers = run(Sleepers.class).get("sleep");
        assertEquals(Outcome.PASS, sleepers.outcome());
        List<WorkerResult> workers = sleepers.rounds().get(0).workers();
        assertEquals(10, workers.size());
        assertEquals(
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                workers.stream()
                        .sorted((a, b) -> a.index() - b.index())
                        .map(WorkerResult::returnValue)
                        .toList());
        assertTrue(sleepers.maxConcurrency() > 1, "sleepers overlap: " + sleepers.maxConcurrency());
        assertTrue(workers.stream().allMatch(w -> w.runMillis() >= 99), "each slept its 100 ms");
    }

    @Test
    void eachRoundRunsOnAFreshInstanceAndStaticStateIsShared() {
        ExerciseResult rounds = run(Rounds.class).get("visit");
        assertEquals(2, rounds.rounds().size());
        assertEquals("3", rounds.rounds().get(0).sharedState().get("visits"));
        assertEquals("3", rounds.rounds().get(1).sharedState().get("visits"));
        assertEquals("6", rounds.rounds().get(1).sharedState().get("ALL_VISITS"), "static fields are shared by rounds");
    }

    @Test
    void theSemaphoreLetsNoMoreThanItsPermitsIn() {
        ExerciseResult bounded = run(Bounded.class).get("work");
        assertEquals(2, bounded.maxConcurrency());
        long waited = bounded.rounds().get(0).workers().stream()
                .filter(w -> w.waitMillis() >= 90)
                .count();
        assertTrue(waited >= 4, "four of six wait for a permit: " + waited);
    }

    @Test
    void daemonsAreAbandonedWhenTheMainFlowEnds() {
        ExerciseResult daemons = run(Daemons.class).get("linger");
        assertEquals(Outcome.PASS, daemons.outcome());
        assertEquals(0, daemons.rounds().get(0).finished());
        assertTrue(daemons.wallMillis() < 3_000, "the round did not wait: " + daemons.wallMillis());
        assertTrue(daemons.rounds().get(0).workers().stream().allMatch(w -> w.state() == WorkerState.ABANDONED));
    }

    @Test
    void everyThreadsExceptionIsKeptWithItsStackTrace() {
        ExerciseResult explode = run(Failures.class).get("explode");
        assertEquals(Outcome.FAIL, explode.outcome());
        assertEquals(3, explode.errors().size());
        for (int i = 0; i < 3; i++) {
            int index = i;
            assertTrue(
                    explode.errors().stream()
                            .anyMatch(
                                    e -> e.contains("boom " + index)
                                            && e.contains(
                                                    "at org.concurrencyharness.internal.engine.fixtures.Failures.explode(Failures.java:")));
        }
    }

    @Test
    void aHangTimesOutAndADeadlockIsFoundWithTheThreadsStacksAndTheOthersStillRun() {
        EngineExecutionResults results = execute(Failures.class);
        results.testEvents()
                .assertStatistics(stats -> stats.started(4).succeeded(1).failed(3));
        Map<String, ExerciseResult> byName = run(Failures.class);
        ExerciseResult hang = byName.get("hang");
        assertTrue(hang.errors().get(0).startsWith("Timed out after 300 ms: 2 of 2 threads still running"));
        assertTrue(hang.errors().get(0).contains("Failures.hang(Failures.java:"));
        ExerciseResult deadlock = byName.get("deadlock");
        String report = deadlock.errors().get(0);
        assertTrue(report.startsWith("Deadlock: 2 threads each wait for a lock another holds"), report);
        assertTrue(report.contains("\"worker-0\" BLOCKED waiting for") && report.contains("\"worker-1\" BLOCKED"));
        assertTrue(report.contains("- locked java.lang.Object@"), report);
        assertEquals(Outcome.PASS, byName.get("fine").outcome());
    }

    @Test
    void invalidUseSaysWhatToChange() {
        Map<String, ExerciseResult> byName = run(Invalid.class);
        assertEquals(
                Map.of(
                        "noThreads", "@Concurrent(threads = 0) needs at least 1 thread; use threads = 1 or more",
                        "noRounds", "@Concurrent(rounds = 0) needs at least 1 round; use rounds = 1 or more",
                        "noTime",
                                "@Concurrent(timeoutMillis = 0) must be positive; use a time in milliseconds such as 60_000",
                        "noPermits", "@Semaphore(0) lets nobody in; give it 1 or more permits",
                        "noProcesses", "@ForkProcesses(0) starts no process; use 1 or more",
                        "daemonAlone",
                                "@Daemon only makes sense with @Concurrent; add @Concurrent(threads = ...) or remove @Daemon",
                        "wrongParameter",
                                "an exercise takes no parameter or one int (the index of its thread or process),"
                                        + " not (String); change the parameters to () or (int index)"),
                byName.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().errors().get(0))));
        assertTrue(byName.values().stream().allMatch(e -> e.outcome() == Outcome.FAIL));
        assertEquals(
                "Inner is an inner class, which needs an outer instance; declare it static",
                run(Invalid.Inner.class).get("run").errors().get(0));
        assertEquals(
                "NeedsArgument has no no-argument constructor to build the instance its threads share;"
                        + " add one, or make the method static",
                run(Invalid.NeedsArgument.class).get("run").errors().get(0));
    }

    @Test
    void sharedStateIsRenderedReadably() {
        Map<String, String> state = run(State.class).get("run").sharedState();
        assertEquals("7", state.get("staticCounter"));
        assertEquals("[1, 2, 3]", state.get("numbers"));
        assertEquals("[\"a\", \"b\"]", state.get("names"));
        assertEquals("{\"x\"=1}", state.get("scores"));
        assertEquals("\"hi\"", state.get("text"));
        assertEquals("Point{x=1, y=2}", state.get("point"));
        assertEquals("Node{next=<cycle>}", state.get("cycle"));
    }

    @Test
    void aFailedExerciseFailsItsTestWithTheReasons() {
        EngineExecutionResults results = execute(Failures.class);
        String message = results.testEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .orElseThrow())
                .map(r -> r.getThrowable().orElseThrow().getMessage())
                .filter(m -> m.startsWith("Failures#explode failed"))
                .findFirst()
                .orElseThrow();
        assertTrue(message.contains("worker-0 threw java.lang.IllegalStateException: boom 0"), message);
        assertNotEquals(0, message.length());
    }

    @Test
    void forkedExercisesRunInChildJvmsAndReportEachOne() {
        Map<String, ExerciseResult> forks = run(Forks.class);

        ExerciseResult forked = forks.get("eachInItsOwnJvm");
        assertEquals(Outcome.PASS, forked.outcome(), forked.errors().toString());
        List<WorkerResult> children = forked.rounds().get(0).workers();
        assertEquals(3, children.size());
        assertEquals(3, children.stream().map(WorkerResult::pid).distinct().count(), "three JVMs");
        assertTrue(
                children.stream()
                        .noneMatch(c -> c.pid() == ProcessHandle.current().pid()),
                "none is this JVM");
        for (WorkerResult child : children) {
            assertEquals(0, child.exitCode());
            assertEquals(String.valueOf(child.pid()), child.returnValue(), "its return value came back");
            assertEquals(List.of("child " + child.index() + " says hello"), child.stdout());
            assertTrue(ProcessHandle.of(child.pid()).isEmpty(), "child " + child.pid() + " is gone");
        }
        String pids = forked.rounds().get(0).sharedState().get("map pids");
        for (WorkerResult child : children) {
            assertTrue(pids.contains(String.valueOf(child.pid())), "the shared map holds " + child.pid() + ": " + pids);
        }

        ExerciseResult pooled = forks.get("pooled");
        assertEquals(Outcome.PASS, pooled.outcome(), pooled.errors().toString());
        assertEquals(2, pooled.rounds().get(0).workers().size(), "two worker JVMs serve four tasks");
        assertTrue(pooled.maxConcurrency() <= 2);

        ExerciseResult oneDies = forks.get("oneDies");
        assertEquals(Outcome.FAIL, oneDies.outcome());
        assertTrue(
                oneDies.errors().stream().anyMatch(e -> e.contains("process 1") && e.contains("exit code 7")),
                oneDies.errors().toString());
        assertEquals(
                2,
                oneDies.rounds().get(0).workers().stream()
                        .filter(w -> w.returnValue() != null && w.returnValue().startsWith("\"survived"))
                        .count(),
                "the others are still reported");
    }

    @Test
    void aMalformedSuppressionsFileFailsTheRunWithItsMessageAndRunsNothing(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("concurrency-suppressions.txt"), "com.foo.*.Cache\n");
        EngineExecutionResults results = EngineTestKit.engine(ConcurrencyTestEngine.ENGINE_ID)
                .configurationParameter(ConcurrencyTestEngine.SUPPRESSIONS, file.toString())
                .selectors(selectClass(Sleepers.class))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.started(0));
        Throwable failure = results.containerEvents().failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class)
                        .getThrowable()
                        .orElseThrow())
                .findFirst()
                .orElseThrow();
        assertTrue(failure.getMessage().startsWith(file + ", line 1: \"com.foo.*.Cache\""), failure.getMessage());
    }

    /** These tests run without the agent, as an IDE or Surefire does when nothing put it on the command line. */
    @Test
    void withoutTheAgentAnExpectRaceExerciseIsAbortedWithTheReasonAndTheFix() {
        EngineExecutionResults results = execute(ExpectedRaces.class);
        results.testEvents()
                .assertStatistics(
                        stats -> stats.started(2).aborted(1).succeeded(1).failed(0));

        Event aborted = results.testEvents().aborted().list().get(0);
        assertEquals(
                "racyOnPurpose",
                ((MethodSource) aborted.getTestDescriptor().getSource().orElseThrow()).getMethodName());
        Throwable reason = aborted.getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
        assertInstanceOf(TestAbortedException.class, reason);
        assertTrue(reason.getMessage().contains("@ExpectRace needs the race detector"), reason.getMessage());
        assertTrue(
                reason.getMessage().contains("concurrency:prepare-agent")
                        && reason.getMessage().contains("mvn concurrency:run"),
                "says how to fix it: " + reason.getMessage());
        assertEquals(
                List.of("locked"),
                resultsOf(results).stream().map(ExerciseResult::methodName).toList(),
                "the aborted exercise did not run");
    }

    @Test
    void withTheDetectorTurnedOffOnPurposeAnExpectRaceExerciseRunsAndPassesAsBefore() {
        EngineExecutionResults results = EngineTestKit.engine(ConcurrencyTestEngine.ENGINE_ID)
                .configurationParameter(ConcurrencyTestEngine.DETECT_RACES, "false")
                .selectors(selectClass(ExpectedRaces.class))
                .execute();
        results.testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2).aborted(0));
    }
}
