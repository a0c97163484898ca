package org.concurrencyharness.internal.result;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One side of a data race: who touched the field, where, and how.
 *
 * @param thread the thread's name
 * @param method the method, as {@code SimpleClass.method}
 * @param location {@code File.java:LINE}
 * @param kind whether it read or wrote
 * @param call for an access through a call on a JDK object, the method called, such as {@code ArrayList.add}; else null
 * @param userFrame for an access inside a library's classes, the nearest frame in the project's own classes, as
 *     {@code File.java:LINE}; else null
 */
public record Access(String thread, String method, String location, AccessKind kind, String call, String userFrame) {

    /** A field or element access in the project's own code. */
    public Access(String thread, String method, String location, AccessKind kind) {
        this(thread, method, location, kind, null, null);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("thread", thread);
        json.put("method", method);
        json.put("location", location);
        json.put("kind", kind.toString());
        if (call != null) {
            json.put("call", call);
        }
        if (userFrame != null) {
            json.put("userFrame", userFrame);
        }
        return json;
    }

    static Access fromJson(JsonObject json) {
        return new Access(
                json.string("thread"),
                json.string("method"),
                json.string("location"),
                AccessKind.of(json.string("kind")),
                json.string("call"),
                json.string("userFrame"));
    }
}
