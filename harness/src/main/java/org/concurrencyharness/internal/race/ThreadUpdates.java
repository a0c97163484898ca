package org.concurrencyharness.internal.race;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.AccessKind;
import org.concurrencyharness.internal.result.LostUpdate;

/**
 * Lost updates between threads through thread-safe calls: a key of a concurrent map read ({@code get},
 * {@code containsKey}) then put by one thread, or an atomic read ({@code get}) then set, with another thread's write
 * of it in between. The agent routes the project's own such calls here (see SyncContracts#roleOf), each with its
 * role; they are followed only while a round runs, and a map only when its class makes it a concurrent one at run
 * time (a {@code HashMap} behind a {@code Map} races instead). Whether another write came between is decided by the
 * values (see LostUpdateFinder): what a {@code put} replaced, or what an atomic held just before a {@code set}, is not
 * what the thread read. That is what happened, whatever locks the threads held: a lock every writer takes around its
 * read and its write leaves no other write between them.
 */
final class ThreadUpdates {

    private static final int MAX_REPORTED = 100;
    /** The value of a write that computes it inside the call: equal to nothing. */
    private static final Object COMPUTED = new Object();

    private static final AtomicLong CLOCK = new AtomicLong();
    /** Each followed object's finder, in the present round; null outside a round. */
    private static volatile WeakIdentityMap<Object, LostUpdateFinder<Step>> finders;
    /** The round's lost updates, each three sites once. */
    private static final Map<String, LostUpdate> FOUND = new LinkedHashMap<>();

    /** A call by a thread at a site, as the finder keeps it until it is part of a lost update. */
    private record Step(String thread, int site) {}

    private ThreadUpdates() {}

    static void begin() {
        synchronized (FOUND) {
            FOUND.clear();
        }
        finders = new WeakIdentityMap<>();
    }

    static List<LostUpdate> drain() {
        finders = null;
        synchronized (FOUND) {
            List<LostUpdate> found = new ArrayList<>(FOUND.values());
            FOUND.clear();
            return found;
        }
    }

    /**
     * Just before the call: a write is announced, and an atomic's {@code set} is checked against what the atomic
     * holds. Returns the call's tick, or 0 when the call is not followed.
     */
    static long before(Object receiver, Object key, Object value, int role, int site) {
        WeakIdentityMap<Object, LostUpdateFinder<Step>> present = finders;
        if (present == null || !isFollowed(receiver)) {
            return 0;
        }
        UpdateRole what = UpdateRole.of(role);
        if (what.reads()) {
            return CLOCK.incrementAndGet();
        }
        LostUpdateFinder<Step> finder = present.get(receiver);
        if (finder == null) {
            // nothing read it yet in this round: an atomic only ever incremented costs no more than this look
            return 0;
        }
        Thread caller = Thread.currentThread();
        Step step = new Step(caller.getName(), site);
        LostUpdateFinder.StaleRead<Step> stale = null;
        long began;
        synchronized (finder) {
            if (what == UpdateRole.SET) {
                // it returns nothing: what it overwrites is, at the latest, what the atomic holds now
                stale = finder.overwrites(key, caller, SyncContracts.heldBy(receiver), CLOCK.incrementAndGet());
            }
            began = CLOCK.incrementAndGet();
            finder.writing(key, caller, step, what.knowsValue() ? value : COMPUTED, began);
        }
        if (stale != null) {
            report(receiver, key, stale, step);
        }
        return began;
    }

    /**
     * Just after the call returned {@code result}: a read is remembered with what it saw, a {@code put} is checked
     * against what it replaced, and a write is known to have happened, or not.
     */
    static void after(Object result, Object receiver, Object key, Object value, long began, int role, int site) {
        if (began == 0) {
            return;
        }
        long ended = CLOCK.incrementAndGet();
        WeakIdentityMap<Object, LostUpdateFinder<Step>> present = finders;
        if (present == null) {
            return;
        }
        UpdateRole what = UpdateRole.of(role);
        LostUpdateFinder<Step> finder = present.computeIfAbsent(receiver, r -> new LostUpdateFinder<>());
        Thread caller = Thread.currentThread();
        Step step = new Step(caller.getName(), site);
        LostUpdateFinder.StaleRead<Step> stale = null;
        synchronized (finder) {
            if (what.reads()) {
                finder.read(key, caller, step, seen(receiver, what, result, value), began);
            } else {
                if (what == UpdateRole.PUT) {
                    stale = finder.overwrites(key, caller, result, ended);
                }
                finder.wrote(key, caller, began, ended, what.wrote(result));
            }
        }
        if (stale != null) {
            report(receiver, key, stale, step);
        }
    }

