package org.concurrencyharness.internal.agent;

import java.util.HashMap;
import java.util.Map;
import org.concurrencyharness.internal.race.ObjectSummary;
import org.concurrencyharness.internal.race.ShadowField;
import org.concurrencyharness.internal.race.SiteRegistry;
import org.concurrencyharness.internal.race.UpdateRole;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AdviceAdapter;
import org.objectweb.asm.commons.Method;

/**
 * Instruments one method: each field and array access reports to the analysis with its site;
 * monitors, synchronized methods (on exceptional exits too), thread start and join,
 * {@code Object.wait}, and calls into {@code java.util.concurrent} and {@code VarHandle} report
 * their happens-before edges; tasks handed to executors are wrapped so that their submitter's
 * past happens before them.
 */
final class RaceMethodVisitor extends AdviceAdapter {

    private final RaceClassVisitor.ClassContext context;
    private final String methodName;
    private final boolean instrumentsAccesses;
    private final boolean synchronizedMethod;
    private final Label bodyStart = new Label();
    private boolean entered;
    /**
     * A local holding the analysis's state of the running thread, fetched on entry when the method
     * has checked accesses (else by the first hook that needs it) and handed from hook to hook: one
     * thread-local lookup per call of the method instead of one per access.
     */
    private int threadState = -1;
    private final MethodShape shape;
    private int nextFieldInstruction;
    /** The field accesses checked later with others of their object, by their order. */
    private final Map<Integer, CoalescedCheck> coalesced = new HashMap<>();
    /** A monitor just entered, still on the stack, whose hook waits for the label that comes next. */
    private boolean monitorHookPending;
    private int nextMonitorEnter;
    /** Each array access site's cache: the shadows of the array it accessed last. */
    private int[] cachedShadows;
    private int nextArraySite;
    private int nextArrayInstruction;
    /** The sites of the array instructions, by their order, as their loop's ranges name them. */
    private final Map<Integer, Integer> hoistedSites = new HashMap<>();
    /** By loop, a local holding its counter's value on entry. */
    private int[] loopStarts = new int[0];
    /** The loop whose code is being visited, if its accesses are checked as ranges. */
    private HoistedLoops.Loop loop;
    private int loopsLeft;
    private int line;
    private String lastArrayField;
    /** The order of the next call instruction among the method's calls, as ReceiverFields numbers them. */
    private int nextCall;
    /** Whether the method is the body of a task object (a ForkJoinTask's compute, a TimerTask's run). */
    private final boolean taskBody;

    RaceMethodVisitor(MethodVisitor next, int access, String name, String descriptor,
                      RaceClassVisitor.ClassContext context, MethodShape shape) {
        super(Opcodes.ASM9, next, access, name, descriptor);
        this.context = context;
        this.shape = shape;
        this.methodName = name;
        // a class's initialisation happens before any use of it: its accesses cannot race
        this.instrumentsAccesses = !"<clinit>".equals(name);
        this.synchronizedMethod = (access & ACC_SYNCHRONIZED) != 0 && context.version() >= Opcodes.V1_6;
        this.taskBody = context.taskClass() != null && (access & ACC_STATIC) == 0
                && context.taskClass().isBody(name, descriptor);
    }

    @Override
    protected void onMethodEnter() {
        entered = true;
        threadState = newLocal(HookCalls.OBJECT);
        if (instrumentsAccesses && shape.checksAccesses()) {
            // element hooks need the state from the start (they return the array's shadows, not the
            // state), and so does the first field check, which would otherwise look it up the slow way
            invokeStatic(HookCalls.HOOKS, HookCalls.THREAD);
        } else {
            visitInsn(ACONST_NULL);
        }
        storeLocal(threadState);
        if (instrumentsAccesses) {
            makeArrayLocals();
            makeLoopLocals();
        } else {
            // a class initialiser: neither it nor what it calls is checked (see the analysis's ThreadState);
            // its handler's frame declares the thread's local, so it starts once that is set
            invokeStatic(HookCalls.HOOKS, HookCalls.BEGIN_CLASS_INIT);
            visitLabel(bodyStart);
        }
        if (taskBody) {
            // it starts from its hand-over (a fork, a schedule); a completion also sees the tasks that completed
            loadThis();
            invokeStatic(HookCalls.HOOKS, "onCompletion".equals(methodName) ? HookCalls.COMPLETION_BEGIN : HookCalls.TASK_BEGIN);
        }
        if (synchronizedMethod) {
            pushMonitor();
            access(HookCalls.MONITOR_ENTER);
            visitLabel(bodyStart);
        }
    }

