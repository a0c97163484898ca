package org.concurrencyharness.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * {@code .ci/install-chromium.sh} installs) at a phone's width, checks the rendered page, and
 * keeps a screenshot in {@code target/html-report-phone.png}. On CI a missing browser is a
 * failure, not a skip.
 */
class HtmlReportBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
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
        new ReportWriter(List.of(sources)).write(SampleReports.run(), root);
        page = root.resolve("index.html").toAbsolutePath();
    }

    private static String chromium(String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=390,1400"));
        command.addAll(List.of(arguments));
        command.add(page.toUri().toString());
        Path output = Files.createTempFile("chromium", ".out");
        Process browser = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
        assertEquals(9, dom.split("<rect ", -1).length - 1, "every bar is in the rendered page");
        assertTrue(dom.contains("<span class=\"hl\">   7          num += 1;</span>"), "the racing line is highlighted");
        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "exercise output stays text");

        Path screenshot = Path.of("target", "html-report-phone.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium("--screenshot=" + screenshot, "--hide-scrollbars");
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page was taken: " + screenshot);
    }
}
