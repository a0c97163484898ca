package org.concurrencyharness.internal.agent;

import java.util.HashSet;
import java.util.Set;
import org.concurrencyharness.internal.race.SiteRegistry;
import org.concurrencyharness.internal.race.SyncContracts;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.AdviceAdapter;
import org.objectweb.asm.commons.Method;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Instruments one method, as its {@link MethodPlan} says: looks each of the program's
 * instructions up in the plan (the {@link InstructionCursor} in front says which it is) and hands
 * it to the emitter of its kind: fields, elements, loops checked as ranges, monitors, calls. Keeps
 * what they share: the local holding the thread's state, and the sites' method and line. Also
 * reports what happens around the whole method: a class initialiser's start and end, which are
 * not checked, and a task body's start and end; and the start of each handler that an
 * {@code InterruptedException} can reach, where the thread may find it was interrupted.
 */
final class RaceMethodVisitor extends AdviceAdapter {

    private final RaceClassVisitor.ClassContext context;
    private final MethodPlan plan;
    private final InstructionCursor cursor;
    private final String methodName;
    private final boolean instrumentsAccesses;
    private final boolean synchronizedMethod;
    /** Whether the method is the body of a task object (a ForkJoinTask's compute, a TimerTask's run). */
    private final boolean taskBody;
    /** Whether the method receives a publisher's signal: a {@code Flow.Subscriber}'s {@code onNext} and the like. */
    private final boolean signal;
    /** Whether the method is a phaser's {@code onAdvance}, which the last party to arrive runs inside its arrive. */
    private final boolean advance;
    /** Which argument is the task a pool's {@code beforeExecute} or {@code afterExecute} is given, or -1. */
    private final int executedTask;
    /** Whether the method is a pool's {@code afterExecute}, the end of each task's execution. */
    private final boolean afterExecute;

    private final Label classInitStart = new Label();
    private final FieldAccessEmitter fields = new FieldAccessEmitter(this);
    private final ElementEmitter elements = new ElementEmitter(this);
    private final LoopRangeEmitter loops;
    private final MonitorEmitter monitors = new MonitorEmitter(this);
    private final CallEmitter calls = new CallEmitter(this);
    private boolean entered;
    /**
     * A local holding the analysis's state of the running thread, fetched on entry when the method
     * has checked accesses (else by the first hook that needs it) and handed from hook to hook: one
     * thread-local lookup per call of the method instead of one per access.
     */
    private int threadState = -1;

    private int line;
    /**
     * The labels of the method's handlers that an {@code InterruptedException} can reach: of it, of {@code Exception}
     * or {@code Throwable}, and {@code finally}. A service's worker loop often catches {@code Exception} around a
     * blocking call, and is interrupted there all the same.
     */
    private final Set<Label> interruptHandlers = new HashSet<>();

    private static final Set<String> INTERRUPT_CATCHERS =
            Set.of("java/lang/InterruptedException", "java/lang/Exception", "java/lang/Throwable");
    /** Whether the label just visited starts such a handler, whose hook follows its stack map frame. */
    private boolean inInterruptHandler;

