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
 * @param handed whether the call is not on the object but is handed it, and goes through it whole ({@code new
 *     ArrayList<>(list)}, {@code String.join(",", names)}): {@code call} then names it whole, as the user wrote it
 * @param library whether the code is a library's (loaded from a jar), not the project's own
 * @param userFrame for an access in a library's code, the project's call into the library it was made under,
 *     {@code File.java:LINE}; else null
 */
record AccessSite(
        String owner,
        String field,
        String method,
        String location,
        boolean write,
        boolean array,
        String call,
        boolean returnsView,
        boolean handed,
        boolean library,
        String userFrame) {

    AccessSite(
            String owner, String field, String method, String location, boolean write, boolean array, boolean library) {
        this(owner, field, method, location, write, array, null, false, false, library, null);
    }

    /** Whether it is a map's {@code get}, which a LinkedHashMap in access order makes a write. */
    boolean readsInOrder() {
        return call != null && SyncContracts.movesEntryInAccessOrder(call);
    }

    /** The same access, made under the project's call at that location. */
    AccessSite under(String userLocation) {
        return new AccessSite(
                owner, field, method, location, write, array, call, returnsView, handed, library, userLocation);
    }
}
