package org.concurrencyharness.internal.race;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.Buffer;
import java.security.MessageDigest;
import java.text.Format;
import java.util.BitSet;
import java.util.Calendar;
import java.util.Collection;
import java.util.Formatter;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Scanner;
import java.util.Spliterator;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.Vector;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TransferQueue;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.regex.Matcher;
import java.util.zip.Checksum;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The run-time half of the call contracts (the agent's {@code CallContracts} is the other): what a
 * call on an object of a JDK type means, by the object's class. An object that is not thread-safe
 * (a list, a map, a builder, a format, a buffer...) is one variable to the analysis, which its
 * calls read or write; a view of one (an iterator, a key set, a sub-list) is the same variable as
 * the object it views. A concurrent or synchronized object synchronises those who call it.
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
            return classify(type);
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
    private static final WeakIdentityMap<Object, Object> VIEWED = new WeakIdentityMap<>();

    private JdkObjects() {}

    static Contract of(Object receiver) {
        return receiver == null ? Contract.NONE : CONTRACTS.get(receiver.getClass());
    }

    /** The object the analysis checks for a call on this one. */
    static Object variable(Object receiver, Contract contract) {
        if (contract != Contract.VIEW) {
            return receiver;
        }
        Object viewed = VIEWED.get(receiver);
        return viewed == null ? receiver : viewed;
    }

    /** A call on the object returned a view of it (an iterator, a key set, a sub-list). */
    static void viewed(Object view, Object of) {
        if (view != null && view != of && CONTRACTS.get(view.getClass()) == Contract.VIEW) {
            VIEWED.put(view, of);
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

    /** The interfaces of {@code java.util.concurrent} whose contracts a class of a library's may keep. */
    private static final List<Class<?>> CONCURRENT_CONTRACTS = List.of(
            ConcurrentMap.class,
            BlockingQueue.class,
            TransferQueue.class,
            Executor.class,
            Future.class,
            Lock.class,
            ReadWriteLock.class);

    private static Contract classify(Class<?> type) {
        if (type.getClassLoader() != null) {
            return classifyOther(type);
        }
        String name = type.getName();
        if (name.startsWith("java.util.concurrent.")
                || name.startsWith("java.util.Collections$Synchronized")
                || Vector.class.isAssignableFrom(type)
                || Hashtable.class.isAssignableFrom(type)
                || type == StringBuffer.class) {
            return Contract.CONCURRENT;
        }
        if (name.startsWith("java.util.ImmutableCollections")
                || name.startsWith("java.util.Collections$Empty")
                || name.startsWith("java.util.Collections$Singleton")
                || name.startsWith("java.util.KeyValueHolder")) {
            // immutable, empty or singleton: no call writes them
            return Contract.NONE;
        }
        if (!isObject(type, name)) {
            return Contract.NONE;
        }
        // nested classes of java.util are the views, iterators and entries of their collections
        boolean nested = name.indexOf('$') >= 0 && !name.startsWith("java.util.Arrays$ArrayList");
        return nested ? Contract.VIEW : Contract.OBJECT;
    }

    /**
     * A class of the program's or of a library's: one that keeps a contract of
     * {@code java.util.concurrent}'s, or extends a concurrent class, synchronises as it; one that
     * extends a JDK collection that is not thread-safe (an LRU map made from a LinkedHashMap) is
     * such an object; any other is not the JDK's to judge (its own code is instrumented).
     */
    private static Contract classifyOther(Class<?> type) {
        for (Class<?> contract : CONCURRENT_CONTRACTS) {
            if (contract.isAssignableFrom(type)) {
                return Contract.CONCURRENT;
            }
        }
        for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
            if (c.getClassLoader() == null) {
                Contract jdk = classify(c);
                boolean concrete = !java.lang.reflect.Modifier.isAbstract(c.getModifiers());
                return jdk == Contract.CONCURRENT ? jdk : jdk == Contract.OBJECT && concrete ? jdk : Contract.NONE;
            }
        }
        return Contract.NONE;
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

    private static boolean isObject(Class<?> type, String name) {
        if (name.startsWith("java.util.")) {
            return Collection.class.isAssignableFrom(type)
                    || Map.class.isAssignableFrom(type)
                    || Iterator.class.isAssignableFrom(type)
                    || Spliterator.class.isAssignableFrom(type)
                    || Map.Entry.class.isAssignableFrom(type)
                    || type == BitSet.class
                    || Calendar.class.isAssignableFrom(type)
                    || type == Formatter.class
                    || type == Scanner.class
                    || type == StringJoiner.class
                    || type == SplittableRandom.class
                    || type == Matcher.class
                    || Checksum.class.isAssignableFrom(type)
                    || type == Deflater.class
                    || type == Inflater.class;
        }
        return type == StringBuilder.class
                || Format.class.isAssignableFrom(type)
                || Buffer.class.isAssignableFrom(type)
                || MessageDigest.class.isAssignableFrom(type);
    }
}