    /** Instruments {@code method}, read whole, into {@code next}: it visits {@link #entry()}. */
    RaceMethodVisitor(MethodVisitor next, MethodNode method, RaceClassVisitor.ClassContext context, MethodPlan plan) {
        super(Opcodes.ASM9, next, method.access, method.name, method.desc);
        this.context = context;
        this.plan = plan;
        this.cursor = new InstructionCursor(method.instructions, this);
        this.methodName = method.name;
        this.loops = new LoopRangeEmitter(this, plan.loops());
        // a class's initialisation happens before any use of it: its accesses cannot race
        this.instrumentsAccesses = !"<clinit>".equals(method.name);
        this.synchronizedMethod = (method.access & ACC_SYNCHRONIZED) != 0 && context.version() >= Opcodes.V1_6;
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            if (block.type == null || INTERRUPT_CATCHERS.contains(block.type)) {
                interruptHandlers.add(block.handler.getLabel());
            }
        }
        // the methods the JDK calls on an object of the program's: a task's body, a subscriber's signals, a phaser's
        // onAdvance, a pool's beforeExecute and afterExecute
        boolean instanceMethod = (method.access & ACC_STATIC) == 0;
        this.signal = instanceMethod && context.subscriber() && SyncContracts.isSignal(method.name);
        this.advance = instanceMethod && context.phaser() && SyncContracts.isAdvance(method.name, method.desc);
        this.executedTask = instanceMethod && context.threadPool()
                ? SyncContracts.executedTaskArgument(method.name, method.desc)
                : -1;
        this.afterExecute = executedTask >= 0 && "afterExecute".equals(method.name);
        this.taskBody = instanceMethod
                && context.taskClass() != null
                && context.taskClass().isBody(method.name, method.desc);
    }

    /** Where the method read whole is visited: through the cursor, which says which of its instructions each visit is. */
    MethodVisitor entry() {
        return cursor;
    }

    @Override
    protected void onMethodEnter() {
        entered = true;
        threadState = newLocal(HookCalls.OBJECT);
        if (instrumentsAccesses && plan.checksAccesses()) {
            // element hooks need the state from the start (they return the array's shadows, not the
            // state), and so does the first field check, which would otherwise look it up the slow way
            invokeStatic(HookCalls.HOOKS, HookCalls.THREAD_STATE);
        } else {
            emitInsn(ACONST_NULL);
        }
        storeLocal(threadState);
        if (instrumentsAccesses) {
            elements.makeLocals(plan.cachedSites());
            loops.makeLocals();
        } else {
            // a class initialiser: neither it nor what it calls is checked (see the analysis's ThreadState);
            // its handler's frame declares the thread's local, so it starts once that is set
            invokeStatic(HookCalls.HOOKS, HookCalls.CLASS_INIT_BEGIN);
            emitLabel(classInitStart);
        }
        if (taskBody) {
            // it starts from its hand-over (a fork, a schedule); a completion also sees the tasks that completed
            loadThis();
            invokeStatic(
                    HookCalls.HOOKS,
                    "onCompletion".equals(methodName) ? HookCalls.COMPLETION_BEGIN : HookCalls.TASK_BEGIN);
        }
        if (executedTask >= 0) {
            // the program's runnable, not the detector's wrapper around it
            loadArg(executedTask);
            invokeStatic(HookCalls.HOOKS, HookCalls.UNWRAP_TASK);
            storeArg(executedTask);
        }
        if (signal) {
            // it starts from what the publisher published before the signal
            loadThis();
            invokeStatic(HookCalls.HOOKS, HookCalls.SUBSCRIBER_SIGNAL);
        }
        if (synchronizedMethod) {
            monitors.enterMethod();
        }
    }

    @Override
    public void visitCode() {
        super.visitCode();
        // past the constructor bookkeeping of AdviceAdapter, as the loops all come after super()
        loops.declareHandlers();
    }

    @Override
    protected void onMethodExit(int opcode) {
        if (synchronizedMethod && opcode != ATHROW) {
            monitors.exitMethod();
        }
        if (!instrumentsAccesses && opcode != ATHROW) {
            invokeStatic(HookCalls.HOOKS, HookCalls.CLASS_INIT_END);
        }
        if (taskBody) {
            // what it did happens before whoever waits for it (a join, an invoke)
            loadThis();
            invokeStatic(HookCalls.HOOKS, HookCalls.TASK_END);
        }
        if (signal) {
            // what it did happens before the subscriber's next signal
            loadThis();
            invokeStatic(HookCalls.HOOKS, HookCalls.SUBSCRIBER_SIGNAL_END);
        }
        if (afterExecute) {
            // afterExecute is the end of the task's execution, as the pool runs it: whoever waits for the pool's tasks
            // (awaitTermination, isTerminated) sees what it did
            loadThis();
            invokeStatic(HookCalls.HOOKS, HookCalls.TASK_END);
        }
        if (advance) {
            // what it did happens before the parties go on to the next phase
            loadThis();
            invokeStatic(HookCalls.HOOKS, HookCalls.ADVANCED);
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        loops.checkAllPlaced(methodName);
        if (!instrumentsAccesses && context.version() >= Opcodes.V1_6) {
            // an initialiser that throws ends too (older class files have no frames to declare its handler)
            Label handler = new Label();
            emitTryCatchBlock(classInitStart, handler, handler, null);
            emitLabel(handler);
            emitFrame(F_NEW, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"});
            invokeStatic(HookCalls.HOOKS, HookCalls.CLASS_INIT_END);
            throwException();
        }
        if (synchronizedMethod) {
            monitors.handleExceptionalExit();
        }
        super.visitMaxs(maxStack, maxLocals);
    }

    // ---- the program's instructions, each handed to the emitter of its kind

    @Override
    public void visitLabel(Label label) {
        if (entered && instrumentsAccesses) {
            loops.beforeLabel(label);
        }
        super.visitLabel(label);
        monitors.afterLabel();
        inInterruptHandler = interruptHandlers.contains(label);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        super.visitFrame(type, numLocal, local, numStack, stack);
        if (inInterruptHandler && entered && numStack == 1) {
            // the exception is on the stack: the hook looks at a copy, whether the thread found it was interrupted
            dup();
            invokeStatic(HookCalls.HOOKS, HookCalls.INTERRUPT_CAUGHT);
        }
        inInterruptHandler = false;
    }

    @Override
    public void visitLineNumber(int lineNumber, Label start) {
        this.line = lineNumber;
        super.visitLineNumber(lineNumber, start);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        FieldInsnNode field = (FieldInsnNode) cursor.current();
        elements.fieldLoaded(field);
        if (entered && instrumentsAccesses) {
            fields.emit(field, plan.at(field));
        } else {
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }
    }

    @Override
    public void visitInsn(int opcode) {
        MethodPlan.Step step = plan.at(cursor.current());
        if (entered && instrumentsAccesses && ArrayInstructions.isAccess(opcode)) {
            if (step instanceof MethodPlan.InRange && loops.inLoop()) {
                loops.inRange(
                        cursor.current(), site(null, elements.arrayName(), ArrayInstructions.isStore(opcode), true));
            } else {
                elements.emit(opcode, step instanceof MethodPlan.Element element ? element.cache() : -1);
            }
            super.visitInsn(opcode);
        } else if (opcode == MONITORENTER && entered) {
            monitors.enter(step instanceof MethodPlan.HookAfterLabel);
        } else if (opcode == MONITOREXIT && entered) {
            monitors.exit();
        } else {
            super.visitInsn(opcode);
        }
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        loops.jump(opcode, label);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (entered) {
            MethodInsnNode call = (MethodInsnNode) cursor.current();
            calls.emit(call, plan.at(call));
        } else {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        MethodPlan.Step step = plan.at(cursor.current());
        if (entered && calls.concatenation(name, descriptor, bootstrap, arguments)) {
            return;
        }
        super.visitInvokeDynamicInsn(
                name, descriptor, bootstrap, calls.methodReference(descriptor, bootstrap, arguments, step));
    }

    // ---- what the emitters share

    RaceClassVisitor.ClassContext context() {
        return context;
    }

    MethodPlan plan() {
        return plan;
    }

    boolean isStatic() {
        return (methodAccess & ACC_STATIC) != 0;
    }

    /** Where added code goes that must skip the constructor bookkeeping and local renumbering of this adapter. */
    MethodVisitor next() {
        return mv;
    }

    void loadThreadState() {
        loadLocal(threadState);
    }

    /** Calls an access hook with the thread's state, and keeps the state it returns for the next. */
    void callWithState(Method hook) {
        loadLocal(threadState);
        invokeStatic(HookCalls.HOOKS, hook);
        storeLocal(threadState);
    }

    String method() {
        return context.simpleName() + "." + methodName;
    }

    String location() {
        return context.file() + ":" + line;
    }

    int site(String owner, String field, boolean write, boolean array) {
        return SiteRegistry.register(
                array ? context.className() : owner,
                field,
                method(),
                location(),
                write,
                array,
                context.library(),
                context.loader());
    }

    // Instructions written past this visitor's own handling of the program's instructions: the
    // program's own, once its checks are written, and the labels, frames and jumps of added code,
    // whose locals the adapter still renumbers.

    void emitInsn(int opcode) {
        super.visitInsn(opcode);
    }

    void emitFieldInsn(int opcode, String owner, String name, String descriptor) {
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    void emitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    void emitJumpInsn(int opcode, Label label) {
        super.visitJumpInsn(opcode, label);
    }

    void emitLabel(Label label) {
        super.visitLabel(label);
    }

    void emitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    /** A handler added around code: past the adapter's constructor bookkeeping, which would take it for the program's. */
    void emitTryCatchBlock(Label start, Label end, Label handler, String type) {
        mv.visitTryCatchBlock(start, end, handler, type);
    }
}
