package org.concurrencyharness.internal.agent;

import java.util.List;
import org.concurrencyharness.internal.race.SiteRegistry;
import org.concurrencyharness.internal.race.SyncContracts;
import org.concurrencyharness.internal.race.SyncContracts.ArgumentUse;
import org.concurrencyharness.internal.race.SyncContracts.ArrayRange;
import org.concurrencyharness.internal.race.SyncContracts.Kind;
import org.concurrencyharness.internal.race.UpdateRole;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Writes a call of the program as its contract says (see SyncContracts and SyncBridges): a
 * thread's start with its hook first; a synchronising call, or one on a JDK object that is not
 * thread-safe, through a bridge that reports it; the project's call into a library's code between
 * hooks that tell what happens in there which line of the project it is under.
 */
final class CallEmitter {

    private final RaceMethodVisitor code;

    CallEmitter(RaceMethodVisitor code) {
        this.code = code;
    }

    /** The call instruction {@code call}, as the plan's step for it says: the field that names its receiver, or none. */
    void emit(MethodInsnNode call, MethodPlan.Step step) {
        RaceClassVisitor.ClassContext context = code.context();
        int opcode = call.getOpcode();
        Kind kind = context.canBridge()
                ? context.contracts().kindOf(opcode, call.owner, call.name, call.desc, context.loader())
                : null;
        if (SyncContracts.takesBarrierAction(opcode, call.owner, call.name, call.desc)) {
            // the action, on top of the stack, runs inside the last party's await
            code.invokeStatic(HookCalls.HOOKS, HookCalls.BARRIER_ACTION);
        }
        if (SyncContracts.makesFutureTask(opcode, call.owner, call.name, call.desc)) {
            wrapFutureTask(call.desc);
        }
        if (SyncContracts.startsThread(opcode, call.name, call.desc)) {
            code.dup();
            code.invokeStatic(HookCalls.HOOKS, HookCalls.PRE_START);
        }
        if (kind == null && !context.library() && context.hierarchy().isLibrary(call.owner, context.loader())) {
            // the project's call into a library's code: what happens in there is reported with this line too
            int userSite = SiteRegistry.register(
                    call.owner, call.name, code.method(), code.location(), false, false, context.loader());
            code.push(userSite);
            code.invokeStatic(HookCalls.HOOKS, HookCalls.PRE_LIBRARY_CALL);
            code.emitMethodInsn(opcode, call.owner, call.name, call.desc, call.itf);
            code.push(userSite);
            code.invokeStatic(HookCalls.HOOKS, HookCalls.POST_LIBRARY_CALL);
            return;
        }
        ArgumentUse[] uses = SyncContracts.argumentUses(opcode, call.owner, call.name, call.desc);
        if (uses != null && opcode == Opcodes.INVOKESPECIAL) {
            copyingConstructor(call);
            return;
        }
        // a library's copies of its own buffers are many (Jackson's char buffers: a tenth of its time under the
        // detector) and its element accesses are checked where it makes them: only the project's copies are followed
        List<ArrayRange> ranges =
                context.library() ? null : SyncContracts.arrayRanges(opcode, call.owner, call.name, call.desc);
        if (kind == null && (uses != null || ranges != null) && context.canBridge()) {
            kind = Kind.ARGUMENTS;
        }
        if (kind == null) {
            code.emitMethodInsn(opcode, call.owner, call.name, call.desc, call.itf);
            return;
        }
        UpdateRole role = roleOf(kind, opcode, call.owner, call.name, call.desc);
        if (kind == Kind.OBJECT_CALL && role == null && uses == null && step instanceof MethodPlan.Unshared) {
            // an object no other thread reaches: no call on it can race
            code.emitMethodInsn(opcode, call.owner, call.name, call.desc, call.itf);
            return;
        }
        throughBridge(
                code.next(),
                opcode,
                call.owner,
                call.name,
                call.desc,
                call.itf,
                kind,
                role,
                receiverFieldOf(step),
                uses != null,
                ranges == null ? new int[0] : arraySites(ranges, step));
    }

