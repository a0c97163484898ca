package org.concurrencyharness.internal.execution;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicMarkableReference;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.AtomicStampedReference;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Renders a value as a person reads it: strings quoted, arrays and collections listed,
 * synchronisers and threads by their state, atomics by their value, other objects as
 * {@code Type{field=value}} to a sane depth. Never an identity hash, which differs from run to
 * run, so that two runs' reports can be compared. It reads values that other threads may still be
 * changing (daemons), so it never throws.
 */
public final class ValueRenderer {

    private static final int MAX_DEPTH = 3;
    private static final int MAX_ELEMENTS = 20;
    private static final int MAX_STRING = 200;

    /**
     * {@code java.util.concurrent.locks.ReentrantLock@4246285a} in what a {@code toString} says, of the object itself
     * or of one it holds: the class's simple name stays, its identity hash goes.
     */
    private static final Pattern IDENTITY = Pattern.compile("\\b(?:[a-z_][\\w]*\\.)*([A-Z][\\w$]*)@[0-9a-f]{1,8}\\b");

    private ValueRenderer() {}

    public static String render(Object value) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                StringBuilder out = new StringBuilder();
                render(value, out, 0, new IdentityHashMap<>());
                return out.toString();
            } catch (ConcurrentModificationException | IndexOutOfBoundsException | java.util.NoSuchElementException e) {
                // another thread changed it while we read; try again
            } catch (RuntimeException | StackOverflowError e) {
                return "<" + e.getClass().getSimpleName() + " while rendering>";
            }
        }
        return "<changing>";
    }

    private static void render(Object value, StringBuilder out, int depth, IdentityHashMap<Object, Boolean> seen) {
        String state = SynchronizerState.describe(value);
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence s) {
            out.append('"').append(shorten(s.toString())).append('"');
        } else if (value instanceof Character c) {
            out.append('\'').append(c).append('\'');
        } else if (value instanceof Number
                || value instanceof Boolean
                || value instanceof Enum<?>
                || value instanceof AtomicBoolean) {
            // the atomic and accumulating numbers among them print their value
            out.append(value);
        } else if (value.getClass().isArray()) {
            renderElements(Array.getLength(value), i -> Array.get(value, i), out, depth, seen);
        } else if (value instanceof AtomicIntegerArray array) {
            renderElements(array.length(), array::get, out, depth, seen);
        } else if (value instanceof AtomicLongArray array) {
            renderElements(array.length(), array::get, out, depth, seen);
        } else if (state != null) {
            out.append(state);
        } else if (seen.containsKey(value)) {
            out.append("<cycle>");
        } else if (value instanceof Collection<?> collection) {
            seen.put(value, true);
            renderElements(collection.iterator(), collection.size(), "[", "]", out, depth, seen);
            seen.remove(value);
        } else if (value instanceof Map<?, ?> map) {
            seen.put(value, true);
            renderMap(map, out, depth, seen);
            seen.remove(value);
        } else if (value instanceof AtomicReference<?>
                || value instanceof AtomicReferenceArray<?>
                || value instanceof AtomicStampedReference<?>
                || value instanceof AtomicMarkableReference<?>) {
            seen.put(value, true);
            renderReference(value, out, depth, seen);
            seen.remove(value);
        } else if (ownToString(value.getClass())) {
            out.append(shorten(IDENTITY.matcher(String.valueOf(value)).replaceAll("$1")));
        } else if (isJdkClass(value.getClass())) {
            // its fields are the JDK's, closed to reflection: its class says what it is
            out.append(simpleName(value.getClass()));
        } else if (depth >= MAX_DEPTH) {
            out.append(simpleName(value.getClass())).append("{...}");
        } else {
            seen.put(value, true);
            renderFields(value, out, depth, seen);
            seen.remove(value);
        }
    }

    /** What a reference atomic holds, rendered as any value is: the atomic itself is only a box. */
    private static void renderReference(
            Object atomic, StringBuilder out, int depth, IdentityHashMap<Object, Boolean> seen) {
        if (atomic instanceof AtomicReference<?> reference) {
            render(reference.get(), out, depth + 1, seen);
        } else if (atomic instanceof AtomicReferenceArray<?> array) {
            renderElements(array.length(), array::get, out, depth, seen);
        } else if (atomic instanceof AtomicStampedReference<?> reference) {
            int[] stamp = new int[1];
            render(reference.get(stamp), out, depth + 1, seen);
            out.append(" (stamp ").append(stamp[0]).append(')');
        } else if (atomic instanceof AtomicMarkableReference<?> reference) {
            boolean[] mark = new boolean[1];
            render(reference.get(mark), out, depth + 1, seen);
            out.append(mark[0] ? " (marked)" : " (unmarked)");
        }
    }

    /** Whether the class, or a superclass short of {@code Object}, says what it holds: records and JDK values do. */
    private static boolean ownToString(Class<?> type) {
        try {
            return type.getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean isJdkClass(Class<?> type) {
        return type.getClassLoader() == null || type.getClassLoader() == ClassLoader.getPlatformClassLoader();
    }

    private static void renderElements(
            int length,
            IntFunction<Object> element,
            StringBuilder out,
            int depth,
            IdentityHashMap<Object, Boolean> seen) {
        out.append('[');
        for (int i = 0; i < Math.min(length, MAX_ELEMENTS); i++) {
            if (i > 0) {
                out.append(", ");
            }
            render(element.apply(i), out, depth + 1, seen);
        }
        if (length > MAX_ELEMENTS) {
            out.append(", ... (+").append(length - MAX_ELEMENTS).append(" more)");
        }
        out.append(']');
    }

    private static void renderElements(
            Iterator<?> it,
            int size,
            String open,
            String close,
            StringBuilder out,
            int depth,
            IdentityHashMap<Object, Boolean> seen) {
        out.append(open);
        int shown = 0;
        while (it.hasNext() && shown < MAX_ELEMENTS) {
            if (shown > 0) {
                out.append(", ");
            }
            render(it.next(), out, depth + 1, seen);
            shown++;
        }
        if (size > shown) {
            out.append(", ... (+").append(size - shown).append(" more)");
        }
        out.append(close);
    }

    private static void renderMap(Map<?, ?> map, StringBuilder out, int depth, IdentityHashMap<Object, Boolean> seen) {
        out.append('{');
        int shown = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (shown == MAX_ELEMENTS) {
                break;
            }
            if (shown > 0) {
                out.append(", ");
            }
            render(entry.getKey(), out, depth + 1, seen);
            out.append('=');
            render(entry.getValue(), out, depth + 1, seen);
            shown++;
        }
        if (map.size() > shown) {
            out.append(", ... (+").append(map.size() - shown).append(" more)");
        }
        out.append('}');
    }

    private static void renderFields(
            Object value, StringBuilder out, int depth, IdentityHashMap<Object, Boolean> seen) {
        out.append(simpleName(value.getClass())).append('{');
        boolean first = true;
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                out.append(first ? "" : ", ").append(field.getName()).append('=');
                first = false;
                try {
                    field.setAccessible(true);
                    render(field.get(value), out, depth + 1, seen);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    out.append("<inaccessible>");
                }
            }
        }
        out.append('}');
    }

    /** A hidden class's name ends in its address, {@code Task$$Lambda/0x000001d0}, which differs from run to run. */
    private static String simpleName(Class<?> type) {
        String name = type.getSimpleName();
        int address = type.isHidden() ? name.indexOf('/') : -1;
        return address < 0 ? name : name.substring(0, address);
    }

    private static String shorten(String s) {
        return s.length() <= MAX_STRING ? s : s.substring(0, MAX_STRING) + "... (" + s.length() + " chars)";
    }
}
