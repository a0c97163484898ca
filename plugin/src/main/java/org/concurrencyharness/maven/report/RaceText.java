package org.concurrencyharness.maven.report;

import java.util.List;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.Prediction;
import org.concurrencyharness.internal.result.Race;

/**
 * A race as text, worded the same in every report: what was raced on, and each access with the
 * call it was made through and the project's line it was made under, where there are those.
 */
public final class RaceText {

    private RaceText() {}

    /** {@code it.Registry.names (java.util.ArrayList)}: the field, and the JDK object's class for a race on one. */
    public static String subject(Race race) {
        return race.object() == null ? race.field() : race.field() + " (" + race.object() + ")";
    }

    /**
     * {@code ArrayList.add write by worker-1 in Registry.register at Registry.java:12}, or for an access in a
     * library's code {@code write by worker-1 in HashMultiset.add at HashMultiset.java:271 (under Counter.java:41)}.
     */
    public static String access(Access access) {
        return call(access) + access.kind() + " by " + access.thread() + " in " + access.method() + " at "
                + access.location() + under(access);
    }

    /**
     * The race on one line: {@code it.Registry.names (java.util.ArrayList): ArrayList.add write at Registry.java:12
     * [worker-1] vs ArrayList.get read at Registry.java:20 [worker-0]}.
     */
    public static String oneLine(Race race) {
        return subject(race) + ": " + brief(race.first()) + " vs " + brief(race.second())
                + (race.predicted() ? " (predicted)" : "");
    }

    /** {@code ArrayList.add write at Registry.java:12 [worker-1]}, with its user frame where it has one. */
    private static String brief(Access access) {
        return call(access) + access.kind() + " at " + access.location() + under(access) + " [" + access.thread() + "]";
    }

    /**
     * For a predicted race, how another schedule exposes it, a line per lock: {@code predicted: worker-1's critical
     * section on synchronized (Object) at Counter.java:33 can begin before worker-0's at Counter.java:28 ends}.
     * Nothing for a race that happened unordered in the run.
     */
    public static List<String> prediction(Race race) {
        if (!race.predicted()) {
            return List.of();
        }
        if (race.prediction().reordered().isEmpty()) {
            return List.of("predicted: another schedule of the same run leaves the two accesses unordered");
        }
        return race.prediction().reordered().stream()
                .map(r -> "predicted: " + section(r.ranSecond()) + " on " + r.lock() + " can begin before "
                        + section(r.ranFirst()) + " ends")
                .toList();
    }

    private static String section(Prediction.CriticalSection section) {
        return section.thread() + "'s critical section"
                + (section.location() == null ? "" : " at " + section.location());
    }

    private static String call(Access access) {
        return access.call() == null ? "" : access.call() + " ";
    }

    private static String under(Access access) {
        return access.userFrame() == null ? "" : " (under " + access.userFrame() + ")";
    }
}
