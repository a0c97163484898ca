package org.concurrencyharness.internal.race;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the lost updates among the calls on the keys of one object (an atomic's one value is a key too): a caller
 * reads a key, another caller writes it, then the first writes it without reading it again, so that the other's
 * write is overwritten by a value based on what the first read before it.
 *
 * <p>That another's write came between is known from the values, not from when the calls ran, which hooks around
 * calls cannot tell apart when they overlap: the value the first caller's write replaced (a map's {@code put}
 * returns it), or found just before it, is not the one it read, and no write of its own came between. The other's
 * write is then named among those other callers made of the key that may have come after the read (by ticks of one
 * clock taken just before and after each call): the one that wrote the value replaced, else the latest. A change
 * that no write it heard of explains (made by code it does not follow) is not reported.
 *
 * <p>Not thread-safe: its user orders its calls.
 *
 * @param <A> what its user knows of an access, handed back when one is part of a lost update
 */
public final class LostUpdateFinder<A> {

    /** How many of a key's latest writes are kept to name the one a lost update overwrote. */
    private static final int WRITES_KEPT = 16;

    /** A read, and the other caller's write that a write based on it overwrote. */
    public record StaleRead<A>(A read, A overwritten) {}

    /** What a read saw of a key, and whether a later look at the key sees the same. */
    public interface Seen {

        /** Whether the key, found holding {@code now}, still holds what was seen. */
        boolean same(Object now);

        /** The very object (a map's value, an atomic reference's). */
        static Seen object(Object seen) {
            return now -> now == seen;
        }

        /** An equal value (an atomic number's or boolean's, boxed). */
        static Seen value(Object seen) {
            return now -> Objects.equals(now, seen);
        }

        /** Whether the key was present ({@code containsKey}): a later value says so by not being null. */
        static Seen presence(boolean present) {
            return now -> (now != null) == present;
        }

        /** What {@code getOrDefault} returned: the default may stand for an absent key. */
        static Seen valueOrDefault(Object seen, Object fallback) {
            return seen == fallback ? now -> now == null || now == fallback : object(seen);
        }
    }

    private record Pending<A>(A read, Seen seen, long began) {}

    /** A write of a key by a caller; {@code ended} is 0 while it runs. */
    private static final class Write<A> {
        final Object caller;
        final A access;
        final Object value;
        final long began;
        long ended;

        Write(Object caller, A access, Object value, long began) {
            this.caller = caller;
            this.access = access;
            this.value = value;
            this.began = began;
        }
    }

    /** By key, by caller: each caller's last read of the key that no write of its own has followed. */
    private final Map<Object, Map<Object, Pending<A>>> pending = new HashMap<>();
    /** By key, its latest writes, the latest last. */
    private final Map<Object, Deque<Write<A>>> writes = new HashMap<>();

    /** A read of the key by the caller, which began at that tick and saw that: its later write may be based on it. */
    public void read(Object key, Object caller, A read, Seen seen, long began) {
        pending.computeIfAbsent(key, k -> new HashMap<>()).put(caller, new Pending<>(read, seen, began));
    }

    /**
     * A write of the key by the caller, beginning at that tick: {@code value} is what it writes, or a value of its
     * own that nothing equals when that is not known (a map's {@code merge} computes it).
     */
    public void writing(Object key, Object caller, A write, Object value, long began) {
        Deque<Write<A>> latest = writesOf(key);
        if (latest.size() == WRITES_KEPT) {
            latest.removeFirst();
        }
        latest.addLast(new Write<>(caller, write, value, began));
    }

    /**
     * The caller's write that began at {@code began} has ended at {@code ended}; if it {@code happened} (a
     * compare-and-set may not), the caller's own read of the key is used up: a write after it is based on its own.
     */
    public void wrote(Object key, Object caller, long began, long ended, boolean happened) {
        for (Iterator<Write<A>> it = writesOf(key).descendingIterator(); it.hasNext(); ) {
            Write<A> write = it.next();
            if (write.began == began && write.caller.equals(caller)) {
                if (happened) {
                    write.ended = ended;
                } else {
                    it.remove();
                }
                break;
            }
        }
        Map<Object, Pending<A>> reads = pending.get(key);
        if (happened && reads != null) {
            reads.remove(caller);
        }
    }

    /**
     * The caller writes the key, whatever it held, and found it holding {@code now} as it did (what the write
     * replaced, or what the key held just before it), before a tick {@code before}: the read the write is based on
     * and the other caller's write it overwrites, if the key changed since the caller read it; else null. The read
     * is used up either way.
     */
    public StaleRead<A> overwrites(Object key, Object caller, Object now, long before) {
        Map<Object, Pending<A>> reads = pending.get(key);
        Pending<A> read = reads == null ? null : reads.remove(caller);
        if (read == null || read.seen().same(now)) {
            return null;
        }
        Write<A> named = null;
        for (Iterator<Write<A>> it = writesOf(key).descendingIterator(); it.hasNext(); ) {
            Write<A> write = it.next();
            boolean mayFollowTheRead = write.began < before && (write.ended == 0 || write.ended > read.began());
            if (!mayFollowTheRead || write.caller.equals(caller)) {
                continue;
            }
            if (Objects.equals(write.value, now)) {
                named = write;
                break;
            }
            named = named == null ? write : named;
        }
        return named == null ? null : new StaleRead<>(read.read(), named.access);
    }

    private Deque<Write<A>> writesOf(Object key) {
        return writes.computeIfAbsent(key, k -> new ArrayDeque<>());
    }
}
