package org.concurrencyharness.internal.agent;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The methods of a class that synchronise with nothing, so that a call to one from the class's
 * own code is as plain as arithmetic: not {@code synchronized}, and with no monitor, no volatile
 * (or unknown) field, no call but to {@link PlainCalls} and to other such methods; and one the
 * call surely reaches: static, private, final, or of a final class. The greatest such set: methods
 * that only call each other (recursion) are in it.
 */
final class PlainMethods {

    private PlainMethods() {}

    /** The plain methods among a class's, as {@code name + descriptor}. */
    static Set<String> of(
            String className,
            List<MethodNode> methods,
            boolean finalClass,
            RaceClassVisitor.Declarations declarations) {
        Set<String> plain = new HashSet<>();
        for (MethodNode method : methods) {
            if (isCandidate(method, finalClass)) {
                plain.add(method.name + method.desc);
            }
        }
        RaceClassVisitor.Declarations assuming = withPlainMethods(declarations, className, plain);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (MethodNode method : methods) {
                String key = method.name + method.desc;
                if (plain.contains(key) && synchronises(method, assuming)) {
                    plain.remove(key);
                    changed = true;
                }
            }
        }
        return plain;
    }

    /**
     * The declarations, with calls that synchronise with nothing: into {@link PlainCalls}, or to
     * one of the class's plain methods (read as the set is when asked).
     */
    static RaceClassVisitor.Declarations withPlainMethods(
            RaceClassVisitor.Declarations declarations, String className, Set<String> plain) {
        return new RaceClassVisitor.Declarations() {
            @Override
            public FieldDeclarations.Declaration of(String owner, String field) {
                return declarations.of(owner, field);
            }

            @Override
            public boolean isPlainCall(MethodInsnNode call) {
                return PlainCalls.isPlain(call)
                        || call.owner.equals(className) && plain.contains(call.name + call.desc);
            }
        };
    }

    private static boolean isCandidate(MethodNode method, boolean finalClass) {
        int access = method.access;
        boolean reached = (access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0 || finalClass;
        return reached
                && (access & (Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
                && !method.name.startsWith("<");
    }

    private static boolean synchronises(MethodNode method, RaceClassVisitor.Declarations assuming) {
        for (AbstractInsnNode instruction : method.instructions) {
            if (instruction.getOpcode() >= 0 && RedundantChecks.maySynchronise(instruction, assuming)) {
                return true;
            }
        }
        return false;
    }
}
