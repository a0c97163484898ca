package org.concurrencyharness.internal.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A run with one of each kind of exercise, a suppressed race among them, and the source its races point into, for
 * the report tests.
 */
final class SampleReports {

    static final String COUNTER_SOURCE = """
            package org.example;

            public class Counter {
                private int num;

                public void increment() {
                    num += 1;
                }
            }
            """;

    private SampleReports() {
    }

    static Path writeSources(Path root) throws IOException {
        Path dir = root.resolve("org/example");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Counter.java"), COUNTER_SOURCE);
        return root;
    }

    static RunReport run() {
        Access write = new Access("worker-3", "Counter.increment", "Counter.java:7", "write");
        Access read = new Access("worker-1", "Counter.increment", "Counter.java:7", "read");
        ExerciseResult racy = new ExerciseResult("org.example.Counter", "increment", "Counter.java",
                new Conditions(2, 1, 60_000, false, 0, 0, false), Outcome.FAIL, 20, 2, Map.of("num", "1"),
                List.of(new Race("org.example.Counter.num", write, read)), List.of(), List.of(), List.of(), List.of(new RoundResult(1, 20, 2, 2,
                List.of(WorkerResult.ofThread("worker-0", 0, 1, 11, 0, 10, "finished", null, null),
                        WorkerResult.ofThread("worker-1", 1, 2, 20, 0, 18, "finished", null, null)),
                Map.of("num", "1"), List.of())), List.of());
        // a race in a library's statistics, judged benign: it is listed, and fails nothing
        Race inLibrary = new Race("org.library.Stats.hits",
                new Access("worker-0", "Stats.hit", "Stats.java:12", "write"),
                new Access("worker-2", "Stats.hit", "Stats.java:12", "read"));
        ExerciseResult bounded = new ExerciseResult("org.example.Pool", "work", "Pool.java",
                new Conditions(3, 1, 60_000, false, 1, 0, false), Outcome.PASS, 300, 1, Map.of(), List.of(),
                List.of(inLibrary), List.of(), List.of(),
                List.of(new RoundResult(1, 300, 1, 3, List.of(
                        WorkerResult.ofThread("worker-0", 0, 0, 100, 0, 100, "finished", null, null),
                        WorkerResult.ofThread("worker-1", 1, 0, 200, 100, 100, "finished", null, null),
                        WorkerResult.ofThread("worker-2", 2, 0, 300, 200, 100, "finished", null, null)),
                        Map.of(), List.of())), List.of());
        ExerciseResult daemons = new ExerciseResult("org.example.Daemons", "linger", "Daemons.java",
                new Conditions(2, 1, 60_000, true, 0, 0, false), Outcome.PASS, 5, 2, Map.of("woke", "0"), List.of(),
                List.of(), List.of(), List.of(), List.of(new RoundResult(1, 5, 2, 0, List.of(
                        WorkerResult.ofThread("worker-0", 0, 1, 5, 0, 4, "abandoned", null, null),
                        WorkerResult.ofThread("worker-1", 1, 1, 5, 0, 4, "abandoned", null, null)),
                        Map.of("woke", "0"), List.of())), List.of());
        ExerciseResult thrower = new ExerciseResult("org.example.Thrower", "explode", "Thrower.java",
                new Conditions(1, 1, 60_000, false, 0, 0, false), Outcome.FAIL, 1, 1, Map.of(), List.of(), List.of(), List.of(),
                List.of("worker-0 threw java.lang.IllegalStateException: <script>alert(1)</script>\n\tat org.example.Thrower.explode(Thrower.java:5)"),
                List.of(), List.of());
        return new RunReport(true, List.of(racy, bounded, daemons, thrower));
    }
}
