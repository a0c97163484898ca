package org.concurrencyharness.maven.report;

import org.concurrencyharness.internal.result.Access;
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
        return subject(race) + ": " + brief(race.first()) + " vs " + brief(race.second());
    }

    /** {@code ArrayList.add write at Registry.java:12 [worker-1]}, with its user frame where it has one. */
    private static String brief(Access access) {
        return call(access) + access.kind() + " at " + access.location() + under(access) + " [" + access.thread() + "]";
    }

    private static String call(Access access) {
        return access.call() == null ? "" : access.call() + " ";
    }

    private static String under(Access access) {
        return access.userFrame() == null ? "" : " (under " + access.userFrame() + ")";
    }
}
