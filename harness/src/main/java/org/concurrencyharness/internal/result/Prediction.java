package org.concurrencyharness.internal.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a race that the run ordered was predicted: the critical sections that a feasible schedule
 * of the same program runs in the other order, which exposes the two accesses unordered. Each
 * read in that schedule sees the same write as in the run, so the program takes the same path
 * up to the race: the race is real, though this run did not show it.
 *
 * @param reordered for each lock that only happened to order the accesses, the two critical sections to swap
 */
public record Prediction(List<Reordering> reordered) {

    /**
     * Two critical sections of one lock: in the run {@code ranFirst} held the lock before {@code
     * ranSecond}; the schedule lets {@code ranSecond} go first.
     *
     * @param lock the lock, as a user recognises it: {@code synchronized (Counter)}, {@code ReentrantLock}, {@code
     *     @Semaphore(2)}
     */
    public record Reordering(String lock, CriticalSection ranFirst, CriticalSection ranSecond) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("lock", lock);
            json.put("ranFirst", ranFirst.toJson());
            json.put("ranSecond", ranSecond.toJson());
            return json;
        }

        static Reordering fromJson(JsonObject json) {
            return new Reordering(
                    json.string("lock"),
                    CriticalSection.fromJson(json.object("ranFirst")),
                    CriticalSection.fromJson(json.object("ranSecond")));
        }
    }

    /**
     * A critical section of one thread.
     *
     * @param thread the thread's name
     * @param location {@code File.java:LINE} of its first access the detector saw, or null if it saw none
     */
    public record CriticalSection(String thread, String location) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("thread", thread);
            if (location != null) {
                json.put("location", location);
            }
            return json;
        }

        static CriticalSection fromJson(JsonObject json) {
            return new CriticalSection(json.string("thread"), json.string("location"));
        }
    }

    Map<String, Object> toJson() {
        return Map.of("reordered", reordered.stream().map(Reordering::toJson).toList());
    }

    static Prediction fromJson(JsonObject json) {
        return new Prediction(json.list("reordered", Reordering::fromJson));
    }
}
