package org.concurrencyharness.internal.race;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.report.Access;
import org.concurrencyharness.internal.report.Race;

/**
 * The races of the present round, each pair of sites once, and the names of the threads that
 * shadows know only by id.
 */
final class RaceLog {

    private static final int MAX_RACES = 100;

    private static final Map<String, Race> RACES = new LinkedHashMap<>();
    private static String[] names = new String[64];

    private RaceLog() {
    }

    static synchronized void clear() {
        RACES.clear();
    }

    static synchronized List<Race> drain() {
        List<Race> out = new ArrayList<>(RACES.values());
        RACES.clear();
        return out;
    }

    static synchronized void name(int tid, String name) {
        if (tid >= names.length) {
            names = Arrays.copyOf(names, Math.max(tid + 1, names.length * 2));
        }
        names[tid] = name;
    }

    /**
     * An access at {@code laterSite} by {@code later} that is not ordered after the access at
     * {@code earlierSite} in epoch {@code earlier}. The field is the site's own when null.
     */
    static synchronized void report(String field, int earlierSite, long earlier, int laterSite, ThreadState later) {
        if (!Detector.isPresent(later)) {
            // the round ended while this access was being checked: its races are no longer asked for
            return;
        }
        AccessSite first = SiteRegistry.site(earlierSite);
        AccessSite second = SiteRegistry.site(laterSite);
        if (field == null) {
            field = second.array() ? second.field() : second.owner().replace('/', '.') + "." + second.field();
        }
        String key = field + "|" + Math.min(earlierSite, laterSite) + "|" + Math.max(earlierSite, laterSite);
        if (RACES.size() < MAX_RACES && !RACES.containsKey(key)) {
            RACES.put(key, new Race(field, access(first, names[VarState.tid(earlier)]), access(second, later.name)));
        }
    }

    private static Access access(AccessSite site, String thread) {
        return new Access(thread, site.method(), site.location(), site.write() ? "write" : "read");
    }
}
