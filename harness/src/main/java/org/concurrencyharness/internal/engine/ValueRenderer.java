package org.concurrencyharness.internal.engine;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Renders a value as a person reads it: strings quoted, arrays and collections listed, other
 * objects as {@code Type{field=value}} to a sane depth. It reads values that other threads may
 * still be changing (daemons), so it never throws.
 */
public final class ValueRenderer {

    private static final int MAX_DEPTH = 3;
    private static final int MAX_ELEMENTS = 20;
    private static final int MAX_STRING = 200;

    private ValueRenderer() {
    }

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
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence s) {
            out.append('"').append(shorten(s.toString())).append('"');
        } else if (value instanceof Character c) {
            out.append('\'').append(c).append('\'');
        } else if (isScalar(value)) {
            out.append(value);
        } else if (value.getClass().isArray()) {
            renderArray(value, out, depth, seen);
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
        } else if (hasUsefulToString(value)) {
            out.append(shorten(String.valueOf(value)));
        } else if (depth >= MAX_DEPTH) {
            out.append(value.getClass().getSimpleName()).append("{...}");
        } else {
            seen.put(value, true);
            renderFields(value, out, depth, seen);
            seen.remove(value);
        }
    }

    private static boolean isScalar(Object value) {
        return value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                || value instanceof AtomicBoolean || value instanceof AtomicInteger || value instanceof AtomicLong
                || value instanceof LongAdder || value instanceof AtomicReference<?>
                || value instanceof AtomicIntegerArray || value instanceof AtomicLongArray;
    }

    /** JDK types and records say what they hold; a plain user object says only its identity. */
    private static boolean hasUsefulToString(Object value) {
        Class<?> type = value.getClass();
        if (type.isRecord()) {
            return true;
        }
        try {
            return type.getMethod("toString").getDeclaringClass() != Object.class
                    || type.getName().startsWith("java.");
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static void renderArray(Object array, StringBuilder out, int depth,
                                    IdentityHashMap<Object, Boolean> seen) {
        int length = Array.getLength(array);
        out.append('[');
        for (int i = 0; i < Math.min(length, MAX_ELEMENTS); i++) {
            if (i > 0) {
                out.append(", ");
            }
            render(Array.get(array, i), out, depth + 1, seen);
        }
        if (length > MAX_ELEMENTS) {
            out.append(", ... (+").append(length - MAX_ELEMENTS).append(" more)");
        }
        out.append(']');
    }

    private static void renderElements(Iterator<?> it, int size, String open, String close, StringBuilder out,
                                       int depth, IdentityHashMap<Object, Boolean> seen) {
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

    private static void renderFields(Object value, StringBuilder out, int depth, IdentityHashMap<Object, Boolean> seen) {
        out.append(value.getClass().getSimpleName()).append('{');
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

    private static String shorten(String s) {
        return s.length() <= MAX_STRING ? s : s.substring(0, MAX_STRING) + "... (" + s.length() + " chars)";
    }
}
