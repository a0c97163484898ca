package org.concurrencyharness.internal.agent;

import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Calls into the JDK known not to synchronise, lock or touch shared state: the arithmetic of
 * {@code Math} and {@code StrictMath}, and the pure helpers of the boxed number types. Code that
 * calls them is still a straight stretch that synchronises with nothing, for leaving checks out,
 * making them together, or checking a loop as ranges.
 */
final class PlainCalls {

    private static final Set<String> ARITHMETIC = Set.of("java/lang/Math", "java/lang/StrictMath");
    private static final Set<String> BOXES = Set.of(
            "java/lang/Integer",
            "java/lang/Long",
            "java/lang/Short",
            "java/lang/Byte",
            "java/lang/Character",
            "java/lang/Double",
            "java/lang/Float",
            "java/lang/Boolean");
    /** Of the boxed types: no system properties, no caches filled on demand, nothing but the arguments. */
    private static final Set<String> PURE = Set.of(
            "valueOf",
            "compare",
            "min",
            "max",
            "sum",
            "abs",
            "signum",
            "bitCount",
            "highestOneBit",
            "lowestOneBit",
            "numberOfLeadingZeros",
            "numberOfTrailingZeros",
            "reverse",
            "reverseBytes",
            "rotateLeft",
            "rotateRight",
            "hashCode",
            "isNaN",
            "isInfinite",
            "isFinite",
            "doubleToLongBits",
            "doubleToRawLongBits",
            "longBitsToDouble",
            "floatToIntBits",
            "floatToRawIntBits",
            "intBitsToFloat",
            "toUnsignedLong",
            "toUnsignedInt",
            "compareUnsigned",
            "divideUnsigned",
            "remainderUnsigned",
            "intValue",
            "longValue",
            "doubleValue",
            "floatValue",
            "shortValue",
            "byteValue",
            "charValue",
            "booleanValue",
            "isDigit",
            "isLetter",
            "isWhitespace",
            "toUpperCase",
            "toLowerCase");

    private PlainCalls() {}

    static boolean isPlain(MethodInsnNode call) {
        if (ARITHMETIC.contains(call.owner)) {
            return call.getOpcode() == Opcodes.INVOKESTATIC;
        }
        return BOXES.contains(call.owner) && call.getOpcode() != Opcodes.INVOKESPECIAL && PURE.contains(call.name);
    }
}
