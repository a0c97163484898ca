package org.concurrencyharness.internal.race;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.concurrencyharness.internal.result.Prediction;

/**
 * Predictive race detection over a traced round, after it: the conflicting accesses that only
 * locks ordered in the run (no hard edge, no lock held around both) are candidates, and each is
 * reported if {@link ReorderedSchedule} finds a schedule of the same program in which they race.
 * So a race a lock hid in this run, though it does not guard it, is found whatever the order the
 * threads happened to take.
 *
 * <p>Candidates are, for each access, the last conflicting access of every other thread to the
 * same variable, and its last one made holding no lock; each pair of sites is tried a few times at most, and the whole search stops at
 * a budget, so that a long round still ends in time.
 */
final class PredictedRaces {

    /** Events the searches of one round may look at: a few seconds' work. */
    private static final long BUDGET = 300_000_000L;
    /** Searches for one pair of sites that found nothing, after which it is given up. */
    private static final int TRIES_PER_PAIR = 3;

    private final TracedRun run;
    private final ReorderedSchedule schedules;
    private final Map<Long, Integer> tries = new HashMap<>();

    private PredictedRaces(TracedRun run) {
        this.run = run;
        this.schedules = new ReorderedSchedule(run);
    }

    /** Reports the races a schedule of the round exposes, beside those it showed; never throws. */
    static void find(RoundTrace trace) {
        try {
            new PredictedRaces(new TracedRun(trace)).search();
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /**
     * One variable's last write and last read by each thread so far, as events, and the last of each made
     * holding no lock, which a lock held later by the same thread would hide from the plain last; -1 for none.
     */
    private static final class LastAccesses {
        final int[] writes;
        final int[] reads;
        final int[] unlockedWrites;
        final int[] unlockedReads;

        LastAccesses(int threads) {
            writes = none(threads);
            reads = none(threads);
            unlockedWrites = none(threads);
            unlockedReads = none(threads);
        }

        private static int[] none(int threads) {
            int[] events = new int[threads];
            Arrays.fill(events, -1);
            return events;
        }
    }

    private void search() {
        Map<Integer, LastAccesses> last = new HashMap<>();
        int[][] hardClock = new int[run.threads][];
        for (int u = 0; u < run.threads; u++) {
            hardClock[u] = new int[run.threads];
        }
        for (int g = 0; g < run.size && schedules.work() < BUDGET; g++) {
            int u = run.thread[g];
            if (run.hardBefore[g] != null) {
                hardClock[u] = run.hardBefore[g];
                continue;
            }
            if (!run.isAccess(g)) {
                continue;
            }
            boolean write = run.kind[g] == TraceEvents.WRITE;
            LastAccesses accesses = last.computeIfAbsent(run.object[g], k -> new LastAccesses(run.threads));
            for (int v = 0; v < run.threads; v++) {
                if (v != u) {
                    tryPairs(accesses.writes[v], accesses.unlockedWrites[v], g, hardClock[u]);
                    if (write) {
                        tryPairs(accesses.reads[v], accesses.unlockedReads[v], g, hardClock[u]);
                    }
                }
            }
            (write ? accesses.writes : accesses.reads)[u] = g;
            if (run.exclusiveHeld[g].length == 0) {
                (write ? accesses.unlockedWrites : accesses.unlockedReads)[u] = g;
            }
        }
    }

    private void tryPairs(int last, int lastUnlocked, int second, int[] hardClockOfSecond) {
        tryPair(last, second, hardClockOfSecond);
        if (lastUnlocked != last) {
            tryPair(lastUnlocked, second, hardClockOfSecond);
        }
    }

    private void tryPair(int first, int second, int[] hardClockOfSecond) {
        if (first < 0
                || hardClockOfSecond[run.thread[first]] > run.local[first]
                || holdOneLock(run.exclusiveHeld[first], run.exclusiveHeld[second])) {
            return;
        }
        int firstSite = run.site[first];
        int secondSite = run.site[second];
        String field = run.name[second];
        long pair = (long) Math.min(firstSite, secondSite) << 32 | (Math.max(firstSite, secondSite) & 0xffffffffL);
        if (tries.getOrDefault(pair, 0) >= TRIES_PER_PAIR || RaceLog.has(field, firstSite, secondSite)) {
            return;
        }
        Prediction prediction = schedules.find(first, second);
        if (prediction == null) {
            tries.merge(pair, 1, Integer::sum);
            return;
        }
        RaceLog.reportPredicted(
                field,
                firstSite,
                run.threadNames[run.thread[first]],
                secondSite,
                run.threadNames[run.thread[second]],
                prediction);
    }

    private static boolean holdOneLock(int[] mine, int[] theirs) {
        for (int lock : mine) {
            for (int other : theirs) {
                if (lock == other) {
                    return true;
                }
            }
        }
        return false;
    }
}
