package org.concurrencyharness.internal.agent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The counted loops of a method whose element accesses are checked once for the whole loop, as
 * ranges, when it ends, instead of once per element: BigFoot's check placement (Rhodes, Flanagan
 * and Freund, PLDI 2017). A check may move later as long as its thread does not synchronise in
 * between, since the thread's epoch, and so what the check finds, stays the same.
 *
 * <p>A loop qualifies when it has the shape javac gives a {@code for} loop: a header that tests
 * and leaves by one conditional jump, a body with no call (but to {@link PlainCalls} and
 * {@link PlainMethods}), monitor, volatile access or handler whose branches stay inside it, and {@code iinc i, step} just before
 * the jump back. An access qualifies when it lies in the straight start of the body, which runs
 * on every pass, its array is a local the loop does not store, and its index is {@code i} or
 * {@code i} plus or minus a constant (the element a for-each loop takes, the cells of a
 * stencil). Then, with {@code i} at {@code start} on entry and {@code end} on leaving, the body
 * ran once for each of {@code start, start + step, ...} before {@code end}, and each such access
 * touched exactly those indices plus its offset. Accesses of one array, one kind and one line
 * whose offsets are consecutive multiples of the step make one range.
 * A loop left by an exception gets its completed passes checked on the way out.
 */
final class HoistedLoops {

    /** Accesses of one array local, all reads or all writes, at offsets {@code low, low + |step|, ..., low + span * |step|}. */
    record Range(int array, boolean write, int low, int span, AbstractInsnNode firstAccess) {}

    /**
     * One loop: its header, the jump that leaves it and where to, its counter and step, its
     * ranges, and the frames of the code added for it (the header's, and the header's without the
     * locals the loop stores, for the handler). Labels added for it: the end of the region its
     * handler covers, the range checks on leaving, and the handler.
     */
    record Loop(
            Label header,
            Label exit,
            int counter,
            int step,
            List<Range> ranges,
            Object[] headerLocals,
            Object[] handlerLocals,
            Label end,
            Label checks,
            Label handler) {}

    private final List<Loop> loops;
    private final Set<AbstractInsnNode> hoisted;

    private HoistedLoops(List<Loop> loops, Set<AbstractInsnNode> hoisted) {
        this.loops = loops;
        this.hoisted = hoisted;
    }

    static final HoistedLoops NONE = new HoistedLoops(List.of(), Set.of());

    List<Loop> loops() {
        return loops;
    }

    /** Whether an array instruction is checked by its loop's range. */
    boolean isHoisted(AbstractInsnNode arrayInstruction) {
        return hoisted.contains(arrayInstruction);
    }

    Loop byHeader(Label label) {
        for (Loop loop : loops) {
            if (loop.header() == label) {
                return loop;
            }
        }
        return null;
    }

    static HoistedLoops of(MethodFlow flow, RaceClassVisitor.Declarations declarations) {
        MethodNode method = flow.method();
        AbstractInsnNode[] instructions = flow.instructions();
        List<BackEdge> candidates = backEdges(method, instructions, flow.jumpsTo());
        Frame<SourceValue>[] frames = candidates.isEmpty() ? null : flow.frames();
        if (frames == null) {
            return NONE;
        }
        Shape shape = new Shape(method, instructions, frames, declarations, flow.joins());
        List<Loop> loops = new ArrayList<>();
        Set<AbstractInsnNode> hoisted = new HashSet<>();
        for (BackEdge candidate : candidates) {
            Loop loop = shape.loop(candidate.header(), candidate.back(), hoisted);
            if (loop != null) {
                loops.add(loop);
            }
        }
        return loops.isEmpty() ? NONE : new HoistedLoops(loops, hoisted);
    }

    /** A backward {@code goto} whose label only it jumps to: the positions of the label and the jump. */
    private record BackEdge(int header, int back) {}

    /** An element access the loop may check as a range: the local holding its array, and what its index adds to the counter. */
    private record IndexedAccess(int array, int offset) {}

