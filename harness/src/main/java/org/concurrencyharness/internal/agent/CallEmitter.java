package org.concurrencyharness.internal.agent;

import org.concurrencyharness.internal.race.SiteRegistry;
import org.concurrencyharness.internal.race.SyncContracts;
import org.concurrencyharness.internal.race.SyncContracts.Kind;
import org.concurrencyharness.internal.race.UpdateRole;
import org.objectweb.asm.tree.MethodInsnNode;

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
        if (kind == null) {
            code.emitMethodInsn(opcode, call.owner, call.name, call.desc, call.itf);
            return;
        }
        boolean callsBack = (kind == Kind.SYNC || kind == Kind.OBJECT_CALL)
                && context.contracts().callsBack(call.owner, context.loader());
        // only the project's own calls: a library's reads and writes of its maps are its business
        UpdateRole role = !context.library() && (kind == Kind.SYNC || kind == Kind.OBJECT_CALL)
                ? SyncContracts.roleOf(opcode, call.owner, call.name, call.desc)
                : null;
        if (kind == Kind.OBJECT_CALL && role == null && step instanceof MethodPlan.Unshared) {
            // an object no other thread reaches: no call on it can race
            code.emitMethodInsn(opcode, call.owner, call.name, call.desc, call.itf);
            return;
        }
        String receiverField = step instanceof MethodPlan.Receiver receiver ? receiver.field() : null;
        if (kind == Kind.OBJECT_CALL || role != null) {
            code.push(SiteRegistry.registerCall(
                    receiverField,
                    call.owner.substring(call.owner.lastIndexOf('/') + 1),
                    call.name,
                    SyncContracts.returnsView(call.name),
                    code.method(),
                    code.location(),
                    !SyncContracts.onlyReads(call.name),
                    context.library(),
                    context.loader()));
        }
        context.bridges()
                .invoke(
                        code.next(),
                        context.isInterface(),
                        opcode,
                        call.owner,
                        call.name,
                        call.desc,
                        call.itf,
                        kind,
                        callsBack,
                        role);
    }
}
