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
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.Outcome;
import org.concurrencyharness.internal.result.RoundResult;
import org.concurrencyharness.internal.result.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A lost update in every report: shaped like a race, with its three accesses, failing as a race does. */
class LostUpdateReportsTest {

    private static final String SOURCE = """
            package org.example;

            public class Tally {
                public void add() {
                    SharedMap counts = Shared.map("counts");
                    counts.put("n", counts.getLong("n") + 1);
                }
            }
            """;

    private static final LostUpdate LOST = new LostUpdate(
            "Shared.map(\"counts\")",
            "org.concurrencyharness.SharedMap",
            "\"n\"",
            access("process 1 (worker-1)", AccessKind.READ, "SharedMap.getLong"),
            access("process 2 (worker-2)", AccessKind.WRITE, "SharedMap.put"),
            access("process 1 (worker-1)", AccessKind.WRITE, "SharedMap.put"));

    @TempDir
    Path directory;

    private static Access access(String who, AccessKind kind, String call) {
        return new Access(who, "Tally.add", "Tally.java:6", kind, call, null);
    }

    private static ExerciseResult tally(boolean expected) {
        Conditions conditions = new Conditions(1, 1, 60_000, false, 0, 3, expected);
        return ExerciseResult.builder("org.example.Tally", "add", "Tally.java", conditions)
                .outcome(expected ? Outcome.PASS : Outcome.FAIL)
                .wallMillis(900)
                .maxConcurrency(3)
                .sharedState(Map.of("map counts", "{\"n\"=2}"))
                .rounds(List.of(new RoundResult(1, 900, 3, 3, List.of(), Map.of(), List.of())))
                .lostUpdates(List.of(LOST))
                .build();
    }

    private Path write(ExerciseResult exercise) throws Exception {
        Path sources = directory.resolve("src");
        Files.createDirectories(sources.resolve("org/example"));
        Files.writeString(sources.resolve("org/example/Tally.java"), SOURCE);
        Path reports = directory.resolve("reports");
        new ReportWriter(List.of(sources)).write(new RunReport(true, List.of(exercise)), reports, ReportFiles.WHOLE);
        return reports;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void reportJsonListsItWithItsKeyAndItsThreeAccessesInOrder() throws Exception {
        Map<?, ?> json =
                (Map<?, ?>) Json.parse(Files.readString(write(tally(false)).resolve("report.json")));
        assertEquals(1L, ((Map<?, ?>) json.get("summary")).get("lostUpdates"));
        assertEquals(0L, ((Map<?, ?>) json.get("summary")).get("races"), "a lost update is not a data race");
        Map<?, ?> exercise = (Map<?, ?>) ((List<?>) json.get("exercises")).get(0);
        Map<?, ?> lost = (Map<?, ?>) ((List<?>) exercise.get("lostUpdates")).get(0);
        assertEquals("Shared.map(\"counts\")", lost.get("field"));
        assertEquals("org.concurrencyharness.SharedMap", lost.get("object"));
        assertEquals("\"n\"", lost.get("key"));
        List<?> accesses = (List<?>) lost.get("accesses");
        assertEquals(
                List.of("read", "write", "write"),
                accesses.stream().map(a -> ((Map<?, ?>) a).get("kind")).toList());
        assertEquals(
                Map.of(
                        "thread",
                        "process 2 (worker-2)",
                        "method",
                        "Tally.add",
                        "location",
                        "Tally.java:6",
                        "kind",
                        "write",
                        "call",
                        "SharedMap.put"),
                accesses.get(1));
        assertEquals(tally(false), ExerciseResult.fromJson(exercise), "and reads back as it was");
    }

    @Test
    void theConsoleShowsItAfterTheRacesAndCountsIt() {
        List<String> lines = ConsoleSummary.render(new RunReport(true, List.of(tally(false))), false);
        assertTrue(lines.get(1).matches("Tally#add +3 processes +FAIL +900 +3 +0 \\+ 1 lost update"), lines.get(1));
        assertEquals("1 exercises: 0 passed, 1 failed, 0 races, 1 lost update", lines.get(2));
        int at = lines.indexOf("  lost update of Shared.map(\"counts\")[\"n\"]");
        assertTrue(at > 0, lines.toString());
        assertEquals(
                "    read by process 1 (worker-1) in Tally.add at Tally.java:6 (SharedMap.getLong)", lines.get(at + 1));
        assertEquals(
                "    then written by process 2 (worker-2) in Tally.add at Tally.java:6 (SharedMap.put)",
                lines.get(at + 2));
        assertTrue(lines.get(at + 3).startsWith("    then written by process 1 (worker-1)"), lines.get(at + 3));
        assertTrue(ConsoleSummary.render(new RunReport(true, List.of(tally(true))), false)
                .contains("  lost update of Shared.map(\"counts\")[\"n\"] (expected)"));
    }

    @Test
    void theHtmlPageHasASectionWithEachAccessAndItsLine() throws Exception {
        Document page = parse(write(tally(false)).resolve("index.html"));
        assertEquals("1 lost update", byId(page, "lost-updates"));
        Element lost = null;
        NodeList divs = page.getElementsByTagName("div");
        for (int i = 0; i < divs.getLength(); i++) {
            if (((Element) divs.item(i)).getAttribute("class").equals("race lost-update")) {
                lost = (Element) divs.item(i);
            }
        }
        assertTrue(lost != null, "no lost update on the page");
        String text = lost.getTextContent();
        assertTrue(text.startsWith("Shared.map(\"counts\")[\"n\"]"), text);
        assertTrue(
                text.contains("then written by process 2 (worker-2) in Tally.add at Tally.java:6 (SharedMap.put)"),
                text);
        assertEquals(3, lost.getElementsByTagName("pre").getLength(), "each access with its source");
        assertTrue(lost.getElementsByTagName("pre")
                .item(0)
                .getTextContent()
                .contains("counts.put(\"n\", counts.getLong(\"n\") + 1);"));
    }

    @Test
    void theJUnitXmlFailsTheTestUnlessItIsExpected() throws Exception {
        Document failed = parse(write(tally(false)).resolve("TEST-org.example.Tally.xml"));
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertEquals("1 lost update, the first of Shared.map(\"counts\")[\"n\"]", failure.getAttribute("message"));
        assertTrue(
                failure.getTextContent().contains("lost update of Shared.map(\"counts\")[\"n\"]\n  read by process 1"),
                failure.getTextContent());

        Document expected = parse(write(tally(true)).resolve("TEST-org.example.Tally.xml"));
        assertEquals(0, expected.getElementsByTagName("failure").getLength());
        assertTrue(expected.getElementsByTagName("system-out")
                .item(0)
                .getTextContent()
                .contains("lost update of Shared.map(\"counts\")[\"n\"]"));
    }

    private static String byId(Document page, String id) {
        NodeList elements = page.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (id.equals(element.getAttribute("id"))) {
                return element.getTextContent();
            }
        }
        return null;
    }
}
