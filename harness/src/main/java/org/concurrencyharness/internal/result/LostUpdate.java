package org.concurrencyharness.internal.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lost update: one thread (or process) read a variable or a key through thread-safe calls, another wrote it,
 * then the first wrote it, so that the other's write was overwritten by a value based on what the first read before
 * it. No data race: every call was atomic, the sequence of them was not. Shaped like a {@link Race}, with three
 * accesses.
 *
 * @param field what was updated, as a race names its field: the field through which the program reached the
 *     object ({@code com.example.Hits.counts}), the object's class where there is none, or for an object the
 *     harness hosts for processes, the object ({@code Shared.map("counts")})
 * @param object the class of the object, such as {@code java.util.concurrent.ConcurrentHashMap}
 * @param key the key (or the list's index) that was updated, as Java writes it ({@code "n"}, {@code 3}); null for
 *     a variable such as an atomic
 * @param read the read the update was based on
 * @param overwritten another thread's (or process's) write, after that read
 * @param write the write based on the read, which overwrote it
 */
public record LostUpdate(String field, String object, String key, Access read, Access overwritten, Access write) {

    /** The three accesses, in the order they happened. */
    public List<Access> accesses() {
        return List.of(read, overwritten, write);
    }

    /** What was updated, as a person reads it: {@code Shared.map("counts")["n"]}, or the field alone. */
    public String subject() {
        return key == null ? field : field + "[" + key + "]";
    }

    /** What makes two reports one lost update: the same field and the same three sites, whatever key each lost. */
    public String sites() {
        StringBuilder sites = new StringBuilder(field);
        for (Access access : accesses()) {
            sites.append('|').append(access.location()).append(' ').append(access.kind());
        }
        return sites.toString();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", field);
        json.put("object", object);
        if (key != null) {
            json.put("key", key);
        }
        json.put("accesses", List.of(read.toJson(), overwritten.toJson(), write.toJson()));
        return json;
    }

    /** Reads what {@link #toJson} wrote, parsed. */
    public static LostUpdate fromJson(Object parsed) {
        return fromJson(new JsonObject(parsed));
    }

    static LostUpdate fromJson(JsonObject json) {
        List<Access> accesses = json.list("accesses", Access::fromJson);
        if (accesses.size() != 3) {
            throw new IllegalArgumentException("a lost update has three accesses, got " + accesses.size());
        }
        return new LostUpdate(
                json.string("field"),
                json.string("object"),
                json.string("key"),
                accesses.get(0),
                accesses.get(1),
                accesses.get(2));
    }
}
