package org.concurrencyharness.internal.race;

/**
 * What a {@code VarHandle}'s or {@code Unsafe}'s access to a variable synchronises, by its name, as
 * the memory modes of {@code VarHandle} define them: a volatile or release write releases, a
 * volatile or acquire read acquires, a read-modify-write ({@code compareAndSet}, {@code getAndAdd},
 * ...) does both unless it says only one, and plain and opaque accesses order nothing. So two
 * threads that only read plainly through such accesses are not ordered by them.
 */
final class AccessModes {

    private AccessModes() {}

    static boolean releases(String method) {
        if (isReadModifyWrite(method)) {
            return !method.endsWith("Acquire") && !method.endsWith("Plain");
        }
        return isWrite(method)
                && (method.contains("Volatile") || method.contains("Ordered") || method.endsWith("Release"));
    }

    static boolean acquires(String method) {
        if (isReadModifyWrite(method)) {
            return !method.endsWith("Release") && !method.endsWith("Plain");
        }
        return !isWrite(method) && (method.contains("Volatile") || method.endsWith("Acquire"));
    }

    private static boolean isReadModifyWrite(String method) {
        return method.startsWith("compareAnd") || method.startsWith("weakCompareAnd") || method.startsWith("getAnd");
    }

    private static boolean isWrite(String method) {
        return method.startsWith("set") || method.startsWith("put");
    }
}
