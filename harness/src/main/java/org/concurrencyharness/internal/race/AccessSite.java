package org.concurrencyharness.internal.race;

/**
 * Where an access is in the code, fixed when the class was instrumented.
 *
 * @param owner the internal name of the class named by the instruction
 * @param field the field's name, or the array's description for an element access
 * @param method {@code SimpleClass.method} of the accessing code
 * @param location {@code File.java:LINE}
 * @param write whether it writes
 * @param array whether it is an array element access
 * @param call for a call on a JDK object, the type the instruction names and the method, such as {@code List.add};
 *     else null
 * @param returnsView for such a call, whether its result is a view of the object (an iterator, a key set)
 */
record AccessSite(String owner, String field, String method, String location, boolean write, boolean array,
                  String call, boolean returnsView) {

    AccessSite(String owner, String field, String method, String location, boolean write, boolean array) {
        this(owner, field, method, location, write, array, null, false);
    }
}
