package org.concurrencyharness.internal.agent;

import java.util.HashMap;
import java.util.Map;
import org.concurrencyharness.internal.race.SyncContracts;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * For the calls of a method on JDK objects, and its method references bound to one, the field
 * through which the code reached the receiver, as a user names it
 * ({@code com.example.Registry.names}): where the receiver was loaded from a field, directly,
 * through a cast or a copy, or through a local that held such a load. Races on the object are
 * reported under that field. For the JDK's calls that go through arrays ({@code System.arraycopy},
 * see SyncContracts#arrayRanges), the same for each array.
 */
final class ReceiverFields {

    /** How many locals and casts are followed back to a field load. */
    private static final int MAX_STEPS = 4;

    private final Map<AbstractInsnNode, String> byCall;
    private final Map<AbstractInsnNode, String[]> arraysByCall;

    private ReceiverFields(Map<AbstractInsnNode, String> byCall, Map<AbstractInsnNode, String[]> arraysByCall) {
        this.byCall = byCall;
        this.arraysByCall = arraysByCall;
    }

    /** For a call that goes through arrays, the field of each range's array (null where not known); else null. */
    String[] arraysOf(AbstractInsnNode call) {
        return arraysByCall.get(call);
    }

    /** The field of the receiver of the call, or of the method reference bound to a receiver, or null. */
    String of(AbstractInsnNode call) {
        return byCall.get(call);
    }

    /**
     * Works them out for the calls, and method references bound to their receiver ({@code names::add}), that
     * {@code wanted} says are on JDK objects: it is given the owner of the method called.
     */
    static ReceiverFields of(MethodFlow flow, java.util.function.Predicate<String> wanted) {
        Map<AbstractInsnNode, String> byCall = new HashMap<>();
        Map<AbstractInsnNode, String[]> arraysByCall = new HashMap<>();
        AbstractInsnNode[] instructions = flow.instructions();
        Frame<SourceValue>[] frames = null;
        for (int index = 0; index < instructions.length; index++) {
            java.util.List<SyncContracts.ArrayRange> ranges = instructions[index] instanceof MethodInsnNode call
                    ? SyncContracts.arrayRanges(call.getOpcode(), call.owner, call.name, call.desc)
                    : null;
            if (ranges != null) {
                frames = frames != null ? frames : flow.frames();
                Frame<SourceValue> frame = frames == null ? null : frames[index];
                String[] fields = new String[ranges.size()];
                for (int k = 0; k < fields.length && frame != null; k++) {
                    int depth = operandDepth(
                            (MethodInsnNode) instructions[index], ranges.get(k).array());
                    int at = frame.getStackSize() - depth;
                    fields[k] = at < 0 ? null : fieldOf(frame.getStack(at), flow, frames, 0);
                }
                arraysByCall.put(instructions[index], fields);
                continue;
            }
            // how far below the top of the stack the receiver is
            int receiverDepth = receiverDepth(instructions[index], wanted);
            if (receiverDepth < 0) {
                continue;
            }
            if (frames == null) {
                frames = flow.frames();
                if (frames == null) {
                    break;
                }
            }
            Frame<SourceValue> frame = frames[index];
            if (frame == null) {
                continue;
            }
            int receiver = frame.getStackSize() - receiverDepth;
            if (receiver >= 0) {
                String field = fieldOf(frame.getStack(receiver), flow, frames, 0);
                if (field != null) {
                    byCall.put(instructions[index], field);
                }
            }
        }
        return new ReceiverFields(byCall, arraysByCall);
    }

    /** How far below the top of the stack a call's argument is ({@code argument} -1: its receiver). */
    private static int operandDepth(MethodInsnNode call, int argument) {
        int arguments = Type.getArgumentTypes(call.desc).length;
        return argument < 0 ? arguments + 1 : arguments - argument;
    }

    /**
     * How far below the top of the stack the instruction's receiver is, if it is a call or a method reference bound to
     * its receiver (the first value it captures) on an owner {@code wanted} takes; else -1.
     */
    private static int receiverDepth(AbstractInsnNode instruction, java.util.function.Predicate<String> wanted) {
        if (instruction instanceof MethodInsnNode call) {
            return call.getOpcode() != Opcodes.INVOKESTATIC && wanted.test(call.owner)
                    ? Type.getArgumentTypes(call.desc).length + 1
                    : -1;
        }
        if (instruction instanceof InvokeDynamicInsnNode reference) {
            Handle method = MethodReferences.referenced(reference.bsm, reference.bsmArgs);
            int captured = Type.getArgumentTypes(reference.desc).length;
            boolean bound = method != null
                    && (method.getTag() == Opcodes.H_INVOKEVIRTUAL || method.getTag() == Opcodes.H_INVOKEINTERFACE)
                    && captured > 0;
            return bound && wanted.test(method.getOwner()) ? captured : -1;
        }
        return -1;
    }

    private static String fieldOf(SourceValue value, MethodFlow flow, Frame<SourceValue>[] frames, int steps) {
        if (value.insns.size() != 1 || steps > MAX_STEPS) {
            return null;
        }
        AbstractInsnNode source = value.insns.iterator().next();
        if (source instanceof FieldInsnNode field
                && (field.getOpcode() == Opcodes.GETFIELD || field.getOpcode() == Opcodes.GETSTATIC)) {
            return field.owner.replace('/', '.') + "." + field.name;
        }
        int at = flow.method().instructions.indexOf(source);
        Frame<SourceValue> frame = frames[at];
        if (frame == null) {
            return null;
        }
        if (source instanceof MethodInsnNode call
                && call.getOpcode() != Opcodes.INVOKESTATIC
                && Type.getReturnType(call.desc).getDescriptor().equals("L" + call.owner + ";")) {
            // a call that returns its own receiver's type, as a builder's append does: the chain's receiver
            int receiver = frame.getStackSize() - Type.getArgumentTypes(call.desc).length - 1;
            return receiver < 0 ? null : fieldOf(frame.getStack(receiver), flow, frames, steps + 1);
        }
        if (source instanceof TypeInsnNode cast && cast.getOpcode() == Opcodes.CHECKCAST
                || source.getOpcode() == Opcodes.DUP) {
            // a cast, or a copy: javac copies a method reference's receiver to check it is not null
            return fieldOf(frame.getStack(frame.getStackSize() - 1), flow, frames, steps + 1);
        }
        if (source instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD) {
            SourceValue local = frame.getLocal(load.var);
            if (local.insns.size() == 1
                    && local.insns.iterator().next() instanceof VarInsnNode store
                    && store.getOpcode() == Opcodes.ASTORE) {
                Frame<SourceValue> before = frames[flow.method().instructions.indexOf(store)];
                return before == null
                        ? null
                        : fieldOf(before.getStack(before.getStackSize() - 1), flow, frames, steps + 1);
            }
        }
        return null;
    }
}
