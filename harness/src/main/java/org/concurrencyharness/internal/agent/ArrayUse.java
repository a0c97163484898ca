package org.concurrencyharness.internal.agent;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;

/**
 * How a method uses arrays, known before it is instrumented: how many element access sites it
 * checks one access at a time, and how many of them get a local caching the shadows of the array they accessed last
 * (none, when the code must stay small).
 */
record ArrayUse(int sites, int cachedSites) {

    /** The sites that are checked one access at a time: those their loop checks as a range have no cache. */
    static ArrayUse of(InsnList instructions, boolean cachesSites, HoistedLoops loops) {
        int sites = 0;
        int ordinal = 0;
        for (AbstractInsnNode instruction : instructions) {
            int opcode = instruction.getOpcode();
            if ((isLoad(opcode) || isStore(opcode)) && !loops.isHoisted(ordinal++)) {
                sites++;
            }
        }
        return new ArrayUse(sites, cachesSites ? sites : 0);
    }

    static boolean isLoad(int opcode) {
        return opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD;
    }

    static boolean isStore(int opcode) {
        return opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE;
    }
}
