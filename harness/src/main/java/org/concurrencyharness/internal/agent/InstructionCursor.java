package org.concurrencyharness.internal.agent;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;

/**
 * Stands between a method read whole and the visitor that instruments it, and tells that
 * visitor which node of the method each visit is, so that it can look the node up in its
 * {@link MethodPlan}. The method's own instructions are visited in their list's order, so each
 * visit is the next node; the cursor checks that the node is of the kind visited, so that a
 * mismatch fails the class's instrumentation rather than checking the wrong access.
 */
final class InstructionCursor extends MethodVisitor {

    private final InsnList instructions;
    private AbstractInsnNode current;

    InstructionCursor(InsnList instructions, MethodVisitor next) {
        super(Opcodes.ASM9, next);
        this.instructions = instructions;
    }

    /** The node being visited: the last one the method read whole handed on. */
    AbstractInsnNode current() {
        return current;
    }

    private void advance(int type, int opcode) {
        current = current == null ? instructions.getFirst() : current.getNext();
        if (current == null || current.getType() != type || current.getOpcode() != opcode) {
            throw new IllegalStateException("the visit of opcode " + opcode + " is not the method's next instruction");
        }
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        advance(AbstractInsnNode.FRAME, -1);
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitInsn(int opcode) {
        advance(AbstractInsnNode.INSN, opcode);
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        advance(AbstractInsnNode.INT_INSN, opcode);
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        advance(AbstractInsnNode.VAR_INSN, opcode);
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        advance(AbstractInsnNode.TYPE_INSN, opcode);
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        advance(AbstractInsnNode.FIELD_INSN, opcode);
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        advance(AbstractInsnNode.METHOD_INSN, opcode);
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        advance(AbstractInsnNode.INVOKE_DYNAMIC_INSN, Opcodes.INVOKEDYNAMIC);
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        advance(AbstractInsnNode.JUMP_INSN, opcode);
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLabel(Label label) {
        advance(AbstractInsnNode.LABEL, -1);
        super.visitLabel(label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        advance(AbstractInsnNode.LDC_INSN, Opcodes.LDC);
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        advance(AbstractInsnNode.IINC_INSN, Opcodes.IINC);
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        advance(AbstractInsnNode.TABLESWITCH_INSN, Opcodes.TABLESWITCH);
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        advance(AbstractInsnNode.LOOKUPSWITCH_INSN, Opcodes.LOOKUPSWITCH);
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        advance(AbstractInsnNode.MULTIANEWARRAY_INSN, Opcodes.MULTIANEWARRAY);
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        advance(AbstractInsnNode.LINE, -1);
        super.visitLineNumber(line, start);
    }
}
