package org.concurrencyharness.internal.agent;

import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * The one table of what a call means to the analysis, decided when the call is instrumented
 * (the run-time half, by the receiver's class, is the race package's {@code JdkObjects}):
 *
 * <ul>
 *   <li>a {@code VarHandle}'s access synchronises through the variable it accesses: the field of
 *       the object, the static field, or the array element, as a volatile one does;</li>
 *   <li>{@code java.util.concurrent} and {@code java.util.Timer} synchronise
 *       through their receiver, and so do classes that extend or implement them, whatever class
 *       the instruction names (a {@code RecursiveAction}'s {@code fork()}, a subclass of
 *       {@code ReentrantLock} locking itself);</li>
 *   <li>{@code Unsafe}'s accesses synchronise through the object they touch;</li>
 *   <li>streams run what they are given in other threads and wait for it;</li>
 *   <li>a call on an object of the JDK's that is not thread-safe (a list, a map, a builder, a
 *       format...) reads or writes that object; which classes those are is decided by the receiver's
 *       run-time class, as is whether a {@code Map} or {@code List} is a concurrent one;</li>
 *   <li>{@code Thread.join}, {@code Object.wait}, a lock's {@code newCondition}/{@code readLock}/{@code writeLock}
 *       and {@code StampedLock.validate} each have a contract of their own.</li>
 * </ul>
 */
final class CallContracts {

    private static final String CONCURRENT = "java/util/concurrent/";
    private static final Set<String> UNSAFE = Set.of("sun/misc/Unsafe", "jdk/internal/misc/Unsafe");
    /** Packages and classes of {@code java.util} none of whose objects a call can race on. */
    private static final List<String> NOT_OBJECTS = List.of(
            CONCURRENT,
            "java/util/function/",
            "java/util/stream/",
            "java/util/logging/",
            "java/util/spi/",
            "java/util/jar/",
            "java/util/random/",
            "java/util/Objects",
            "java/util/Optional",
            "java/util/UUID",
            "java/util/Locale",
            "java/util/Currency",
            "java/util/Random",
            "java/util/ResourceBundle",
            "java/util/Timer",
            "java/util/Base64",
            "java/util/ServiceLoader",
            "java/util/Arrays",
            "java/util/Collections",
            "java/util/TimeZone",
            "java/util/HexFormat");
    /** The other JDK types whose calls may touch an object that is not thread-safe. */
    private static final Set<String> OBJECT_TYPES = Set.of(
            "java/lang/StringBuilder",
            "java/lang/AbstractStringBuilder",
            "java/lang/StringBuffer",
            "java/lang/CharSequence",
            "java/lang/Appendable",
            "java/lang/Iterable",
            "java/util/regex/Matcher",
            "java/util/zip/Checksum",
            "java/util/zip/CRC32",
            "java/util/zip/CRC32C",
            "java/util/zip/Adler32",
            "java/util/zip/Deflater",
            "java/util/zip/Inflater",
            "java/security/MessageDigest");

