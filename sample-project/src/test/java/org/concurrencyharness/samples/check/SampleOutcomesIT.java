package org.concurrencyharness.samples.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.AccessKind;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Json;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.Outcome;
import org.concurrencyharness.internal.result.RunReport;
import org.concurrencyharness.internal.result.WorkerResult;
import org.concurrencyharness.internal.result.WorkerState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the report the build's own {@code concurrency:run-no-fork} wrote, and checks that every
 * lesson still shows what its README says it shows, so the teaching material cannot rot.
 */
class SampleOutcomesIT {

    private static RunReport report;
    private static Map<String, ExerciseResult> exercises;

    @BeforeAll
    static void readReport() throws Exception {
        Path file = Path.of("target", "concurrency-reports", "report.json");
        report = RunReport.fromJson(Json.parse(Files.readString(file)));
        exercises = report.exercises().stream().collect(Collectors.toMap(ExerciseResult::displayName, e -> e));
    }

    private static ExerciseResult exercise(String name) {
        ExerciseResult result = exercises.get(name);
        assertTrue(result != null, name + " did not run; ran: " + exercises.keySet());
        return result;
    }

    @Test
    void everyLessonRanAndPassed() {
        assertTrue(report.detectRaces(), "the samples run with the race detector");
        for (ExerciseResult result : report.exercises()) {
            assertEquals(Outcome.PASS, result.outcome(), result.displayName() + ": " + result.errors());
        }
        assertTrue(exercises.keySet().containsAll(List.of("TwoTasks#startAndJoin", "FiftySleepers#sleepTwoSeconds",
                "AbandonedDaemons#sleepThenCount", "UnlockedCounter#addOneThousandTimes",
                "LockedCounter#addOneThousandTimes", "SynchronizedCounter#addOneThousandTimes",
                "BoundedTasks#oneSecondTask", "TrafficLight#road", "TenProcesses#hello", "QueueToParent#putInChild",
                "TwoWayPipe#childEnd", "PoolWithCallbacks#square", "LockedPrinting#print", "UnlockedPrinting#print",
                "SharedDictAndList#fill", "UnlockedDictCounter#addOneHundredTimes",
                "LockedDictCounter#addOneHundredTimes")), "ran: " + exercises.keySet());
    }

    @Test
    void theLessonsRunInTheirOrder() {
        List<String> lessons = report.exercises().stream()
                .map(e -> e.className().replaceAll(".*\\.(lesson\\d+)\\..*", "$1")).distinct().toList();
        assertEquals(List.of("lesson01", "lesson02", "lesson03", "lesson04", "lesson05", "lesson06", "lesson07",
                "lesson08", "lesson09", "lesson10", "lesson11"), lessons);
    }

    @Test
    void twoTasksBothRanInTheirOwnThreads() {
        String finished = exercise("TwoTasks#startAndJoin").sharedState().get("finished");
        assertTrue(finished.contains("a function ran in task-function"), finished);
        assertTrue(finished.contains("a Thread subclass ran in task-subclass"), finished);
        assertTrue(exercise("TwoTasks#startAndJoin").races().isEmpty(), "start and join order the tasks");
    }

    @Test
    void fiftySleepersTakeAboutTwoSecondsNotOneHundred() {
        ExerciseResult sleepers = exercise("FiftySleepers#sleepTwoSeconds");
        assertEquals(50, sleepers.maxConcurrency(), "all fifty sleep at once");
        assertTrue(sleepers.wallMillis() >= 2_000, "each sleeps 2 s: " + sleepers.wallMillis());
        assertTrue(sleepers.wallMillis() < 20_000, "of the order of 2 s, not 100 s: " + sleepers.wallMillis());
    }

    @Test
    void daemonsAreAbandonedWhenTheMainFlowEnds() {
        ExerciseResult daemons = exercise("AbandonedDaemons#sleepThenCount");
        assertTrue(daemons.wallMillis() < 2_000, "the main flow does not wait: " + daemons.wallMillis());
        assertEquals(0, daemons.rounds().get(0).finished());
        assertEquals("0", daemons.sharedState().get("woke"));
        assertTrue(daemons.rounds().get(0).workers().stream()
                .allMatch(w -> w.state() == WorkerState.ABANDONED));
    }

