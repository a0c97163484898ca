package org.concurrencyharness;

import java.util.Map;

/**
 * A map hosted by the harness in the parent JVM, shared by the children of a
 * {@link ForkProcesses} exercise, as a manager's dict is. Keys are strings; values are plain:
 * strings, numbers, booleans, and lists and maps of them. Each call is atomic on its own; a
 * read followed by a write is not, unless a {@link SharedLock} is held around both.
 */
public interface SharedMap {

    /** The value for the key, or null. Whole numbers come back as {@link Long}. */
    Object get(String key);

    /** The whole number for the key, or 0 when there is none. */
    long getLong(String key);

    /** Sets the key's value. */
    void put(String key, Object value);

    /** How many keys the map holds. */
    int size();

    /** A copy of the whole map, in insertion order. */
    Map<String, Object> snapshot();
}
