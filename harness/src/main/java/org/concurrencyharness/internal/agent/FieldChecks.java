package org.concurrencyharness.internal.agent;

import java.util.BitSet;
import java.util.Map;

/**
 * How a method's field accesses are checked, known before it is instrumented; each set and key
 * numbers the field instructions in their order in the method.
 *
 * @param redundant those whose checks are left out, as FastTrack would find them redundant (see RedundantChecks)
 * @param coalesced those checked later, with the other fields of their object, at the last access of their group
 * @param groups by the last access of each group of coalesced checks, all its accesses in order
 */
record FieldChecks(BitSet redundant, BitSet coalesced, Map<Integer, int[]> groups) {

    static FieldChecks each(BitSet redundant) {
        return new FieldChecks(redundant, new BitSet(), Map.of());
    }

    /** Whether the access has no check of its own where it is. */
    boolean leftOut(int access) {
        return redundant.get(access) || coalesced.get(access);
    }
}
