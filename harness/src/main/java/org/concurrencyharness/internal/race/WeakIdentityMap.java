package org.concurrencyharness.internal.race;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.function.Function;

/**
 * A concurrent map keyed by object identity that does not keep its keys alive: shadow state and
 * clocks of objects the program dropped are dropped with them.
 *
 * <p>The detector looks into these maps on its slower paths many times a request of a program
 * that makes objects as it goes (each new list, lock or queue node), so a look costs no object
 * and no lock: each of a few segments is an open-addressed table of immutable entries, read
 * without its lock; entries are added and cleared under it, and a table that fills is copied
 * into a new one, which readers then find. An entry whose key was collected stays until the
 * queue reports it, then becomes a tombstone a probe passes over, and is left out when its table
 * is copied.
 */
final class WeakIdentityMap<K, V> {

    private static final int SEGMENTS = 16;
    private static final int FIRST_SIZE = 16;

    /** A slot whose entry was removed: probes go on past it, and an entry may take its place. */
    private static final Entry<Object, Object> TOMBSTONE = new Entry<>(null, null, 0, null);

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Entry[].class);

    private final Segment<K, V>[] segments;
    private final ReferenceQueue<K> queue = new ReferenceQueue<>();

    @SuppressWarnings("unchecked")
    WeakIdentityMap() {
        segments = new Segment[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment<>();
        }
    }

    V get(K key) {
        int hash = System.identityHashCode(key);
        return segmentOf(hash).find(key, hash);
    }

    /**
     * The value of the key, made by the factory if it has none. The factory runs outside the
     * map's locks, and may run in two threads at once for one key: one value is kept, and both
     * get it.
     */
    V computeIfAbsent(K key, Function<K, V> factory) {
        int hash = System.identityHashCode(key);
        Segment<K, V> segment = segmentOf(hash);
        V value = segment.find(key, hash);
        if (value != null) {
            return value;
        }
        expunge();
        V made = factory.apply(key);
        return made == null ? null : segment.putIfAbsent(key, hash, made, queue);
    }

    void put(K key, V value) {
        expunge();
        int hash = System.identityHashCode(key);
        segmentOf(hash).put(key, hash, value, queue);
    }

    V remove(K key) {
        int hash = System.identityHashCode(key);
        return segmentOf(hash).remove(key, hash);
    }

    void clear() {
        for (Segment<K, V> segment : segments) {
            segment.clear();
        }
        while (queue.poll() != null) {
            // the cleared keys' entries went with the tables
        }
    }

    @SuppressWarnings("unchecked")
    private void expunge() {
        Object stale;
        while ((stale = queue.poll()) != null) {
            Entry<K, V> entry = (Entry<K, V>) stale;
            segmentOf(entry.hash).clearEntry(entry);
        }
    }

    private Segment<K, V> segmentOf(int hash) {
        return segments[hash & (SEGMENTS - 1)];
    }

    /** A slot's first probe: the hash's bits above those that chose the segment, spread. */
    private static int firstSlot(int hash, int mask) {
        return ((hash >>> 4) * 0x9E3779B9 >>> 7) & mask;
    }

    /** A key, held weakly, with its value; never changed once in a table. */
    private static final class Entry<K, V> extends WeakReference<K> {
        final int hash;
        final V value;

        Entry(K key, V value, int hash, ReferenceQueue<K> queue) {
            super(key, queue);
            this.hash = hash;
            this.value = value;
        }
    }

    private static final class Segment<K, V> {
        private volatile Entry<K, V>[] table = newTable(FIRST_SIZE);
        /** Slots that are not empty: entries and tombstones; changed under this segment's lock. */
        private int used;

        @SuppressWarnings("unchecked")
        private static <K, V> Entry<K, V>[] newTable(int size) {
            return new Entry[size];
        }

        @SuppressWarnings("unchecked")
        private static <K, V> Entry<K, V> slot(Entry<K, V>[] table, int at) {
            return (Entry<K, V>) SLOTS.getAcquire(table, at);
        }

        V find(Object key, int hash) {
            if (key == null) {
                // a tombstone, and a collected key's entry, hold no key either
                return null;
            }
            Entry<K, V>[] tab = table;
            int mask = tab.length - 1;
            for (int at = firstSlot(hash, mask); ; at = (at + 1) & mask) {
                Entry<K, V> entry = slot(tab, at);
                if (entry == null) {
                    return null;
                }
                if (entry.hash == hash && entry.get() == key) {
                    return entry.value;
                }
            }
        }

        synchronized V putIfAbsent(K key, int hash, V value, ReferenceQueue<K> queue) {
            V found = find(key, hash);
            if (found != null) {
                return found;
            }
            insert(new Entry<>(key, value, hash, queue));
            return value;
        }

        /** In place of the key's entry if it has one, so that a reader never finds the key missing meanwhile. */
        synchronized void put(K key, int hash, V value, ReferenceQueue<K> queue) {
            Entry<K, V> added = new Entry<>(key, value, hash, queue);
            int at = indexOf(key, hash);
            if (at < 0) {
                insert(added);
            } else {
                SLOTS.setRelease(table, at, added);
            }
        }

        synchronized V remove(Object key, int hash) {
            int at = indexOf(key, hash);
            if (at < 0) {
                return null;
            }
            V value = table[at].value;
            tombstone(table, at);
            return value;
        }

        synchronized void clear() {
            table = newTable(FIRST_SIZE);
            used = 0;
        }

        /** Makes a collected key's entry a tombstone, if it is still in the table. */
        synchronized void clearEntry(Entry<K, V> stale) {
            Entry<K, V>[] tab = table;
            int mask = tab.length - 1;
            for (int at = firstSlot(stale.hash, mask); ; at = (at + 1) & mask) {
                Entry<K, V> entry = tab[at];
                if (entry == null) {
                    return;
                }
                if (entry == stale) {
                    tombstone(tab, at);
                    return;
                }
            }
        }

        /** Where the key's entry is in the table, or -1; the caller holds this segment's lock. */
        private int indexOf(Object key, int hash) {
            Entry<K, V>[] tab = table;
            int mask = tab.length - 1;
            for (int at = firstSlot(hash, mask); ; at = (at + 1) & mask) {
                Entry<K, V> entry = tab[at];
                if (entry == null) {
                    return -1;
                }
                if (entry.hash == hash && entry.get() == key) {
                    return at;
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void tombstone(Entry<K, V>[] tab, int at) {
            SLOTS.setRelease(tab, at, (Entry<K, V>) (Entry<?, ?>) TOMBSTONE);
        }

        /** Puts an entry whose key is not in the table; the table is copied first if it would fill. */
        private void insert(Entry<K, V> added) {
            Entry<K, V>[] tab = table;
            if ((used + 1) * 4 > tab.length * 3) {
                tab = rehash(tab);
            }
            int mask = tab.length - 1;
            for (int at = firstSlot(added.hash, mask); ; at = (at + 1) & mask) {
                Entry<K, V> entry = tab[at];
                if (entry == null || entry == TOMBSTONE) {
                    if (entry == null) {
                        used++;
                    }
                    SLOTS.setRelease(tab, at, added);
                    return;
                }
            }
        }

        /**
         * A new table for the entries whose keys are alive, twice their number at least, which
         * readers find from now on; the old one stays valid for those reading it.
         */
        private Entry<K, V>[] rehash(Entry<K, V>[] old) {
            int live = 0;
            for (Entry<K, V> entry : old) {
                if (entry != null && entry != TOMBSTONE && entry.get() != null) {
                    live++;
                }
            }
            int size = FIRST_SIZE;
            while (size < 4 * (live + 1)) {
                size *= 2;
            }
            Entry<K, V>[] tab = newTable(size);
            int mask = size - 1;
            for (Entry<K, V> entry : old) {
                if (entry != null && entry != TOMBSTONE && entry.get() != null) {
                    int at = firstSlot(entry.hash, mask);
                    while (tab[at] != null) {
                        at = (at + 1) & mask;
                    }
                    tab[at] = entry;
                }
            }
            used = live;
            table = tab;
            return tab;
        }
    }
}
