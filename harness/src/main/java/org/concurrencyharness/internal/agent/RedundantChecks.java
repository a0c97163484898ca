package org.concurrencyharness.internal.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The field accesses of a method whose checks FastTrack would find redundant, known from the
 * code alone. Within a stretch of straight code that synchronises with nothing (no call but to
 * {@link PlainCalls} and {@link PlainMethods}, no monitor, no volatile access, no label that a jump, a switch or a
 * handler leads to), the thread's epoch stays the same, so for one field of one object (the same
 * local variable, not stored to meanwhile, or the class for a static field):
 * <ul>
 *   <li>a read after a checked read or write of it, and a write after a checked write, would
 *       meet the same-epoch case;</li>
 *   <li>a read that a write of it follows in the same stretch is covered by the write's check:
 *       whatever races with the read races with the write, which is reported instead (a
 *       {@code count++} names one line either way). If an exception comes between the two, that
 *       read goes unchecked.</li>
 * </ul>
 * Only fields with shadows are considered; any other field's access ends the stretch if it may
 * be volatile.
 */
final class RedundantChecks {

    /** How far ahead a read looks for the write that covers it. */
    private static final int MAX_LOOKAHEAD = 64;

    private RedundantChecks() {}

    /** The checks of the method's field instructions: which are left out, which coalesced. */
    static FieldChecks of(MethodFlow flow, RaceClassVisitor.Declarations declarations) {
        Set<AbstractInsnNode> redundant = new HashSet<>();
        MethodNode method = flow.method();
        AbstractInsnNode[] instructions = flow.instructions();
        if (fieldInstructions(instructions) < 2) {
            // fewer than two field instructions: none can cover another
            return FieldChecks.each(redundant);
        }
        Frame<SourceValue>[] frames = flow.frames();
        if (frames == null) {
            return FieldChecks.each(redundant);
        }
        // what each instruction is, worked out once: the pass below and its lookahead both ask
        Set<LabelNode> joins = flow.joins();
        boolean[] ends = new boolean[instructions.length];
        Access[] accesses = new Access[instructions.length];
        for (int i = 0; i < instructions.length; i++) {
            ends[i] = endsStretch(instructions[i], joins, declarations);
            accesses[i] = ends[i] ? null : accessAt(method, instructions, frames, i, declarations);
        }
        Set<Access> checked = new HashSet<>();
        for (int i = 0; i < instructions.length; i++) {
            if (ends[i]) {
                checked.clear();
                continue;
            }
            Access access = accesses[i];
            if (access == null) {
                continue;
            }
            boolean coveredBefore = checked.contains(access) || !access.write() && checked.contains(access.asWrite());
            if (coveredBefore || !access.write() && writtenLater(instructions, ends, accesses, i, access)) {
                redundant.add(instructions[i]);
            } else {
                checked.add(access);
            }
        }
        return coalesce(instructions, ends, accesses, redundant);
    }

    /**
     * Within a stretch, and with no jump between them (whose other way would skip the last), the
     * checked accesses to fields of one object that its summary holds: if two or more, each is
     * checked where the last is, with one look at the summary (see {@code ObjectSummary}).
     */
    private static FieldChecks coalesce(
            AbstractInsnNode[] instructions, boolean[] ends, Access[] accesses, Set<AbstractInsnNode> redundant) {
        Set<AbstractInsnNode> coalesced = new HashSet<>();
        Map<AbstractInsnNode, List<AbstractInsnNode>> groups = new HashMap<>();
        Map<Holder, List<AbstractInsnNode>> open = new LinkedHashMap<>();
        for (int i = 0; i <= instructions.length; i++) {
            boolean last = i == instructions.length;
            if (last
                    || ends[i]
                    || instructions[i].getType() == AbstractInsnNode.JUMP_INSN
                    || isExit(instructions[i].getOpcode())) {
                for (List<AbstractInsnNode> group : open.values()) {
                    if (group.size() > 1) {
                        coalesced.addAll(group.subList(0, group.size() - 1));
                        groups.put(group.get(group.size() - 1), List.copyOf(group));
                    }
                }
                open.clear();
                continue;
            }
            Access access = accesses[i];
            if (access != null && access.summaryField() >= 0 && !redundant.contains(instructions[i])) {
                open.computeIfAbsent(new Holder(access.holder(), access.owner()), key -> new ArrayList<>())
                        .add(instructions[i]);
            }
        }
        return new FieldChecks(redundant, coalesced, groups);
    }

    /** An object whose fields' checks may be made together: the value that holds it, and the class whose summary it has. */
    private record Holder(Object holder, String owner) {}

    /** One field of one holder, read or written, and its place in the holder's summary (-1 if none). */
    private record Access(Object holder, String owner, String field, boolean write, int summaryField) {
        Access asWrite() {
            return new Access(holder, owner, field, true, summaryField);
        }
    }

