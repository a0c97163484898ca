package org.concurrencyharness.internal.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one thread, or one child process, of a round did. Times are in milliseconds from the
 * start of the round.
 *
 * @param name the thread's name, or {@code process N} for a child
 * @param index the index the exercise was given (-1 for a pool worker that served several)
 * @param pid the child's process id; 0 for a thread
 * @param startMillis when it started
 * @param endMillis when it ended; for a worker still running when the round ended, that moment
 * @param waitMillis how long it waited (at the {@code @Semaphore}, or for a pool worker)
 * @param runMillis how long it ran the exercise's body
 * @param state how it ended
 * @param returnValue the rendered return value, or null for void and for none
 * @param error the exception with its stack trace, or null
 * @param exitCode a child's exit code, or null for a thread or a child still running
 * @param stdout a child's standard output lines
 * @param stderr a child's standard error lines
 * @param threads a child's own threads, or the invocations a pool worker served
 */
public record WorkerResult(
        String name,
        int index,
        long pid,
        double startMillis,
        double endMillis,
        double waitMillis,
        double runMillis,
        WorkerState state,
        String returnValue,
        String error,
        Integer exitCode,
        List<String> stdout,
        List<String> stderr,
        List<WorkerResult> threads) {

    /** A thread's result: no pid, exit code, output or children. */
    public static WorkerResult ofThread(
            String name,
            int index,
            double startMillis,
            double endMillis,
            double waitMillis,
            double runMillis,
            WorkerState state,
            String returnValue,
            String error) {
        return new WorkerResult(
                name,
                index,
                0,
                startMillis,
                endMillis,
                waitMillis,
                runMillis,
                state,
                returnValue,
                error,
                null,
                List.of(),
                List.of(),
                List.of());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("index", index);
        if (pid != 0) {
            json.put("pid", pid);
        }
        json.put("startMillis", round(startMillis));
        json.put("endMillis", round(endMillis));
        json.put("waitMillis", round(waitMillis));
        json.put("runMillis", round(runMillis));
        json.put("state", state.toString());
        json.put("returnValue", returnValue);
        json.put("error", error);
        if (exitCode != null) {
            json.put("exitCode", exitCode);
        }
        if (!stdout.isEmpty()) {
            json.put("stdout", stdout);
        }
        if (!stderr.isEmpty()) {
            json.put("stderr", stderr);
        }
        if (!threads.isEmpty()) {
            json.put("threads", JsonObject.toJson(threads, WorkerResult::toJson));
        }
        return json;
    }

    /** Reads what {@link #toJson} wrote, parsed. */
    public static WorkerResult fromJson(Object parsed) {
        return fromJson(new JsonObject(parsed));
    }

    static WorkerResult fromJson(JsonObject json) {
        return new WorkerResult(
                json.string("name"),
                json.intValue("index"),
                json.longValue("pid"),
                json.doubleValue("startMillis"),
                json.doubleValue("endMillis"),
                json.doubleValue("waitMillis"),
                json.doubleValue("runMillis"),
                WorkerState.of(json.string("state")),
                json.string("returnValue"),
                json.string("error"),
                json.nullableInt("exitCode"),
                json.strings("stdout"),
                json.strings("stderr"),
                json.list("threads", WorkerResult::fromJson));
    }

    /** Times to a tenth of a millisecond: finer is noise, coarser hides short bodies. */
    static double round(double millis) {
        return Math.round(millis * 10.0) / 10.0;
    }
}
