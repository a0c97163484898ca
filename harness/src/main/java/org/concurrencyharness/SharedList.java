package org.concurrencyharness;

import java.util.List;

/**
 * A list hosted by the harness in the parent JVM, shared by the children of a
 * {@link ForkProcesses} exercise, as a manager's list is. Elements are plain values.
 */
public interface SharedList {

    /** Appends a value. */
    void add(Object value);

    /** The element at the index. */
    Object get(int index);

    /** Replaces the element at the index. */
    void set(int index, Object value);

    /** How many elements the list holds. */
    int size();

    /** A copy of the whole list. */
    List<Object> snapshot();
}
