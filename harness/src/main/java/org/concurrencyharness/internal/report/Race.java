package org.concurrencyharness.internal.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data race: two accesses to the same field or array element, at least one a write, that no
 * happens-before order separates.
 *
 * @param field {@code fully.qualified.Class.field}, or {@code fully.qualified.Class.field[]} for an array element
 * @param first the earlier access
 * @param second the later, conflicting access
 */
public record Race(String field, Access first, Access second) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", field);
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
        return new Race(json.string("field"), accesses.get(0), accesses.get(1));
    }
}
