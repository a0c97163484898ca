package org.concurrencyharness.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.concurrencyharness.internal.result.Json;
import org.concurrencyharness.internal.result.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class ReportWriterTest {

    @TempDir
    Path directory;

    private Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private Path write() throws Exception {
        Path sources = SampleReports.writeSources(directory.resolve("src"));
        Path reports = directory.resolve("reports");
        new ReportWriter(List.of(sources)).write(SampleReports.run(), reports, ReportFiles.WHOLE);
        return reports;
    }

    @Test
    void theHtmlPageHoldsEveryExerciseAsWellFormedMarkup() throws Exception {
        Document page = parse(write().resolve("index.html"));
        NodeList sections = page.getElementsByTagName("section");
        assertEquals(6, sections.getLength());
        assertEquals("6 exercises", byId(page, "exercises"));
        String text = page.getDocumentElement().getTextContent();
        assertTrue(text.contains("<script>alert(1)</script>"), "the exception's text is there, as text");
        assertEquals(0, page.getElementsByTagName("script").getLength(), "and nothing of it runs");
    }

    @Test
    void aRunWithoutTheDetectorSaysSoAtTheTopOfThePage() throws Exception {
        Document on = parse(write().resolve("index.html"));
        assertEquals(null, byId(on, "detector-off"), "no notice while the detector is on");

        RunReport withoutDetector = new RunReport(false, SampleReports.run().exercises());
        Path reports = directory.resolve("off");
        new ReportWriter(List.of()).write(withoutDetector, reports, ReportFiles.WHOLE);
        Document off = parse(reports.resolve("index.html"));
        String notice = byId(off, "detector-off");
        assertTrue(notice.startsWith("Race detection was off"), notice);
        assertTrue(notice.contains("no data race was looked for"), notice);
    }

    @Test
    void theTimelinesBarsMatchTheReportedTimes() throws Exception {
        Document page = parse(write().resolve("index.html"));
        List<Element> bars = elements(page, "rect").stream()
                .filter(bar ->
                        ((Element) bar.getParentNode()).getAttribute("class").equals("timeline"))
                .toList();
        // racy: 2 run bars; pool: 3 run + 2 wait bars; registry: 2 run bars; daemons: 2 abandoned bars; the crowd's
        assertEquals(11 + SampleReports.CROWD, bars.size());
        int waits = 0;
        int abandoned = 0;
        for (Element bar : bars) {
            Element svg = (Element) bar.getParentNode();
            double span = Double.parseDouble(svg.getAttribute("data-span-ms"));
            double start = Double.parseDouble(bar.getAttribute("data-start-ms"));
            double end = Double.parseDouble(bar.getAttribute("data-end-ms"));
            double x = Double.parseDouble(bar.getAttribute("x"));
            double width = Double.parseDouble(bar.getAttribute("width"));
            assertEquals(TimelineSvg.x(start, span), x, 0.06, "bar starts at its start time");
            assertEquals(Math.max(0.5, TimelineSvg.x(end, span) - TimelineSvg.x(start, span)), width, 0.11);
            waits += bar.getAttribute("class").equals("wait") ? 1 : 0;
            abandoned += bar.getAttribute("class").equals("abandoned") ? 1 : 0;
        }
        assertEquals(2, waits);
        assertEquals(2, abandoned);
    }

    @Test
    void aRaceShowsBothAccessesWithTheRacingLineHighlighted() throws Exception {
        Element counter = section(parse(write().resolve("index.html")), "org.example.Counter.increment");
        List<Element> highlighted = elements(counter, "span").stream()
                .filter(span -> span.getAttribute("class").equals("hl"))
                .toList();
        assertEquals(2, highlighted.size(), "one excerpt for each access");
        for (Element line : highlighted) {
            assertEquals("   7          num += 1;", line.getTextContent());
        }
    }

    @Test
    void theSummaryTableListsEveryExerciseFailuresFirstThenRacesThenTheRestEachLinkingToItsSection() throws Exception {
        Document page = parse(write().resolve("index.html"));
        Element table = byIdElement(page, "summary");
        List<Element> rows = elements(table, "tbody").stream()
                .flatMap(body -> elements(body, "tr").stream())
                .toList();
        assertEquals(
                List.of(
                        "Counter#increment",
                        "Thrower#explode",
                        "Registry#register",
                        "Pool#work",
                        "Daemons#linger",
                        "Crowd#gather"),
                rows.stream()
                        .map(row -> elements(row, "a").get(0).getTextContent())
                        .toList(),
                "failed, then raced, each in the order they ran; then the rest in that order");
        List<String> sectionIds = elements(page, "section").stream()
                .map(s -> s.getAttribute("id"))
                .toList();
        assertEquals(
                rows.stream()
                        .map(row ->
                                elements(row, "a").get(0).getAttribute("href").substring(1))
                        .toList(),
                sectionIds,
                "each row links to its section, and the sections follow the table's order");
        assertEquals(List.of("Counter#increment", "FAIL", "2 threads", "20", "2", "1", "0"), cells(rows.get(0)));
        assertEquals(
                List.of("Registry#register", "PASS", "2 threads, race expected", "4", "2", "2", "0"),
                cells(rows.get(2)));
        assertEquals(List.of("Pool#work", "PASS", "3 threads, semaphore(1)", "300", "1", "0", "1"), cells(rows.get(3)));
        assertEquals(
                List.of("exercise", "outcome", "conditions", "wall ms", "max concurrency", "races", "suppressed"),
                elements(table, "th").stream().map(Element::getTextContent).toList());
    }

    @Test
    void aRoundOfManyWorkersShowsItsStartsAndEndsOnOneLineWithItsTimelineFoldedBeneath() throws Exception {
        Document page = parse(write().resolve("index.html"));
        Element crowd = section(page, "org.example.Crowd.gather");
        List<Element> folds = elements(crowd, "details").stream()
                .filter(d -> d.getAttribute("class").equals("timeline-fold"))
                .toList();
        assertEquals(1, folds.size());
        Element fold = folds.get(0);
        assertFalse(fold.hasAttribute("open"), "folded until opened");
        Element summary = elements(fold, "summary").get(0);
        assertTrue(
                summary.getTextContent()
                        .startsWith(
                                SampleReports.CROWD + " workers: started 0.0\u201310.0 ms, ended 90.0\u201399.0 ms"),
                summary.getTextContent());
        Element histogram = elements(summary, "svg").get(0);
        assertEquals("histogram", histogram.getAttribute("class"));
        assertEquals(
                Map.of(0.0, 10, 5.0, 10, 10.0, 10),
                counts(histogram, "start"),
                "ten workers started at each of 0, 5 and 10 ms, each in the bin that starts there");
        Map<Double, Integer> ends = counts(histogram, "end");
        assertEquals(
                SampleReports.CROWD,
                ends.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(ends.keySet().stream().allMatch(from -> from >= 89 && from < 100), ends.toString());
        assertEquals(
                SampleReports.CROWD,
                elements(fold, "rect").stream()
                        .filter(bar -> ((Element) bar.getParentNode())
                                .getAttribute("class")
                                .equals("timeline"))
                        .count(),
                "the whole timeline is beneath the fold");

        Element counter = section(page, "org.example.Counter.increment");
        assertTrue(
                elements(counter, "details").stream()
                        .noneMatch(d -> d.getAttribute("class").equals("timeline-fold")),
                "a short timeline is drawn unfolded");
        assertEquals(
                0,
                elements(counter, "svg").stream()
                        .filter(s -> s.getAttribute("class").equals("histogram"))
                        .count());
    }

    @Test
    void aRaceOnAJdkObjectNamesItsClassAndTheCallsInEveryReport() throws Exception {
        Path reports = write();
        Element registry = section(parse(reports.resolve("index.html")), "org.example.Registry.register");
        Element race = elements(registry, "div").stream()
                .filter(d -> d.getAttribute("class").equals("race"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                race.getTextContent().startsWith("org.example.Registry.names (java.util.ArrayList)"),
                race.getTextContent());
        assertTrue(
                race.getTextContent()
                        .contains("ArrayList.add write by worker-1 in Registry.register at Registry.java:12"),
                race.getTextContent());
        assertTrue(
                race.getTextContent().contains("ArrayList.get read by worker-0 in Registry.find at Registry.java:20"),
                race.getTextContent());
        List<String> excerpts = elements(race, "span").stream()
                .filter(s -> s.getAttribute("class").equals("hl"))
                .map(Element::getTextContent)
                .toList();
        assertEquals(
                List.of("  12          names.add(\"worker-\" + index);", "  20          return names.get(index);"),
                excerpts);

        String junit = Files.readString(reports.resolve("TEST-org.example.Registry.xml"));
        assertTrue(
                junit.contains("race on org.example.Registry.names (java.util.ArrayList)\n"
                        + "  ArrayList.add write by worker-1 in Registry.register at Registry.java:12\n"
                        + "  ArrayList.get read by worker-0 in Registry.find at Registry.java:20\n"),
                junit);

        List<String> console = ConsoleSummary.render(SampleReports.run(), false);
        int listed = console.indexOf("  race on org.example.Registry.names (java.util.ArrayList) (expected)");
        assertTrue(listed > 0, console.toString());
        assertEquals(
                "    ArrayList.add write by worker-1 in Registry.register at Registry.java:12",
                console.get(listed + 1));
        assertEquals(
                "    ArrayList.get read by worker-0 in Registry.find at Registry.java:20", console.get(listed + 2));
    }

    @Test
    void aRaceInALibrarysCodeShowsTheProjectsLineItWasMadeUnderInEveryReport() throws Exception {
        Path reports = write();
        Element registry = section(parse(reports.resolve("index.html")), "org.example.Registry.register");
        Element race = elements(registry, "div").stream()
                .filter(d -> d.getAttribute("class").equals("race"))
                .filter(d -> d.getTextContent().startsWith("org.library.Tally.count"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                race.getTextContent()
                        .contains("write by worker-1 in Tally.add at Tally.java:271 (under Registry.java:16)"),
                race.getTextContent());
        List<String> excerpts = elements(race, "span").stream()
                .filter(s -> s.getAttribute("class").equals("hl"))
                .map(Element::getTextContent)
                .toList();
        assertEquals(
                List.of("  16          tally.add(index);", "  16          tally.add(index);"),
                excerpts,
                "the library's source is not at hand; the project's line each access was made under is");

        assertTrue(Files.readString(reports.resolve("TEST-org.example.Registry.xml"))
                .contains("  read by worker-3 in Tally.add at Tally.java:270 (under Registry.java:16)\n"));
        assertTrue(ConsoleSummary.render(SampleReports.run(), false)
                .contains("    write by worker-1 in Tally.add at Tally.java:271 (under Registry.java:16)"));
    }

    @Test
    void theDetectorsOwnFailuresAreShownInEveryReportAndFailNothing() throws Exception {
        Path reports = write();
        String failure = "The race detector failed (the program went on; races may be missed):"
                + " java.lang.IllegalStateException: a broken hook";

        Element registry = section(parse(reports.resolve("index.html")), "org.example.Registry.register");
        assertTrue(registry.getTextContent().contains("Race detector errors"));
        Element error = elements(registry, "details").stream()
                .filter(d -> d.getAttribute("class").equals("detector-error"))
                .findFirst()
                .orElseThrow();
        assertEquals(failure, elements(error, "summary").get(0).getTextContent());
        assertTrue(elements(error, "pre")
                .get(0)
                .getTextContent()
                .contains("at org.concurrencyharness.internal.race.Hooks"));

        Document junit = parse(reports.resolve("TEST-org.example.Registry.xml"));
        assertEquals("0", junit.getDocumentElement().getAttribute("failures"));
        assertTrue(junit.getElementsByTagName("system-err")
                .item(0)
                .getTextContent()
                .startsWith(failure));

        List<String> console = ConsoleSummary.render(SampleReports.run(), false);
        int listed = console.indexOf("  detector error: " + failure);
        assertTrue(listed > 0, console.toString());
        assertEquals("    at org.concurrencyharness.internal.race.Hooks.read(Hooks.java:10)", console.get(listed + 1));

        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(reports.resolve("report.json")));
        Map<?, ?> inJson = (Map<?, ?>) ((List<?>) json.get("exercises")).get(2);
        assertEquals("register", inJson.get("method"));
        assertTrue(((List<?>) inJson.get("detectorErrors")).get(0).toString().startsWith(failure));
    }

    @Test
    void theJUnitXmlHasOneTestPerExerciseAndFailuresForRacesAndErrors() throws Exception {
        Path reports = write();
        Document counter = parse(reports.resolve("TEST-org.example.Counter.xml"));
        Element suite = counter.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("1", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        Element failure = (Element) counter.getElementsByTagName("failure").item(0);
        assertEquals("1 data race(s), the first on org.example.Counter.num", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("write by worker-3 in Counter.increment at Counter.java:7"));
        Document pool = parse(reports.resolve("TEST-org.example.Pool.xml"));
        assertEquals("0", pool.getDocumentElement().getAttribute("failures"));
        assertEquals(0, pool.getElementsByTagName("failure").getLength());
        assertEquals(
                6,
                Files.list(reports)
                        .filter(f -> f.getFileName().toString().startsWith("TEST-"))
                        .count());
    }

    @Test
    void theConsoleSummaryIsATableThenTheDetails() {
        List<String> lines = ConsoleSummary.render(SampleReports.run(), false);
        assertTrue(lines.get(0).startsWith("exercise"));
        assertTrue(lines.get(1).matches("Counter#increment +2 threads +FAIL +20 +2 +1"), lines.get(1));
        assertTrue(
                lines.get(2).matches("Pool#work +3 threads, semaphore\\(1\\) +PASS +300 +1 +1 \\(1 suppressed\\)"),
                lines.get(2));
        assertEquals("6 exercises: 4 passed, 2 failed, 4 races (1 suppressed)", lines.get(7));
        assertTrue(lines.contains("    write by worker-3 in Counter.increment at Counter.java:7"));
        assertFalse(String.join("\n", lines).contains("\u001b["), "no colour unless asked");
        assertTrue(String.join("\n", ConsoleSummary.render(SampleReports.run(), true))
                .contains("\u001b[31m"));
    }

    @Test
    void aSuppressedRaceIsListedAsSuchInEveryReportAndFailsNothing() throws Exception {
        Path reports = write();

        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(reports.resolve("report.json")));
        assertEquals(1L, ((Map<?, ?>) json.get("summary")).get("suppressed"));
        assertEquals(3L, ((Map<?, ?>) json.get("summary")).get("races"), "a suppressed race is not among the races");
        Map<?, ?> pool = (Map<?, ?>) ((List<?>) json.get("exercises")).get(1);
        assertEquals("PASS", pool.get("outcome"));
        assertEquals(List.of(), pool.get("races"));
        assertEquals("org.library.Stats.hits", ((Map<?, ?>) ((List<?>) pool.get("suppressed")).get(0)).get("field"));

        Document page = parse(reports.resolve("index.html"));
        assertEquals("4 races (1 suppressed)", byId(page, "races"));
        Element suppressed = byClass(page, "div", "race suppressed");
        assertTrue(
                suppressed.getTextContent().startsWith("suppressed org.library.Stats.hits"),
                suppressed.getTextContent());
        assertTrue(suppressed.getTextContent().contains("write by worker-0 in Stats.hit at Stats.java:12"));
        Element section = (Element) suppressed.getParentNode();
        assertEquals("org.example.Pool.work", section.getAttribute("id"));
        assertTrue(section.getTextContent().contains("Suppressed races"));

        Document junit = parse(reports.resolve("TEST-org.example.Pool.xml"));
        assertEquals("0", junit.getDocumentElement().getAttribute("failures"));
        assertEquals(0, junit.getElementsByTagName("failure").getLength());
        assertTrue(
                junit.getElementsByTagName("system-out")
                        .item(0)
                        .getTextContent()
                        .contains(
                                "suppressed race on org.library.Stats.hits\n  write by worker-0 in Stats.hit at Stats.java:12\n"));

        List<String> console = ConsoleSummary.render(SampleReports.run(), false);
        int listed = console.indexOf("  suppressed race on org.library.Stats.hits");
        assertTrue(listed > 0, console.toString());
        assertEquals("Pool#work:", console.get(listed - 1));
        assertEquals("    read by worker-2 in Stats.hit at Stats.java:12", console.get(listed + 2));
    }

    private static List<Element> elements(Node root, String tag) {
        NodeList nodes = root instanceof Document document
                ? document.getElementsByTagName(tag)
                : ((Element) root).getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element section(Document page, String id) {
        return elements(page, "section").stream()
                .filter(s -> s.getAttribute("id").equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no section " + id));
    }

    private static List<String> cells(Element row) {
        return elements(row, "td").stream().map(Element::getTextContent).toList();
    }

    /** A histogram row's bars: where each bin starts, in ms, to how many workers it counts. */
    private static Map<Double, Integer> counts(Element histogram, String kind) {
        Map<Double, Integer> out = new TreeMap<>();
        for (Element bar : elements(histogram, "rect")) {
            if (bar.getAttribute("class").equals(kind)) {
                out.put(
                        Double.parseDouble(bar.getAttribute("data-from-ms")),
                        Integer.parseInt(bar.getAttribute("data-count")));
            }
        }
        return out;
    }

    private static Element byIdElement(Document page, String id) {
        return elements(page, "*").stream()
                .filter(e -> id.equals(e.getAttribute("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no element " + id));
    }

    private static Element byClass(Document page, String tag, String cssClass) {
        NodeList elements = page.getElementsByTagName(tag);
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (cssClass.equals(element.getAttribute("class"))) {
                return element;
            }
        }
        throw new AssertionError("no " + tag + " of class " + cssClass);
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
