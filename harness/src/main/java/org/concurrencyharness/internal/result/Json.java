package org.concurrencyharness.internal.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for plain values only: strings, numbers, booleans, null, and lists and maps of them, written
 * and read with jackson-core's streaming API (shaded into the harness jar): {@code report.json}, and
 * each exercise's result as the engine hands it to the plugin's fork. Reading builds nothing but
 * those: never an object of a type the text names, so a report file can be read without
 * deserialising anything arbitrary. A forked exercise's children speak their line protocol
 * without it, in {@code LineJson}, so that no child JVM spends its start-up loading jackson-core.
 */
public final class Json {

    private static final JsonFactory FACTORY = newFactory();

    private Json() {}

    private static JsonFactory newFactory() {
        JsonFactory factory = new JsonFactory();
        // a child's line of output or a long stack trace is a long string: only the nesting is limited
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE)
                .maxNameLength(Integer.MAX_VALUE)
                .build());
        // the keys of a child's shared map are data, not a fixed vocabulary worth the JVM's string table
        factory.disable(JsonFactory.Feature.INTERN_FIELD_NAMES);
        factory.setCharacterEscapes(new LineSeparatorEscapes());
        return factory;
    }

    /** Writes a plain value as compact JSON. */
    public static String write(Object value) {
        return write(value, null);
    }

    /** Writes a plain value as JSON indented by two spaces, for files a person may open. */
    public static String writePretty(Object value) {
        return write(value, PrettyLayout.TEMPLATE.createInstance()) + "\n";
    }

    /** Parses JSON text into maps ({@link LinkedHashMap}), lists, strings, numbers (long or double), booleans and null. */
    public static Object parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            Object value = read(parser, parser.nextToken());
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected text after the value");
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw new IllegalArgumentException(
                    "Invalid JSON at offset " + (location == null ? "?" : location.getCharOffset()) + ": "
                            + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string failed", e);
        }
    }

    private static String write(Object value, PrettyPrinter pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(pretty);
            writeValue(value, generator);
        } catch (IOException e) {
            // a StringWriter never fails: this is the nesting limit, reached by a value too deep or one that holds
            // itself
            throw new IllegalArgumentException("not writable as JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void writeValue(Object value, JsonGenerator out) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Double || value instanceof Float) {
            writeDouble(((Number) value).doubleValue(), out);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger i) {
            out.writeNumber(i);
        } else if (value instanceof Number n) {
            // BigDecimal, and the atomics and adders, as they print themselves
            out.writeNumber(new BigDecimal(n.toString()));
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(entry.getValue(), out);
            }
            out.writeEndObject();
        } else if (value instanceof Iterable<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                writeValue(item, out);
            }
            out.writeEndArray();
        } else if (value instanceof Character || value instanceof Enum<?>) {
            out.writeString(value.toString());
        } else {
            throw new IllegalArgumentException(
                    "not a plain JSON value: " + value.getClass().getName());
        }
    }

    /** A whole number without a fraction ({@code 2000}, not {@code 2000.0}); JSON has no NaN or infinity. */
    private static void writeDouble(double d, JsonGenerator out) throws IOException {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            out.writeNull();
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.writeNumber((long) d);
        } else {
            out.writeNumber(d);
        }
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonParseException(parser, "unexpected end of input");
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> parser.getText();
            // a whole number beyond a long's range is refused, so callers get a long or a double, nothing else
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            map.put(key, read(parser, parser.nextToken()));
        }
        return map;
    }

    private static List<Object> readArray(JsonParser parser) throws IOException {
        List<Object> list = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            list.add(read(parser, token));
        }
        return list;
    }
}
