package org.concurrencyharness.internal.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data race: two accesses to the same field or array element, at least one a write, that no
 * happens-before order separates, in the run or in a schedule of it that was predicted.
 *
 * @param field {@code fully.qualified.Class.field}, or {@code fully.qualified.Class.field[]} for an array element;
 *     for a race on a JDK object that is not thread-safe, the field through which the program reached it (its
 *     class where there is none)
 * @param object the class of that JDK object, such as {@code java.util.ArrayList}; null for a field or element race
 * @param first the earlier access
 * @param second the later, conflicting access
 * @param prediction for a race the run ordered by a lock that does not guard it, how another schedule exposes it;
 *     null for a race that happened unordered in the run
 */
public record Race(String field, String object, Access first, Access second, Prediction prediction) {

    /** A race that happened unordered in the run. */
    public Race(String field, String object, Access first, Access second) {
        this(field, object, first, second, null);
    }

    /** A race on a field or an array element, that happened unordered in the run. */
    public Race(String field, Access first, Access second) {
        this(field, null, first, second);
    }

    /** Whether the run ordered it, and a predicted schedule would not. */
    public boolean predicted() {
        return prediction != null;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", field);
        if (object != null) {
            json.put("object", object);
        }
        json.put("accesses", List.of(first.toJson(), second.toJson()));
        if (prediction != null) {
            json.put("predicted", prediction.toJson());
        }
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
        JsonObject predicted = json.object("predicted");
        return new Race(
                json.string("field"),
                json.string("object"),
                accesses.get(0),
                accesses.get(1),
                predicted == null ? null : Prediction.fromJson(predicted));
    }
}
