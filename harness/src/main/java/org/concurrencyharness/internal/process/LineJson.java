package org.concurrencyharness.internal.process;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON of the children's line protocol: one compact JSON text a line, holding plain values
 * only (strings, numbers, booleans, null, and lists and maps of them). Written by hand rather
 * than with the jackson-core that writes {@code report.json}: loading that library cost every
 * child JVM about 36 ms of start-up, more than doubling what {@code @ForkProcesses} costs.
 *
 * <p>Parsing builds nothing but those plain values, never an object of a type the text names,
 * so what a child says is read without deserialising anything of its choosing. The grammar is
 * JSON's own, strictly: anything else, a whole number beyond a long, or nesting deeper than
 * {@value #MAX_DEPTH} levels is refused, so a child that talks nonsense cannot exhaust the parent's stack.
 */
final class LineJson {

    /** As deep as jackson-core's default nesting limit, which the report files keep to. */
    static final int MAX_DEPTH = 1000;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LineJson() {}

    /** A plain value as one line of JSON: line breaks in strings, U+2028 and U+2029 included, are escaped. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    /** Parses one JSON text into maps ({@link LinkedHashMap}), lists, strings, longs, doubles, booleans and null. */
    static Object parse(String text) {
        return new LineJsonParser(text).document();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            writeNumber(n, out);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, out, nested(depth));
        } else if (value instanceof Iterable<?> list) {
            writeList(list, out, nested(depth));
        } else if (value instanceof Character || value instanceof Enum<?>) {
            quote(value.toString(), out);
        } else {
            throw new IllegalArgumentException(
                    "not a plain JSON value: " + value.getClass().getName());
        }
    }

    /** The depth of a list or map inside one at {@code depth}: a value that holds itself reaches the limit too. */
    private static int nested(int depth) {
        if (depth >= MAX_DEPTH) {
            throw new IllegalArgumentException(
                    "not writable as JSON: nested deeper than " + MAX_DEPTH + " levels, or a value that holds itself");
        }
        return depth + 1;
    }

    private static void writeNumber(Number n, StringBuilder out) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            out.append(n.longValue());
        } else if (n instanceof Double || n instanceof Float) {
            writeDouble(n.doubleValue(), out);
        } else {
            // BigInteger, BigDecimal, the atomics and adders, as they print themselves, if the other end reads that
            // back
            String text = n.toString();
            if (!(parseOrNull(text) instanceof Number)) {
                throw new IllegalArgumentException(
                        "not a plain JSON value: " + n.getClass().getName() + " " + text
                                + (n instanceof BigInteger ? " (a whole number beyond a long's range)" : ""));
            }
            out.append(text);
        }
    }

    /** A whole number without a fraction ({@code 2000}, not {@code 2000.0}); JSON has no NaN or infinity. */
    private static void writeDouble(double d, StringBuilder out) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            out.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append((long) d);
        } else {
            out.append(d);
        }
    }

    private static Object parseOrNull(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    private static void writeMap(Map<?, ?> map, StringBuilder out, int depth) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(String.valueOf(entry.getKey()), out);
            out.append(':');
            write(entry.getValue(), out, depth);
        }
        out.append('}');
    }

    private static void writeList(Iterable<?> list, StringBuilder out, int depth) {
        out.append('[');
        boolean first = true;
        for (Object item : list) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(item, out, depth);
        }
        out.append(']');
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || lonelySurrogate(s, i)) {
                        // a lone surrogate would reach the other end as '?' once encoded in UTF-8; escaped, it arrives
                        escape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean lonelySurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    private static void escape(char c, StringBuilder out) {
        out.append("\\u")
                .append(HEX[c >> 12])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }
}
