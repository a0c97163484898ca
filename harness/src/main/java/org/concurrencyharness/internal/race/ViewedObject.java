package org.concurrencyharness.internal.race;

import java.lang.ref.WeakReference;

/**
 * A JDK object as its views (an iterator, a key set, an entry, a sub-list, an unmodifiable view)
 * stand for it: a call on any of them reads or writes the object. It holds the object weakly, so
 * that the views do not keep it alive: a map caches its key set and keeps its entries, and a
 * strong reference from the views' table would keep every map ever iterated for the whole run.
 * Should the object be collected while a view of it lives, the views still meet one another's
 * accesses through the shadows the object had last.
 */
final class ViewedObject {

    private final WeakReference<Object> object;
    /** The object's class, which names it in races. */
    final String typeName;
    /** A {@code LinkedHashMap} in access order, whose {@code get} writes (fixed when it is made). */
    final boolean accessOrdered;
    /**
     * A concurrent collection ({@code Collections.newSetFromMap(new ConcurrentHashMap<>())}): calls through its views
     * synchronise as its own do, and read or write nothing.
     */
    private final boolean concurrent;
    /** The object's shadows in the latest round a call through a view met them. */
    private volatile DetachedShadows shadows;

    ViewedObject(Object object) {
        this.object = new WeakReference<>(object);
        this.typeName = JdkObjects.typeName(object);
        this.accessOrdered = JdkObjects.isAccessOrdered(object);
        this.concurrent = JdkObjects.isConcurrentCollection(object);
    }

    /** The collection, if it is a concurrent one whose views' calls synchronise through it (and still lives); else null. */
    Object concurrentCollection() {
        return concurrent ? object.get() : null;
    }

    /** The object's shadows in the thread's round: its own while it lives, else those its views share. */
    DetachedShadows shadows(ThreadState state) {
        Object viewed = object.get();
        if (viewed != null) {
            DetachedShadows own = Accesses.fieldShadows(viewed, state);
            if (shadows != own) {
                shadows = own;
            }
            return own;
        }
        DetachedShadows last = shadows;
        return last != null && last.round == state.round ? last : shadowsOfRound(state.round);
    }

    private synchronized DetachedShadows shadowsOfRound(Round round) {
        DetachedShadows last = shadows;
        if (last == null || last.round != round) {
            last = new DetachedShadows(round);
            shadows = last;
        }
        return last;
    }
}
