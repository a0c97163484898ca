package org.concurrencyharness.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
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
        new ReportWriter(List.of(sources)).write(SampleReports.run(), reports);
        return reports;
    }

    @Test
    void theHtmlPageHoldsEveryExerciseAsWellFormedMarkup() throws Exception {
        Document page = parse(write().resolve("index.html"));
        NodeList sections = page.getElementsByTagName("section");
        assertEquals(4, sections.getLength());
        assertEquals("4 exercises", byId(page, "exercises"));
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
        new ReportWriter(List.of()).write(withoutDetector, reports);
        Document off = parse(reports.resolve("index.html"));
        String notice = byId(off, "detector-off");
        assertTrue(notice.startsWith("Race detection was off"), notice);
        assertTrue(notice.contains("no data race was looked for"), notice);
    }

    @Test
    void theTimelinesBarsMatchTheReportedTimes() throws Exception {
        Document page = parse(write().resolve("index.html"));
        NodeList bars = page.getElementsByTagName("rect");
        // racy: 2 run bars; pool: 3 run + 2 wait bars; daemons: 2 abandoned bars
        assertEquals(9, bars.getLength());
        int waits = 0;
        int abandoned = 0;
        for (int i = 0; i < bars.getLength(); i++) {
            Element bar = (Element) bars.item(i);
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
        Document page = parse(write().resolve("index.html"));
        NodeList highlighted = page.getElementsByTagName("span");
        int found = 0;
        for (int i = 0; i < highlighted.getLength(); i++) {
            Element span = (Element) highlighted.item(i);
            if (span.getAttribute("class").equals("hl")) {
                assertEquals("   7          num += 1;", span.getTextContent());
                found++;
            }
        }
        assertEquals(2, found, "one excerpt for each access");
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
        assertEquals(4, Files.list(reports).filter(f -> f.getFileName().toString().startsWith("TEST-")).count());
    }

    @Test
    void theConsoleSummaryIsATableThenTheDetails() {
        List<String> lines = ConsoleSummary.render(SampleReports.run(), false);
        assertTrue(lines.get(0).startsWith("exercise"));
        assertTrue(lines.get(1).matches("Counter#increment +2 threads +FAIL +20 +2 +1"), lines.get(1));
        assertTrue(lines.get(2).matches("Pool#work +3 threads, semaphore\\(1\\) +PASS +300 +1 +1 \\(1 suppressed\\)"),
                lines.get(2));
        assertEquals("4 exercises: 2 passed, 2 failed, 2 races (1 suppressed)", lines.get(5));
        assertTrue(lines.contains("    write by worker-3 in Counter.increment at Counter.java:7"));
        assertFalse(String.join("\n", lines).contains("\u001b["), "no colour unless asked");
        assertTrue(String.join("\n", ConsoleSummary.render(SampleReports.run(), true)).contains("\u001b[31m"));
    }

    @Test
    void aSuppressedRaceIsListedAsSuchInEveryReportAndFailsNothing() throws Exception {
        Path reports = write();

        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(reports.resolve("report.json")));
        assertEquals(1L, ((Map<?, ?>) json.get("summary")).get("suppressed"));
        assertEquals(1L, ((Map<?, ?>) json.get("summary")).get("races"), "a suppressed race is not among the races");
        Map<?, ?> pool = (Map<?, ?>) ((List<?>) json.get("exercises")).get(1);
        assertEquals("PASS", pool.get("outcome"));
        assertEquals(List.of(), pool.get("races"));
        assertEquals("org.library.Stats.hits", ((Map<?, ?>) ((List<?>) pool.get("suppressed")).get(0)).get("field"));

        Document page = parse(reports.resolve("index.html"));
        assertEquals("2 races (1 suppressed)", byId(page, "races"));
        Element suppressed = byClass(page, "div", "race suppressed");
        assertTrue(suppressed.getTextContent().startsWith("suppressed org.library.Stats.hits"),
                suppressed.getTextContent());
        assertTrue(suppressed.getTextContent().contains("write by worker-0 in Stats.hit at Stats.java:12"));
        Element section = (Element) suppressed.getParentNode();
        assertEquals("org.example.Pool.work", section.getAttribute("id"));
        assertTrue(section.getTextContent().contains("Suppressed races"));

        Document junit = parse(reports.resolve("TEST-org.example.Pool.xml"));
        assertEquals("0", junit.getDocumentElement().getAttribute("failures"));
        assertEquals(0, junit.getElementsByTagName("failure").getLength());
        assertTrue(junit.getElementsByTagName("system-out").item(0).getTextContent().contains(
                "suppressed race on org.library.Stats.hits\n  write by worker-0 in Stats.hit at Stats.java:12\n"));

        List<String> console = ConsoleSummary.render(SampleReports.run(), false);
        int listed = console.indexOf("  suppressed race on org.library.Stats.hits");
        assertTrue(listed > 0, console.toString());
        assertEquals("Pool#work:", console.get(listed - 1));
        assertEquals("    read by worker-2 in Stats.hit at Stats.java:12", console.get(listed + 2));
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
