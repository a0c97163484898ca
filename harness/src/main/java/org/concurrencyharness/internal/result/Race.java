package org.concurrencyharness.internal.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data race: two accesses to the same field or array element, at least one a write, that no
 * happens-before order separates.
 *
 * @param field {@code fully.qualified.Class.field}, or {@code fully.qualified.Class.field[]} for an array element;
 *     for a race on a JDK object that is not thread-safe, the field through which the program reached it (its
 *     class where there is none)
 * @param object the class of that JDK object, such as {@code java.util.ArrayList}; null for a field or element race
 * @param first the earlier access
 * @param second the later, conflicting access
 */
public record Race(String field, String object, Access first, Access second) {

    /** A race on a field or an array element. */
    public Race(String field, Access first, Access second) {
        this(field, null, first, second);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", field);
        if (object != null) {
            json.put("object", object);
        }
        json.put("accesses", List.of(first.toJson(), second.toJson()));
        return json;
    }

    /** Reads what {@link #toJson} wrote, parsed. */
    public static Race fromJson(Object parsed) {
        return fromJson(new JsonObject(parsed));
    }

    static Race fromJson(JsonObject json) {
        List<Access> accesses = json.list("accesses", Access::fromJson);
        if (accesses.size() != 2) {
            throw new IllegalArgumentException("a race needs two accesses, got " + accesses.size());
        }
        return new Race(json.string("field"), json.string("object"), accesses.get(0), accesses.get(1));
    }
}
