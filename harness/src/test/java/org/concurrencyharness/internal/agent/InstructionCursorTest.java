package org.concurrencyharness.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

class InstructionCursorTest {

    @Test
    void eachVisitIsTheNodeItCameFrom() {
        MethodNode method = new MethodNode(Opcodes.ASM9, Opcodes.ACC_STATIC, "m", "()V", null, null);
        method.instructions.add(new LabelNode());
        method.instructions.add(new FieldInsnNode(Opcodes.GETSTATIC, "A", "x", "I"));
        method.instructions.add(new InsnNode(Opcodes.POP));
        method.instructions.add(new InsnNode(Opcodes.RETURN));
        List<AbstractInsnNode> seen = new ArrayList<>();
        InstructionCursor[] cursor = new InstructionCursor[1];
        MethodVisitor recorder = new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                seen.add(cursor[0].current());
            }

            @Override
            public void visitInsn(int opcode) {
                seen.add(cursor[0].current());
            }
        };
        cursor[0] = new InstructionCursor(method.instructions, recorder);
        method.accept(cursor[0]);
        assertEquals(List.of(method.instructions.get(1), method.instructions.get(2), method.instructions.get(3)), seen);
    }

    @Test
    void aVisitThatIsNotTheNextInstructionFails() {
        InsnList instructions = new InsnList();
        instructions.add(new InsnNode(Opcodes.RETURN));
        InstructionCursor cursor = new InstructionCursor(instructions, null);
        assertThrows(IllegalStateException.class, () -> cursor.visitInsn(Opcodes.ARETURN));
    }
}
