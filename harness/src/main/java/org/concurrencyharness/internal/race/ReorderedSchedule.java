package org.concurrencyharness.internal.race;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.result.Prediction;

/**
 * A search for a schedule of the traced run, other than the run's own, at whose end two
 * conflicting accesses are both next: a witness that they race (vindication, as in Roemer, Genç
 * and Bond, PLDI 2018, of a candidate that locks alone ordered). The schedule is checked as it
 * is built, so whatever it claims holds by construction:
 *
 * <ul>
 *   <li>it runs a prefix of each thread, in the thread's order, with everything that must come
 *       before: what hard edges order first, and for each read the write it saw;</li>
 *   <li>every read sees the same write as in the run (conflicting accesses keep their order,
 *       and no read of a variable the run raced on is relied on), so each thread takes the same
 *       path, and hard synchronisation (volatiles, queues, starts, joins) keeps the run's order;</li>
 *   <li>locks exclude as they do: at most their holders at once, and a critical section left open
 *       at the end (the accesses sit inside it) runs after the others of its lock.</li>
 * </ul>
 *
 * A search that finds no such schedule reports nothing: it may miss a race, never invent one.
 */
final class ReorderedSchedule {

    private final TracedRun run;
    private long work;

    ReorderedSchedule(TracedRun run) {
        this.run = run;
    }

    /** The events looked at so far, over all searches: the analysis stops at its budget. */
    long work() {
        return work;
    }

    /** How the accesses {@code first} and {@code second} race in a schedule found, or null if none is. */
    Prediction find(int first, int second) {
        int threads = run.threads;
        int t1 = run.thread[first];
        int t2 = run.thread[second];
        int[] need = new int[threads];
        need[t1] = run.local[first];
        need[t2] = run.local[second];
        if (!close(need, t1, run.local[first], t2, run.local[second])) {
            return null;
        }
        return schedule(need, second);
    }

