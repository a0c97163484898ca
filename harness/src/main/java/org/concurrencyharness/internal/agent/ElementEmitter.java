package org.concurrencyharness.internal.agent;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.FieldInsnNode;

/**
 * Writes an array instruction checked where it is: its hook gets a copy of the array and index,
 * and the shadows its site's local cached from the array it accessed last, and returns this
 * array's for the next time. Names the array by the field it was last loaded from.
 */
final class ElementEmitter {

    private final RaceMethodVisitor code;
    /** Each element site's local caching its shadows, by the site's cache number in the plan. */
    private int[] caches = new int[0];

    private String lastArrayField;

    ElementEmitter(RaceMethodVisitor code) {
        this.code = code;
    }

    /** Every cache local is set on entry, so that every later frame may declare it. */
    void makeLocals(int cachedSites) {
        caches = new int[cachedSites];
        for (int site = 0; site < caches.length; site++) {
            caches[site] = code.newLocal(HookCalls.ELEMENT_SHADOWS_TYPE);
            code.emitInsn(Opcodes.ACONST_NULL);
            code.storeLocal(caches[site]);
        }
    }

    /** An array loaded from a field names the races on its elements. */
    void fieldLoaded(FieldInsnNode field) {
        if ((field.getOpcode() == Opcodes.GETFIELD || field.getOpcode() == Opcodes.GETSTATIC)
                && field.desc.startsWith("[")) {
            lastArrayField = field.owner.replace('/', '.') + "." + field.name + "[]";
        }
    }

    /** The name races give the elements of the array accessed next. */
    String arrayName() {
        return lastArrayField != null ? lastArrayField : "array[]";
    }

    /** Before the element access {@code opcode}, its check; {@code cache} numbers its site's cache, or is -1. */
    void emit(int opcode, int cache) {
        boolean write = ArrayInstructions.isStore(opcode);
        int site = code.site(null, arrayName(), write, true);
        if (!write) {
            code.dup2();
        } else if (opcode == Opcodes.LASTORE || opcode == Opcodes.DASTORE) {
            // [array index value] -> [array index value array index], without a temporary local
            code.dup2X2();
            code.pop2();
            code.dup2X2();
        } else {
            code.dupX2();
            code.pop();
            code.dup2X1();
        }
        int local = cache >= 0 && cache < caches.length ? caches[cache] : -1;
        if (local >= 0) {
            code.loadLocal(local, HookCalls.ELEMENT_SHADOWS_TYPE);
        } else {
            code.emitInsn(Opcodes.ACONST_NULL);
        }
        code.push(site);
        code.loadThreadState();
        code.invokeStatic(HookCalls.HOOKS, write ? HookCalls.ELEMENT_WRITE : HookCalls.ELEMENT_READ);
        if (local >= 0) {
            code.storeLocal(local, HookCalls.ELEMENT_SHADOWS_TYPE);
        } else {
            code.pop();
        }
    }
}
