package org.concurrencyharness.internal.race;

import java.util.Arrays;

/**
 * The shadows of an array's elements while few runs of them share a state, one {@link VarState}
 * per run, as BigFoot compresses array shadows (Rhodes, Flanagan and Freund, PLDI 2017): a loop's
 * range check then costs a few shadow updates, not one per element. A run is the elements
 * {@code from, from + stride, ..., to}, all of one stride per array, fixed by the first range of
 * more than one element and widened by a range of a multiple of it (a fill, then red-black
 * sweeps); single elements are runs of one. Elements in no run were never accessed.
 *
 * <p>A check that does not fit (another stride), or too many runs or single accesses, makes
 * {@link ElementShadows} spread the runs over its elements and go on element by element. Used
 * only under the {@link ElementShadows}' monitor. The runs are kept in parallel arrays, in no
 * order: there are few, and a check reads them all.
 */
final class ElementRuns {

    /** Beyond this many runs, an element's shadow of its own is cheaper. */
    static final int MAX_RUNS = 16;
    /** Single accesses take the monitor here: past this many, the array goes element by element. */
    static final int MAX_SINGLE_ACCESSES = 8;

    private final Round round;
    private int runs;
    private int[] froms = new int[4];
    private int[] tos = new int[4];
    private VarState[] vars = new VarState[4];
    /** Which runs the check at hand covers. */
    private int[] covered = new int[4];

    private int stride;
    private int singleAccesses;

    ElementRuns(Round round) {
        this.round = round;
    }

    /** Gives each element of each run its state, through {@code sink}. */
    void spread(ElementSink sink) {
        int step = Math.max(stride, 1);
        for (int run = 0; run < runs; run++) {
            for (int index = froms[run]; index <= tos[run]; index += step) {
                sink.accept(index, index == tos[run] ? vars[run] : vars[run].copy());
            }
        }
    }

    /** Where {@link #spread} puts each element's state. */
    interface ElementSink {
        void accept(int index, VarState var);
    }

    /** Whether this single access should rather be the first one checked element by element. */
    boolean tooManySingleAccesses() {
        return ++singleAccesses > MAX_SINGLE_ACCESSES;
    }

    /**
     * Checks {@code count} elements from {@code first}, {@code step} apart, as FastTrack checks
     * each; false, having changed nothing, if they do not fit these runs.
     */
    boolean check(int first, int count, int step, boolean write, ThreadState state, int site) {
        if (count == 1) {
            apply(first, first, 1, write, state, site);
            return true;
        }
        if (stride == 0 && allSingle()) {
            stride = step;
        }
        if (stride > 0 && step > stride && step % stride == 0) {
            // a sweep of every cell, then red-black sweeps: each run becomes one run for each residue
            restride(step);
        }
        if (step == stride) {
            apply(first, first + (count - 1) * step, count, write, state, site);
            return true;
        }
        if (step != 1) {
            return false;
        }
        // a stride-1 range is one range for each residue of the runs' stride
        int last = first + count - 1;
        for (int from = first; from < first + stride && from <= last; from++) {
            int elements = (last - from) / stride + 1;
            apply(from, from + (elements - 1) * stride, elements, write, state, site);
        }
        return true;
    }

    /** Whether there are too many runs to keep. */
    boolean overflows() {
        return runs > MAX_RUNS;
    }

    private boolean allSingle() {
        for (int run = 0; run < runs; run++) {
            if (froms[run] != tos[run]) {
                return false;
            }
        }
        return true;
    }

    /** Cuts each run into one run for each residue of a stride that is a multiple of the present one. */
    private void restride(int wider) {
        int before = runs;
        int[] oldFroms = Arrays.copyOf(froms, before);
        int[] oldTos = Arrays.copyOf(tos, before);
        VarState[] oldVars = Arrays.copyOf(vars, before);
        runs = 0;
        for (int run = 0; run < before; run++) {
            for (int from = oldFroms[run]; from < oldFroms[run] + wider && from <= oldTos[run]; from += stride) {
                int to = from + (oldTos[run] - from) / wider * wider;
                add(from, to, from == oldFroms[run] ? oldVars[run] : oldVars[run].copy());
            }
        }
        stride = wider;
    }

