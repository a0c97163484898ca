package org.concurrencyharness.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import checkshapes.Confinement;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.concurrencyharness.internal.race.SyncContracts;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Which calls on JDK objects of {@link Confinement} are left unchecked, as on objects no other thread reaches. */
class UnsharedObjectsTest {

    @Test
    void aBuilderOrACollectionThatNeverLeavesTheMethodIsNotChecked() throws IOException {
        assertEquals(
                List.of(
                        "StringBuilder.append: unchecked",
                        "StringBuilder.append: unchecked",
                        "StringBuilder.toString: unchecked"),
                calls("concatenate"));
        assertEquals(List.of("List.add: unchecked", "List.add: unchecked", "List.size: unchecked"), calls("localList"));
        assertEquals(
                List.of("StringBuilder.append: unchecked", "StringBuilder.toString: unchecked"), calls("builtInALoop"));
    }

    @Test
    void anObjectReturnedStoredOrPassedOnIsChecked() throws IOException {
        assertEquals(List.of("List.add: checked"), calls("returned"));
        assertEquals(List.of("StringBuilder.append: checked"), calls("returnedThroughAppend"));
        assertEquals(List.of("List.add: checked"), calls("storedInAField"));
        assertEquals(List.of("Map.put: checked"), calls("passedOn"));
        assertEquals(List.of("List.add: checked"), calls("captured"));
    }

    @Test
    void aViewOfTheObjectLetsItOut() throws IOException {
        assertEquals(
                List.of(
                        "List.add: checked",
                        "List.iterator: checked",
                        "Iterator.hasNext: checked",
                        "Iterator.next: checked"),
                calls("iterated"));
    }

    @Test
    void aReceiverThatMayBeAnotherObjectIsChecked() throws IOException {
        assertEquals(List.of("List.add: checked"), calls("eitherMadeOrAField"));
        assertEquals(List.of("List.add: checked"), calls("parameter"));
    }

    /** Each call of the method on a JDK object that is not thread-safe, in order, and whether it is checked. */
    private static List<String> calls(String methodName) throws IOException {
        ClassNode type = new ClassNode();
        try (InputStream in = Confinement.class.getResourceAsStream("Confinement.class")) {
            new ClassReader(in).accept(type, 0);
        }
        MethodNode method = type.methods.stream()
                .filter(m -> m.name.equals(methodName))
                .findFirst()
                .orElseThrow();
        Set<MethodInsnNode> unshared = UnsharedObjects.of(new MethodFlow(type.name, method));
        List<String> calls = new ArrayList<>();
        for (AbstractInsnNode instruction : method.instructions) {
            if (instruction instanceof MethodInsnNode call
                    && !call.name.equals("<init>")
                    && SyncContracts.isObjectOwner(call.owner)) {
                calls.add(call.owner.substring(call.owner.lastIndexOf('/') + 1) + "." + call.name + ": "
                        + (unshared.contains(call) ? "unchecked" : "checked"));
            }
        }
        return calls;
    }
}