    private static int fieldInstructions(AbstractInsnNode[] instructions) {
        int count = 0;
        for (AbstractInsnNode instruction : instructions) {
            if (instruction instanceof FieldInsnNode) {
                count++;
            }
        }
        return count;
    }

    /** Whether a write of the same field of the same holder follows in the same stretch, with no jump between. */
    private static boolean writtenLater(
            AbstractInsnNode[] instructions, boolean[] ends, Access[] accesses, int from, Access read) {
        Access write = read.asWrite();
        for (int i = from + 1; i < instructions.length && i <= from + MAX_LOOKAHEAD; i++) {
            AbstractInsnNode instruction = instructions[i];
            if (ends[i] || instruction.getType() == AbstractInsnNode.JUMP_INSN || isExit(instruction.getOpcode())) {
                return false;
            }
            if (write.equals(accesses[i])) {
                return true;
            }
        }
        return false;
    }

    static boolean isExit(int opcode) {
        return opcode == Opcodes.ATHROW || opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN;
    }

    private static boolean endsStretch(
            AbstractInsnNode instruction, Set<LabelNode> joins, RaceClassVisitor.Declarations declarations) {
        return instruction.getType() == AbstractInsnNode.LABEL
                ? joins.contains(instruction)
                : maySynchronise(instruction, declarations);
    }

    /**
     * Whether an instruction may synchronise, or lead to code not known here: a call (but to
     * {@link PlainCalls} and {@link PlainMethods}), a switch, a monitor, a subroutine (whose code lies elsewhere), an access to
     * a volatile or unknown field.
     */
    static boolean maySynchronise(AbstractInsnNode instruction, RaceClassVisitor.Declarations declarations) {
        switch (instruction.getType()) {
            case AbstractInsnNode.METHOD_INSN -> {
                return !declarations.isPlainCall((MethodInsnNode) instruction);
            }
            case AbstractInsnNode.INVOKE_DYNAMIC_INSN,
                    AbstractInsnNode.TABLESWITCH_INSN,
                    AbstractInsnNode.LOOKUPSWITCH_INSN -> {
                return true;
            }
            case AbstractInsnNode.FIELD_INSN -> {
                FieldInsnNode field = (FieldInsnNode) instruction;
                FieldDeclarations.Declaration declaration = declarations.of(field.owner, field.name);
                return declaration == null || declaration.synchronises();
            }
            default -> {
                int opcode = instruction.getOpcode();
                return opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT || opcode == Opcodes.JSR;
            }
        }
    }

    /** The access of a field with a shadow at this instruction, if its holder is known; else null. */
    private static Access accessAt(
            MethodNode method,
            AbstractInsnNode[] instructions,
            Frame<SourceValue>[] frames,
            int i,
            RaceClassVisitor.Declarations declarations) {
        if (!(instructions[i] instanceof FieldInsnNode field) || frames[i] == null) {
            return null;
        }
        FieldDeclarations.Declaration declaration = declarations.of(field.owner, field.name);
        if (declaration == null || !declaration.isShadowed()) {
            return null;
        }
        Object holder;
        switch (field.getOpcode()) {
            case Opcodes.GETSTATIC, Opcodes.PUTSTATIC -> holder = declaration.declaringClass();
            case Opcodes.GETFIELD -> holder = localOf(method, frames, top(frames[i], 0));
            default -> holder = localOf(method, frames, top(frames[i], 1));
        }
        if (holder == null) {
            return null;
        }
        boolean write = field.getOpcode() == Opcodes.PUTFIELD || field.getOpcode() == Opcodes.PUTSTATIC;
        // the summary is reached through the declaring class, which the instruction may not name (nor be able to)
        int summaryField = field.owner.equals(declaration.declaringClass()) ? declaration.summaryField() : -1;
        return new Access(holder, declaration.declaringClass(), field.name, write, summaryField);
    }

    /** The value {@code below} entries under the top of the frame's stack. */
    private static SourceValue top(Frame<SourceValue> frame, int below) {
        int index = frame.getStackSize() - 1 - below;
        return index >= 0 ? frame.getStack(index) : null;
    }

    /**
     * The local variable a stack value was loaded from, as the local index and the stores that
     * could have set it there (the same for two loads with no store between); null when it came
     * from anything but a load, or a {@code dup} of one.
     */
    private static Object localOf(MethodNode method, Frame<SourceValue>[] frames, SourceValue value) {
        for (int depth = 0; value != null && depth < 8; depth++) {
            if (value.insns.size() != 1) {
                return null;
            }
            AbstractInsnNode source = value.insns.iterator().next();
            int at = method.instructions.indexOf(source);
            if (frames[at] == null) {
                return null;
            }
            if (source.getOpcode() == Opcodes.ALOAD) {
                int local = ((VarInsnNode) source).var;
                return List.of(local, frames[at].getLocal(local).insns);
            }
            if (source.getOpcode() != Opcodes.DUP) {
                return null;
            }
            value = top(frames[at], 0);
        }
        return null;
    }
}