    /**
     * Grows each thread's prefix to all it needs; false if that takes in either access, which
     * then does not race with the other in any schedule that keeps what the run showed.
     */
    private boolean close(int[] need, int t1, int limit1, int t2, int limit2) {
        int[] done = new int[need.length];
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int u = 0; u < need.length; u++) {
                while (done[u] < need[u]) {
                    int g = run.event(u, done[u]++);
                    work++;
                    if (run.kind[g] == TraceEvents.READ) {
                        if (run.racy[run.object[g]]) {
                            return false;
                        }
                        int w = run.readFrom[g];
                        if (w >= 0 && need[run.thread[w]] < run.local[w] + 1) {
                            need[run.thread[w]] = run.local[w] + 1;
                            grew = true;
                        }
                    } else if (run.hardBefore[g] != null) {
                        int[] before = run.hardBefore[g];
                        for (int v = 0; v < need.length; v++) {
                            if (v != u && before[v] > need[v]) {
                                need[v] = before[v];
                                grew = true;
                            }
                        }
                        work += need.length;
                    }
                    if (need[t1] > limit1 || need[t2] > limit2) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** What the schedule knows of one variable's accesses it runs, in the run's order. */
    private static final class VariableOrder {
        final List<Integer> accesses = new ArrayList<>();
        final List<Integer> writes = new ArrayList<>();
        boolean[] ran;
        int firstNotRun;
        int nextWrite;
    }

    /** What it knows of one lock. */
    private static final class LockState {
        int holders;
        /** Sections that end within the schedule and have not begun yet. */
        int closedToRun;
    }

    private Prediction schedule(int[] need, int second) {
        int threads = need.length;
        Map<Integer, VariableOrder> variables = new HashMap<>();
        Map<Integer, Integer> positions = new HashMap<>();
        Map<Integer, List<Integer>> hardOrder = new HashMap<>();
        Map<Integer, Integer> hardNext = new HashMap<>();
        Map<Integer, LockState> locks = new HashMap<>();
        Map<Integer, Integer> open = new HashMap<>();
        int total = 0;
        for (int g = 0; g < second; g++) {
            int u = run.thread[g];
            if (run.local[g] >= need[u]) {
                continue;
            }
            total++;
            work++;
            int o = run.object[g];
            switch (run.kind[g]) {
                case TraceEvents.READ, TraceEvents.WRITE -> {
                    VariableOrder order = variables.computeIfAbsent(o, k -> new VariableOrder());
                    positions.put(g, order.accesses.size());
                    if (run.kind[g] == TraceEvents.WRITE) {
                        order.writes.add(order.accesses.size());
                    }
                    order.accesses.add(g);
                }
                case TraceEvents.ACQUIRE, TraceEvents.RELEASE ->
                    hardOrder.computeIfAbsent(o, k -> new ArrayList<>()).add(g);
                case TraceEvents.LOCK -> {
                    if (run.outermost[g]) {
                        LockState lock = locks.computeIfAbsent(o, k -> new LockState());
                        if (isOpen(g, need)) {
                            if (open.merge(o, 1, Integer::sum) > run.capacity[o]) {
                                // more holders at the end than the lock lets in
                                return null;
                            }
                        } else {
                            lock.closedToRun++;
                        }
                    }
                }
                default -> {
                    // unlocks and joins need nothing set up
                }
            }
        }
        for (VariableOrder order : variables.values()) {
            order.ran = new boolean[order.accesses.size()];
        }
        int[] head = new int[threads];
        for (int step = 0; step < total; step++) {
            int best = -1;
            for (int u = 0; u < threads; u++) {
                if (head[u] < need[u]) {
                    int g = run.event(u, head[u]);
                    if ((best < 0 || g < best)
                            && enabled(g, need, head, variables, positions, hardOrder, hardNext, locks)) {
                        best = g;
                    }
                }
            }
            work += threads;
            if (best < 0) {
                return null;
            }
            take(best, need, variables, positions, hardNext, locks);
            head[run.thread[best]]++;
        }
        return new Prediction(reorderings(need, second));
    }

    /** Whether the critical section that lock event {@code g} begins is still held at the schedule's end. */
    private boolean isOpen(int g, int[] need) {
        int unlock = run.unlockOf[g];
        return unlock < 0 || run.local[unlock] >= need[run.thread[unlock]];
    }

    private boolean enabled(
            int g,
            int[] need,
            int[] head,
            Map<Integer, VariableOrder> variables,
            Map<Integer, Integer> positions,
            Map<Integer, List<Integer>> hardOrder,
            Map<Integer, Integer> hardNext,
            Map<Integer, LockState> locks) {
        int o = run.object[g];
        switch (run.kind[g]) {
            case TraceEvents.READ -> {
                VariableOrder order = variables.get(o);
                int at = positions.get(g);
                // no write the run made before this read is still to come
                return order.nextWrite >= order.writes.size() || order.writes.get(order.nextWrite) > at;
            }
            case TraceEvents.WRITE -> {
                VariableOrder order = variables.get(o);
                return order.firstNotRun == positions.get(g);
            }
            case TraceEvents.ACQUIRE, TraceEvents.RELEASE -> {
                return hardOrder.get(o).get(hardNext.getOrDefault(o, 0)) == g;
            }
            case TraceEvents.JOIN -> {
                return o < 0 || head[o] == need[o];
            }
            case TraceEvents.LOCK -> {
                if (!run.outermost[g]) {
                    return true;
                }
                LockState lock = locks.get(o);
                if (lock.holders >= run.capacity[o]) {
                    return false;
                }
                // a section open at the end keeps its permit: the others must still find one
                return !isOpen(g, need) || lock.holders + 1 < run.capacity[o] || lock.closedToRun == 0;
            }
            default -> {
                return true;
            }
        }
    }

    private void take(
            int g,
            int[] need,
            Map<Integer, VariableOrder> variables,
            Map<Integer, Integer> positions,
            Map<Integer, Integer> hardNext,
            Map<Integer, LockState> locks) {
        int o = run.object[g];
        switch (run.kind[g]) {
            case TraceEvents.READ, TraceEvents.WRITE -> {
                VariableOrder order = variables.get(o);
                int at = positions.get(g);
                order.ran[at] = true;
                while (order.firstNotRun < order.ran.length && order.ran[order.firstNotRun]) {
                    order.firstNotRun++;
                }
                if (run.kind[g] == TraceEvents.WRITE) {
                    order.nextWrite++;
                }
            }
            case TraceEvents.ACQUIRE, TraceEvents.RELEASE -> hardNext.merge(o, 1, Integer::sum);
            case TraceEvents.LOCK -> {
                if (run.outermost[g]) {
                    LockState lock = locks.get(o);
                    lock.holders++;
                    if (!isOpen(g, need)) {
                        lock.closedToRun--;
                    }
                }
            }
            case TraceEvents.UNLOCK -> {
                if (run.outermost[g]) {
                    locks.get(o).holders--;
                }
            }
            default -> {
                // a join changes nothing
            }
        }
    }

    /**
     * For each lock, a section the schedule lets another begin before it ends: the run's first
     * section of it that the schedule does not finish, and the first after it that the schedule
     * begins.
     */
    private List<Prediction.Reordering> reorderings(int[] need, int second) {
        Map<Integer, Integer> unfinished = new LinkedHashMap<>();
        Map<Integer, Prediction.Reordering> found = new LinkedHashMap<>();
        for (int g = 0; g < second; g++) {
            if (run.kind[g] != TraceEvents.LOCK || !run.outermost[g]) {
                continue;
            }
            int o = run.object[g];
            boolean begun = run.local[g] < need[run.thread[g]];
            if (begun && unfinished.containsKey(o) && !found.containsKey(o)) {
                found.put(o, new Prediction.Reordering(run.lockName(o), section(unfinished.get(o)), section(g)));
            }
            if (!begun || isOpen(g, need)) {
                unfinished.putIfAbsent(o, g);
            }
        }
        return new ArrayList<>(found.values());
    }

    /** A critical section, by its thread and its first access the trace holds. */
    private Prediction.CriticalSection section(int lock) {
        int u = run.thread[lock];
        int end = run.unlockOf[lock] < 0 ? run.eventsOf(u) : run.local[run.unlockOf[lock]];
        for (int i = run.local[lock] + 1; i < end; i++) {
            int g = run.event(u, i);
            if (run.isAccess(g)) {
                return new Prediction.CriticalSection(
                        run.threadNames[u], SiteRegistry.site(run.site[g]).location());
            }
        }
        return new Prediction.CriticalSection(run.threadNames[u], null);
    }
}
