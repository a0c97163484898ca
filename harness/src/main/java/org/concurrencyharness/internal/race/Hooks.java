package org.concurrencyharness.internal.race;

import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What instrumented code calls. Every method is static with a fixed, simple signature, as the
 * agent's bytecode expects; none may throw into the program.
 */
public final class Hooks {

    private Hooks() {
    }

    // The access hooks take the thread's state, which the method keeps in a local (fetched on
    // entry, or null until a hook that returns it has run); field and monitor hooks return it
    // for the next. The field and element hooks are small enough for the JIT to inline into the
    // program's code. They settle the same-epoch case (an epoch names one thread of one round, so
    // a match needs no round check) and call out for the rest. The element hooks settle the
    // exclusive FastTrack cases too, when the shadows and the thread are of the same round (see
    // VarState for why they need no lock): a loop over an array meets them once per element and
    // epoch. The field hooks leave them to Accesses: a JIT profile is kept per method, not per
    // call site, so each line a hook holds costs every inlined copy of it. Where the agent placed
    // checks later and fewer (see the agent's HoistedLoops and RedundantChecks), the object hook
    // stands for several field hooks and the range hooks for a loop's element hooks.

    /** A read of a field whose class holds its shadow; {@code var} is that shadow, null before the first access. */
    public static Object read(Object holder, VarState var, int site, Object thread) {
        if (var != null && thread instanceof ThreadState state) {
            long epoch = state.epoch;
            long read = var.read;
            if (read == epoch || var.write == epoch) {
                return state;
            }
        }
        return Accesses.field(holder, var, site, false, thread);
    }

    public static Object write(Object holder, VarState var, int site, Object thread) {
        if (var != null && thread instanceof ThreadState state) {
            if (var.write == state.epoch) {
                return state;
            }
        }
        return Accesses.field(holder, var, site, true, thread);
    }

    /**
     * The checks of several fields of one object in a stretch of code that does not synchronise,
     * made at the last of them: {@code summary} is the object's summary, {@code required} the
     * bits those checks need. If this thread already made them in its epoch, nothing is left to
     * check; else each is checked as its own hook would have.
     */
    public static Object object(Object holder, long summary, long required, int group, Object thread) {
        if (thread instanceof ThreadState state && ObjectSummary.covers(summary, required, state.summary)) {
            return state;
        }
        return Accesses.object(holder, group, thread);
    }

    /** A field whose class holds no shadow (the agent did not instrument it), or a volatile field. */
    public static Object readOther(Object holder, int site, Object thread) {
        return Accesses.untrackedField(holder, site, false, thread);
    }

    public static Object writeOther(Object holder, int site, Object thread) {
        return Accesses.untrackedField(holder, site, true, thread);
    }

    /** The calling thread's state, fetched on entry by a method with checked accesses; null if not tracked. */
    public static Object thread() {
        return Detector.current(null);
    }

    /**
     * An element read. {@code vars} is what this site returned last time, the shadows of the array
     * it accessed then; the hook returns the shadows of this access's array, for the next time.
     */
    public static ElementShadows readElement(Object array, int index, ElementShadows vars, int site, Object thread) {
        ThreadState state = tracking(array, index, vars, thread);
        if (state != null) {
            int at = 2 * index;
            long epoch = state.epoch;
            long read = vars.epochs[at + 1];
            long written = vars.epochs[at];
            if (read == epoch || written == epoch) {
                return vars;
            }
            if (vars.round == state.round && read != VarState.SHARED && state.covers(written) && state.covers(read)) {
                vars.sites[at + 1] = site;
                vars.epochs[at + 1] = epoch;
                return vars;
            }
        }
        return Accesses.element(array, index, vars, site, false, thread);
    }

    public static ElementShadows writeElement(Object array, int index, ElementShadows vars, int site, Object thread) {
        ThreadState state = tracking(array, index, vars, thread);
        if (state != null) {
            int at = 2 * index;
            long epoch = state.epoch;
            long read = vars.epochs[at + 1];
            long written = vars.epochs[at];
            if (written == epoch) {
                return vars;
            }
            if (vars.round == state.round && read != VarState.SHARED && state.covers(written) && state.covers(read)) {
                vars.sites[at] = site;
                if (ElementShadows.EPOCHS.compareAndSet(vars.epochs, at, written, epoch)) {
                    vars.epochs[at + 1] = VarState.NONE;
                    return vars;
                }
            }
        }
        return Accesses.element(array, index, vars, site, true, thread);
    }

    /**
     * The thread's state, if the cached shadows are the array's, go element by element, and the
     * index is inside it; else null.
     */
    private static ThreadState tracking(Object array, int index, ElementShadows vars, Object thread) {
        return vars != null && vars.get() == array && thread instanceof ThreadState state && !vars.isCompressed()
                && index >= 0 && index < vars.length ? state : null;
    }

    /**
     * The reads of a loop that has ended, of elements {@code i + low, i + low + |step|, ...,
     * i + low + span * |step|} of the array, for {@code i} from {@code start} by {@code step} to
     * just before {@code end}: the loop's value of {@code i} on entry, and on leaving.
     */
    public static void readRange(Object array, int start, int end, int step, int low, int span, int site,
                                 Object thread) {
        Accesses.range(array, start, end, step, low, span, site, false, thread);
    }

