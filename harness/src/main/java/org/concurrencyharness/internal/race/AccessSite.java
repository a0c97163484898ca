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
 */
record AccessSite(String owner, String field, String method, String location, boolean write, boolean array) {
}
