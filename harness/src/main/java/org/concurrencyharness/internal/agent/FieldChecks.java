package org.concurrencyharness.internal.agent;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * How a method's field accesses are checked, known before it is instrumented, by instruction.
 *
 * @param redundant those whose checks are left out, as FastTrack would find them redundant (see RedundantChecks)
 * @param coalesced those checked later, with the other fields of their object, at the last access of their group
 * @param groups by the last access of each group of coalesced checks, all its accesses in order
 */
record FieldChecks(
        Set<AbstractInsnNode> redundant,
        Set<AbstractInsnNode> coalesced,
        Map<AbstractInsnNode, List<AbstractInsnNode>> groups) {

    static FieldChecks each(Set<AbstractInsnNode> redundant) {
        return new FieldChecks(redundant, Set.of(), Map.of());
    }

    /** Whether the access has no check of its own where it is. */
    boolean leftOut(AbstractInsnNode access) {
        return redundant.contains(access) || coalesced.contains(access);
    }
}
