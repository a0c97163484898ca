package org.concurrencyharness.maven.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.AccessKind;
import org.concurrencyharness.internal.result.Conditions;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Outcome;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.RoundResult;
import org.concurrencyharness.internal.result.RunReport;
import org.concurrencyharness.internal.result.WorkerResult;
import org.concurrencyharness.internal.result.WorkerState;

/**
 * A run with one of each kind of exercise, a suppressed race among them, races on a JDK object and in a library's
 * code with a failure of the detector's own, a round too long to draw bar by bar, and the source its races point
 * into, for the report tests. Its exercises ran in an order that the page's order (failed, raced, the rest) changes.
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

    static final String REGISTRY_SOURCE = """
            package org.example;

            import java.util.ArrayList;
            import java.util.List;
            import org.library.Tally;

            public class Registry {
                private final List<String> names = new ArrayList<>();
                private final Tally tally = new Tally();

                public void register(int index) {
                    names.add("worker-" + index);
                    if (index % 2 == 0) {
                        return;
                    }
                    tally.add(index);
                }

                public String find(int index) {
                    return names.get(index);
                }
            }
            """;

    /** Workers in the crowd's round: more than a timeline shows bar by bar unfolded. */
    static final int CROWD = 30;

    private SampleReports() {}

    static Path writeSources(Path root) throws IOException {
        Path dir = root.resolve("org/example");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Counter.java"), COUNTER_SOURCE);
        Files.writeString(dir.resolve("Registry.java"), REGISTRY_SOURCE);
        return root;
    }

    static RunReport run() {
        Access write = new Access("worker-3", "Counter.increment", "Counter.java:7", AccessKind.WRITE);
        Access read = new Access("worker-1", "Counter.increment", "Counter.java:7", AccessKind.READ);
        ExerciseResult racy = ExerciseResult.builder(
                        "org.example.Counter",
                        "increment",
                        "Counter.java",
                        new Conditions(2, 1, 60_000, false, 0, 0, false))
                .outcome(Outcome.FAIL)
                .wallMillis(20)
                .maxConcurrency(2)
                .sharedState(Map.of("num", "1"))
                .races(List.of(new Race("org.example.Counter.num", write, read)))
                .rounds(List.of(new RoundResult(
                        1,
                        20,
                        2,
                        2,
                        List.of(
                                WorkerResult.ofThread("worker-0", 0, 1, 11, 0, 10, WorkerState.FINISHED, null, null),
                                WorkerResult.ofThread("worker-1", 1, 2, 20, 0, 18, WorkerState.FINISHED, null, null)),
                        Map.of("num", "1"),
                        List.of())))
                .build();
        // a race in a library's statistics, judged benign: it is listed, and fails nothing
        Race inLibrary = new Race(
                "org.library.Stats.hits",
                new Access("worker-0", "Stats.hit", "Stats.java:12", AccessKind.WRITE),
                new Access("worker-2", "Stats.hit", "Stats.java:12", AccessKind.READ));
        ExerciseResult bounded = ExerciseResult.builder(
                        "org.example.Pool", "work", "Pool.java", new Conditions(3, 1, 60_000, false, 1, 0, false))
                .outcome(Outcome.PASS)
                .wallMillis(300)
                .maxConcurrency(1)
                .suppressed(List.of(inLibrary))
                .rounds(List.of(new RoundResult(
                        1,
                        300,
                        1,
                        3,
                        List.of(
                                WorkerResult.ofThread("worker-0", 0, 0, 100, 0, 100, WorkerState.FINISHED, null, null),
                                WorkerResult.ofThread(
                                        "worker-1", 1, 0, 200, 100, 100, WorkerState.FINISHED, null, null),
                                WorkerResult.ofThread(
                                        "worker-2", 2, 0, 300, 200, 100, WorkerState.FINISHED, null, null)),
                        Map.of(),
                        List.of())))
                .build();
        ExerciseResult daemons = ExerciseResult.builder(
                        "org.example.Daemons",
                        "linger",
                        "Daemons.java",
                        new Conditions(2, 1, 60_000, true, 0, 0, false))
                .outcome(Outcome.PASS)
                .wallMillis(5)
                .maxConcurrency(2)
                .sharedState(Map.of("woke", "0"))
                .rounds(List.of(new RoundResult(
                        1,
                        5,
                        2,
                        0,
                        List.of(
                                WorkerResult.ofThread("worker-0", 0, 1, 5, 0, 4, WorkerState.ABANDONED, null, null),
                                WorkerResult.ofThread("worker-1", 1, 1, 5, 0, 4, WorkerState.ABANDONED, null, null)),
                        Map.of("woke", "0"),
                        List.of())))
                .build();
        ExerciseResult thrower = ExerciseResult.builder(
                        "org.example.Thrower",
                        "explode",
                        "Thrower.java",
                        new Conditions(1, 1, 60_000, false, 0, 0, false))
                .outcome(Outcome.FAIL)
                .wallMillis(1)
                .maxConcurrency(1)
                .errors(
                        List.of(
                                "worker-0 threw java.lang.IllegalStateException: <script>alert(1)</script>\n\tat org.example.Thrower.explode(Thrower.java:5)"))
                .build();
        return new RunReport(true, List.of(racy, bounded, registry(), daemons, thrower, crowd()));
    }

    /**
     * An expected race on an {@code ArrayList} through calls, and one inside a library's code under the project's
     * line 16, while the detector failed once on its own.
     */
    static ExerciseResult registry() {
        Race onTheList = new Race(
                "org.example.Registry.names",
                "java.util.ArrayList",
                new Access(
                        "worker-1", "Registry.register", "Registry.java:12", AccessKind.WRITE, "ArrayList.add", null),
                new Access("worker-0", "Registry.find", "Registry.java:20", AccessKind.READ, "ArrayList.get", null));
        Race inTheLibrary = new Race(
                "org.library.Tally.count",
                new Access("worker-1", "Tally.add", "Tally.java:271", AccessKind.WRITE, null, "Registry.java:16"),
                new Access("worker-3", "Tally.add", "Tally.java:270", AccessKind.READ, null, "Registry.java:16"));
        return ExerciseResult.builder(
                        "org.example.Registry",
                        "register",
                        "Registry.java",
                        new Conditions(2, 1, 60_000, false, 0, 0, true))
                .outcome(Outcome.PASS)
                .wallMillis(4)
                .maxConcurrency(2)
                .sharedState(Map.of("names", "[]"))
                .races(List.of(onTheList, inTheLibrary))
                .detectorErrors(List.of("The race detector failed (the program went on; races may be missed):"
                        + " java.lang.IllegalStateException: a broken hook\n\tat org.concurrencyharness.internal.race.Hooks"
                        + ".read(Hooks.java:10)"))
                .rounds(List.of(new RoundResult(
                        1,
                        4,
                        2,
                        2,
                        List.of(
                                WorkerResult.ofThread("worker-0", 0, 0, 4, 0, 4, WorkerState.FINISHED, null, null),
                                WorkerResult.ofThread("worker-1", 1, 0, 3, 0, 3, WorkerState.FINISHED, null, null)),
                        Map.of("names", "[]"),
                        List.of())))
                .build();
    }

    /** {@link #CROWD} threads, a third each started at 0, 5 and 10 ms, ended over the round's last 10 ms. */
    static ExerciseResult crowd() {
        List<WorkerResult> workers = new ArrayList<>();
        for (int i = 0; i < CROWD; i++) {
            double start = i % 3 * 5;
            double end = 90 + i % 10;
            workers.add(WorkerResult.ofThread(
                    "worker-" + i, i, start, end, 0, end - start, WorkerState.FINISHED, null, null));
        }
        return ExerciseResult.builder(
                        "org.example.Crowd",
                        "gather",
                        "Crowd.java",
                        new Conditions(CROWD, 1, 60_000, false, 0, 0, false))
                .outcome(Outcome.PASS)
                .wallMillis(100)
                .maxConcurrency(CROWD)
                .rounds(List.of(new RoundResult(1, 100, CROWD, CROWD, workers, Map.of(), List.of())))
                .build();
    }
}
