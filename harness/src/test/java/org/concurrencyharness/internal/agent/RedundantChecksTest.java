package org.concurrencyharness.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import checkshapes.Redundancy;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Which field checks of {@link Redundancy} are left out, or made together: each method reads as the scenario it checks. */
class RedundantChecksTest {

    @Test
    void aReadThatTheSameStatementWritesBackIsCoveredByTheWrite() throws IOException {
        assertEquals(List.of("read x: left out", "write x: checked"), checks("increment"));
        assertEquals(List.of("read shared: left out", "write shared: checked"), checks("incrementStatic"));
    }

    @Test
    void aSecondAccessInTheSameStretchIsLeftOut() throws IOException {
        assertEquals(List.of("read x: checked", "read x: left out"), checks("readTwice"));
        assertEquals(
                List.of("write x: with its object's others", "read x: left out", "write y: checks its object's 2"),
                checks("writeThenRead"));
    }

    @Test
    void checksOfOneObjectsFieldsInAStretchAreMadeTogetherAtTheLast() throws IOException {
        // this.x and this.y are written, velocity.y and velocity.x read: one look at each object's summary
        assertEquals(
                List.of(
                        "read x: left out",
                        "read y: with its object's others",
                        "write x: with its object's others",
                        "read y: left out",
                        "read x: checks its object's 2",
                        "write y: checks its object's 2"),
                checks("move"));
        // the jump's other way would skip the last access: each is checked where it is
        assertEquals(List.of("write x: checked", "write y: checked"), checks("beforeAJump"));
    }

    @Test
    void callsBranchesAndVolatileAccessesEndTheStretch() throws IOException {
        assertEquals(List.of("read x: checked", "read x: checked"), checks("acrossCall"));
        // Math's arithmetic synchronises with nothing: the stretch goes on
        assertEquals(List.of("read x: checked", "read x: left out"), checks("acrossArithmetic"));
        assertEquals(List.of("read x: checked", "read x: checked"), checks("acrossBranch"));
        assertEquals(List.of("read x: checked", "read flag: checked", "read x: checked"), checks("acrossVolatile"));
    }

    @Test
    void anotherObjectOrAReassignedLocalIsAnotherHolder() throws IOException {
        assertEquals(List.of("read x: checked", "read x: checked"), checks("twoHolders"));
        assertEquals(List.of("read x: checked", "read x: checked"), checks("reassigned"));
    }

    /** Each field access of the method, in order, and whether its check is left out. */
    private static List<String> checks(String methodName) throws IOException {
        ClassNode type = new ClassNode();
        try (InputStream in = Redundancy.class.getResourceAsStream("Redundancy.class")) {
            new ClassReader(in).accept(type, 0);
        }
        MethodNode method = type.methods.stream()
                .filter(m -> m.name.equals(methodName))
                .findFirst()
                .orElseThrow();
        FieldChecks fieldChecks = RedundantChecks.of(
                new MethodFlow(type.name, method),
                (owner, field) -> new FieldDeclarations.Declaration(
                        owner,
                        field.equals("shared"),
                        false,
                        field.equals("flag"),
                        false,
                        !field.equals("flag"),
                        List.of("x", "y").indexOf(field)));
        List<String> checks = new ArrayList<>();
        for (AbstractInsnNode instruction : method.instructions) {
            if (instruction instanceof FieldInsnNode field) {
                boolean write = field.getOpcode() == Opcodes.PUTFIELD || field.getOpcode() == Opcodes.PUTSTATIC;
                List<AbstractInsnNode> group = fieldChecks.groups().get(field);
                String check = fieldChecks.redundant().contains(field)
                        ? "left out"
                        : fieldChecks.coalesced().contains(field)
                                ? "with its object's others"
                                : group != null ? "checks its object's " + group.size() : "checked";
                checks.add((write ? "write " : "read ") + field.name + ": " + check);
            }
        }
        return checks;
    }
}