    @Test
    void theUnlockedCounterRacesOnNum() {
        ExerciseResult unlocked = exercise("UnlockedCounter#addOneThousandTimes");
        assertFalse(unlocked.races().isEmpty(), "the detector finds the race whatever the final value");
        assertEquals("org.concurrencyharness.samples.lesson03.lock.UnlockedCounter.num", unlocked.races().get(0).field());
        assertTrue(unlocked.races().get(0).first().location().startsWith("UnlockedCounter.java:"));
    }

    @Test
    void theLockedCountersAreExactAndRaceFree() {
        for (String name : List.of("LockedCounter#addOneThousandTimes", "SynchronizedCounter#addOneThousandTimes")) {
            ExerciseResult locked = exercise(name);
            assertTrue(locked.races().isEmpty(), name + ": " + locked.races());
            assertEquals("50000", locked.sharedState().get("num"), name);
        }
    }

    @Test
    void theSemaphoreLetsFiveInAtATime() {
        ExerciseResult bounded = exercise("BoundedTasks#oneSecondTask");
        assertEquals(5, bounded.maxConcurrency());
        assertTrue(bounded.wallMillis() > 4_000, "22 tasks, 5 at a time, 1 s each: " + bounded.wallMillis());
        assertTrue(bounded.wallMillis() < 20_000, "of the order of 5 s: " + bounded.wallMillis());
        long waited = bounded.rounds().get(0).workers().stream().filter(w -> w.waitMillis() > 500).count();
        assertTrue(waited >= 15, "most tasks waited for a permit: " + waited);
    }

    @Test
    void everyCarPassesOnGreenWithoutARace() {
        ExerciseResult light = exercise("TrafficLight#road");
        String passed = light.sharedState().get("passed");
        for (int car = 1; car <= 3; car++) {
            assertTrue(passed.contains("car " + car), passed);
        }
        assertTrue(light.races().isEmpty(), light.races().toString());
    }

    @Test
    void tenProcessesHaveTenPidsAndEachStartedAThread() {
        ExerciseResult processes = exercise("TenProcesses#hello");
        List<WorkerResult> children = processes.rounds().get(0).workers();
        assertEquals(10, children.size());
        assertEquals(10, children.stream().mapToLong(WorkerResult::pid).distinct().count());
        for (WorkerResult child : children) {
            assertEquals(0, child.exitCode());
            assertEquals("\"pid " + child.pid() + "\"", child.returnValue());
            assertTrue(child.stdout().contains("process " + child.index() + " (pid " + child.pid() + ") in thread-of-"
                    + child.index()), child.stdout().toString());
        }
    }

    @Test
    void theQueueCarriesValuesFromTheChildToTheParent() {
        Map<String, String> state = exercise("QueueToParent#putInChild").sharedState();
        assertEquals("[[42, \"hello\"]]", state.get("list taken by the parent"));
        assertTrue(state.get("queue q").startsWith("[\"from pid "), state.toString());
    }

    @Test
    void thePipeCarriesTwoMessagesUpAndOneDown() {
        ExerciseResult pipe = exercise("TwoWayPipe#childEnd");
        assertEquals("child sent [[42, null, \"hello\"], [42, 42, \"hello\"]], parent sent [\"father test\"]",
                pipe.sharedState().get("pipe 0"));
        assertEquals("\"father test\"", pipe.rounds().get(0).workers().get(0).returnValue());
    }

    @Test
    void aPoolOfFiveServesTenTasksAndCallsBackWithEachResult() {
        ExerciseResult pool = exercise("PoolWithCallbacks#square");
        List<WorkerResult> workers = pool.rounds().get(0).workers();
        assertEquals(5, workers.size());
        assertEquals(5, workers.stream().mapToLong(WorkerResult::pid).distinct().count());
        assertEquals(10, workers.stream().mapToInt(w -> w.threads().size()).sum(), "ten tasks served");
        assertEquals(5, pool.maxConcurrency());
        String callbacks = pool.sharedState().get("callbacks");
        for (int task = 0; task < 10; task++) {
            assertTrue(callbacks.contains("task " + task + " -> " + task * task), callbacks);
        }
    }

