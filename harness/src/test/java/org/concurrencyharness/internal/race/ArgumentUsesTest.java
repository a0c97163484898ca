package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.concurrencyharness.internal.race.SyncContracts.ArgumentUse;
import org.concurrencyharness.internal.race.SyncContracts.ArrayRange;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/** Which JDK calls go through an object they are given, and which only keep or compare it. */
class ArgumentUsesTest {

    private static ArgumentUse[] uses(int opcode, String owner, String name, String descriptor) {
        return SyncContracts.argumentUses(opcode, owner, name, descriptor);
    }

    @Test
    void aCollectionOrBuilderMadeFromAnotherReadsIt() {
        assertArrayEquals(
                new ArgumentUse[] {ArgumentUse.READ},
                uses(Opcodes.INVOKESPECIAL, "java/util/ArrayList", "<init>", "(Ljava/util/Collection;)V"));
        assertArrayEquals(
                new ArgumentUse[] {ArgumentUse.READ},
                uses(Opcodes.INVOKESPECIAL, "java/util/concurrent/ConcurrentHashMap", "<init>", "(Ljava/util/Map;)V"));
        assertArrayEquals(
                new ArgumentUse[] {ArgumentUse.READ},
                uses(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "(Ljava/lang/CharSequence;)V"));
        // a capacity, a comparator: nothing read
        assertNull(uses(Opcodes.INVOKESPECIAL, "java/util/ArrayList", "<init>", "(I)V"));
        assertNull(uses(Opcodes.INVOKESPECIAL, "java/util/TreeMap", "<init>", "(Ljava/util/Comparator;)V"));
    }

    @Test
    void bulkCallsCopiesJoinsAndPrintsReadTheirArgument() {
        ArgumentUse[] read = {ArgumentUse.READ};
        assertArrayEquals(read, uses(Opcodes.INVOKEINTERFACE, "java/util/List", "addAll", "(Ljava/util/Collection;)Z"));
        assertArrayEquals(read, uses(Opcodes.INVOKEINTERFACE, "java/util/Map", "putAll", "(Ljava/util/Map;)V"));
        assertArrayEquals(
                read,
                uses(Opcodes.INVOKESTATIC, "java/util/List", "copyOf", "(Ljava/util/Collection;)Ljava/util/List;"));
        assertArrayEquals(
                read,
                uses(Opcodes.INVOKESTATIC, "java/lang/String", "valueOf", "(Ljava/lang/Object;)Ljava/lang/String;"));
        assertArrayEquals(
                read,
                uses(
                        Opcodes.INVOKEVIRTUAL,
                        "java/lang/StringBuilder",
                        "append",
                        "(Ljava/lang/Object;)Ljava/lang/StringBuilder;"));
        assertArrayEquals(read, uses(Opcodes.INVOKEVIRTUAL, "java/io/PrintStream", "println", "(Ljava/lang/Object;)V"));
        assertArrayEquals(
                new ArgumentUse[] {ArgumentUse.NONE, ArgumentUse.READ},
                uses(
                        Opcodes.INVOKESTATIC,
                        "java/lang/String",
                        "join",
                        "(Ljava/lang/CharSequence;Ljava/lang/Iterable;)Ljava/lang/String;"));
        assertArrayEquals(
                new ArgumentUse[] {ArgumentUse.NONE, ArgumentUse.READ_EACH},
                uses(
                        Opcodes.INVOKESTATIC,
                        "java/lang/String",
                        "format",
                        "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;"));
    }

    @Test
    void collectionsAlgorithmsWriteTheListTheyChange() {
        assertArrayEquals(
                new ArgumentUse[] {ArgumentUse.WRITE},
                uses(Opcodes.INVOKESTATIC, "java/util/Collections", "sort", "(Ljava/util/List;)V"));
        assertArrayEquals(
                new ArgumentUse[] {ArgumentUse.WRITE, ArgumentUse.READ},
                uses(Opcodes.INVOKESTATIC, "java/util/Collections", "copy", "(Ljava/util/List;Ljava/util/List;)V"));
        assertArrayEquals(
                new ArgumentUse[] {ArgumentUse.READ, ArgumentUse.NONE},
                uses(
                        Opcodes.INVOKESTATIC,
                        "java/util/Collections",
                        "max",
                        "(Ljava/util/Collection;Ljava/util/Comparator;)Ljava/lang/Object;"));
    }

    @Test
    void callsThatKeepOrCompareTheirArgumentDoNotReadIt() {
        // a map keeps the list it is given as a value: the list is not read
        assertNull(uses(
                Opcodes.INVOKEINTERFACE,
                "java/util/Map",
                "put",
                "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"));
        assertNull(uses(Opcodes.INVOKEINTERFACE, "java/util/List", "add", "(Ljava/lang/Object;)Z"));
        assertNull(uses(
                Opcodes.INVOKESTATIC, "java/util/Objects", "requireNonNull", "(Ljava/lang/Object;)Ljava/lang/Object;"));
        // a Properties keeps its defaults; the program's own classes are theirs to read
        assertNull(uses(Opcodes.INVOKESPECIAL, "java/util/Properties", "<init>", "(Ljava/util/Properties;)V"));
        assertNull(uses(Opcodes.INVOKEVIRTUAL, "com/example/Catalog", "addAll", "(Ljava/util/Collection;)Z"));
    }

    @Test
    void arrayCopiesSortsAndPrintsGoThroughTheStretchesTheirArgumentsSay() {
        assertEquals(
                List.of(new ArrayRange(0, 1, -1, 4, false), new ArrayRange(2, 3, -1, 4, true)),
                SyncContracts.arrayRanges(
                        Opcodes.INVOKESTATIC,
                        "java/lang/System",
                        "arraycopy",
                        "(Ljava/lang/Object;ILjava/lang/Object;II)V"));
        assertEquals(
                List.of(new ArrayRange(-1, -1, -1, -1, false)),
                SyncContracts.arrayRanges(Opcodes.INVOKEVIRTUAL, "[I", "clone", "()Ljava/lang/Object;"));
        assertEquals(
                List.of(new ArrayRange(0, -1, 1, -1, false)),
                SyncContracts.arrayRanges(Opcodes.INVOKESTATIC, "java/util/Arrays", "copyOf", "([JI)[J"));
        assertEquals(
                List.of(new ArrayRange(0, 1, 2, -1, true)),
                SyncContracts.arrayRanges(Opcodes.INVOKESTATIC, "java/util/Arrays", "sort", "([III)V"));
        assertEquals(
                List.of(new ArrayRange(0, -1, -1, -1, true)),
                SyncContracts.arrayRanges(Opcodes.INVOKESTATIC, "java/util/Arrays", "fill", "([II)V"));
        assertEquals(
                List.of(new ArrayRange(0, -1, -1, -1, false), new ArrayRange(1, -1, -1, -1, false)),
                SyncContracts.arrayRanges(Opcodes.INVOKESTATIC, "java/util/Arrays", "equals", "([I[I)Z"));
        // a binary search reads only some elements; a list view of an array is a view, not a copy
        assertEquals(
                null, SyncContracts.arrayRanges(Opcodes.INVOKESTATIC, "java/util/Arrays", "binarySearch", "([II)I"));
        assertEquals(
                null,
                SyncContracts.arrayRanges(
                        Opcodes.INVOKESTATIC, "java/util/Arrays", "asList", "([Ljava/lang/Object;)Ljava/util/List;"));
    }
}
