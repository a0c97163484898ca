package org.concurrencyharness.internal.race;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Spliterator;

/**
 * The views and iterators of concurrent collections (a {@code ConcurrentHashMap}'s key set, a
 * {@code ConcurrentLinkedQueue}'s iterator), each with the collection it shows. Their calls
 * synchronise through that collection: {@code java.util.concurrent} orders what a thread did before
 * placing an element in a concurrent collection before whatever follows another thread's access to
 * it, and a weakly consistent iterator can reach an element placed after the iterator was made.
 */
final class ConcurrentViews {

    /** Nested classes of {@code java.util.concurrent} that are iterators, views or entries of their collections. */
    private static final ClassValue<Boolean> VIEW_CLASSES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.getClassLoader() == null
                    && type.getName().startsWith("java.util.concurrent.")
                    && type.getName().indexOf('$') >= 0
                    && (Iterator.class.isAssignableFrom(type)
                            || Spliterator.class.isAssignableFrom(type)
                            || Collection.class.isAssignableFrom(type)
                            || Map.class.isAssignableFrom(type));
        }
    };

    private static final WeakIdentityMap<Object, Object> COLLECTIONS = new WeakIdentityMap<>();
    /** Whether any view was linked: until one is, no synchronising object is looked up. */
    private static volatile boolean any;

    private ConcurrentViews() {}

    /** A call on {@code collection}, itself maybe a view of one, returned {@code view}. */
    static void link(Object view, Object collection) {
        if (view != null && view != collection && VIEW_CLASSES.get(view.getClass())) {
            COLLECTIONS.put(view, of(collection));
            any = true;
        }
    }

    /**
     * Whether the object is a linked view or iterator. Its calls that only look (an iterator's {@code next}, a key
     * set's {@code contains}) only acquire from the collection, as the volatile reads they are: else two threads
     * iterating one collection would be ordered by it.
     */
    static boolean isView(Object object) {
        return any && object != null && VIEW_CLASSES.get(object.getClass()) && COLLECTIONS.get(object) != null;
    }

    /** What a call on the object synchronises through: the collection it is a view of, else the object itself. */
    static Object of(Object sync) {
        if (!any || sync == null || !VIEW_CLASSES.get(sync.getClass())) {
            return sync;
        }
        Object collection = COLLECTIONS.get(sync);
        return collection != null ? collection : sync;
    }
}
