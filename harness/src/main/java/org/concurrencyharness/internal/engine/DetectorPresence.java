package org.concurrencyharness.internal.engine;

import org.concurrencyharness.internal.race.RaceDetection;
import org.junit.platform.engine.ConfigurationParameters;
import org.opentest4j.TestAbortedException;

/**
 * Whether the race detector watches this JVM's exercises, and what a run says when it does not.
 * Without the agent nothing may pass silently: an {@code @ExpectRace} exercise cannot be judged,
 * so it is aborted, and the run says how to put the agent on. A user who turned the detector off
 * ({@code concurrency.detectRaces=false}) chose that, and is only reminded.
 */
enum DetectorPresence {

    /** The agent instruments this JVM. */
    ON(null),

    /** The user turned the detector off. */
    OFF_BY_CHOICE("[concurrency] Race detection is off (concurrency.detectRaces=false): no data race is looked for."
            + " Leave concurrency.detectRaces out to turn it on."),

    /** Nothing put the agent on this JVM's command line, as in a Surefire or IDE run without prepare-agent. */
    NO_AGENT("[concurrency] Race detection is off: this JVM runs without the race detector agent, so no data race"
            + " is looked for and @ExpectRace exercises are aborted. " + DetectorPresence.FIX);

    private static final String FIX = "To turn it on, add the concurrency:prepare-agent goal to the build (it puts"
            + " the agent on Surefire's argLine), or run mvn concurrency:run.";

    private static final String EXPECT_RACE_ABORTED =
            "Not run: @ExpectRace needs the race detector, and this JVM" + " runs without its agent. " + FIX;

    private final String notice;

    DetectorPresence(String notice) {
        this.notice = notice;
    }

    static DetectorPresence of(ConfigurationParameters configuration) {
        if (RaceDetection.isActive()) {
            return ON;
        }
        return configuration.getBoolean(ConcurrencyTestEngine.DETECT_RACES).orElse(true) ? NO_AGENT : OFF_BY_CHOICE;
    }

    /** Why an {@code @ExpectRace} exercise is aborted without the agent. */
    static TestAbortedException expectRaceAborted() {
        TestAbortedException reason = new TestAbortedException(EXPECT_RACE_ABORTED);
        // as a failed exercise's: the engine's frames would only push the reason out of sight
        reason.setStackTrace(new StackTraceElement[0]);
        return reason;
    }

    /** The line a run prints when races are not looked for; null when they are. */
    String notice() {
        return notice;
    }
}