    /**
     * The sites of the stretches of arrays a call goes through, element sites named as the program's own are: by the
     * field the array was loaded from, where the plan found one.
     */
    private int[] arraySites(List<ArrayRange> ranges, MethodPlan.Step step) {
        String[] fields = step instanceof MethodPlan.ArrayArguments arrays ? arrays.fields() : new String[0];
        int[] sites = new int[ranges.size()];
        for (int k = 0; k < sites.length; k++) {
            String field = k < fields.length && fields[k] != null ? fields[k] + "[]" : "array[]";
            sites[k] = code.site(null, field, ranges.get(k).write(), true);
        }
        return sites;
    }

    /**
     * A JDK constructor that copies the object it is given last, on top of the stack ({@code new ArrayList<>(list)}):
     * the hooks go around it in place, as the object under construction cannot be handed to a bridge.
     */
    private void copyingConstructor(MethodInsnNode call) {
        code.dup();
        code.push(argumentSite(SyncContracts.argumentCallName(call.owner, call.name)));
        code.invokeStatic(HookCalls.HOOKS, HookCalls.PRE_COPIED);
        code.emitMethodInsn(call.getOpcode(), call.owner, call.name, call.desc, call.itf);
        code.invokeStatic(HookCalls.HOOKS, HookCalls.POST_COPIED);
    }

    /**
     * A string concatenation ({@code "items " + list}), through a bridge that tells the analysis of the objects it
     * prints, if it prints any but strings: the JDK's code calls their {@code toString}, which reads them. Whether it
     * was written so.
     */
    boolean concatenation(String name, String descriptor, Handle bootstrap, Object[] arguments) {
        RaceClassVisitor.ClassContext context = code.context();
        if (!context.canBridge()
                || !SyncContracts.concatenates(bootstrap.getOwner())
                || !SyncBridges.printsObjects(descriptor)) {
            return false;
        }
        MethodVisitor target = code.next();
        target.visitLdcInsn(argumentSite("string concatenation"));
        context.bridges().concatenate(target, context.isInterface(), name, descriptor, bootstrap, arguments);
        return true;
    }

    /** Wraps the task a FutureTask is made of, on the stack: the callable on top, or the runnable under its result. */
    private void wrapFutureTask(String descriptor) {
        Type task = Type.getArgumentTypes(descriptor)[0];
        boolean underResult = Type.getArgumentTypes(descriptor).length == 2;
        if (underResult) {
            code.swap();
        }
        code.invokeStatic(HookCalls.HOOKS, HookCalls.wrap(task));
        if (underResult) {
            code.swap();
        }
    }

    /** The site of a call's uses of its arguments, {@code call} naming it as the user reads it. */
    private int argumentSite(String call) {
        RaceClassVisitor.ClassContext context = code.context();
        return SiteRegistry.registerArgumentCall(
                call, code.method(), code.location(), context.library(), context.loader());
    }