    /**
     * Applies the access to the {@code count} elements {@code from, from + stride, ..., to}: to
     * the runs that cover them, when they do exactly, as a loop that covers what loops covered
     * before does; else after cutting the runs it cuts and making runs for the gaps.
     */
    private void apply(int from, int to, int count, boolean write, ThreadState state, int site) {
        int step = Math.max(stride, 1);
        int hits = 0;
        long elements = 0;
        boolean cuts = false;
        for (int run = 0; run < runs; run++) {
            if (tos[run] >= from && froms[run] <= to && aligned(froms[run], from, step)) {
                cuts |= froms[run] < from || tos[run] > to;
                elements += elements(froms[run], tos[run], step);
                covered = hits < covered.length ? covered : Arrays.copyOf(covered, 2 * covered.length);
                covered[hits++] = run;
            }
        }
        if (cuts || elements != count) {
            hits = cut(from, to, step, hits);
        }
        for (int hit = 0; hit < hits; hit++) {
            check(vars[covered[hit]], write, state, site);
        }
    }

    /**
     * Cuts the covered runs at the access's ends, and makes runs for the gaps between them;
     * leaves in {@link #covered} the runs that now make up the access, and gives their number.
     */
    private int cut(int from, int to, int step, int hits) {
        // inside parts of the covered runs, in order, as (from, to) pairs; their outside parts stay runs
        int[] inside = new int[2 * hits];
        VarState[] states = new VarState[hits];
        int[] order = Arrays.copyOf(covered, hits);
        Arrays.sort(order);
        for (int hit = hits - 1; hit >= 0; hit--) {
            int run = order[hit];
            int runFrom = froms[run];
            int runTo = tos[run];
            VarState var = vars[run];
            remove(run);
            int inFrom = Math.max(runFrom, from);
            int inTo = Math.min(runTo, to);
            if (runFrom < inFrom) {
                add(runFrom, inFrom - step, var.copy());
            }
            if (inTo < runTo) {
                add(inTo + step, runTo, var.copy());
            }
            inside[2 * hit] = inFrom;
            inside[2 * hit + 1] = inTo;
            states[hit] = var;
        }
        Integer[] byStart = new Integer[hits];
        for (int hit = 0; hit < hits; hit++) {
            byStart[hit] = hit;
        }
        Arrays.sort(byStart, (a, b) -> Integer.compare(inside[2 * a], inside[2 * b]));
        int made = 0;
        int next = from;
        for (int hit : byStart) {
            if (inside[2 * hit] > next) {
                made = addCovered(next, inside[2 * hit] - step, new VarState(round, null), made);
            }
            made = addCovered(inside[2 * hit], inside[2 * hit + 1], states[hit], made);
            next = inside[2 * hit + 1] + step;
        }
        if (next <= to) {
            made = addCovered(next, to, new VarState(round, null), made);
        }
        return made;
    }

    private int addCovered(int from, int to, VarState var, int made) {
        add(from, to, var);
        covered = made < covered.length ? covered : Arrays.copyOf(covered, 2 * covered.length);
        covered[made] = runs - 1;
        return made + 1;
    }

    private void add(int from, int to, VarState var) {
        if (runs == froms.length) {
            froms = Arrays.copyOf(froms, 2 * runs);
            tos = Arrays.copyOf(tos, 2 * runs);
            vars = Arrays.copyOf(vars, 2 * runs);
        }
        froms[runs] = from;
        tos[runs] = to;
        vars[runs] = var;
        runs++;
    }

    /** Removes a run by moving the last into its place. */
    private void remove(int run) {
        runs--;
        froms[run] = froms[runs];
        tos[run] = tos[runs];
        vars[run] = vars[runs];
        vars[runs] = null;
    }

    private static int elements(int from, int to, int step) {
        return ((step & (step - 1)) == 0 ? to - from >> Integer.numberOfTrailingZeros(step) : (to - from) / step) + 1;
    }

    /** Whether two indices are a multiple of the step apart; the strides of loops are mostly 1 or 2, which need no division. */
    static boolean aligned(int index, int other, int step) {
        int apart = index - other;
        return (step & (step - 1)) == 0 ? (apart & (step - 1)) == 0 : apart % step == 0;
    }

    private static void check(VarState var, boolean write, ThreadState state, int site) {
        long epoch = state.epoch;
        if (var.write == epoch || !write && var.read == epoch) {
            // the same epoch: a row read as the neighbour of two others, say
            return;
        }
        Accesses.check(var, state, site, write, null);
    }
}
