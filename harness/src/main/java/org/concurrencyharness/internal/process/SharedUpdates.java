package org.concurrencyharness.internal.process;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.concurrencyharness.internal.race.LostUpdateFinder;
import org.concurrencyharness.internal.race.UpdateKeys;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.AccessKind;
import org.concurrencyharness.internal.result.LostUpdate;

/**
 * The lost updates among the calls on one object the parent hosts for the processes: a read of a key by one caller,
 * a write of it by another, then a write of it by the first without a read in between. The object serves one call
 * at a time and tells this of each as it serves it, so the order is the real one and the verdict exact, whatever
 * the processes' clocks say: each write of a key makes a new version of it, and a write that replaces another
 * version than its caller read loses the writes in between. A caller that holds a {@code SharedLock} from before its
 * read to after its write, which every other writer takes too, is never reported: no other write can come between;
 * one whose other writer ignores the lock is, as the update it overwrote is lost all the same.
 *
 * <p>Not thread-safe: the object's own lock orders its calls.
 */
final class SharedUpdates {

    private final String field;
    private final String object;
    private final Consumer<LostUpdate> found;
    private final LostUpdateFinder<Access> finder = new LostUpdateFinder<>();
    /** Each key's present version: a new object at each write of it, so that none equals another. */
    private final Map<Object, Object> versions = new HashMap<>();

    private long tick;

    /**
     * @param field the object as a program names it, such as {@code Shared.map("counts")}
     * @param object its interface, such as {@code org.concurrencyharness.SharedMap}
     * @param found where the lost updates go
     */
    SharedUpdates(String field, String object, Consumer<LostUpdate> found) {
        this.field = field;
        this.object = object;
        this.found = found;
    }

    /** A read of the key: a write of it by the same caller is based on it. */
    void read(Object key, SharedCaller caller, String call) {
        finder.read(
                key,
                caller.holder(),
                caller.access(call, AccessKind.READ),
                LostUpdateFinder.Seen.object(versions.get(key)),
                ++tick);
    }

    /** A write of the key whatever it held: the update it completes, if another's write came after its read. */
    void put(Object key, SharedCaller caller, String call) {
        long at = ++tick;
        Access write = caller.access(call, AccessKind.WRITE);
        LostUpdateFinder.StaleRead<Access> stale = finder.overwrites(key, caller.holder(), versions.get(key), at);
        if (stale != null) {
            found.accept(
                    new LostUpdate(field, object, UpdateKeys.render(key), stale.read(), stale.overwritten(), write));
        }
        Object version = new Object();
        versions.put(key, version);
        finder.writing(key, caller.holder(), write, version, at);
        finder.wrote(key, caller.holder(), at, at, true);
    }
}
