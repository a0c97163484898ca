package org.concurrencyharness.internal.race;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.AccessKind;
import org.concurrencyharness.internal.result.Race;

/**
 * The races of the present round, each pair of sites once, and the names of the threads that
 * shadows know only by id.
 */
final class RaceLog {

    private static final int MAX_RACES = 100;

    private static final Map<String, Race> RACES = new LinkedHashMap<>();
    private static String[] names = new String[64];

    private RaceLog() {}

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
        if (second.call() != null) {
            reportObject(field, first, earlierSite, earlier, second, laterSite, later);
            return;
        }
        if (field == null) {
            field = second.array() ? second.field() : second.owner().replace('/', '.') + "." + second.field();
        }
        String key = field + "|" + Math.min(earlierSite, laterSite) + "|" + Math.max(earlierSite, laterSite);
        if (RACES.size() < MAX_RACES && !RACES.containsKey(key)) {
            RACES.put(key, new Race(field, access(first, names[VarState.tid(earlier)]), access(second, later.name)));
        }
    }

    /**
     * A race on a JDK object through calls on it: named by the field through which the code
     * reached it (the later call's, else the earlier's), else by its class.
     */
    private static void reportObject(
            String type,
            AccessSite first,
            int earlierSite,
            long earlier,
            AccessSite second,
            int laterSite,
            ThreadState later) {
        String field = second.field() != null ? second.field() : first.field() != null ? first.field() : type;
        String key = field + "|" + Math.min(earlierSite, laterSite) + "|" + Math.max(earlierSite, laterSite);
        if (RACES.size() < MAX_RACES && !RACES.containsKey(key)) {
            RACES.put(
                    key,
                    new Race(
                            field,
                            type,
                            callAccess(first, type, names[VarState.tid(earlier)]),
                            callAccess(second, type, later.name)));
        }
    }

    /** The call as a user reads it: on the object's own class ({@code ArrayList.add}), or on an iterator or view. */
    private static Access callAccess(AccessSite site, String type, String thread) {
        String call = site.call();
        if (call == null) {
            return access(site, thread);
        }
        String method = call.substring(call.indexOf('.') + 1);
        String declared = call.substring(0, call.indexOf('.'));
        boolean onView = declared.contains("Iterator") || declared.equals("Entry") || declared.equals("Spliterator");
        String on = onView ? declared : type.substring(type.lastIndexOf('.') + 1);
        return new Access(
                thread,
                site.method(),
                site.location(),
                AccessKind.of(site.write()),
                on + "." + method,
                site.userFrame());
    }

    private static Access access(AccessSite site, String thread) {
        return new Access(thread, site.method(), site.location(), AccessKind.of(site.write()), null, site.userFrame());
    }
}
