package org.concurrencyharness.internal.result;

import java.util.List;

/**
 * A lost update in words, as the console, the JUnit XML and the build's failure message show it: what was updated,
 * then its three accesses in the order they happened.
 */
public final class LostUpdateText {

    private LostUpdateText() {}

    /** {@code 2 lost updates}. */
    public static String count(long lostUpdates) {
        return lostUpdates + (lostUpdates == 1 ? " lost update" : " lost updates");
    }

    /** The three accesses, a line each, the last saying what it did to the second. */
    public static List<String> accesses(LostUpdate lost) {
        return List.of(
                "read by " + access(lost.read()),
                "then written by " + access(lost.overwritten()),
                "then written by " + access(lost.write()) + ", based on the read: the write before it is lost");
    }

    /** On one line: {@code Shared.map("d")["n"]: read at A.java:3 (process 1), written at A.java:4 (process 2)...}. */
    public static String oneLine(LostUpdate lost) {
        StringBuilder line = new StringBuilder(lost.subject()).append(':');
        String separator = " ";
        for (Access access : lost.accesses()) {
            line.append(separator)
                    .append(access.kind() == AccessKind.READ ? "read at " : "written at ")
                    .append(access.location())
                    .append(" (")
                    .append(access.thread())
                    .append(')');
            separator = ", ";
        }
        return line.toString();
    }

    private static String access(Access access) {
        return access.thread() + " in " + access.method() + " at " + access.location()
                + (access.call() == null ? "" : " (" + access.call() + ")");
    }
}
