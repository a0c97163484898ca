package org.concurrencyharness.internal.race;

import java.nio.Buffer;
import java.security.MessageDigest;
import java.text.Format;
import java.util.BitSet;
import java.util.Calendar;
import java.util.Collection;
import java.util.Formatter;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.Map;
import java.util.Scanner;
import java.util.Spliterator;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.Vector;
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
    /** Views and the object each views: an iterator, a key set or a sub-list stands for its collection. */
    private static final WeakIdentityMap<Object, Object> VIEWED = new WeakIdentityMap<>();

    private JdkObjects() {
    }

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

    /** Whether calls on it synchronise: the map's functional arguments then run under its own locks. */
    static boolean isConcurrent(Object receiver) {
        return of(receiver) == Contract.CONCURRENT;
    }

    private static Contract classify(Class<?> type) {
        if (type.getClassLoader() != null) {
            // a class of the program's or a library's that extends a concurrent one synchronises as it does
            for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
                if (c.getClassLoader() == null) {
                    return classify(c) == Contract.CONCURRENT ? Contract.CONCURRENT : Contract.NONE;
                }
            }
            return Contract.NONE;
        }
        String name = type.getName();
        if (name.startsWith("java.util.concurrent.") || name.startsWith("java.util.Collections$Synchronized")
                || Vector.class.isAssignableFrom(type) || Hashtable.class.isAssignableFrom(type)
                || type == StringBuffer.class) {
            return Contract.CONCURRENT;
        }
        if (name.startsWith("java.util.ImmutableCollections") || name.startsWith("java.util.Collections$")
                || name.startsWith("java.util.KeyValueHolder")) {
            // immutable, empty, singleton, or unmodifiable: no call writes them
            return Contract.NONE;
        }
        if (!isObject(type, name)) {
            return Contract.NONE;
        }
        // nested classes of java.util are the views, iterators and entries of their collections
        boolean nested = name.indexOf('$') >= 0 && !name.startsWith("java.util.Arrays$ArrayList");
        return nested ? Contract.VIEW : Contract.OBJECT;
    }

    private static boolean isObject(Class<?> type, String name) {
        if (name.startsWith("java.util.")) {
            return Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                    || Iterator.class.isAssignableFrom(type) || Spliterator.class.isAssignableFrom(type)
                    || Map.Entry.class.isAssignableFrom(type) || type == BitSet.class
                    || Calendar.class.isAssignableFrom(type) || type == Formatter.class || type == Scanner.class
                    || type == StringJoiner.class || type == SplittableRandom.class || type == Matcher.class
                    || Checksum.class.isAssignableFrom(type) || type == Deflater.class || type == Inflater.class;
        }
        return type == StringBuilder.class || Format.class.isAssignableFrom(type)
                || Buffer.class.isAssignableFrom(type) || MessageDigest.class.isAssignableFrom(type);
    }
}
