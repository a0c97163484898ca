package org.concurrencyharness.internal.race;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detector's own failures. A hook that fails must never throw into the program it watches:
 * it records what went wrong here, once per kind (the exception's class and where it was thrown),
 * and the program goes on as if the hook had not run. The engine reports them with the exercise.
 */
final class DetectorErrors {

    private static final int MAX_KINDS = 20;
    private static final Map<String, String> ERRORS = new LinkedHashMap<>();

    private DetectorErrors() {}

    /** Records a failure of the detector's; never throws, whatever the failure. */
    static void record(Throwable failure) {
        try {
            StackTraceElement[] frames = failure.getStackTrace();
            String kind = failure.getClass().getName() + (frames.length > 0 ? " at " + frames[0] : "");
            synchronized (ERRORS) {
                if (ERRORS.size() < MAX_KINDS && !ERRORS.containsKey(kind)) {
                    StringWriter stack = new StringWriter();
                    failure.printStackTrace(new PrintWriter(stack));
                    ERRORS.put(kind, "The race detector failed (the program went on; races may be missed): " + stack);
                }
            }
        } catch (Throwable ignored) {
            // out of memory, or a stack overflow: nothing more can be recorded, and the program goes on
        }
    }

    /** The failures recorded since the last call, once per kind. */
    static List<String> drain() {
        synchronized (ERRORS) {
            List<String> out = new ArrayList<>(ERRORS.values());
            ERRORS.clear();
            return out;
        }
    }
}
