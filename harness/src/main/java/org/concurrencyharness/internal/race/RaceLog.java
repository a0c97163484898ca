package org.concurrencyharness.internal.race;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.AccessKind;
import org.concurrencyharness.internal.result.Prediction;
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
        add(field, earlierSite, names[VarState.tid(earlier)], laterSite, later.name, null);
    }

    /** A race the run ordered, which a schedule of it exposes; false if the same sites already raced. */
    static synchronized boolean reportPredicted(
            String field, int earlierSite, String earlierThread, int laterSite, String laterThread, Prediction how) {
        return add(field, earlierSite, earlierThread, laterSite, laterThread, how);
    }

    /** Whether the accesses at these sites to the variable of that name are reported already. */
    static synchronized boolean has(String field, int earlierSite, int laterSite) {
        return RACES.containsKey(key(nameOf(field, earlierSite, laterSite), earlierSite, laterSite));
    }

    private static boolean add(
            String field, int earlierSite, String earlierThread, int laterSite, String laterThread, Prediction how) {
        AccessSite first = SiteRegistry.site(earlierSite);
        AccessSite second = SiteRegistry.site(laterSite);
        String name = nameOf(field, earlierSite, laterSite);
        String key = key(name, earlierSite, laterSite);
        if (RACES.size() >= MAX_RACES || RACES.containsKey(key)) {
            return false;
        }
        if (second.call() != null) {
            // a race on a JDK object through calls on it: the field is its type's name
            RACES.put(
                    key,
                    new Race(
                            name,
                            field,
                            callAccess(first, field, earlierThread),
                            callAccess(second, field, laterThread),
                            how));
        } else {
            RACES.put(key, new Race(name, null, access(first, earlierThread), access(second, laterThread), how));
        }
        return true;
    }

    /**
     * What a race is named by: the field, or the array's element type; for a JDK object, the field
     * through which the code reached it (the later call's, else the earlier's), else its class.
     */
    private static String nameOf(String field, int earlierSite, int laterSite) {
        AccessSite first = SiteRegistry.site(earlierSite);
        AccessSite second = SiteRegistry.site(laterSite);
        if (second.call() != null) {
            return second.field() != null ? second.field() : first.field() != null ? first.field() : field;
        }
        if (field != null) {
            return field;
        }
        return second.array() ? second.field() : second.owner().replace('/', '.') + "." + second.field();
    }

    private static String key(String name, int earlierSite, int laterSite) {
        return name + "|" + Math.min(earlierSite, laterSite) + "|" + Math.max(earlierSite, laterSite);
    }

    /** The call as a user reads it: on the object's own class ({@code ArrayList.add}), or on an iterator or view. */
    private static Access callAccess(AccessSite site, String type, String thread) {
        String call = site.call();
        if (call == null) {
            return access(site, thread);
        }
        if (site.handed()) {
            return new Access(
                    thread, site.method(), site.location(), AccessKind.of(site.write()), call, site.userFrame());
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
