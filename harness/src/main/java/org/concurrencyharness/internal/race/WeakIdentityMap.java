package org.concurrencyharness.internal.race;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A concurrent map keyed by object identity that does not keep its keys alive: shadow state and
 * clocks of objects the program dropped are dropped with them.
 */
final class WeakIdentityMap<K, V> {

    private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
    private final ReferenceQueue<K> queue = new ReferenceQueue<>();

    V get(K key) {
        return map.get(new Lookup(key));
    }

    V computeIfAbsent(K key, Function<K, V> factory) {
        V value = map.get(new Lookup(key));
        if (value != null) {
            return value;
        }
        expunge();
        return map.computeIfAbsent(new WeakKey<>(key, queue), k -> factory.apply(key));
    }

    void put(K key, V value) {
        expunge();
        map.put(new WeakKey<>(key, queue), value);
    }

    V remove(K key) {
        return map.remove(new Lookup(key));
    }

    void clear() {
        map.clear();
        while (queue.poll() != null) {
            // the cleared keys' entries went with the map's
        }
    }

    private void expunge() {
        Object stale;
        while ((stale = queue.poll()) != null) {
            map.remove(stale);
        }
    }

    private interface Identity {
        Object referent();
    }

    private static final class WeakKey<K> extends WeakReference<K> implements Identity {
        private final int hash;

        WeakKey(K key, ReferenceQueue<K> queue) {
            super(key, queue);
            this.hash = System.identityHashCode(key);
        }

        @Override
        public Object referent() {
            return get();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Object mine = get();
            return mine != null && other instanceof Identity id && id.referent() == mine;
        }
    }

    private static final class Lookup implements Identity {
        private final Object key;

        Lookup(Object key) {
            this.key = key;
        }

        @Override
        public Object referent() {
            return key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity id && id.referent() == key;
        }
    }
}
