package org.concurrencyharness.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders {@code index.html} in a real headless browser (Debian's chromium, which
 * {@code .ci/install-chromium.sh} installs) at a phone's width, checks the rendered page, clicks
 * its way around it, and keeps a screenshot in {@code target/html-report-phone.png}. On CI a
 * missing browser is a failure, not a skip.
 */
class HtmlReportBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 1400;
    private static Path page;

    @BeforeAll
    static void writeReport() throws IOException {
        boolean onCi = "true".equals(System.getenv("CI"));
        if (onCi) {
            assertTrue(Files.isExecutable(CHROMIUM), "CI must have chromium: run .ci/install-chromium.sh");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed; run .ci/install-chromium.sh");
        Path root = Path.of("target", "html-report");
        Path sources = SampleReports.writeSources(root.resolve("src"));
        new ReportWriter(List.of(sources)).write(SampleReports.run(), root, ReportFiles.WHOLE);
        page = root.resolve("index.html").toAbsolutePath();
    }

    private static String chromium(String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=" + PHONE_WIDTH + "," + PHONE_HEIGHT));
        command.addAll(List.of(arguments));
        command.add(page.toUri().toString());
        Path output = Files.createTempFile("chromium", ".out");
        Process browser = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!browser.waitFor(90, TimeUnit.SECONDS)) {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s");
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    @Test
    void theRenderedPageShowsTheTimelinesAndTheRaceAtAPhonesWidth() throws Exception {
        String dom = chromium("--dump-dom");
        assertTrue(dom.contains("<svg class=\"timeline\""), "the timelines are drawn");
        assertTrue(dom.contains("<svg class=\"histogram\""), "the long round's starts and ends are drawn");
        assertEquals(
                count(Files.readString(page), "<rect "), count(dom, "<rect "), "every bar is in the rendered page");
        assertTrue(dom.contains("<span class=\"hl\">   7          num += 1;</span>"), "the racing line is highlighted");
        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "exercise output stays text");

        Path screenshot = Path.of("target", "html-report-phone.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium("--screenshot=" + screenshot, "--hide-scrollbars");
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page was taken: " + screenshot);
    }

    @Test
    void theSummaryListsFailuresFirstThenRacesThenTheRestAndAClickOnARowReachesItsSection() throws Exception {
        try (DevToolsPage browser = DevToolsPage.open(CHROMIUM, page.toUri(), PHONE_WIDTH, PHONE_HEIGHT)) {
            assertEquals(
                    List.of(
                            "FAIL 1 Counter#increment",
                            "FAIL 0 Thrower#explode",
                            "PASS 2 Registry#register",
                            "PASS 0 Pool#work",
                            "PASS 0 Daemons#linger",
                            "PASS 0 Crowd#gather"),
                    browser.evaluate(
                            "[...document.querySelectorAll('#summary tbody tr')].map(row =>"
                                    + " row.dataset.outcome + ' ' + row.dataset.races + ' ' + row.querySelector('a').textContent)"),
                    "failed first, then those that raced, then the rest");

            String registry = "org.example.Registry.register";
            browser.click("#summary a[href='#" + registry + "']");
            browser.await(
                    "the click to reach the section", () -> ("#" + registry).equals(browser.evaluate("location.hash")));
            assertEquals(registry, browser.evaluate("document.querySelector(':target').id"));
            assertEquals(
                    0.0,
                    ((Number) browser.evaluate(
                                    "document.getElementById('" + registry + "').getBoundingClientRect().top"))
                            .doubleValue(),
                    1.0,
                    "the section is scrolled to the top");

            browser.click("[id='" + registry + "'] a.top");
            browser.await("the way back to the summary", () -> "#summary".equals(browser.evaluate("location.hash")));
            assertEquals(
                    0.0,
                    ((Number) browser.evaluate("document.getElementById('summary')" + ".getBoundingClientRect().top"))
                            .doubleValue(),
                    1.0,
                    "the summary is scrolled to the top");
        }
    }

    @Test
    void aLongTimelineIsFoldedBehindItsHistogramUntilClicked() throws Exception {
        try (DevToolsPage browser = DevToolsPage.open(CHROMIUM, page.toUri(), PHONE_WIDTH, PHONE_HEIGHT)) {
            String fold = "details.timeline-fold";
            assertEquals(false, browser.evaluate("document.querySelector('" + fold + "').open"));
            assertTrue(visible(browser, fold + " svg.histogram"), "the histogram shows while folded");
            assertFalse(visible(browser, fold + " svg.timeline"), "the timeline is folded away");

            browser.click(fold + " > summary");
            browser.await(
                    "the fold to open",
                    () -> Boolean.TRUE.equals(browser.evaluate("document.querySelector('" + fold + "').open")));
            assertTrue(visible(browser, fold + " svg.timeline"), "every worker's bar shows once opened");
            assertTrue(
                    ((Number) browser.evaluate("document.querySelector('" + fold + " svg.timeline')"
                                            + ".getBoundingClientRect().height"))
                                    .doubleValue()
                            > 100,
                    "a bar a worker, at full height");
        }
    }

    /** Whether the element is drawn: not hidden, nor inside a closed fold. */
    private static boolean visible(DevToolsPage browser, String selector) {
        return (Boolean) browser.evaluate("document.querySelector('" + selector + "').checkVisibility()");
    }

    private static int count(String text, String part) {
        return text.split(part, -1).length - 1;
    }
}
