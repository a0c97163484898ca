package org.concurrencyharness.internal.agent;

import java.util.Map;
import java.util.Set;
import org.concurrencyharness.internal.race.UpdateRole;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Which of the project's calls can be part of a lost update, and as what, by the type and method the instruction
 * names: the calls that read or write one key of a map that may be a concurrent one (whether it is, its class decides
 * at run time), and one atomic's value. What each role means is {@link UpdateRole}'s.
 */
final class UpdateCalls {

    private static final Set<String> MAPS = Set.of(
            "java/util/Map",
            "java/util/SortedMap",
            "java/util/NavigableMap",
            "java/util/Hashtable",
            "java/util/concurrent/ConcurrentMap",
            "java/util/concurrent/ConcurrentNavigableMap",
            "java/util/concurrent/ConcurrentHashMap",
            "java/util/concurrent/ConcurrentSkipListMap");
    private static final Set<String> ATOMICS = Set.of(
            "java/util/concurrent/atomic/AtomicInteger",
            "java/util/concurrent/atomic/AtomicLong",
            "java/util/concurrent/atomic/AtomicBoolean",
            "java/util/concurrent/atomic/AtomicReference");

    /** A map's methods whose first argument is the key, by name and number of arguments. */
    private static final Map<String, UpdateRole> MAP_ROLES = Map.ofEntries(
            Map.entry("get/1", UpdateRole.READ),
            Map.entry("getOrDefault/2", UpdateRole.READ),
            Map.entry("containsKey/1", UpdateRole.CONTAINS),
            Map.entry("put/2", UpdateRole.PUT),
            Map.entry("compute/2", UpdateRole.WRITE),
            Map.entry("merge/3", UpdateRole.WRITE),
            Map.entry("putIfAbsent/2", UpdateRole.WRITE_IF_NULL),
            Map.entry("replace/3", UpdateRole.WRITE_IF_TRUE),
            Map.entry("remove/2", UpdateRole.WRITE_IF_TRUE),
            Map.entry("remove/1", UpdateRole.WRITE_IF_PRESENT),
            Map.entry("replace/2", UpdateRole.WRITE_IF_PRESENT));
    /** Which of a map's arguments is the value it writes (for {@code getOrDefault}, its default); else none. */
    private static final Map<String, Integer> MAP_VALUES =
            Map.of("put/2", 1, "putIfAbsent/2", 1, "getOrDefault/2", 1, "replace/2", 1, "replace/3", 2);

    /** Reads that return the value as the atomic holds it, so that a later value compares with it. */
    private static final Set<String> ATOMIC_READS = Set.of("get", "getPlain", "getOpaque", "getAcquire");

    private static final Set<String> ATOMIC_SETS = Set.of("set", "lazySet", "setPlain", "setOpaque", "setRelease");
    private static final Set<String> ATOMIC_WRITES = Set.of(
            "getAndIncrement",
            "getAndDecrement",
            "getAndAdd",
            "incrementAndGet",
            "decrementAndGet",
            "addAndGet",
            "getAndUpdate",
            "updateAndGet",
            "getAndAccumulate",
            "accumulateAndGet");
    private static final Set<String> ATOMIC_CASES = Set.of(
            "compareAndSet",
            "weakCompareAndSet",
            "weakCompareAndSetPlain",
            "weakCompareAndSetVolatile",
            "weakCompareAndSetAcquire",
            "weakCompareAndSetRelease");

    private UpdateCalls() {}

    /** Whether a call on the type may be part of a lost update: the field its receiver came from is then wanted. */
    static boolean isUpdateOwner(String owner) {
        return MAPS.contains(owner) || ATOMICS.contains(owner);
    }

    /** The call's role in a lost update, or null for a call that is none. */
    static UpdateRole roleOf(int opcode, String owner, String name, String descriptor) {
        if (opcode != Opcodes.INVOKEVIRTUAL && opcode != Opcodes.INVOKEINTERFACE) {
            return null;
        }
        Type[] arguments = Type.getArgumentTypes(descriptor);
        if (MAPS.contains(owner)) {
            boolean keyed = arguments.length > 0 && arguments[0].getSort() == Type.OBJECT;
            return keyed ? MAP_ROLES.get(name + "/" + arguments.length) : null;
        }
        if (!ATOMICS.contains(owner)) {
            return null;
        }
        if (ATOMIC_READS.contains(name) && arguments.length == 0) {
            return UpdateRole.READ;
        }
        if (ATOMIC_SETS.contains(name) && arguments.length == 1) {
            return UpdateRole.SET;
        }
        if (name.equals("getAndSet")) {
            return UpdateRole.PUT;
        }
        if (ATOMIC_WRITES.contains(name)) {
            return UpdateRole.WRITE;
        }
        return ATOMIC_CASES.contains(name) ? UpdateRole.WRITE_IF_TRUE : null;
    }

    /** Which of the call's arguments is the value it writes (see MAP_VALUES), or -1: none is. */
    static int valueArgument(String owner, String name, String descriptor) {
        int arguments = Type.getArgumentTypes(descriptor).length;
        if (MAPS.contains(owner)) {
            return MAP_VALUES.getOrDefault(name + "/" + arguments, -1);
        }
        if (ATOMIC_SETS.contains(name) || name.equals("getAndSet")) {
            return 0;
        }
        return ATOMIC_CASES.contains(name) ? 1 : -1;
    }

    /** Whether the call names a key, its first argument: a map's; an atomic has one value. */
    static boolean isKeyed(String owner) {
        return MAPS.contains(owner);
    }
}
