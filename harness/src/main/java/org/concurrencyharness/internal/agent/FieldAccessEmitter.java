package org.concurrencyharness.internal.agent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.race.ObjectSummary;
import org.concurrencyharness.internal.race.ShadowFieldHandle;
import org.concurrencyharness.internal.race.SiteRegistry;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;

/**
 * Writes a field instruction with its check, as the method's plan says: a shadowed field's
 * check with its shadow; a group's checks at its last access, with one look at the object's
 * summary; a volatile or untracked field's hook around it; nothing for a check left out.
 */
final class FieldAccessEmitter {

    private final RaceMethodVisitor code;
    /** The accesses checked later with others of their object, registered where they are. */
    private final Map<AbstractInsnNode, DeferredCheck> deferred = new HashMap<>();

    FieldAccessEmitter(RaceMethodVisitor code) {
        this.code = code;
    }

    /** An access whose check waits for others of its object: its site, and the summary bits it requires and sets. */
    private record DeferredCheck(int site, long required, long checked) {}

    /** The field instruction {@code field}, checked as {@code step} says (null: on its own). */
    void emit(FieldInsnNode field, MethodPlan.Step step) {
        int opcode = field.getOpcode();
        FieldDeclarations.Declaration declaration =
                code.context().declarations().of(field.owner, field.name);
        if (isSynchronising(declaration)) {
            otherAccess(field, declaration, true);
            return;
        }
        if (step instanceof MethodPlan.Redundant) {
            code.emitFieldInsn(opcode, field.owner, field.name, field.desc);
            return;
        }
        if (declaration != null && declaration.isShadowed()) {
            if (step instanceof MethodPlan.Deferred) {
                deferred.put(field, deferredCheck(opcode, field.name, declaration));
            } else if (step instanceof MethodPlan.GroupEnd group) {
                groupAccess(field, declaration, group.accesses());
            } else {
                shadowedAccess(field, declaration);
            }
        } else if (declaration == null || !declaration.isFinal()) {
            otherAccess(field, declaration, false);
            return;
        }
        code.emitFieldInsn(opcode, field.owner, field.name, field.desc);
    }

    /**
     * Whether the field's accesses here synchronise as a volatile's do: any field the method
     * orders with fences, and the fields libraries publish through (see FieldDeclarations.Declaration).
     */
    private boolean isSynchronising(FieldDeclarations.Declaration declaration) {
        return declaration != null && !declaration.isFinal() && (code.plan().fenced() || declaration.publishes());
    }

    /**
     * Before the access, hands the field's shadow (loaded from the shadow field beside it) to the
     * access hook. The declaring class names the field in races.
     */
    private void shadowedAccess(FieldInsnNode field, FieldDeclarations.Declaration declaration) {
        int opcode = field.getOpcode();
        boolean write = opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC;
        int site = SiteRegistry.registerShadowed(
                declaration.declaringClass(),
                field.name,
                declaration.isStatic(),
                code.method(),
                code.location(),
                write,
                code.context().library(),
                code.context().loader());
        String shadow = ShadowFieldHandle.nameOf(field.name);
        switch (opcode) {
            case Opcodes.GETFIELD -> {
                // [holder] -> [holder holder shadow]
                code.dup();
                code.dup();
                code.emitMethodInsn(
                        Opcodes.INVOKESTATIC, field.owner, shadow, ShadowFieldHandle.ACCESSOR_DESCRIPTOR, false);
            }
            case Opcodes.PUTFIELD -> {
                // [holder value] -> [holder value holder shadow]
                copyHolderAboveValue(Type.getType(field.desc));
                code.dup();
                code.emitMethodInsn(
                        Opcodes.INVOKESTATIC, field.owner, shadow, ShadowFieldHandle.ACCESSOR_DESCRIPTOR, false);
            }
            default -> {
                code.emitInsn(Opcodes.ACONST_NULL);
                code.emitFieldInsn(Opcodes.GETSTATIC, field.owner, shadow, ShadowFieldHandle.DESCRIPTOR);
            }
        }
        code.push(site);
        code.callWithState(write ? HookCalls.FIELD_WRITE : HookCalls.FIELD_READ);
    }