    public static void writeRange(Object array, int start, int end, int step, int low, int span, int site,
                                  Object thread) {
        Accesses.range(array, start, end, step, low, span, site, true, thread);
    }

    /** After a monitor is entered; takes and returns the thread's state as the access hooks do. */
    public static Object monitorEnter(Object monitor, Object thread) {
        return Detector.monitorAcquire(monitor, thread);
    }

    /** Before a monitor is exited, normally or by an exception. */
    public static Object monitorExit(Object monitor, Object thread) {
        return Detector.monitorRelease(monitor, thread);
    }

    /** Before {@code Object.wait}, which lets the monitor go. */
    public static void beforeWait(Object monitor) {
        if (monitor != null) {
            Detector.monitorRelease(monitor, null);
        }
    }

    /** After {@code Object.wait} returns, holding the monitor again. */
    public static void afterWait(Object monitor) {
        if (monitor != null) {
            Detector.monitorAcquire(monitor, null);
        }
    }

    /** Before a call that synchronises through its receiver ({@code java.util.concurrent}, {@code Object.wait}). */
    public static void beforeSync(Object receiver, String method) {
        if (receiver == null) {
            return;
        }
        if (Detector.isReadWriteHalf(receiver)) {
            Detector.beforeReadWriteCall(receiver, method);
            return;
        }
        Detector.release(receiver);
        Object lock = Detector.lockOf(receiver);
        if (lock != null) {
            // awaiting a condition releases its lock
            Detector.release(lock);
        }
    }

    /** The calls after which a thread has waited for tasks to finish. */
    private static final java.util.Set<String> WAITS_FOR_TASKS = java.util.Set.of("get", "join", "getNow",
            "resultNow", "invokeAll", "invokeAny", "awaitTermination", "close", "isDone");

    /**
     * After such a call: it sees what was released into the receiver, and, when it waited for
     * tasks (a future's {@code get}, an executor's {@code awaitTermination}), what they did.
     */
    public static void afterSync(Object receiver, String method) {
        if (receiver != null && Detector.isReadWriteHalf(receiver)) {
            Detector.afterReadWriteCall(receiver, method);
        } else if (receiver != null) {
            Detector.acquire(receiver);
            Object lock = Detector.lockOf(receiver);
            if (lock != null) {
                Detector.acquire(lock);
            }
        }
        if (WAITS_FOR_TASKS.contains(method)) {
            Detector.acquireTasksDone();
        }
    }

    /** What a call returned belongs to its receiver: a lock's condition, or a read-write lock's half. */
    public static void link(Object result, Object receiver, String method) {
        Detector.link(result, receiver, method);
    }

    /** Before a call through a collection interface: it synchronises only when the receiver is concurrent. */
    public static void beforeMaybeSync(Object receiver) {
        if (isConcurrent(receiver)) {
            Detector.release(receiver);
        }
    }

    public static void afterMaybeSync(Object receiver) {
        if (isConcurrent(receiver)) {
            Detector.acquire(receiver);
        }
    }

    private static boolean isConcurrent(Object receiver) {
        if (receiver == null) {
            return false;
        }
        String type = receiver.getClass().getName();
        return type.startsWith("java.util.concurrent.") || type.startsWith("java.util.Collections$Synchronized");
    }

    public static void beforeStart(Object thread) {
        Detector.beforeStart(thread);
    }

    public static void afterJoin(Object thread) {
        Detector.afterJoin(thread);
    }

    // ---- tasks handed to executors and completable futures: the submitter's past happens before the task

    public static Runnable wrap(Runnable task) {
        if (task == null) {
            return null;
        }
        TaskHandOff handOff = TaskHandOff.capture(false);
        return () -> handOff.run(() -> {
            task.run();
            return null;
        });
    }

    public static <V> Callable<V> wrap(Callable<V> task) {
        if (task == null) {
            return null;
        }
        TaskHandOff handOff = TaskHandOff.capture(false);
        return () -> handOff.call(task);
    }

    public static <V> Supplier<V> wrap(Supplier<V> task) {
        if (task == null) {
            return null;
        }
        TaskHandOff handOff = TaskHandOff.capture(false);
        return () -> handOff.run(task);
    }

    /** A stage that runs after an earlier one completed also sees what finished tasks did. */
    public static <T, R> Function<T, R> wrap(Function<T, R> task) {
        if (task == null) {
            return null;
        }
        TaskHandOff handOff = TaskHandOff.capture(true);
        return value -> handOff.run(() -> task.apply(value));
    }

    public static <T> Consumer<T> wrap(Consumer<T> task) {
        if (task == null) {
            return null;
        }
        TaskHandOff handOff = TaskHandOff.capture(true);
        return value -> handOff.run(() -> {
            task.accept(value);
            return null;
        });
    }

    public static <T, U, R> BiFunction<T, U, R> wrap(BiFunction<T, U, R> task) {
        if (task == null) {
            return null;
        }
        TaskHandOff handOff = TaskHandOff.capture(true);
        return (a, b) -> handOff.run(() -> task.apply(a, b));
    }

    public static <T, U> BiConsumer<T, U> wrap(BiConsumer<T, U> task) {
        if (task == null) {
            return null;
        }
        TaskHandOff handOff = TaskHandOff.capture(true);
        return (a, b) -> handOff.run(() -> {
            task.accept(a, b);
            return null;
        });
    }
}
