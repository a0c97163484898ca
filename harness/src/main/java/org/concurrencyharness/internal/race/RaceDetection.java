package org.concurrencyharness.internal.race;

import java.util.List;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.Race;

/**
 * What the engine tells the race detector, and what it asks of it. Every call is a no-op when
 * the agent is not on the JVM's command line.
 *
 * <p>The harness's own threads, gates and semaphores are not instrumented: the engine states the
 * happens-before edges they create through sync points, and no others, so its bookkeeping never
 * hides a race of the exercise's.
 */
public final class RaceDetection {

    /** Kept here, not in the detector, so that without the agent the detector is never even loaded. */
    private static volatile boolean active;

    private RaceDetection() {}

    /** Called once by the agent, before any class is instrumented. */
    public static void activate() {
        active = true;
    }

    /** Whether the agent is instrumenting this JVM. */
    public static boolean isActive() {
        return active;
    }

    /** Starts collecting accesses for one round of an exercise, forgetting all earlier state. */
    public static void beginExercise(String exerciseId) {
        if (active) {
            Detector.begin();
            ThreadUpdates.begin();
        }
    }

    /** Stops collecting and returns the races of the round, each pair of sites once. */
    public static List<Race> endExercise() {
        return active ? Detector.end() : List.of();
    }

    /** The lost updates of the round that ended, each three sites once; call after {@link #endExercise}. */
    public static List<LostUpdate> drainLostUpdates() {
        return active ? ThreadUpdates.drain() : List.of();
    }

    /** The detector's own failures since the last call, once per kind: it went on without throwing into the program. */
    public static List<String> drainDetectorErrors() {
        return active ? DetectorErrors.drain() : List.of();
    }

    /** A new synchronisation object, as a volatile variable is: what is released into it is acquired from it. */
    public static Object newSyncPoint() {
        return new Object();
    }

    /**
     * The synchronisation object of a semaphore of this many permits, taken through {@link
     * #acquireFrom} once a permit is, and let go through {@link #releaseTo}: a schedule that
     * predicts races may run the holders' bodies in another order.
     */
    public static Object newPermits(int permits) {
        return new Permits(permits);
    }

    /** Everything the calling thread did so far happens before what follows a later {@link #acquireFrom}. */
    public static void releaseTo(Object syncPoint) {
        if (active) {
            // optimistic reads the thread never validated by now (a worker's last, at its end) were plain reads,
            // and are part of what it releases: left deferred, they would never be checked
            Detector.stopSpeculating(null);
            Detector.release(syncPoint);
        }
    }

    /** The calling thread now sees everything released into the sync point so far. */
    public static void acquireFrom(Object syncPoint) {
        if (active) {
            Detector.acquire(syncPoint);
        }
    }
}
