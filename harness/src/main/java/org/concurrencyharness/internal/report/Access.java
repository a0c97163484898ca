package org.concurrencyharness.internal.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One side of a data race: who touched the field, where, and how.
 *
 * @param thread the thread's name
 * @param method the method, as {@code SimpleClass.method}
 * @param location {@code File.java:LINE}
 * @param kind {@code read} or {@code write}
 */
public record Access(String thread, String method, String location, String kind) {

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("thread", thread);
        json.put("method", method);
        json.put("location", location);
        json.put("kind", kind);
        return json;
    }

    static Access fromJson(JsonObject json) {
        return new Access(json.string("thread"), json.string("method"), json.string("location"), json.string("kind"));
    }
}
