package org.concurrencyharness.internal.agent;

import java.util.IdentityHashMap;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * Writes the code of the loops whose array accesses are checked as ranges (see HoistedLoops):
 * the counter kept on entry, the way out through the range checks, and a handler that checks
 * the passes completed before an exception and rethrows it.
 */
final class LoopRangeEmitter {

    private final RaceMethodVisitor code;
    private final HoistedLoops loops;
    /** By loop, a local holding its counter's value on entry. */
    private int[] starts = new int[0];
    /** The sites of the loops' array instructions, which their ranges name. */
    private final Map<AbstractInsnNode, Integer> sites = new IdentityHashMap<>();
    /** The loop whose code is being visited. */
    private HoistedLoops.Loop loop;

    private int left;

    LoopRangeEmitter(RaceMethodVisitor code, HoistedLoops loops) {
        this.code = code;
        this.loops = loops;
    }

    /** First in the table, so that a handler around the whole loop does not take its exceptions first. */
    void declareHandlers() {
        for (HoistedLoops.Loop hoisted : loops.loops()) {
            code.emitTryCatchBlock(hoisted.header(), hoisted.end(), hoisted.handler(), null);
        }
    }

    /** Every local is set on entry, so that every later frame may declare it. */
    void makeLocals() {
        starts = new int[loops.loops().size()];
        for (int index = 0; index < starts.length; index++) {
            starts[index] = code.newLocal(Type.INT_TYPE);
            code.push(0);
            code.storeLocal(starts[index]);
        }
    }

    /** Before a label of the program: falling into a loop's header, its only way in, keeps its counter. */
    void beforeLabel(Label label) {
        HoistedLoops.Loop entering = loops.byHeader(label);
        if (entering != null) {
            loop = entering;
            code.visitVarInsn(Opcodes.ILOAD, loop.counter());
            code.storeLocal(start(loop));
        }
    }

    /** Whether the code of a loop whose array accesses are checked as ranges is being visited. */
    boolean inLoop() {
        return loop != null;
    }

    /** An array instruction the loop's range checks: only its site is registered. */
    void inRange(AbstractInsnNode instruction, int site) {
        sites.put(instruction, site);
    }

    /** A jump of the program: leaving the loop goes through the range checks; the jump back ends its code. */
    void jump(int opcode, Label label) {
        if (loop != null && label == loop.exit()) {
            // leaving, which only the header does: through the range checks
            code.emitJumpInsn(opcode, loop.checks());
        } else if (loop != null && label == loop.header()) {
            code.emitJumpInsn(opcode, label);
            leave(loop);
            loop = null;
            left++;
        } else {
            code.emitJumpInsn(opcode, label);
        }
    }

    /** Labels of a loop's added code that were never placed go unnoticed by ASM: the instrumenter falls back. */
    void checkAllPlaced(String method) {
        if (left != loops.loops().size()) {
            throw new IllegalStateException(method + ": a loop's range checks were not all placed");
        }
    }

    /**
     * After the jump back: the range checks on leaving, then those of a loop left by an
     * exception, which rethrows it. Both see the counter as it was when leaving, one step past the
     * last pass, or at the pass that threw, whose accesses go unchecked.
     */
    private void leave(HoistedLoops.Loop ended) {
        code.emitLabel(ended.end());
        code.emitLabel(ended.checks());
        code.emitFrame(Opcodes.F_NEW, ended.headerLocals().length, ended.headerLocals(), 0, new Object[0]);
        checkRanges(ended);
        code.emitJumpInsn(Opcodes.GOTO, ended.exit());
        code.emitLabel(ended.handler());
        code.emitFrame(Opcodes.F_NEW, ended.handlerLocals().length, ended.handlerLocals(), 1, new Object[] {
            "java/lang/Throwable"
        });
        checkRanges(ended);
        code.throwException();
    }

    private void checkRanges(HoistedLoops.Loop ended) {
        for (HoistedLoops.Range range : ended.ranges()) {
            code.visitVarInsn(Opcodes.ALOAD, range.array());
            code.loadLocal(start(ended));
            code.visitVarInsn(Opcodes.ILOAD, ended.counter());
            code.push(ended.step());
            code.push(range.low());
            code.push(range.span());
            code.push(sites.get(range.firstAccess()));
            code.loadThreadState();
            code.invokeStatic(HookCalls.HOOKS, range.write() ? HookCalls.RANGE_WRITE : HookCalls.RANGE_READ);
        }
    }

    private int start(HoistedLoops.Loop hoisted) {
        return starts[loops.loops().indexOf(hoisted)];
    }
}
