package org.concurrencyharness.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import checkshapes.Loops;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Which loops of {@link Loops} have their element accesses checked as ranges, and which ranges. */
class HoistedLoopsTest {

    @Test
    void aStencilReadsOneRangeForItsNeighboursAndWritesAnother() throws IOException {
        // from[j - 1] and from[j + 1] are one step apart: one range, from j - 1, two more elements than passes
        assertEquals(
                List.of("step 2: read local 0 from -1 span 1", "step 2: write local 1 from 0 span 0"),
                ranges("stencil"));
    }

    @Test
    void aCountdownAndAnIncrementOfEachElementAreRanges() throws IOException {
        assertEquals(
                List.of("step -1: read local 0 from 0 span 0", "step -1: write local 0 from 0 span 0"),
                ranges("countDown"));
    }

    @Test
    void accessesOnTwoLinesAreTwoRanges() throws IOException {
        assertEquals(
                List.of("step 1: read local 0 from 0 span 0", "step 1: read local 0 from 3 span 0"),
                ranges("twoLines"));
    }

    @Test
    void aBranchingBodyHasTheAccessesOfItsStraightStartChecked() throws IOException {
        // the read runs on every pass; the write comes after the branches meet, and is checked each time
        assertEquals(List.of("step 1: read local 0 from 0 span 0"), ranges("branch"));
        // a for-each loop reads its element from a copy of the array reference, before its body
        assertEquals(List.of("step 1: read local 2 from 0 span 0"), ranges("forEachThatBranches"));
    }

    @Test
    void aCallThatCannotSynchroniseKeepsTheLoopARange() throws IOException {
        assertEquals(
                List.of("step 1: read local 0 from 0 span 0", "step 1: write local 0 from 0 span 0"),
                ranges("arithmetic"));
    }

    @Test
    void loopsThatBreakCallOrIndexOtherwiseAreCheckedElementByElement() throws IOException {
        for (String method : List.of(
                "forEachThatBreaks", "call", "arrayFromField", "indexNotCounterPlusConstant", "arrayReassigned")) {
            assertEquals(List.of(), ranges(method), method);
        }
    }

    /** Each hoisted loop's ranges, in the order they are checked. */
    private static List<String> ranges(String methodName) throws IOException {
        ClassNode type = new ClassNode();
        try (InputStream in = Loops.class.getResourceAsStream("Loops.class")) {
            new ClassReader(in).accept(type, ClassReader.EXPAND_FRAMES);
        }
        MethodNode method = type.methods.stream()
                .filter(m -> m.name.equals(methodName))
                .findFirst()
                .orElseThrow();
        HoistedLoops loops = HoistedLoops.of(
                new MethodFlow(type.name, method),
                (owner, field) -> new FieldDeclarations.Declaration(owner, false, false, false, false, true, -1));
        List<String> ranges = new ArrayList<>();
        for (HoistedLoops.Loop loop : loops.loops()) {
            for (HoistedLoops.Range range : loop.ranges()) {
                ranges.add("step " + loop.step() + ": " + (range.write() ? "write" : "read") + " local " + range.array()
                        + " from " + range.low() + " span " + range.span());
            }
        }
        return ranges;
    }
}
