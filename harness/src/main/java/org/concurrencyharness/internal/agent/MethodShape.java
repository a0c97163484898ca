package org.concurrencyharness.internal.agent;

import java.util.BitSet;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What is known of a method before it is instrumented, from reading it whole.
 *
 * @param arrays its array accesses checked one at a time
 * @param loops its loops whose array accesses are checked as ranges when they end
 * @param monitorHooksAfterLabel its {@code monitorenter}s, by their order, whose hooks go after the
 *                               label that follows them (see MonitorEntries)
 * @param fieldChecks which of its field accesses are checked where they are, which later with others, which not at all
 * @param checksAccesses whether any of its accesses will be checked: only then does it fetch the
 *                       thread's state on entry, which spares the first check the lookup
 * @param receiverFields for its calls on JDK objects, the field through which it reached the receiver
 * @param fenced whether it orders its plain field accesses with fences ({@code VarHandle.releaseFence()},
 *               {@code acquireFence()}, ...), as lock-free code does: its accesses synchronise as volatile ones
 */
record MethodShape(ArrayUse arrays, HoistedLoops loops, BitSet monitorHooksAfterLabel, FieldChecks fieldChecks,
                   boolean checksAccesses, ReceiverFields receiverFields, boolean fenced) {

    static MethodShape of(String owner, MethodNode method, RaceClassVisitor.Declarations declarations,
                          boolean cachesArraySites) {
        MethodFlow flow = new MethodFlow(owner, method);
        // loops need code of their own: not when the method must stay small, nor in a class
        // initialiser, which is not checked
        HoistedLoops loops = cachesArraySites && !"<clinit>".equals(method.name)
                ? HoistedLoops.of(flow, declarations) : HoistedLoops.NONE;
        ArrayUse arrays = ArrayUse.of(method.instructions, cachesArraySites, loops);
        FieldChecks fields = RedundantChecks.of(flow, declarations);
        return new MethodShape(arrays, loops, MonitorEntries.hookedAfterLabel(method), fields,
                arrays.sites() > 0 || !loops.loops().isEmpty() || checksFields(method, declarations, fields),
                ReceiverFields.of(flow, call -> CallContracts.isObjectOwner(call.owner)
                        || UpdateCalls.isUpdateOwner(call.owner)), isFenced(method));
    }

    private static boolean isFenced(MethodNode method) {
        for (AbstractInsnNode instruction : method.instructions) {
            if (instruction instanceof MethodInsnNode call && call.name.endsWith("Fence")
                    && (call.owner.equals("java/lang/invoke/VarHandle") || call.owner.endsWith("/Unsafe"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a field access of the method is checked: not of a final field, and not left out. */
    private static boolean checksFields(MethodNode method, RaceClassVisitor.Declarations declarations,
                                        FieldChecks fields) {
        int ordinal = 0;
        for (AbstractInsnNode instruction : method.instructions) {
            if (instruction instanceof FieldInsnNode field) {
                ShadowedFields.Declaration declaration = declarations.of(field.owner, field.name);
                boolean unchecked = declaration != null && declaration.isFinal() || fields.leftOut(ordinal);
                if (!unchecked) {
                    return true;
                }
                ordinal++;
            }
        }
        return false;
    }
}
