package org.concurrencyharness.internal.agent;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;

/**
 * How a method uses arrays, known before it is instrumented: how many element access sites it
 * has, how many of them get a local caching the shadows of the array they accessed last (none,
 * when the code must stay small), and which kinds of values it stores.
 */
record ArrayUse(int sites, int cachedSites, boolean storesInts, boolean storesLongs, boolean storesFloats,
                boolean storesDoubles, boolean storesReferences) {

    static ArrayUse of(InsnList instructions, boolean cachesSites) {
        int sites = 0;
        boolean ints = false;
        boolean longs = false;
        boolean floats = false;
        boolean doubles = false;
        boolean references = false;
        for (AbstractInsnNode instruction : instructions) {
            int opcode = instruction.getOpcode();
            if (isLoad(opcode) || isStore(opcode)) {
                sites++;
            }
            switch (opcode) {
                case Opcodes.IASTORE, Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE -> ints = true;
                case Opcodes.LASTORE -> longs = true;
                case Opcodes.FASTORE -> floats = true;
                case Opcodes.DASTORE -> doubles = true;
                case Opcodes.AASTORE -> references = true;
                default -> {
                    // not an array store
                }
            }
        }
        return new ArrayUse(sites, cachesSites ? sites : 0, ints, longs, floats, doubles, references);
    }

    static boolean isLoad(int opcode) {
        return opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD;
    }

    static boolean isStore(int opcode) {
        return opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE;
    }
}
