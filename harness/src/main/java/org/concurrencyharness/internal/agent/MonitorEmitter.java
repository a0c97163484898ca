package org.concurrencyharness.internal.agent;

import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the hooks of monitors: after each {@code monitorenter} (or after the label that opens
 * the region releasing it, see MonitorEntries), before each {@code monitorexit}, and for a
 * synchronized method on entry, on each exit, and in a handler for an exception leaving it.
 */
final class MonitorEmitter {

    private final RaceMethodVisitor code;
    /** A monitor just entered, still on the stack, whose hook waits for the label that comes next. */
    private boolean hookPending;

    private final Label bodyStart = new Label();

    MonitorEmitter(RaceMethodVisitor code) {
        this.code = code;
    }

    /** The program's {@code monitorenter}, its hook right after it or after the label that follows. */
    void enter(boolean hookAfterLabel) {
        code.dup();
        code.emitInsn(Opcodes.MONITORENTER);
        if (hookAfterLabel) {
            hookPending = true;
        } else {
            code.callWithState(HookCalls.MONITOR_ACQUIRE);
        }
    }

    /** After a label of the program: the hook of a monitor entered just before it, if it waits for it. */
    void afterLabel() {
        if (hookPending) {
            hookPending = false;
            code.callWithState(HookCalls.MONITOR_ACQUIRE);
        }
    }

    /** The program's {@code monitorexit}, its hook before it. */
    void exit() {
        code.dup();
        code.callWithState(HookCalls.MONITOR_RELEASE);
        code.emitInsn(Opcodes.MONITOREXIT);
    }

    /** A synchronized method's entry: it holds its monitor from here. */
    void enterMethod() {
        pushMonitor();
        code.callWithState(HookCalls.MONITOR_ACQUIRE);
        code.emitLabel(bodyStart);
    }

    /** A synchronized method's normal exit. */
    void exitMethod() {
        pushMonitor();
        code.callWithState(HookCalls.MONITOR_RELEASE);
    }

    /** An exception leaving a synchronized method releases its monitor too. */
    void handleExceptionalExit() {
        Label handler = new Label();
        code.emitTryCatchBlock(bodyStart, handler, handler, null);
        code.emitLabel(handler);
        Object[] locals =
                code.isStatic() ? new Object[0] : new Object[] {code.context().className()};
        code.emitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
        // the handler's frame holds no thread state: the hook looks it up
        pushMonitor();
        code.emitInsn(Opcodes.ACONST_NULL);
        code.invokeStatic(HookCalls.HOOKS, HookCalls.MONITOR_RELEASE);
        code.pop();
        code.throwException();
    }

    private void pushMonitor() {
        if (code.isStatic()) {
            code.push(Type.getObjectType(code.context().className()));
        } else {
            code.loadThis();
        }
    }
}
