package org.concurrencyharness.internal.race;

import java.util.ArrayList;
import java.util.List;

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
 * only under the {@link ElementShadows}' monitor.
 */
final class Footprint {

    /** Beyond this many runs, an element's shadow of its own is cheaper. */
    static final int MAX_RUNS = 16;
    /** Single accesses take the monitor here: past this many, the array goes element by element. */
    static final int MAX_SINGLE_ACCESSES = 8;

    /** One run of elements sharing a state. */
    record Run(int from, int to, VarState var) {
    }

    private final Round round;
    private final List<Run> runs = new ArrayList<>();
    private int stride;
    private int singleAccesses;

    Footprint(Round round) {
        this.round = round;
    }

    List<Run> runs() {
        return runs;
    }

    int stride() {
        return stride;
    }

    /** Whether this single access should rather be the first one checked element by element. */
    boolean tooManySingleAccesses() {
        return ++singleAccesses > MAX_SINGLE_ACCESSES;
    }

    /**
     * Checks {@code count} elements from {@code first}, {@code step} apart, as FastTrack checks
     * each; false, having changed nothing, if they do not fit this footprint.
     */
    boolean check(int first, int count, int step, boolean write, ThreadState state, int site) {
        if (count == 1) {
            apply(first, first, write, state, site);
            return true;
        }
        if (stride == 0 && runs.stream().allMatch(run -> run.from() == run.to())) {
            stride = step;
        }
        if (stride > 0 && step > stride && step % stride == 0) {
            // a sweep of every cell, then red-black sweeps: each run becomes one run for each residue
            restride(step);
        }
        if (step == stride) {
            apply(first, first + (count - 1) * step, write, state, site);
            return true;
        }
        if (step != 1) {
            return false;
        }
        // a stride-1 range is one range for each residue of the footprint's stride
        int last = first + count - 1;
        for (int residue = first; residue < first + stride && residue <= last; residue++) {
            apply(residue, residue + (last - residue) / stride * stride, write, state, site);
        }
        return true;
    }

    /** Cuts each run into one run for each residue of a stride that is a multiple of the present one. */
    private void restride(int wider) {
        List<Run> cut = new ArrayList<>();
        for (Run run : runs) {
            for (int start = run.from(); start < run.from() + wider && start <= run.to(); start += stride) {
                int end = start + (run.to() - start) / wider * wider;
                cut.add(new Run(start, end, start == run.from() ? run.var() : copy(run.var())));
            }
        }
        runs.clear();
        runs.addAll(cut);
        stride = wider;
    }

    /** Whether there are too many runs to keep. */
    boolean overflows() {
        return runs.size() > MAX_RUNS;
    }

    /** Applies the access to the elements {@code from, from + stride, ..., to}: splits the runs it cuts, makes runs for the gaps. */
    private void apply(int from, int to, boolean write, ThreadState state, int site) {
        int step = Math.max(stride, 1);
        if (coveredWhole(from, to, step)) {
            // the common case: a loop that covers what loops covered before, so no run needs cutting
            for (Run run : runs) {
                if (run.from() >= from && run.to() <= to && aligned(run.from(), from, step)) {
                    check(run.var(), write, state, site);
                }
            }
            return;
        }
        List<Run> covered = new ArrayList<>();
        for (int at = runs.size() - 1; at >= 0; at--) {
            Run run = runs.get(at);
            int inFrom = Math.max(run.from(), from);
            int inTo = Math.min(run.to(), to);
            if (inFrom > inTo || !aligned(run.from(), from, step)) {
                continue;
            }
            runs.remove(at);
            if (run.from() < inFrom) {
                runs.add(new Run(run.from(), inFrom - step, copy(run.var())));
            }
            if (inTo < run.to()) {
                runs.add(new Run(inTo + step, run.to(), copy(run.var())));
            }
            covered.add(new Run(inFrom, inTo, run.var()));
        }
        covered.sort((a, b) -> Integer.compare(a.from(), b.from()));
        int next = from;
        List<Run> touched = new ArrayList<>();
        for (Run run : covered) {
            if (run.from() > next) {
                touched.add(new Run(next, run.from() - step, new VarState(round, null)));
            }
            touched.add(run);
            next = run.to() + step;
        }
        if (next <= to) {
            touched.add(new Run(next, to, new VarState(round, null)));
        }
        for (Run run : touched) {
            check(run.var(), write, state, site);
            runs.add(run);
        }
    }

    /** Whether runs lying wholly inside {@code from, from + step, ..., to} cover all of it. */
    private boolean coveredWhole(int from, int to, int step) {
        long elements = 0;
        for (Run run : runs) {
            if (run.to() >= from && run.from() <= to && aligned(run.from(), from, step)) {
                if (run.from() < from || run.to() > to) {
                    return false;
                }
                elements += (run.to() - run.from()) / step + 1;
            }
        }
        return elements == (to - from) / step + 1;
    }

    /** Whether two indices are a multiple of the step apart; the strides of loops are mostly 1 or 2, which need no division. */
    private static boolean aligned(int index, int other, int step) {
        int apart = index - other;
        return (step & (step - 1)) == 0 ? (apart & (step - 1)) == 0 : apart % step == 0;
    }

    private static void check(VarState var, boolean write, ThreadState state, int site) {
        long epoch = state.epoch;
        if (var.write == epoch || !write && var.read == epoch) {
            // the same epoch: a row read as the neighbour of two others, say
            return;
        }
        if (write) {
            Accesses.write(var, state, site, null);
        } else {
            Accesses.read(var, state, site, null);
        }
    }

    /** A run split off keeps its state; its shared reads are its own from now on. */
    static VarState copy(VarState var) {
        VarState copy = new VarState(var.round, null);
        copy.write = var.write;
        copy.writeSite = var.writeSite;
        copy.read = var.read;
        copy.readSite = var.readSite;
        copy.sharedReads = var.sharedReads == null ? null : var.sharedReads.copy();
        return copy;
    }
}
