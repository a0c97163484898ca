package org.concurrencyharness.internal.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.shard.Shard;
import org.junit.jupiter.api.Test;

class RunReportJsonTest {

    private static RunReport sample() {
        Access write = new Access("worker-0", "Counter.increment", "Counter.java:12", AccessKind.WRITE);
        Access read = new Access("worker-1", "Counter.increment", "Counter.java:12", AccessKind.READ);
        WorkerResult thread =
                WorkerResult.ofThread("worker-0", 0, 0.4, 2001.3, 0, 2000.9, WorkerState.FINISHED, "7", null);
        WorkerResult child = new WorkerResult(
                "process 0",
                0,
                4242,
                1,
                300,
                0,
                250,
                WorkerState.FAILED,
                null,
                "java.lang.IllegalStateException: boom\n\tat X.y(X.java:3)",
                1,
                List.of("hello"),
                List.of("oops"),
                List.of(thread));
        RoundResult round = new RoundResult(
                1,
                2003.0,
                50,
                50,
                List.of(thread, child),
                Map.of("num", "50"),
                List.of("process 0 (pid 4242) exited with code 1"));
        ExerciseResult exercise = ExerciseResult.builder(
                        "org.example.Counter",
                        "increment",
                        "Counter.java",
                        new Conditions(50, 1, 60_000, false, 5, 0, true))
                .outcome(Outcome.FAIL)
                .wallMillis(2003.0)
                .maxConcurrency(50)
                .sharedState(Map.of("num", "50"))
                .races(List.of(new Race("org.example.Counter.num", read, write)))
                .suppressed(List.of(new Race(
                        "java.util.HashMap.table",
                        "java.util.HashMap",
                        new Access(
                                "worker-2",
                                "Registry.add",
                                "HashMap.java:610",
                                AccessKind.WRITE,
                                "HashMap.put",
                                "Registry.java:9"),
                        new Access(
                                "worker-3",
                                "Registry.find",
                                "HashMap.java:570",
                                AccessKind.READ,
                                "HashMap.get",
                                "Registry.java:14"))))
                .detectorErrors(List.of("NullPointerException in the detector"))
                .errors(List.of("an error"))
                .rounds(List.of(round))
                .hints(List.of(
                        new Hint("org.example.Counter.num", "Counter.java:12", "num += 1", "read-modify-write", true)))
                .build();
        return new RunReport(true, List.of(exercise));
    }

    @Test
    void aReportSurvivesItsOwnJson() {
        RunReport report = sample();
        assertEquals(report, RunReport.fromJson(Json.parse(Json.writePretty(report.toJson()))));
    }

    @Test
    void aPartOfAShardedRunSaysWhichAndWhichAreMissingAndAWholeRunSaysNothingOfShards() {
        RunReport part = new RunReport(true, sample().exercises(), List.of(new Shard(2, 3)));
        assertEquals(part, RunReport.fromJson(Json.parse(Json.write(part.toJson()))));
        Map<?, ?> json = (Map<?, ?>) Json.parse(Json.write(part.toJson()));
        assertEquals(List.of("2/3"), json.get("shards"));
        assertEquals(List.of("1/3", "3/3"), json.get("missingShards"));
        Map<?, ?> whole = (Map<?, ?>) Json.parse(Json.write(sample().toJson()));
        assertFalse(
                whole.containsKey("shards") || whole.containsKey("missingShards"),
                whole.keySet().toString());
    }

    @Test
    void theJsonHasTheContractsNames() {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(Json.write(sample().toJson()));
        assertEquals(
                Map.of("exercises", 1L, "passed", 0L, "failed", 1L, "races", 1L, "suppressed", 1L, "lostUpdates", 0L),
                json.get("summary"));
        @SuppressWarnings("unchecked")
        Map<String, Object> exercise = ((List<Map<String, Object>>) json.get("exercises")).get(0);
        assertEquals("org.example.Counter", exercise.get("class"));
        assertEquals("increment", exercise.get("method"));
        assertEquals("FAIL", exercise.get("outcome"));
        assertEquals(2003L, exercise.get("wallMillis"));
        assertEquals(50L, exercise.get("maxConcurrency"));
        assertEquals(Map.of("num", "50"), exercise.get("sharedState"));
        assertEquals(List.of("an error"), exercise.get("errors"));
        @SuppressWarnings("unchecked")
        Map<String, Object> race = ((List<Map<String, Object>>) exercise.get("races")).get(0);
        assertEquals("org.example.Counter.num", race.get("field"));
        assertEquals(
                Map.of(
                        "thread",
                        "worker-1",
                        "method",
                        "Counter.increment",
                        "location",
                        "Counter.java:12",
                        "kind",
                        "read"),
                ((List<?>) race.get("accesses")).get(0));
        @SuppressWarnings("unchecked")
        Map<String, Object> suppressed = ((List<Map<String, Object>>) exercise.get("suppressed")).get(0);
        assertEquals("java.util.HashMap.table", suppressed.get("field"));
        assertEquals("java.util.HashMap", suppressed.get("object"));
        assertEquals(
                Map.of(
                        "thread",
                        "worker-2",
                        "method",
                        "Registry.add",
                        "location",
                        "HashMap.java:610",
                        "kind",
                        "write",
                        "call",
                        "HashMap.put",
                        "userFrame",
                        "Registry.java:9"),
                ((List<?>) suppressed.get("accesses")).get(0));
        assertEquals(List.of("NullPointerException in the detector"), exercise.get("detectorErrors"));
    }

    @Test
    void conditionsDescribeThemselvesForPeople() {
        assertEquals(
                "50 threads, semaphore(5), race expected", new Conditions(50, 1, 60_000, false, 5, 0, true).describe());
        assertEquals("10 processes in a pool of 5", new Conditions(1, 1, 60_000, false, 5, 10, false).describe());
        assertEquals("1 thread, daemon, 3 rounds", new Conditions(1, 3, 60_000, true, 0, 0, false).describe());
    }
}
