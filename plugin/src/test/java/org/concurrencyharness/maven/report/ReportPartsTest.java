package org.concurrencyharness.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Json;
import org.concurrencyharness.internal.result.RunReport;
import org.concurrencyharness.internal.shard.Shard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPartsTest {

    @TempDir
    Path directory;

    /** Part {@code index} of {@code count} of the sample run's six exercises: every {@code count}-th of them. */
    private static RunReport part(int index, int count) {
        List<ExerciseResult> all = SampleReports.run().exercises();
        List<ExerciseResult> mine = new ArrayList<>();
        for (int i = index - 1; i < all.size(); i += count) {
            mine.add(all.get(i));
        }
        return new RunReport(true, mine, List.of(new Shard(index, count)));
    }

    private void write(RunReport part) throws IOException {
        new ReportWriter(List.of())
                .write(part, directory, ReportFiles.of(part.shards().get(0)));
    }

    @Test
    void aPartsFilesAreNamedForItSoThatPartsCopyIntoOneDirectory() throws IOException {
        write(part(2, 3));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(
                    List.of(
                            "TEST-org.example.Pool-2-of-3.xml",
                            "TEST-org.example.Thrower-2-of-3.xml",
                            "index-2-of-3.html",
                            "report-2-of-3.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        String html = Files.readString(directory.resolve("index-2-of-3.html"));
        assertTrue(
                html.contains("Holds part 2 of 3 of a sharded run (concurrency.shard); parts 1 and 3 are missing,"
                        + " and their exercises are not in this report."),
                "the part says it is one");
    }

    @Test
    void everyPartMergesIntoOneReportOfEveryExerciseOnce() throws IOException {
        write(part(1, 2));
        write(part(2, 2));
        RunReport merged = ReportParts.merge(directory);

        List<String> all = SampleReports.run().exercises().stream()
                .map(ExerciseResult::displayName)
                .sorted()
                .toList();
        assertEquals(
                all,
                merged.exercises().stream()
                        .map(ExerciseResult::displayName)
                        .sorted()
                        .toList());
        assertEquals(
                List.of(
                        "Counter#increment",
                        "Crowd#gather",
                        "Daemons#linger",
                        "Pool#work",
                        "Registry#register",
                        "Thrower#explode"),
                merged.exercises().stream().map(ExerciseResult::displayName).toList(),
                "by class, then method, whatever part each came from");
        assertEquals(List.of(new Shard(1, 2), new Shard(2, 2)), merged.shards());
        assertEquals(List.of(), merged.missingShards());
        assertEquals(SampleReports.run().failed(), merged.failed());
        assertEquals(SampleReports.run().races(), merged.races());

        new ReportWriter(List.of()).writeMerged(merged, directory);
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(directory.resolve("report.json")));
        assertEquals(6L, ((Map<?, ?>) json.get("summary")).get("exercises"));
        assertEquals(List.of("1/2", "2/2"), json.get("shards"));
        assertEquals(List.of(), json.get("missingShards"));
        String html = Files.readString(directory.resolve("index.html"));
        assertTrue(html.contains("Holds all 2 parts of a sharded run (concurrency.shard): every exercise."), html);
        for (String exercise : all) {
            assertTrue(html.contains(">" + exercise + "</a></td>"), exercise + " has a row in the summary table");
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(
                    List.of(),
                    files.map(f -> f.getFileName().toString())
                            .filter(name -> name.startsWith("TEST-") && !name.matches(".*-\\d-of-2\\.xml"))
                            .toList(),
                    "the parts' JUnit XML stands; a merged copy would count every exercise twice");
        }
    }

    @Test
    void aMissingPartIsNamedSoThatTheMergeNeverReadsAsTheWhole() throws IOException {
        write(part(1, 3));
        write(part(3, 3));
        RunReport merged = ReportParts.merge(directory);
        assertEquals(List.of(new Shard(2, 3)), merged.missingShards());
        assertEquals(
                Optional.of("Holds parts 1 and 3 of 3 of a sharded run (concurrency.shard); part 2 is missing, and"
                        + " its exercises are not in this report. To see every exercise, copy each part's reports into one"
                        + " directory and run mvn concurrency:report-aggregate there."),
                ShardNotice.of(merged));
        assertTrue(ConsoleSummary.render(merged, false)
                .contains(ShardNotice.of(merged).orElseThrow()));
        assertEquals(Optional.empty(), ShardNotice.of(SampleReports.run()), "an unsharded run is every exercise");
    }

    @Test
    void onePartWithoutTheDetectorMakesTheWholeSaySo() throws IOException {
        write(part(1, 2));
        RunReport second = part(2, 2);
        write(new RunReport(false, second.exercises(), second.shards()));
        assertFalse(ReportParts.merge(directory).detectRaces());
    }

    @Test
    void nothingToMergeOrPartsOfDifferentRunsAreRefusedWithWhatToDo() throws IOException {
        Files.writeString(directory.resolve("report.json"), "{}");
        ReportPartsException none = assertThrows(ReportPartsException.class, () -> ReportParts.merge(directory));
        assertTrue(
                none.getMessage()
                        .startsWith("No report-K-of-N.json in " + directory + ": run each part with"
                                + " -Dconcurrency.shard=K/N"),
                none.getMessage());

        write(part(1, 2));
        write(part(1, 3));
        ReportPartsException mixed = assertThrows(ReportPartsException.class, () -> ReportParts.merge(directory));
        assertTrue(
                mixed.getMessage().contains("are of different shardings (report-1-of-2.json, report-1-of-3.json)"),
                mixed.getMessage());

        Files.delete(directory.resolve("report-1-of-3.json"));
        RunReport sameExercises = part(1, 2);
        new ReportWriter(List.of())
                .write(
                        new RunReport(true, sameExercises.exercises(), List.of(new Shard(2, 2))),
                        directory,
                        ReportFiles.of(new Shard(2, 2)));
        ReportPartsException twice = assertThrows(ReportPartsException.class, () -> ReportParts.merge(directory));
        assertTrue(
                twice.getMessage()
                        .startsWith("org.example.Counter#increment is in both report-1-of-2.json and"
                                + " report-2-of-2.json: the parts ran different code"),
                twice.getMessage());
    }

    @Test
    void onlyAPartsReportIsTakenForOne() {
        assertEquals(Optional.of(new Shard(2, 3)), ReportFiles.partOf("report-2-of-3.json"));
        for (String other : List.of(
                "report.json",
                "report-0-of-2.json",
                "report-3-of-2.json",
                "report-1-of-2.json.bak",
                "old-report-1-of-2.json",
                "index-1-of-2.html")) {
            assertEquals(Optional.empty(), ReportFiles.partOf(other), other);
        }
        assertEquals("TEST-a.B-1-of-2.xml", ReportFiles.of(new Shard(1, 2)).junitXml("a.B"));
        assertEquals("TEST-a.B.xml", ReportFiles.WHOLE.junitXml("a.B"));
    }
}
