package org.concurrencyharness.internal.agent;

import org.objectweb.asm.Opcodes;

/** Which opcodes load an array's element and which store one. */
final class ArrayInstructions {

    private ArrayInstructions() {}

    static boolean isLoad(int opcode) {
        return opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD;
    }

    static boolean isStore(int opcode) {
        return opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE;
    }

    static boolean isAccess(int opcode) {
        return isLoad(opcode) || isStore(opcode);
    }
}