    /** Methods that only look at their object; every other call writes it. */
    private static final Set<String> READS = Set.of(
            "get",
            "getOrDefault",
            "contains",
            "containsKey",
            "containsValue",
            "containsAll",
            "size",
            "isEmpty",
            "iterator",
            "listIterator",
            "spliterator",
            "hasNext",
            "hasPrevious",
            "next",
            "previous",
            "nextIndex",
            "previousIndex",
            "forEach",
            "forEachRemaining",
            "stream",
            "parallelStream",
            "toArray",
            "toString",
            "equals",
            "hashCode",
            "indexOf",
            "lastIndexOf",
            "peek",
            "peekFirst",
            "peekLast",
            "element",
            "getFirst",
            "getLast",
            "first",
            "last",
            "firstKey",
            "lastKey",
            "firstEntry",
            "lastEntry",
            "floor",
            "ceiling",
            "higher",
            "lower",
            "floorKey",
            "ceilingKey",
            "higherKey",
            "lowerKey",
            "floorEntry",
            "ceilingEntry",
            "higherEntry",
            "lowerEntry",
            "keySet",
            "values",
            "entrySet",
            "navigableKeySet",
            "descendingKeySet",
            "descendingMap",
            "descendingSet",
            "descendingIterator",
            "subList",
            "subMap",
            "headMap",
            "tailMap",
            "subSet",
            "headSet",
            "tailSet",
            "comparator",
            "reversed",
            "getKey",
            "getValue",
            "charAt",
            "length",
            "subSequence",
            "substring",
            "chars",
            "codePoints",
            "codePointAt",
            "capacity",
            "compareTo",
            "isSet",
            "cardinality",
            "nextSetBit",
            "nextClearBit",
            "previousSetBit",
            "previousClearBit",
            "intersects",
            "toByteArray",
            "toLongArray",
            "getTime",
            "getTimeInMillis",
            "getTimeZone",
            "getFirstDayOfWeek",
            "isLenient",
            "getActualMaximum",
            "getActualMinimum",
            "getMaximum",
            "getMinimum",
            "before",
            "after",
            "toPattern",
            "toLocalizedPattern",
            "group",
            "groupCount",
            "start",
            "end",
            "hitEnd",
            "requireEnd",
            "pattern",
            "hasRemaining",
            "remaining",
            "limit",
            "position",
            "isDirect",
            "isReadOnly",
            "hasArray",
            "array",
            "arrayOffset",
            "order",
            "getAlgorithm",
            "getDigestLength",
            "getProvider",
            "clone",
            "getClass");
    /** Methods whose result is a view of their object (an iterator, a key set, a sub-list): the same object. */
    private static final Set<String> VIEWS = Set.of(
            "iterator",
            "listIterator",
            "spliterator",
            "keySet",
            "values",
            "entrySet",
            "navigableKeySet",
            "descendingKeySet",
            "descendingMap",
            "descendingSet",
            "descendingIterator",
            "subList",
            "subMap",
            "headMap",
            "tailMap",
            "subSet",
            "headSet",
            "tailSet",
            "reversed",
            "sequencedKeySet",
            "sequencedValues",
            "sequencedEntrySet");

    private final TypeHierarchy hierarchy;

    CallContracts(TypeHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /** What the analysis hears around the call, or null for a call it need not hear about. */
    SyncBridges.Kind kindOf(int opcode, String owner, String name, String descriptor, ClassLoader loader) {
        if (opcode == Opcodes.INVOKESPECIAL || opcode == Opcodes.INVOKEDYNAMIC) {
            return null;
        }
        boolean timedOrPlain = descriptor.equals("()V") || descriptor.equals("(J)V") || descriptor.equals("(JI)V");
        if (opcode == Opcodes.INVOKEVIRTUAL && "join".equals(name) && timedOrPlain) {
            return SyncBridges.Kind.JOIN;
        }
        if (opcode == Opcodes.INVOKEVIRTUAL && "wait".equals(name) && timedOrPlain) {
            return SyncBridges.Kind.WAIT;
        }
        String jdkOwner = jdkOwner(owner, loader);
        if (jdkOwner == null || !jdkOwner.equals(owner) && !TypeHierarchy.declares(jdkOwner, name)) {
            // the program's own methods of a class that extends a concurrent one synchronise only through what they
            // call
            return null;
        }
        if (jdkOwner.startsWith(CONCURRENT + "locks/")
                && opcode != Opcodes.INVOKESTATIC
                && ("newCondition".equals(name) || "readLock".equals(name) || "writeLock".equals(name))
                && descriptor.startsWith("()L")) {
            return SyncBridges.Kind.LINK;
        }
        if (jdkOwner.equals(CONCURRENT + "locks/StampedLock") && "validate".equals(name)) {
            return SyncBridges.Kind.VALIDATE;
        }
        if (jdkOwner.equals("java/lang/invoke/VarHandle")) {
            // its fences order the plain accesses around them: see MethodPlan#fenced
            return opcode == Opcodes.INVOKESTATIC ? null : SyncBridges.Kind.VAR_HANDLE;
        }
        if (jdkOwner.equals("java/lang/invoke/MethodHandles$Lookup")
                && (name.equals("findVarHandle") || name.equals("findStaticVarHandle"))) {
            return SyncBridges.Kind.FIND_VAR_HANDLE;
        }
        if (jdkOwner.startsWith(CONCURRENT) || jdkOwner.equals("java/util/Timer")) {
            return SyncBridges.Kind.SYNC;
        }
        if (UNSAFE.contains(jdkOwner)) {
            return descriptor.startsWith("(Ljava/lang/Object;J") ? SyncBridges.Kind.UNSAFE : null;
        }
        if (jdkOwner.startsWith("java/util/stream/")) {
            return SyncBridges.Kind.STREAM;
        }
        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/util/Collections") && isView(name, descriptor)) {
            return SyncBridges.Kind.VIEW_OF;
        }
        if (opcode != Opcodes.INVOKESTATIC && jdkOwner.equals(owner) && isObjectOwner(owner)) {
            return SyncBridges.Kind.OBJECT_CALL;
        }
        return null;
    }

