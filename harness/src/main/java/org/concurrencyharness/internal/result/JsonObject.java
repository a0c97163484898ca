package org.concurrencyharness.internal.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Typed reads from a parsed JSON object, with defaults for what an older writer left out. */
final class JsonObject {

    private final Map<?, ?> map;

    Map<?, ?> map() {
        return map;
    }

    JsonObject(Object parsed) {
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("expected a JSON object, got " + parsed);
        }
        this.map = m;
    }

    String string(String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    long longValue(String key) {
        Object value = map.get(key);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    int intValue(String key) {
        return (int) longValue(key);
    }

    double doubleValue(String key) {
        Object value = map.get(key);
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }

    boolean bool(String key) {
        return Boolean.TRUE.equals(map.get(key));
    }

    Integer nullableInt(String key) {
        Object value = map.get(key);
        return value instanceof Number n ? n.intValue() : null;
    }

    JsonObject object(String key) {
        Object value = map.get(key);
        return value == null ? null : new JsonObject(value);
    }

    <T> List<T> list(String key, Function<JsonObject, T> reader) {
        List<T> out = new ArrayList<>();
        if (map.get(key) instanceof List<?> list) {
            for (Object item : list) {
                out.add(reader.apply(new JsonObject(item)));
            }
        }
        return out;
    }

    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        if (map.get(key) instanceof List<?> list) {
            for (Object item : list) {
                out.add(String.valueOf(item));
            }
        }
        return out;
    }

    Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map.get(key) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "null" : v.toString()));
        }
        return out;
    }

    static <T> List<Map<String, Object>> toJson(List<T> items, Function<T, Map<String, Object>> writer) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (T item : items) {
            out.add(writer.apply(item));
        }
        return out;
    }
}
