package org.concurrencyharness.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.AccessKind;
import org.concurrencyharness.internal.result.Conditions;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Json;
import org.concurrencyharness.internal.result.Outcome;
import org.concurrencyharness.internal.result.Prediction;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A predicted race in every report: a race like the others, which also says which critical sections to swap. */
class PredictedRaceReportsTest {

    private static final String PREDICTED_LINE = "predicted: worker-1's critical section at Mailbox.java:14"
            + " on synchronized (Object) can begin before worker-0's critical section at Mailbox.java:9 ends";

    private static final Race HIDDEN = new Race(
            "org.example.Mailbox.data",
            null,
            new Access("worker-0", "Mailbox.run", "Mailbox.java:7", AccessKind.WRITE),
            new Access("worker-1", "Mailbox.run", "Mailbox.java:16", AccessKind.READ),
            new Prediction(List.of(new Prediction.Reordering(
                    "synchronized (Object)",
                    new Prediction.CriticalSection("worker-0", "Mailbox.java:9"),
                    new Prediction.CriticalSection("worker-1", "Mailbox.java:14")))));

    @TempDir
    Path directory;

    private Path write() throws Exception {
        ExerciseResult mailbox = ExerciseResult.builder(
                        "org.example.Mailbox", "run", "Mailbox.java", new Conditions(2, 1, 60_000, false, 0, 0, false))
                .outcome(Outcome.FAIL)
                .wallMillis(100)
                .maxConcurrency(2)
                .races(List.of(HIDDEN))
                .build();
        Path reports = directory.resolve("reports");
        new ReportWriter(List.of()).write(new RunReport(true, List.of(mailbox)), reports, ReportFiles.WHOLE);
        return reports;
    }

    @Test
    void everyReportSaysTheRaceWasPredictedAndWhichSectionsAnotherScheduleSwaps() throws Exception {
        Path reports = write();

        NodeList paragraphs = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(reports.resolve("index.html").toFile())
                .getElementsByTagName("p");
        boolean shown = false;
        for (int i = 0; i < paragraphs.getLength(); i++) {
            Element paragraph = (Element) paragraphs.item(i);
            shown |= paragraph.getAttribute("class").equals("prediction")
                    && paragraph.getTextContent().equals(PREDICTED_LINE);
        }
        assertTrue(shown, "index.html shows the prediction");

        String failure = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(reports.resolve("TEST-org.example.Mailbox.xml").toFile())
                .getElementsByTagName("failure")
                .item(0)
                .getTextContent();
        assertTrue(failure.contains("  " + PREDICTED_LINE + "\n"), failure);

        List<String> console = ConsoleSummary.render(
                RunReport.fromJson(Json.parse(Files.readString(reports.resolve("report.json")))), false);
        assertTrue(console.contains("    " + PREDICTED_LINE), console.toString());

        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(reports.resolve("report.json")));
        Map<?, ?> race =
                (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) json.get("exercises")).get(0)).get("races")).get(0);
        assertEquals(
                Map.of(
                        "reordered",
                        List.of(Map.of(
                                "lock", "synchronized (Object)",
                                "ranFirst", Map.of("thread", "worker-0", "location", "Mailbox.java:9"),
                                "ranSecond", Map.of("thread", "worker-1", "location", "Mailbox.java:14")))),
                race.get("predicted"));
    }
}