    private DeferredCheck deferredCheck(int opcode, String name, FieldDeclarations.Declaration declaration) {
        boolean write = opcode == Opcodes.PUTFIELD;
        int site = SiteRegistry.registerShadowed(
                declaration.declaringClass(),
                name,
                false,
                code.method(),
                code.location(),
                write,
                code.context().library(),
                code.context().loader());
        return new DeferredCheck(
                site,
                ObjectSummary.required(declaration.summaryField(), write),
                ObjectSummary.bits(declaration.summaryField(), write));
    }

    /**
     * The last access of a group checks them all, with one look at the object's summary before
     * the access: [holder] or [holder value] stays, and the hook gets the holder and its summary.
     */
    private void groupAccess(
            FieldInsnNode field, FieldDeclarations.Declaration declaration, List<AbstractInsnNode> group) {
        int opcode = field.getOpcode();
        deferred.put(field, deferredCheck(opcode, field.name, declaration));
        int[] sites = new int[group.size()];
        long required = 0;
        long checked = 0;
        for (int i = 0; i < group.size(); i++) {
            DeferredCheck access = deferred.remove(group.get(i));
            if (access == null) {
                // an access before the constructor's super() call, which is not checked
                shadowedAccess(field, declaration);
                return;
            }
            sites[i] = access.site();
            required |= access.required();
            checked |= access.checked();
        }
        if (opcode == Opcodes.GETFIELD) {
            // [holder] -> [holder holder holder]
            code.dup();
            code.dup();
        } else {
            // [holder value] -> [holder value holder holder]
            copyHolderAboveValue(Type.getType(field.desc));
            code.dup();
        }
        code.emitMethodInsn(
                Opcodes.INVOKESTATIC,
                declaration.declaringClass(),
                ObjectSummary.NAME,
                ObjectSummary.ACCESSOR_DESCRIPTOR,
                false);
        code.push(required);
        code.push(SiteRegistry.registerGroup(sites, checked));
        code.callWithState(HookCalls.FIELD_GROUP);
    }

    /**
     * A field without a shadow: volatile, or one whose accesses here synchronise as a volatile
     * field's do ({@code synchronising}: see {@link #isSynchronising}), which the agent decides;
     * else of a class the agent leaves alone, which the hook looks up at run time.
     */
    private void otherAccess(FieldInsnNode field, FieldDeclarations.Declaration declaration, boolean synchronising) {
        int opcode = field.getOpcode();
        boolean write = opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC;
        int site = code.site(field.owner, field.name, write, false);
        boolean isVolatile = synchronising || declaration != null && declaration.isVolatile();
        Type type = Type.getType(field.desc);
        switch (opcode) {
            case Opcodes.GETFIELD -> {
                // the hook runs after the load: a volatile read acquires only what the value it read released
                code.dup();
                code.emitFieldInsn(opcode, field.owner, field.name, field.desc);
                if (type.getSize() == 2) {
                    code.dup2X1();
                    code.pop2();
                } else {
                    code.swap();
                }
                code.push(site);
                code.callWithState(isVolatile ? HookCalls.VOLATILE_READ : HookCalls.UNTRACKED_READ);
            }
            case Opcodes.GETSTATIC -> {
                code.emitFieldInsn(opcode, field.owner, field.name, field.desc);
                code.emitInsn(Opcodes.ACONST_NULL);
                code.push(site);
                code.callWithState(isVolatile ? HookCalls.VOLATILE_READ : HookCalls.UNTRACKED_READ);
            }
            case Opcodes.PUTFIELD -> {
                // the hook runs before the store: a volatile write releases before its value can be seen
                copyHolderAboveValue(type);
                code.push(site);
                code.callWithState(isVolatile ? HookCalls.VOLATILE_WRITE : HookCalls.UNTRACKED_WRITE);
                code.emitFieldInsn(opcode, field.owner, field.name, field.desc);
            }
            default -> {
                code.emitInsn(Opcodes.ACONST_NULL);
                code.push(site);
                code.callWithState(isVolatile ? HookCalls.VOLATILE_WRITE : HookCalls.UNTRACKED_WRITE);
                code.emitFieldInsn(opcode, field.owner, field.name, field.desc);
            }
        }
    }

    /** Before a {@code putfield}: [holder value] becomes [holder value holder], without a temporary local. */
    private void copyHolderAboveValue(Type value) {
        if (value.getSize() == 2) {
            code.dup2X1();
            code.pop2();
            code.dupX2();
        } else {
            code.dup2();
            code.pop();
        }
    }
}
