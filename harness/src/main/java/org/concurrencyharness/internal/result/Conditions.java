package org.concurrencyharness.internal.result;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conditions an exercise ran under, as its annotations asked.
 *
 * @param threads threads per round (per process, for a forked exercise)
 * @param rounds how many rounds
 * @param timeoutMillis the time one round may take
 * @param daemon whether the threads are daemons the run does not wait for
 * @param permits the {@code @Semaphore} permits, 0 when there is none
 * @param processes the {@code @ForkProcesses} count, 0 when the exercise runs in threads only
 * @param expectRace whether a race is the expected outcome
 */
public record Conditions(
        int threads, int rounds, long timeoutMillis, boolean daemon, int permits, int processes, boolean expectRace) {

    /** A short human description such as {@code 50 threads, semaphore(5), 2 rounds}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        if (processes > 0) {
            out.append(processes).append(processes == 1 ? " process" : " processes");
            if (permits > 0) {
                out.append(" in a pool of ").append(permits);
            }
            if (threads > 1) {
                out.append(", ").append(threads).append(" threads each");
            }
        } else {
            out.append(threads).append(threads == 1 ? " thread" : " threads");
            if (permits > 0) {
                out.append(", semaphore(").append(permits).append(')');
            }
        }
        if (daemon) {
            out.append(", daemon");
        }
        if (rounds > 1) {
            out.append(", ").append(rounds).append(" rounds");
        }
        if (expectRace) {
            out.append(", race expected");
        }
        return out.toString();
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("threads", threads);
        json.put("rounds", rounds);
        json.put("timeoutMillis", timeoutMillis);
        json.put("daemon", daemon);
        json.put("permits", permits);
        json.put("processes", processes);
        json.put("expectRace", expectRace);
        json.put("description", describe());
        return json;
    }

    static Conditions fromJson(JsonObject json) {
        return new Conditions(
                json.intValue("threads"),
                json.intValue("rounds"),
                json.longValue("timeoutMillis"),
                json.bool("daemon"),
                json.intValue("permits"),
                json.intValue("processes"),
                json.bool("expectRace"));
    }
}