    /** {@code Collections}' factories of views of their first argument, which is an object. */
    private static boolean isView(String name, String descriptor) {
        return (name.startsWith("unmodifiable")
                        || name.startsWith("checked")
                        || name.equals("newSetFromMap")
                        || name.equals("asLifoQueue"))
                && descriptor.startsWith("(Ljava/util/")
                && !descriptor.endsWith(")V");
    }

    /** Whether calling the method reads its object only; calls of the JDK's objects that are not read write. */
    static boolean onlyReads(String name) {
        return READS.contains(name)
                || name.startsWith("is")
                || name.startsWith("has")
                || name.startsWith("contains")
                || (name.startsWith("get") && !name.equals("getAndSet"));
    }

    /** Whether the method's result is a view of its object, the same object to the analysis. */
    static boolean returnsView(String name) {
        return VIEWS.contains(name);
    }

    /**
     * The JDK type whose contract a call follows: the owner itself if it is the JDK's, else the
     * nearest synchronising JDK type it descends from; null if none.
     */
    private String jdkOwner(String owner, ClassLoader loader) {
        if (owner.startsWith("[")) {
            return null;
        }
        if (owner.startsWith("java/") || owner.startsWith("jdk/") || owner.startsWith("sun/")) {
            return owner;
        }
        for (String supertype : hierarchy.jdkSupertypes(owner, loader)) {
            if (supertype.startsWith(CONCURRENT) || supertype.equals("java/util/Timer")) {
                return supertype;
            }
        }
        return null;
    }

    /**
     * Whether a concurrent map's functional arguments to this call may be called back inside it:
     * a map of {@code java.util.concurrent}'s, or a {@code Map} whose object may be one.
     */
    boolean callsBack(String owner, ClassLoader loader) {
        String jdkOwner = jdkOwner(owner, loader);
        return jdkOwner != null && jdkOwner.contains("Map");
    }

    /** Whether a call the instruction names a method of may be on a JDK object that is not thread-safe. */
    static boolean isObjectOwner(String owner) {
        if (owner.startsWith("java/util/")) {
            for (String excluded : NOT_OBJECTS) {
                if (owner.startsWith(excluded)) {
                    return false;
                }
            }
            return owner.indexOf('/', "java/util/".length()) < 0 || OBJECT_TYPES.contains(owner);
        }
        return OBJECT_TYPES.contains(owner)
                || owner.startsWith("java/text/")
                || owner.startsWith("java/nio/") && owner.endsWith("Buffer");
    }
}