    /** Every local the accesses use is set on entry, so that every later frame may declare it. */
    private void makeArrayLocals() {
        cachedShadows = new int[shape.arrays().cachedSites()];
        for (int site = 0; site < cachedShadows.length; site++) {
            cachedShadows[site] = newLocal(HookCalls.ELEMENT_SHADOWS_TYPE);
            visitInsn(ACONST_NULL);
            storeLocal(cachedShadows[site]);
        }
    }

    private void makeLoopLocals() {
        loopStarts = new int[shape.loops().loops().size()];
        for (int index = 0; index < loopStarts.length; index++) {
            loopStarts[index] = newLocal(Type.INT_TYPE);
            push(0);
            storeLocal(loopStarts[index]);
        }
    }

    @Override
    public void visitCode() {
        super.visitCode();
        // first in the table, so that a handler around the whole loop does not take its exceptions first;
        // past the constructor bookkeeping of AdviceAdapter, as the loops all come after super()
        for (HoistedLoops.Loop hoisted : shape.loops().loops()) {
            mv.visitTryCatchBlock(hoisted.header(), hoisted.end(), hoisted.handler(), null);
        }
    }

    @Override
    protected void onMethodExit(int opcode) {
        if (synchronizedMethod && opcode != ATHROW) {
            pushMonitor();
            access(HookCalls.MONITOR_EXIT);
        }
        if (!instrumentsAccesses && opcode != ATHROW) {
            invokeStatic(HookCalls.HOOKS, HookCalls.END_CLASS_INIT);
        }
        if (taskBody) {
            // what it did happens before whoever waits for it (a join, an invoke)
            loadThis();
            invokeStatic(HookCalls.HOOKS, HookCalls.TASK_END);
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (loopsLeft != shape.loops().loops().size()) {
            // labels of a loop's added code were never placed, which ASM does not notice: the instrumenter falls back
            throw new IllegalStateException(methodName + ": a loop's range checks were not all placed");
        }
        if (!instrumentsAccesses && context.version() >= Opcodes.V1_6) {
            // an initialiser that throws ends too (older class files have no frames to declare its handler)
            Label handler = new Label();
            visitTryCatchBlock(bodyStart, handler, handler, null);
            visitLabel(handler);
            super.visitFrame(F_NEW, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"});
            invokeStatic(HookCalls.HOOKS, HookCalls.END_CLASS_INIT);
            throwException();
        }
        if (synchronizedMethod) {
            // an exception leaving a synchronized method releases its monitor too
            Label handler = new Label();
            visitTryCatchBlock(bodyStart, handler, handler, null);
            visitLabel(handler);
            Object[] locals = (methodAccess & ACC_STATIC) != 0 ? new Object[0] : new Object[] {context.className()};
            super.visitFrame(F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            // the handler's frame holds no thread state: the hook looks it up
            pushMonitor();
            visitInsn(ACONST_NULL);
            invokeStatic(HookCalls.HOOKS, HookCalls.MONITOR_EXIT);
            pop();
            throwException();
        }
        super.visitMaxs(maxStack, maxLocals);
    }

    private void pushMonitor() {
        if ((methodAccess & ACC_STATIC) != 0) {
            push(Type.getObjectType(context.className()));
        } else {
            loadThis();
        }
    }

    @Override
    public void visitLabel(Label label) {
        HoistedLoops.Loop entering = entered && instrumentsAccesses ? shape.loops().byHeader(label) : null;
        if (entering != null) {
            // falling into the loop, its only way in
            loop = entering;
            visitVarInsn(ILOAD, loop.counter());
            storeLocal(loopStart(loop));
        }
        super.visitLabel(label);
        if (monitorHookPending) {
            // the label that opens the region releasing the monitor just entered (see MonitorEntries)
            monitorHookPending = false;
            access(HookCalls.MONITOR_ENTER);
        }
    }

    @Override
    public void visitLineNumber(int lineNumber, Label start) {
        this.line = lineNumber;
        super.visitLineNumber(lineNumber, start);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        int ordinal = nextFieldInstruction++;
        FieldChecks checks = shape.fieldChecks();
        ShadowedFields.Declaration synchronising = entered && instrumentsAccesses
                ? synchronising(owner, name) : null;
        if (synchronising != null) {
            otherAccess(opcode, owner, name, descriptor, true);
            return;
        } else if (entered && instrumentsAccesses && !checks.redundant().get(ordinal)) {
            ShadowedFields.Declaration declaration = context.declarations().of(owner, name);
            if (declaration != null && declaration.isShadowed() && checks.coalesced().get(ordinal)) {
                coalesced.put(ordinal, coalescedCheck(opcode, name, declaration));
            } else if (declaration != null && declaration.isShadowed() && checks.groups().containsKey(ordinal)) {
                groupAccess(opcode, owner, name, descriptor, declaration, checks.groups().get(ordinal));
            } else if (declaration != null && declaration.isShadowed()) {
                shadowedAccess(opcode, owner, name, descriptor, declaration);
            } else if (declaration == null || !declaration.isFinal()) {
                otherAccess(opcode, owner, name, descriptor, false);
                return;
            }
        }
        rememberArrayField(opcode, owner, name, descriptor);
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    /**
     * The declaration of a field whose accesses here synchronise as a volatile's do: any field the
     * method orders with fences, and the fields libraries publish through (see RacyPublications).
     */
    private ShadowedFields.Declaration synchronising(String owner, String name) {
        ShadowedFields.Declaration declaration = context.declarations().of(owner, name);
        if (declaration == null || declaration.isFinal()) {
            return null;
        }
        return shape.fenced() || RacyPublications.contains(declaration.declaringClass(), name) ? declaration : null;
    }

    /**
     * Before the access, hands the field's shadow (loaded from the shadow field beside it) to the
     * access hook. The declaring class names the field in races.
     */
    private void shadowedAccess(int opcode, String owner, String name, String descriptor,
                                ShadowedFields.Declaration declaration) {
        boolean write = opcode == PUTFIELD || opcode == PUTSTATIC;
        int site = SiteRegistry.registerShadowed(declaration.declaringClass(), name, declaration.isStatic(),
                method(), location(), write, context.library(), context.loader());
        String shadow = ShadowField.nameOf(name);
        switch (opcode) {
            case GETFIELD -> {
                // [holder] -> [holder holder shadow]
                dup();
                dup();
                super.visitMethodInsn(INVOKESTATIC, owner, shadow, ShadowField.ACCESSOR_DESCRIPTOR, false);
            }
            case PUTFIELD -> {
                // [holder value] -> [holder value holder shadow]
                copyHolderAboveValue(Type.getType(descriptor));
                dup();
                super.visitMethodInsn(INVOKESTATIC, owner, shadow, ShadowField.ACCESSOR_DESCRIPTOR, false);
            }
            default -> {
                visitInsn(ACONST_NULL);
                super.visitFieldInsn(GETSTATIC, owner, shadow, ShadowField.DESCRIPTOR);
            }
        }
        push(site);
        access(write ? HookCalls.WRITE : HookCalls.READ);
    }

    /** An access whose check waits for others of its object: its site, and the summary bits it requires and sets. */
    private record CoalescedCheck(int site, long required, long checked) {
    }

    private CoalescedCheck coalescedCheck(int opcode, String name, ShadowedFields.Declaration declaration) {
        boolean write = opcode == PUTFIELD;
        int site = SiteRegistry.registerShadowed(declaration.declaringClass(), name, false, method(), location(), write,
                context.library(), context.loader());
        return new CoalescedCheck(site, ObjectSummary.required(declaration.summaryField(), write),
                ObjectSummary.bits(declaration.summaryField(), write));
    }

    /**
     * The last access of a group checks them all, with one look at the object's summary before
     * the access: [holder] or [holder value] stays, and the hook gets the holder and its summary.
     */
    private void groupAccess(int opcode, String owner, String name, String descriptor,
                             ShadowedFields.Declaration declaration, int[] group) {
        coalesced.put(group[group.length - 1], coalescedCheck(opcode, name, declaration));
        int[] sites = new int[group.length];
        long required = 0;
        long checked = 0;
        for (int i = 0; i < group.length; i++) {
            CoalescedCheck access = coalesced.remove(group[i]);
            if (access == null) {
                // an access before the constructor's super() call, which is not checked
                shadowedAccess(opcode, owner, name, descriptor, declaration);
                return;
            }
            sites[i] = access.site();
            required |= access.required();
            checked |= access.checked();
        }
        if (opcode == GETFIELD) {
            // [holder] -> [holder holder holder]
            dup();
            dup();
        } else {
            // [holder value] -> [holder value holder holder]
            copyHolderAboveValue(Type.getType(descriptor));
            dup();
        }
        super.visitMethodInsn(INVOKESTATIC, declaration.declaringClass(), ObjectSummary.NAME,
                ObjectSummary.ACCESSOR_DESCRIPTOR, false);
        push(required);
        push(SiteRegistry.registerGroup(sites, checked));
        access(HookCalls.OBJECT_CHECKS);
    }

    /**
     * A field without a shadow: volatile, or of a class the agent leaves alone, which the hook
     * finds out at run time; or one whose accesses here synchronise as a volatile field's do
     * ({@code synchronising}: see {@link #synchronising}).
     */
    private void otherAccess(int opcode, String owner, String name, String descriptor, boolean synchronising) {
        boolean write = opcode == PUTFIELD || opcode == PUTSTATIC;
        int site = site(owner, name, write, false);
        if (synchronising) {
            SiteRegistry.markSynchronising(site);
        }
        Type type = Type.getType(descriptor);
        switch (opcode) {
            case GETFIELD -> {
                // the hook runs after the load: a volatile read acquires only what the value it read released
                dup();
                rememberArrayField(opcode, owner, name, descriptor);
                super.visitFieldInsn(opcode, owner, name, descriptor);
                if (type.getSize() == 2) {
                    dup2X1();
                    pop2();
                } else {
                    swap();
                }
                push(site);
                access(HookCalls.READ_OTHER);
            }
            case GETSTATIC -> {
                rememberArrayField(opcode, owner, name, descriptor);
                super.visitFieldInsn(opcode, owner, name, descriptor);
                visitInsn(ACONST_NULL);
                push(site);
                access(HookCalls.READ_OTHER);
            }
            case PUTFIELD -> {
                // the hook runs before the store: a volatile write releases before its value can be seen
                copyHolderAboveValue(type);
                push(site);
                access(HookCalls.WRITE_OTHER);
                super.visitFieldInsn(opcode, owner, name, descriptor);
            }
            default -> {
                visitInsn(ACONST_NULL);
                push(site);
                access(HookCalls.WRITE_OTHER);
                super.visitFieldInsn(opcode, owner, name, descriptor);
            }
        }
    }

    /** Before a {@code putfield}: [holder value] becomes [holder value holder], without a temporary local. */
    private void copyHolderAboveValue(Type value) {
        if (value.getSize() == 2) {
            dup2X1();
            pop2();
            dupX2();
        } else {
            dup2();
            pop();
        }
    }

    /** Calls an access hook with the thread's state, and keeps the state it returns for the next. */
    private void access(Method hook) {
        loadLocal(threadState);
        invokeStatic(HookCalls.HOOKS, hook);
        storeLocal(threadState);
    }

    /** An array loaded from a field names the races on its elements. */
    private void rememberArrayField(int opcode, String owner, String name, String descriptor) {
        if ((opcode == GETFIELD || opcode == GETSTATIC) && descriptor.startsWith("[")) {
            lastArrayField = owner.replace('/', '.') + "." + name + "[]";
        }
    }

    @Override
    public void visitInsn(int opcode) {
        // numbered as MonitorEntries numbers them: every one the method has
        boolean hookAfterLabel = opcode == MONITORENTER && shape.monitorHooksAfterLabel().get(nextMonitorEnter++);
        // numbered as HoistedLoops numbers them: every one the method has
        int arrayInstruction = ArrayUse.isLoad(opcode) || ArrayUse.isStore(opcode) ? nextArrayInstruction++ : -1;
        if (entered && instrumentsAccesses && arrayInstruction >= 0) {
            if (loop != null && shape.loops().isHoisted(arrayInstruction)) {
                hoistedSites.put(arrayInstruction, site(null, arrayName(), ArrayUse.isStore(opcode), true));
            } else {
                elementAccess(opcode);
            }
            super.visitInsn(opcode);
            return;
        } else if (opcode == MONITORENTER && entered) {
            dup();
            super.visitInsn(opcode);
            if (hookAfterLabel) {
                monitorHookPending = true;
            } else {
                access(HookCalls.MONITOR_ENTER);
            }
            return;
        } else if (opcode == MONITOREXIT && entered) {
            dup();
            access(HookCalls.MONITOR_EXIT);
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        if (loop != null && label == loop.exit()) {
            // leaving, which only the header does: through the range checks
            super.visitJumpInsn(opcode, loop.checks());
        } else if (loop != null && label == loop.header()) {
            super.visitJumpInsn(opcode, label);
            leaveLoop(loop);
            loop = null;
            loopsLeft++;
        } else {
            super.visitJumpInsn(opcode, label);
        }
    }

    /**
     * After the jump back: the range checks on leaving, then those of a loop left by an
     * exception, which rethrows it. Both see the counter as it was when leaving, one step past the
     * last pass, or at the pass that threw, whose accesses go unchecked.
     */
    private void leaveLoop(HoistedLoops.Loop left) {
        super.visitLabel(left.end());
        super.visitLabel(left.checks());
        super.visitFrame(F_NEW, left.headerLocals().length, left.headerLocals(), 0, new Object[0]);
        checkRanges(left);
        super.visitJumpInsn(GOTO, left.exit());
        super.visitLabel(left.handler());
        super.visitFrame(F_NEW, left.handlerLocals().length, left.handlerLocals(), 1,
                new Object[] {"java/lang/Throwable"});
        checkRanges(left);
        mv.visitInsn(ATHROW);
    }

    private void checkRanges(HoistedLoops.Loop left) {
        for (HoistedLoops.Range range : left.ranges()) {
            visitVarInsn(ALOAD, range.array());
            loadLocal(loopStart(left));
            visitVarInsn(ILOAD, left.counter());
            push(left.step());
            push(range.low());
            push(range.span());
            push(hoistedSites.get(range.firstAccess()));
            loadLocal(threadState);
            invokeStatic(HookCalls.HOOKS, range.write() ? HookCalls.WRITE_RANGE : HookCalls.READ_RANGE);
        }
    }

    private int loopStart(HoistedLoops.Loop hoisted) {
        return loopStarts[shape.loops().loops().indexOf(hoisted)];
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        int call = nextCall++;
        SyncBridges.Kind kind = entered && context.canBridge()
                ? context.contracts().kindOf(opcode, owner, name, descriptor, context.loader()) : null;
        if (opcode == INVOKEVIRTUAL && entered && "start".equals(name) && "()V".equals(descriptor)) {
            dup();
            invokeStatic(HookCalls.HOOKS, HookCalls.BEFORE_START);
        }
        if (kind == null && entered && !context.library() && context.hierarchy().isLibrary(owner, context.loader())) {
            // the project's call into a library's code: what happens in there is reported with this line too
            int userSite = SiteRegistry.register(owner, name, method(), location(), false, false, context.loader());
            push(userSite);
            invokeStatic(HookCalls.HOOKS, HookCalls.ENTER_LIBRARY);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            push(userSite);
            invokeStatic(HookCalls.HOOKS, HookCalls.LEAVE_LIBRARY);
            return;
        }
        if (kind == null) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        boolean callsBack = (kind == SyncBridges.Kind.SYNC || kind == SyncBridges.Kind.OBJECT_CALL)
                && context.contracts().callsBack(owner, context.loader());
        // only the project's own calls: a library's reads and writes of its maps are its business
        UpdateRole role = !context.library() && (kind == SyncBridges.Kind.SYNC || kind == SyncBridges.Kind.OBJECT_CALL)
                ? UpdateCalls.roleOf(opcode, owner, name, descriptor) : null;
        if (kind == SyncBridges.Kind.OBJECT_CALL || role != null) {
            push(SiteRegistry.registerCall(shape.receiverFields().of(call), owner.substring(owner.lastIndexOf('/') + 1),
                    name, CallContracts.returnsView(name), method(), location(), !CallContracts.onlyReads(name),
                    context.library(), context.loader()));
        }
        context.bridges().invoke(mv, context.isInterface(), opcode, owner, name, descriptor, isInterface, kind,
                callsBack, role);
    }

    /**
     * Before an element access: the hook gets a copy of the array and index, and the site's cached
     * shadows, and returns the shadows of this array for the next time.
     */
    private void elementAccess(int opcode) {
        boolean write = ArrayUse.isStore(opcode);
        int site = site(null, arrayName(), write, true);
        if (!write) {
            dup2();
        } else if (opcode == LASTORE || opcode == DASTORE) {
            // [array index value] -> [array index value array index], without a temporary local
            dup2X2();
            pop2();
            dup2X2();
        } else {
            dupX2();
            pop();
            dup2X1();
        }
        int cache = nextArraySite < cachedShadows.length ? cachedShadows[nextArraySite++] : -1;
        if (cache >= 0) {
            loadLocal(cache, HookCalls.ELEMENT_SHADOWS_TYPE);
        } else {
            visitInsn(ACONST_NULL);
        }
        push(site);
        loadLocal(threadState);
        invokeStatic(HookCalls.HOOKS, write ? HookCalls.WRITE_ELEMENT : HookCalls.READ_ELEMENT);
        if (cache >= 0) {
            storeLocal(cache, HookCalls.ELEMENT_SHADOWS_TYPE);
        } else {
            pop();
        }
    }

    private String method() {
        return context.simpleName() + "." + methodName;
    }

    private String location() {
        return context.file() + ":" + line;
    }

    private int site(String owner, String field, boolean write, boolean array) {
        return SiteRegistry.register(array ? context.className() : owner, field, method(), location(), write, array,
                context.library(), context.loader());
    }

    private String arrayName() {
        return lastArrayField != null ? lastArrayField : "array[]";
    }

}
