package org.concurrencyharness.maven.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Json;
import org.concurrencyharness.internal.result.RunReport;

/** Writes the report files of a run: {@code report.json}, {@code index.html} and {@code TEST-*.xml}, under {@link ReportFiles}' names. */
public final class ReportWriter {

    private final SourceExcerpts sources;

    public ReportWriter(List<Path> sourceRoots) {
        this.sources = new SourceExcerpts(sourceRoots);
    }

    /** Every file of a run, or of one part of a sharded run. */
    public void write(RunReport report, Path directory, ReportFiles files) throws IOException {
        writeJsonAndHtml(report, directory, files);
        Map<String, List<ExerciseResult>> byClass = new LinkedHashMap<>();
        for (ExerciseResult exercise : report.exercises()) {
            byClass.computeIfAbsent(exercise.className(), k -> new ArrayList<>())
                    .add(exercise);
        }
        for (Map.Entry<String, List<ExerciseResult>> entry : byClass.entrySet()) {
            Files.writeString(
                    directory.resolve(files.junitXml(entry.getKey())),
                    JUnitXmlReport.render(entry.getKey(), entry.getValue()),
                    StandardCharsets.UTF_8);
        }
    }

    /**
     * {@code report.json} and {@code index.html} of the parts of a sharded run merged: their JUnit XML is
     * already beside them, each part's, and a merged copy would count every exercise twice.
     */
    public void writeMerged(RunReport merged, Path directory) throws IOException {
        writeJsonAndHtml(merged, directory, ReportFiles.WHOLE);
    }

    private void writeJsonAndHtml(RunReport report, Path directory, ReportFiles files) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(files.json()), Json.writePretty(report.toJson()), StandardCharsets.UTF_8);
        Files.writeString(
                directory.resolve(files.html()), new HtmlReport(sources).render(report), StandardCharsets.UTF_8);
    }
}
