package org.concurrencyharness.internal.race;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.LinkedHashMap;

/**
 * The JDK's objects as the analysis sees them at run time: each class's contract, as
 * SyncContracts#objectContractOf decides it, kept per class; which views stand for which objects;
 * which objects are a library's. An object that is not thread-safe (a list, a map, a builder, a
 * format, a buffer...) is one variable to the analysis, which its calls read or write; a view of
 * one (an iterator, a key set, a sub-list) is the same variable as the object it views. A
 * concurrent or synchronized object synchronises those who call it.
 */
final class JdkObjects {

    enum Contract {
        /** Nothing to the analysis: immutable, thread-safe without synchronising, or not the JDK's. */
        NONE,
        /** Synchronises: {@code java.util.concurrent}, the synchronized collections, {@code StringBuffer}. */
        CONCURRENT,
        /** An object that is not thread-safe: calls on it read or write it. */
        OBJECT,
        /** A view of such an object, or one that may be: calls on it read or write the object it views. */
        VIEW
    }

    private static final ClassValue<Contract> CONTRACTS = new ClassValue<>() {
        @Override
        protected Contract computeValue(Class<?> type) {
            return SyncContracts.objectContractOf(type);
        }
    };
    /** Whether a class is a library's, loaded from a jar: calls on its objects through JDK interfaces enter it. */
    private static final ClassValue<Boolean> LIBRARIES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
                return type.getClassLoader() != null
                        && source != null
                        && source.getLocation() != null
                        && source.getLocation().getPath().endsWith(".jar");
            } catch (SecurityException e) {
                return false;
            }
        }
    };

    /** Views and the object each views: an iterator, a key set or a sub-list stands for its collection. */
    private static final WeakIdentityMap<Object, ViewedObject> VIEWED = new WeakIdentityMap<>();
    /** Objects that have views, each with the one {@link ViewedObject} its views share. */
    private static final WeakIdentityMap<Object, ViewedObject> VIEWED_OBJECTS = new WeakIdentityMap<>();

    private JdkObjects() {}

    static Contract of(Object receiver) {
        return receiver == null ? Contract.NONE : CONTRACTS.get(receiver.getClass());
    }

    /** The object a view stands for, or null if no call is known to have made it. */
    static ViewedObject viewedBy(Object view) {
        return VIEWED.get(view);
    }

    /** A call on {@code of} returned a view of it, or of what {@code of}, itself a view, stands for. */
    static void viewed(Object view, Object of) {
        if (view != null && view != of && CONTRACTS.get(view.getClass()) == Contract.VIEW) {
            ViewedObject viewed = VIEWED.get(of);
            VIEWED.put(view, viewed != null ? viewed : VIEWED_OBJECTS.computeIfAbsent(of, ViewedObject::new));
        }
    }

    /** Whether the object is of a library's class (see {@link #LIBRARIES}). */
    static boolean isLibrarys(Object object) {
        return object != null && LIBRARIES.get(object.getClass());
    }

    /** Whether calls on it synchronise: the map's functional arguments then run under its own locks. */
    static boolean isConcurrent(Object receiver) {
        return of(receiver) == Contract.CONCURRENT;
    }

    /**
     * Whether calls through a view of the object synchronise as its own do: a {@code java.util.concurrent} collection,
     * or a library's concurrent map or queue. Not the synchronized wrappers, {@code Vector} or {@code Hashtable},
     * whose views and iterators are not synchronized.
     */
    static boolean isConcurrentCollection(Object object) {
        return of(object) == Contract.CONCURRENT
                && (object.getClass().getName().startsWith("java.util.concurrent.")
                        || object.getClass().getClassLoader() != null);
    }

    /** The JDK class that names the object in races: its own, or the one a class of the program's extends. */
    static String typeName(Object object) {
        Class<?> type = object.getClass();
        while (type.getClassLoader() != null && type.getSuperclass() != null) {
            type = type.getSuperclass();
        }
        return type.getName();
    }

    /** A LinkedHashMap in access order, whose {@code get} moves the entry it finds: a write. */
    static boolean isAccessOrdered(Object object) {
        VarHandle accessOrder = ACCESS_ORDER;
        return accessOrder != null && object instanceof LinkedHashMap<?, ?> && (boolean) accessOrder.get(object);
    }

    private static final VarHandle ACCESS_ORDER = accessOrder();

    private static VarHandle accessOrder() {
        try {
            return MethodHandles.privateLookupIn(LinkedHashMap.class, MethodHandles.lookup())
                    .findVarHandle(LinkedHashMap.class, "accessOrder", boolean.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // java.util was not opened to the detector: such a get is taken as a read
            return null;
        }
    }
}
