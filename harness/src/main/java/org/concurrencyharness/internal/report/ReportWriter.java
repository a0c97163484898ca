package org.concurrencyharness.internal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes every report file of a run: {@code report.json}, {@code index.html} and {@code TEST-*.xml}. */
public final class ReportWriter {

    private final SourceExcerpts sources;

    public ReportWriter(List<Path> sourceRoots) {
        this.sources = new SourceExcerpts(sourceRoots);
    }

    public void write(RunReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("report.json"), Json.writePretty(report.toJson()), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("index.html"), new HtmlReport(sources).render(report), StandardCharsets.UTF_8);
        Map<String, List<ExerciseResult>> byClass = new LinkedHashMap<>();
        for (ExerciseResult exercise : report.exercises()) {
            byClass.computeIfAbsent(exercise.className(), k -> new java.util.ArrayList<>()).add(exercise);
        }
        for (Map.Entry<String, List<ExerciseResult>> entry : byClass.entrySet()) {
            Files.writeString(directory.resolve("TEST-" + entry.getKey() + ".xml"),
                    JUnitXmlReport.render(entry.getKey(), entry.getValue()), StandardCharsets.UTF_8);
        }
    }
}