    /** Accesses that may make ranges together: of one array, one kind, one line, and one residue of the step. */
    private record RangeKey(int array, boolean write, int residue, int line) {}

    /** An access of a range: its offset from the counter, and its position among the instructions. */
    private record Placed(int offset, int at) {}

    private static List<BackEdge> backEdges(
            MethodNode method, AbstractInsnNode[] instructions, Map<LabelNode, Integer> jumpsTo) {
        List<BackEdge> edges = new ArrayList<>();
        for (int at = 0; at < instructions.length; at++) {
            if (instructions[at] instanceof JumpInsnNode jump
                    && jump.getOpcode() == Opcodes.GOTO
                    && jumpsTo.get(jump.label) == 1) {
                int header = method.instructions.indexOf(jump.label);
                if (header < at) {
                    edges.add(new BackEdge(header, at));
                }
            }
        }
        return edges;
    }

    /** The method read whole, for checking one candidate loop at a time. */
    private static final class Shape {
        private final MethodNode method;
        private final AbstractInsnNode[] instructions;
        private final Frame<SourceValue>[] frames;
        private final RaceClassVisitor.Declarations declarations;
        private final int[] lines;
        private final Set<LabelNode> joins;

        Shape(
                MethodNode method,
                AbstractInsnNode[] instructions,
                Frame<SourceValue>[] frames,
                RaceClassVisitor.Declarations declarations,
                Set<LabelNode> joins) {
            this.method = method;
            this.joins = joins;
            this.instructions = instructions;
            this.frames = frames;
            this.declarations = declarations;
            this.lines = new int[instructions.length];
            int line = 0;
            for (int at = 0; at < instructions.length; at++) {
                if (instructions[at] instanceof LineNumberNode number) {
                    line = number.line;
                }
                lines[at] = line;
            }
        }

        /** The loop from the label at {@code header} to the {@code goto} at {@code back}, if it qualifies. */
        Loop loop(int header, int back, Set<AbstractInsnNode> hoisted) {
            if (!fallsInto(header) || touchesHandlers(header, back)) {
                return null;
            }
            FrameNode frame = frameAfter(header);
            int exit = firstJump(header, back);
            int step = back - 1;
            while (step > exit && instructions[step].getOpcode() < 0) {
                step--;
            }
            if (frame == null
                    || exit < 0
                    || !(instructions[step] instanceof IincInsnNode increment)
                    || increment.incr == 0
                    || !leaves((JumpInsnNode) instructions[exit], header, back)) {
                return null;
            }
            int counter = increment.var;
            Object[] locals = frame.local.toArray();
            int prefixEnd = isInt(locals, counter) && plainHeader(header, exit) && noJoinAfter(step, back)
                    ? straightPrefixEnd(exit + 1, step, counter, header, back)
                    : -1;
            if (prefixEnd < 0) {
                return null;
            }
            Set<Integer> stored = storedLocals(header, back);
            Map<RangeKey, List<Placed>> groups = new HashMap<>();
            for (int at = exit + 1; at < prefixEnd; at++) {
                IndexedAccess access = hoistable(at, counter, header, back, stored, locals);
                if (access != null) {
                    boolean write = ArrayInstructions.isStore(instructions[at].getOpcode());
                    int residue = Math.floorMod(access.offset(), Math.abs(increment.incr));
                    groups.computeIfAbsent(
                                    new RangeKey(access.array(), write, residue, lines[at]), key -> new ArrayList<>())
                            .add(new Placed(access.offset(), at));
                }
            }
            if (groups.isEmpty()) {
                return null;
            }
            List<Range> ranges = new ArrayList<>();
            groups.forEach((key, accesses) ->
                    ranges.addAll(chains(key.array(), key.write(), accesses, Math.abs(increment.incr), instructions)));
            // reads before writes: an element both read and written in the loop ends as if read first
            ranges.sort(Comparator.comparing(Range::write)
                    .thenComparingInt(range -> method.instructions.indexOf(range.firstAccess())));
            for (List<Placed> accesses : groups.values()) {
                accesses.forEach(access -> hoisted.add(instructions[access.at()]));
            }
            return new Loop(
                    ((LabelNode) instructions[header]).getLabel(),
                    ((JumpInsnNode) instructions[exit]).label.getLabel(),
                    counter,
                    increment.incr,
                    ranges,
                    locals,
                    withoutStored(locals, stored),
                    new Label(),
                    new Label(),
                    new Label());
        }

