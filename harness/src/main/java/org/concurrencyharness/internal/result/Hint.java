package org.concurrencyharness.internal.result;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What source insight flagged before the run: an unprotected compound update of a shared field.
 *
 * @param field {@code fully.qualified.Class.field}
 * @param location {@code File.java:LINE}
 * @param code the source of the flagged expression, such as {@code num += 1}
 * @param reason why it is suspect, such as "read-modify-write outside any lock"
 * @param confirmed whether the dynamic detector found a race on that field
 */
public record Hint(String field, String location, String code, String reason, boolean confirmed) {

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", field);
        json.put("location", location);
        json.put("code", code);
        json.put("reason", reason);
        json.put("confirmed", confirmed);
        return json;
    }

    static Hint fromJson(JsonObject json) {
        return new Hint(
                json.string("field"),
                json.string("location"),
                json.string("code"),
                json.string("reason"),
                json.bool("confirmed"));
    }
}
