package org.concurrencyharness.internal.result;

/**
 * The races found, as a person reads the count: {@code 3 races (1 suppressed)}. The suppressed ones
 * are counted in, as races that were found, and said apart, so that none goes unseen.
 */
public final class RaceCounts {

    private RaceCounts() {}

    /**
     * @param races the races that count
     * @param suppressed the races a suppression matched
     */
    public static String describe(long races, long suppressed) {
        long found = races + suppressed;
        return found + (found == 1 ? " race" : " races") + (suppressed > 0 ? " (" + suppressed + " suppressed)" : "");
    }
}