        /** Whether code before the header can fall into it: the loop is entered there, and nowhere else. */
        private boolean fallsInto(int header) {
            for (int at = header - 1; at >= 0; at--) {
                int opcode = instructions[at].getOpcode();
                if (opcode >= 0) {
                    return opcode != Opcodes.GOTO
                            && opcode != Opcodes.ATHROW
                            && opcode != Opcodes.JSR
                            && !(opcode >= Opcodes.TABLESWITCH && opcode <= Opcodes.RETURN);
                }
            }
            return false;
        }

        /** Whether a handler's region starts, ends or is handled inside the loop. */
        private boolean touchesHandlers(int header, int back) {
            for (TryCatchBlockNode block : method.tryCatchBlocks) {
                for (LabelNode label : List.of(block.start, block.end, block.handler)) {
                    int at = method.instructions.indexOf(label);
                    if (at > header && at <= back) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The header's frame, if its types are all known: in a constructor, only after its {@code super()} call. */
        private FrameNode frameAfter(int header) {
            for (int at = header + 1; at < instructions.length && instructions[at].getOpcode() < 0; at++) {
                if (instructions[at] instanceof FrameNode frame) {
                    boolean known = frame.type == Opcodes.F_NEW
                            && frame.stack.isEmpty()
                            && frame.local.stream()
                                    .allMatch(type -> type instanceof String
                                            || type instanceof Integer && type != Opcodes.UNINITIALIZED_THIS);
                    return known ? frame : null;
                }
            }
            return null;
        }

        private int firstJump(int from, int to) {
            for (int at = from + 1; at < to; at++) {
                if (instructions[at] instanceof JumpInsnNode) {
                    return at;
                }
            }
            return -1;
        }

        private boolean leaves(JumpInsnNode jump, int header, int back) {
            int target = method.instructions.indexOf(jump.label);
            return jump.getOpcode() != Opcodes.GOTO
                    && jump.getOpcode() != Opcodes.JSR
                    && (target < header || target > back);
        }

        /** The header only tests: no store, and nothing that synchronises. */
        private boolean plainHeader(int header, int exit) {
            for (int at = header + 1; at < exit; at++) {
                int opcode = instructions[at].getOpcode();
                if (isStore(opcode) || opcode == Opcodes.IINC || !plain(instructions[at])) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Where the straight start of the body ends (at its first jump or join), whose code runs
         * on every pass; or -1 if the body may leave the loop other than through the header, or
         * synchronise, or store the counter, or holds a loop. Its branches must go forward, stay
         * inside it, and after that start.
         */
        private int straightPrefixEnd(int from, int to, int counter, int header, int back) {
            int prefixEnd = -1;
            for (int at = from; at < to; at++) {
                AbstractInsnNode instruction = instructions[at];
                if (prefixEnd < 0
                        && (instruction instanceof JumpInsnNode
                                || instruction instanceof LabelNode label && joins.contains(label))) {
                    prefixEnd = at;
                }
                if (instruction instanceof JumpInsnNode jump) {
                    int target = method.instructions.indexOf(jump.label);
                    // a jump back is a loop inside this one: only the innermost is checked as ranges
                    if (target <= prefixEnd || target < at || target > back || jump.getOpcode() == Opcodes.JSR) {
                        return -1;
                    }
                }
                if (!plain(instruction)
                        || instruction instanceof VarInsnNode store
                                && isStore(store.getOpcode())
                                && store.var == counter
                        || instruction instanceof IincInsnNode iinc && iinc.var == counter) {
                    return -1;
                }
            }
            return prefixEnd < 0 ? to : prefixEnd;
        }

        /** No jump leads in between the counter's step and the jump back, which would skip the step. */
        private boolean noJoinAfter(int step, int back) {
            for (int at = step + 1; at < back; at++) {
                if (instructions[at] instanceof LabelNode label && joins.contains(label)) {
                    return false;
                }
            }
            return true;
        }

        /** Neither synchronises nor leaves: see RedundantChecks, and no return or throw. */
        private boolean plain(AbstractInsnNode instruction) {
            return !RedundantChecks.maySynchronise(instruction, declarations)
                    && !RedundantChecks.isExit(instruction.getOpcode());
        }

        private Set<Integer> storedLocals(int header, int back) {
            Set<Integer> stored = new HashSet<>();
            for (int at = header; at < back; at++) {
                if (instructions[at] instanceof VarInsnNode store && isStore(store.getOpcode())) {
                    stored.add(store.var);
                    if (store.getOpcode() == Opcodes.LSTORE || store.getOpcode() == Opcodes.DSTORE) {
                        stored.add(store.var + 1);
                    }
                }
            }
            return stored;
        }

        /**
         * For an element access whose array is a local the loop leaves alone and whose index is
         * the counter plus a constant: the local and the constant. Else null.
         */
        private IndexedAccess hoistable(
                int at, int counter, int header, int back, Set<Integer> stored, Object[] locals) {
            int opcode = instructions[at].getOpcode();
            if (!(ArrayInstructions.isLoad(opcode) || ArrayInstructions.isStore(opcode)) || frames[at] == null) {
                return null;
            }
            int top = frames[at].getStackSize() - 1 - (ArrayInstructions.isStore(opcode) ? 1 : 0);
            AbstractInsnNode array = origin(at, top - 1);
            Integer offset = offsetFromCounter(origin(at, top), counter);
            if (offset == null
                    || !(array instanceof VarInsnNode load)
                    || load.getOpcode() != Opcodes.ALOAD
                    || stored.contains(load.var)
                    || !inside(array, header, back)
                    || !isArray(locals, load.var)) {
                return null;
            }
            return new IndexedAccess(load.var, offset);
        }

        /** The constant an index adds to the counter: {@code i}, {@code i + c}, {@code c + i} or {@code i - c}. */
        private Integer offsetFromCounter(AbstractInsnNode index, int counter) {
            if (isCounter(index, counter)) {
                return 0;
            }
            if (index == null || index.getOpcode() != Opcodes.IADD && index.getOpcode() != Opcodes.ISUB) {
                return null;
            }
            int at = method.instructions.indexOf(index);
            int top = frames[at].getStackSize() - 1;
            AbstractInsnNode left = origin(at, top - 1);
            AbstractInsnNode right = origin(at, top);
            Integer constant = constant(right);
            if (isCounter(left, counter) && constant != null) {
                return index.getOpcode() == Opcodes.IADD ? constant : -constant;
            }
            constant = constant(left);
            return index.getOpcode() == Opcodes.IADD && isCounter(right, counter) ? constant : null;
        }

        private static boolean isCounter(AbstractInsnNode instruction, int counter) {
            return instruction instanceof VarInsnNode load && load.getOpcode() == Opcodes.ILOAD && load.var == counter;
        }

        private static Integer constant(AbstractInsnNode instruction) {
            if (instruction instanceof InsnNode
                    && instruction.getOpcode() >= Opcodes.ICONST_M1
                    && instruction.getOpcode() <= Opcodes.ICONST_5) {
                return instruction.getOpcode() - Opcodes.ICONST_0;
            }
            if (instruction instanceof IntInsnNode push && instruction.getOpcode() != Opcodes.NEWARRAY) {
                return push.operand;
            }
            if (instruction instanceof LdcInsnNode ldc && ldc.cst instanceof Integer value) {
                return value;
            }
            return null;
        }

        /**
         * The one instruction that pushed the value at a stack position (from the bottom) before
         * an instruction, looking through {@code dup} and {@code dup2} ({@code a[i]++} reads its
         * array and index from a {@code dup2}); null when it may come from several.
         */
        private AbstractInsnNode origin(int at, int position) {
            for (int depth = 0; depth < 4; depth++) {
                SourceValue value = position >= 0 && frames[at] != null && position < frames[at].getStackSize()
                        ? frames[at].getStack(position)
                        : null;
                if (value == null || value.insns.size() != 1) {
                    return null;
                }
                AbstractInsnNode source = value.insns.iterator().next();
                int opcode = source.getOpcode();
                if (opcode != Opcodes.DUP && opcode != Opcodes.DUP2) {
                    return source;
                }
                // a copy, or the copied value itself, which the dup pushed anew
                at = method.instructions.indexOf(source);
                if (frames[at] == null) {
                    return null;
                }
                int size = frames[at].getStackSize();
                int copies = opcode == Opcodes.DUP ? 1 : 2;
                if (opcode == Opcodes.DUP2 && frames[at].getStack(size - 1).getSize() != 1) {
                    return null;
                }
                // the values above size - copies are the copied ones and their copies, in the same order
                int first = size - copies;
                if (position < first || position >= size + copies) {
                    return null;
                }
                position = first + (position - first) % copies;
            }
            return null;
        }

        private boolean inside(AbstractInsnNode instruction, int header, int back) {
            int at = method.instructions.indexOf(instruction);
            return at > header && at < back;
        }
    }

    /**
     * Offsets of one array and kind, as runs of consecutive multiples of the step: each run one
     * range, named by its access that comes first in the method.
     */
    private static List<Range> chains(
            int array, boolean write, List<Placed> accesses, int stride, AbstractInsnNode[] instructions) {
        accesses.sort(Comparator.comparingInt(Placed::offset));
        List<Range> ranges = new ArrayList<>();
        int low = accesses.get(0).offset();
        int high = low;
        int first = accesses.get(0).at();
        for (Placed access : accesses.subList(1, accesses.size())) {
            if (access.offset() > high + stride) {
                ranges.add(new Range(array, write, low, (high - low) / stride, instructions[first]));
                low = access.offset();
                first = access.at();
            }
            high = access.offset();
            first = Math.min(first, access.at());
        }
        ranges.add(new Range(array, write, low, (high - low) / stride, instructions[first]));
        return ranges;
    }

    private static boolean isStore(int opcode) {
        return opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE;
    }

    /** The frame entry of a local slot, or null when no entry starts there. */
    private static Object slot(Object[] locals, int local) {
        int slot = 0;
        for (Object type : locals) {
            if (slot == local) {
                return type;
            }
            slot += type == Opcodes.LONG || type == Opcodes.DOUBLE ? 2 : 1;
        }
        return null;
    }

    private static boolean isInt(Object[] locals, int local) {
        return slot(locals, local) == Opcodes.INTEGER;
    }

    private static boolean isArray(Object[] locals, int local) {
        return slot(locals, local) instanceof String type && type.startsWith("[");
    }

    /** The header's locals, with those the loop stores made unknown: the handler's frame must hold at every point of the loop. */
    private static Object[] withoutStored(Object[] locals, Set<Integer> stored) {
        List<Object> kept = new ArrayList<>();
        int slot = 0;
        for (Object type : locals) {
            boolean wide = type == Opcodes.LONG || type == Opcodes.DOUBLE;
            if (stored.contains(slot) || wide && stored.contains(slot + 1)) {
                kept.add(Opcodes.TOP);
                if (wide) {
                    kept.add(Opcodes.TOP);
                }
            } else {
                kept.add(type);
            }
            slot += wide ? 2 : 1;
        }
        return kept.toArray();
    }
}