    /** An atomic (the agent routes only those of its classes here), or a map whose class makes it concurrent. */
    private static boolean isFollowed(Object receiver) {
        return receiver instanceof Map<?, ?> ? JdkObjects.isConcurrent(receiver) : receiver != null;
    }

    /** What a read saw, as the value a later write replaces is compared with it. */
    private static LostUpdateFinder.Seen seen(Object receiver, UpdateRole what, Object result, Object fallback) {
        if (what == UpdateRole.CONTAINS) {
            return LostUpdateFinder.Seen.presence(Boolean.TRUE.equals(result));
        }
        if (receiver instanceof Map<?, ?>) {
            // a map's get has no default: null stands for an absent key either way
            return LostUpdateFinder.Seen.valueOrDefault(result, fallback);
        }
        return SyncContracts.comparesIdentity(receiver)
                ? LostUpdateFinder.Seen.object(result)
                : LostUpdateFinder.Seen.value(result);
    }

    private static void report(Object receiver, Object key, LostUpdateFinder.StaleRead<Step> stale, Step write) {
        AccessSite read = SiteRegistry.call(stale.read().site());
        AccessSite overwritten = SiteRegistry.call(stale.overwritten().site());
        AccessSite writeSite = SiteRegistry.call(write.site());
        if (comesAfter(read, writeSite)) {
            return;
        }
        String type = JdkObjects.typeName(receiver);
        // named as races on objects are: by the field the program reached it through at the write, else at the read
        String field = writeSite.field() != null ? writeSite.field() : read.field() != null ? read.field() : type;
        String sites =
                field + "|" + stale.read().site() + "|" + stale.overwritten().site() + "|" + write.site();
        synchronized (FOUND) {
            if (FOUND.size() < MAX_REPORTED && !FOUND.containsKey(sites)) {
                FOUND.put(
                        sites,
                        new LostUpdate(
                                field,
                                type,
                                UpdateKeys.render(key),
                                access(read, stale.read().thread(), type, AccessKind.READ),
                                access(overwritten, stale.overwritten().thread(), type, AccessKind.WRITE),
                                access(writeSite, write.thread(), type, AccessKind.WRITE)));
            }
        }
    }

    /**
     * Whether the read comes after the write in their method's code: a look a loop's last turn made (a last-writer-wins
     * {@code put}, then a {@code get} to show it), which the next turn's write is not based on. A read-modify-write reads
     * first.
     */
    private static boolean comesAfter(AccessSite read, AccessSite write) {
        if (!read.method().equals(write.method())) {
            return false;
        }
        String readAt = read.location();
        String writeAt = write.location();
        int readColon = readAt.lastIndexOf(':');
        int writeColon = writeAt.lastIndexOf(':');
        if (readColon < 0
                || writeColon < 0
                || !readAt.substring(0, readColon).equals(writeAt.substring(0, writeColon))) {
            return false;
        }
        try {
            return Integer.parseInt(readAt.substring(readColon + 1))
                    > Integer.parseInt(writeAt.substring(writeColon + 1));
        } catch (NumberFormatException unknownLine) {
            return false;
        }
    }

    /** The call as a user reads it, on the object's own class: {@code ConcurrentHashMap.put}. */
    private static Access access(AccessSite site, String thread, String type, AccessKind kind) {
        String call = site.call();
        String method = call.substring(call.indexOf('.') + 1);
        return new Access(
                thread,
                site.method(),
                site.location(),
                kind,
                type.substring(type.lastIndexOf('.') + 1) + "." + method,
                null);
    }
}