    @Test
    void theProcessLockKeepsEachProcesssLinesTogether() {
        ExerciseResult printing = exercise("LockedPrinting#print");
        String lines = printing.sharedState().get("list lines");
        for (int i = 0; i < 10; i++) {
            assertTrue(lines.contains("\"process " + i + " begins\", \"process " + i + " ends\""), lines);
        }
        assertEquals("taken 10 times", printing.sharedState().get("lock print"));
        assertTrue(printing.lostUpdates().isEmpty() && printing.races().isEmpty());
    }

    @Test
    void withoutTheProcessLockOtherProcessesLinesComeBetweenAndNoneIsLost() {
        ExerciseResult printing = exercise("UnlockedPrinting#print");
        List<String> lines = printedLines(printing.sharedState().get("list lines"));
        assertEquals(20, lines.size(), "every line is there: " + lines);
        long together = 0;
        for (int i = 0; i < 10; i++) {
            assertTrue(lines.contains("process " + i + " begins") && lines.contains("process " + i + " ends"),
                    lines.toString());
            boolean adjacent = lines.indexOf("process " + i + " ends") == lines.indexOf("process " + i + " begins") + 1;
            together += adjacent ? 1 : 0;
        }
        assertTrue(together < 10, "some process's lines have another's between them: " + lines);
        assertTrue(printing.lostUpdates().isEmpty(), "each line is added whole, so nothing is lost");
        assertTrue(printing.races().isEmpty(), printing.races().toString());
    }

    private static List<String> printedLines(String rendered) {
        return Pattern.compile("\"(process \\d+ (?:begins|ends))\"").matcher(rendered).results()
                .map(match -> match.group(1)).toList();
    }

    @Test
    void withoutTheLockTheDictLosesUpdatesAndTheHarnessShowsOne() {
        ExerciseResult unlocked = exercise("UnlockedDictCounter#addOneHundredTimes");
        long count = Long.parseLong(unlocked.sharedState().get("map d").replaceAll("\\{\"count\"=(\\d+)}", "$1"));
        assertTrue(count < 1000, "10 processes added 100 each, and updates were lost: " + count);
        assertTrue(unlocked.races().isEmpty(), "each call is atomic: no data race");
        assertFalse(unlocked.lostUpdates().isEmpty(), "a lost update is reported");
        LostUpdate lost = unlocked.lostUpdates().get(0);
        assertEquals("Shared.map(\"d\")", lost.field());
        assertEquals("\"count\"", lost.key());
        assertEquals(List.of(AccessKind.READ, AccessKind.WRITE, AccessKind.WRITE), lost.accesses().stream().map(Access::kind).toList());
        assertEquals(lost.read().thread(), lost.write().thread(), "one process read, then wrote");
        assertNotEquals(lost.read().thread(), lost.overwritten().thread(), "another wrote in between");
        for (Access access : lost.accesses()) {
            assertTrue(access.location().startsWith("UnlockedDictCounter.java:"), access.location());
        }
    }

    @Test
    void withTheLockTheDictCountsExactlyAndLosesNothing() {
        ExerciseResult locked = exercise("LockedDictCounter#addOneHundredTimes");
        assertEquals("{\"count\"=1000}", locked.sharedState().get("map d"));
        assertTrue(locked.lostUpdates().isEmpty(), locked.lostUpdates().toString());
    }

    @Test
    void theManagersDictAndListHoldTenEntries() {
        Map<String, String> state = exercise("SharedDictAndList#fill").sharedState();
        for (int i = 0; i < 10; i++) {
            assertTrue(state.get("map d").contains("\"" + i + "\"=" + i * i), state.get("map d"));
        }
        assertEquals(10, state.get("list l").split(",").length, state.get("list l"));
    }
}
