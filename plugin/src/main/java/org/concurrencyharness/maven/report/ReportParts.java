package org.concurrencyharness.maven.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Json;
import org.concurrencyharness.internal.result.RunReport;
import org.concurrencyharness.internal.shard.Shard;

/**
 * The parts of a sharded run, each part's {@code report-K-of-N.json} copied into one directory,
 * merged into one report of every exercise they hold. A part that is missing is no error: the
 * merged report names it ({@link RunReport#missingShards}), so it never reads as the whole.
 */
public final class ReportParts {

    private ReportParts() {}

    public static RunReport merge(Path directory) throws IOException {
        Map<Shard, Path> parts =
                new TreeMap<>(Comparator.comparingInt(Shard::count).thenComparingInt(Shard::index));
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.forEach(file ->
                        ReportFiles.partOf(file.getFileName().toString()).ifPresent(s -> parts.put(s, file)));
            }
        }
        if (parts.isEmpty()) {
            throw new ReportPartsException("No report-K-of-N.json in " + directory + ": run each part with"
                    + " -Dconcurrency.shard=K/N, then copy the parts' report directories into this one.");
        }
        if (parts.keySet().stream().mapToInt(Shard::count).distinct().count() > 1) {
            throw new ReportPartsException("The parts in " + directory + " are of different shardings ("
                    + String.join(
                            ", ",
                            parts.values().stream()
                                    .map(p -> p.getFileName().toString())
                                    .toList())
                    + "): keep only the parts of one run, all K-of-N with the same N.");
        }
        boolean detectRaces = true;
        List<ExerciseResult> exercises = new ArrayList<>();
        Map<String, Path> seenIn = new HashMap<>();
        for (Map.Entry<Shard, Path> part : parts.entrySet()) {
            RunReport report =
                    RunReport.fromJson(Json.parse(Files.readString(part.getValue(), StandardCharsets.UTF_8)));
            // one part without the detector makes an empty list of races no clean bill of health for the whole
            detectRaces &= report.detectRaces();
            for (ExerciseResult exercise : report.exercises()) {
                // overloads share a name, and so a part
                Path other = seenIn.putIfAbsent(exercise.className() + "#" + exercise.methodName(), part.getValue());
                if (other != null && !other.equals(part.getValue())) {
                    throw new ReportPartsException(exercise.className() + "#" + exercise.methodName() + " is in both "
                            + other.getFileName() + " and " + part.getValue().getFileName()
                            + ": the parts ran different code; keep only the parts of one run.");
                }
                exercises.add(exercise);
            }
        }
        // each part lists its exercises in the order they ran; the whole, in one order whatever the parts
        exercises.sort(Comparator.comparing(ExerciseResult::className).thenComparing(ExerciseResult::methodName));
        return new RunReport(detectRaces, exercises, List.copyOf(parts.keySet()));
    }
}
