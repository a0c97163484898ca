package org.concurrencyharness.maven.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.AccessKind;
import org.concurrencyharness.internal.result.Conditions;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Hint;
import org.concurrencyharness.internal.result.Outcome;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.RunReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A labelled set of snippets: each method is an exercise, named for whether a hint is expected. */
class SourceInsightTest {

    private static final String SNIPPETS = """
            package demo;

            import java.util.Map;
            import java.util.HashMap;
            import java.util.concurrent.atomic.AtomicInteger;
            import java.util.concurrent.locks.ReentrantLock;

            public class Snippets {
                private int count;
                private static int total;
                private long sum;
                private Object cache;
                private final Map<String, Integer> map = new HashMap<>();
                private final AtomicInteger atomic = new AtomicInteger();
                private final ReentrantLock lock = new ReentrantLock();
                private final int limit = 3;
                private int value;

                public void hintPostIncrement() { count++; }
                public void hintPreDecrement() { --count; }
                public void hintCompoundAssign() { count += 1; }
                public void hintStaticCompound() { total *= 2; }
                public void hintThisField() { this.sum += 5; }
                public void hintReadThenWrite() { count = count + 1; }
                public void hintCheckThenAct() { if (cache == null) { cache = new Object(); } }
                public void hintContainsThenPut() { if (!map.containsKey("k")) { map.put("k", 1); } }
                public void hintAccessors() { setValue(getValue() + 1); }
                public void hintThroughCall() { helper(); }
                private void helper() { sum++; }

                public synchronized void noHintSynchronizedMethod() { count++; }
                public void noHintSynchronizedBlock() { synchronized (this) { count++; } }
                public void noHintLockedTryFinally() { lock.lock(); try { count++; } finally { lock.unlock(); } }
                public void noHintLocal() { int count = 0; count++; }
                public void noHintParameter(int count) { count += 2; }
                public void noHintAtomic() { atomic.incrementAndGet(); }
                public void noHintPlainWrite() { count = 5; }
                public void noHintReadOnly() { int copy = count + limit; }
                public void noHintSynchronizedHelper() { lockedHelper(); }
                private synchronized void lockedHelper() { sum++; }
                public void noHintLoopCounter() { for (int i = 0; i < 10; i++) { } }

                int getValue() { return value; }
                void setValue(int v) { value = v; }
            }
            """;

    private static SourceInsight insight;

    @BeforeAll
    static void parse(@TempDir Path root) throws Exception {
        Path dir = root.resolve("demo");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Snippets.java"), SNIPPETS);
        Files.writeString(dir.resolve("Broken.java"), "class Broken { void m( { }");
        insight = new SourceInsight(List.of(root));
    }

    @Test
    void everyLabelledSnippetIsFlaggedOrNotAsItsNameSays() {
        List<String> methods = SNIPPETS.lines()
                .map(String::strip)
                .filter(l -> l.startsWith("public ") && (l.contains(" hint") || l.contains(" noHint")))
                .map(l -> l.substring(l.indexOf(l.contains(" hint") ? "hint" : "noHint"), l.indexOf('(')))
                .toList();
        assertEquals(20, methods.size());
        for (String method : methods) {
            List<Hint> hints = insight.hintsFor("demo.Snippets", method);
            assertEquals(method.startsWith("hint"), !hints.isEmpty(), method + ": " + hints);
        }
    }

    @Test
    void aHintNamesTheFieldTheLineTheCodeAndWhy() {
        Hint hint = insight.hintsFor("demo.Snippets", "hintPostIncrement").get(0);
        assertEquals("demo.Snippets.count", hint.field());
        assertEquals("Snippets.java:19", hint.location());
        assertEquals("count++", hint.code());
        assertTrue(hint.reason().startsWith("read-modify-write"));
        assertEquals(
                "demo.Snippets.cache",
                insight.hintsFor("demo.Snippets", "hintCheckThenAct").get(0).field());
        assertEquals(
                "demo.Snippets.sum",
                insight.hintsFor("demo.Snippets", "hintThroughCall").get(0).field());
        assertEquals(
                "demo.Snippets.value",
                insight.hintsFor("demo.Snippets", "hintAccessors").get(0).field());
    }

    @Test
    void anUnparsableSourceIsSkippedAndSaidSo() {
        assertEquals(1, insight.skipped().size());
        assertTrue(insight.skipped().get(0).contains("Broken.java"));
    }

    @Test
    void aHintIsConfirmedWhenTheDetectorFoundARaceOnItsField() {
        Access write = new Access("worker-0", "Snippets.hintPostIncrement", "Snippets.java:19", AccessKind.WRITE);
        Race race = new Race("demo.Snippets.count", write, write);
        ExerciseResult raced = exercise("hintPostIncrement", List.of(race));
        ExerciseResult clean = exercise("hintThroughCall", List.of());
        RunReport annotated = insight.annotate(new RunReport(true, List.of(raced, clean)));
        Map<String, List<Hint>> hints = annotated.exercises().stream()
                .collect(Collectors.toMap(ExerciseResult::methodName, ExerciseResult::hints));
        assertTrue(hints.get("hintPostIncrement").get(0).confirmed());
        assertEquals(false, hints.get("hintThroughCall").get(0).confirmed());
    }

    private static ExerciseResult exercise(String method, List<Race> races) {
        return ExerciseResult.builder(
                        "demo.Snippets", method, "Snippets.java", new Conditions(2, 1, 1000, false, 0, 0, false))
                .outcome(Outcome.PASS)
                .wallMillis(1)
                .maxConcurrency(1)
                .races(races)
                .build();
    }
}