    /**
     * The bootstrap arguments of a method reference ({@code results::add}, {@code CompletableFuture::join}), with the
     * method it names replaced by a bridge of this class that makes the call as the call written out would be made,
     * when the analysis must hear about that call; else the arguments as they are. The JDK's lambda factory makes the
     * call from a class of its own, which the agent never sees: without the bridge, a join made through a reference
     * would order nothing, and a list shared through one would never race.
     */
    Object[] methodReference(String referenceDescriptor, Handle bootstrap, Object[] arguments, MethodPlan.Step step) {
        RaceClassVisitor.ClassContext context = code.context();
        Handle target = MethodReferences.referenced(bootstrap, arguments);
        int opcode = target == null ? -1 : MethodReferences.opcodeOf(target);
        if (opcode < 0 || !context.canBridge()) {
            return arguments;
        }
        String owner = target.getOwner();
        Kind kind = context.contracts().kindOf(opcode, owner, target.getName(), target.getDesc(), context.loader());
        boolean startsThread = SyncContracts.startsThread(opcode, target.getName(), target.getDesc());
        if (kind == null && !startsThread) {
            return arguments;
        }
        String descriptor = MethodReferences.staticDescriptor(opcode, owner, target.getDesc(), referenceDescriptor);
        MethodNode bridge = context.bridges().reference(descriptor);
        int slot = 0;
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            bridge.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
            slot += argument.getSize();
        }
        if (startsThread) {
            bridge.visitVarInsn(Opcodes.ALOAD, 0);
            bridge.visitMethodInsn(
                    Opcodes.INVOKESTATIC,
                    HookCalls.HOOKS.getInternalName(),
                    HookCalls.PRE_START.getName(),
                    HookCalls.PRE_START.getDescriptor(),
                    false);
        }
        if (kind == null) {
            bridge.visitMethodInsn(opcode, owner, target.getName(), target.getDesc(), target.isInterface());
        } else {
            UpdateRole role = roleOf(kind, opcode, owner, target.getName(), target.getDesc());
            throughBridge(
                    bridge,
                    opcode,
                    owner,
                    target.getName(),
                    target.getDesc(),
                    target.isInterface(),
                    kind,
                    role,
                    receiverFieldOf(step),
                    false,
                    new int[0]);
        }
        bridge.visitInsn(Type.getReturnType(descriptor).getOpcode(Opcodes.IRETURN));
        bridge.visitMaxs(0, 0);
        bridge.visitEnd();
        return MethodReferences.withTarget(
                arguments,
                new Handle(
                        Opcodes.H_INVOKESTATIC, context.className(), bridge.name, descriptor, context.isInterface()));
    }

    /** The field the plan found its receiver reached through, or null. */
    private static String receiverFieldOf(MethodPlan.Step step) {
        return step instanceof MethodPlan.Receiver receiver ? receiver.field() : null;
    }

    /** The call's part in a lost update: only the project's own calls, as a library's reads and writes of its maps are its business. */
    private UpdateRole roleOf(Kind kind, int opcode, String owner, String name, String descriptor) {
        return !code.context().library() && (kind == Kind.SYNC || kind == Kind.OBJECT_CALL)
                ? SyncContracts.roleOf(opcode, owner, name, descriptor)
                : null;
    }

    /**
     * The call, its arguments on the stack, through the bridge that reports it; {@code receiverField} names its
     * receiver, or null; {@code usesArguments}, whether it goes through objects it is given (see
     * SyncContracts#argumentUses); {@code rangeSites}, the sites of the stretches of arrays it goes through.
     */
    private void throughBridge(
            MethodVisitor target,
            int opcode,
            String owner,
            String name,
            String descriptor,
            boolean isInterface,
            Kind kind,
            UpdateRole role,
            String receiverField,
            boolean usesArguments,
            int[] rangeSites) {
        RaceClassVisitor.ClassContext context = code.context();
        boolean callsBack = (kind == Kind.SYNC || kind == Kind.OBJECT_CALL)
                && context.contracts().callsBack(owner, context.loader());
        if (SyncBridges.takesSite(kind, role)) {
            target.visitLdcInsn(SiteRegistry.registerCall(
                    receiverField,
                    owner.substring(owner.lastIndexOf('/') + 1),
                    name,
                    SyncContracts.returnsView(name),
                    code.method(),
                    code.location(),
                    !SyncContracts.onlyReads(name),
                    context.library(),
                    context.loader()));
        }
        if (usesArguments) {
            target.visitLdcInsn(argumentSite(SyncContracts.argumentCallName(owner, name)));
        }
        for (int site : rangeSites) {
            target.visitLdcInsn(site);
        }
        context.bridges()
                .invoke(
                        target,
                        context.isInterface(),
                        opcode,
                        owner,
                        name,
                        descriptor,
                        isInterface,
                        kind,
                        callsBack,
                        role,
                        usesArguments,
                        rangeSites.length > 0);
    }
}
