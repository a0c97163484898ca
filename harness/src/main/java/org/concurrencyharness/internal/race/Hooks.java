package org.concurrencyharness.internal.race;

import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What instrumented code calls. Every method is static with a fixed, simple signature, as the
 * agent's bytecode expects; none may throw into the program.
 */
public final class Hooks {

    private Hooks() {}

    // Named by the event each reports, as RoadRunner's tools see them: field, volatile, untracked,
    // element and range accesses; monitor acquire and release; pre/post wait, start, join; pre/post
    // synchronising calls, by their contract (see SyncContracts, and SyncCalls which applies it).
    //
    // The access hooks take the thread's state ({@code handed}), which the method keeps in a local
    // (fetched on entry, or null until a hook that returns it has run); field and monitor hooks
    // return it for the next. The field and element hooks are small enough for the JIT to inline into the
    // program's code. They settle the same-epoch case (an epoch names one thread of one round, so
    // a match needs no round check) and call out for the rest. The element hooks settle the
    // exclusive FastTrack cases too, when the shadows and the thread are of the same round (see
    // VarState for why they need no lock): a loop over an array meets them once per element and
    // epoch. The field hooks leave them to Accesses: a JIT profile is kept per method, not per
    // call site, so each line a hook holds costs every inlined copy of it. Where the agent placed
    // checks later and fewer (see the agent's HoistedLoops and RedundantChecks), the field group hook
    // stands for several field hooks and the range hooks for a loop's element hooks.

    /** A read of a field whose class holds its shadow; {@code var} is that shadow, null before the first access. */
    public static Object fieldRead(Object holder, VarState var, int site, Object handed) {
        if (var != null && handed instanceof ThreadState state) {
            long epoch = state.epoch;
            long read = var.read;
            if (read == epoch || var.write == epoch) {
                return state;
            }
        }
        return Accesses.field(holder, var, site, false, handed);
    }

    public static Object fieldWrite(Object holder, VarState var, int site, Object handed) {
        if (var != null && handed instanceof ThreadState state) {
            if (var.write == state.epoch) {
                return state;
            }
        }
        return Accesses.field(holder, var, site, true, handed);
    }

    /**
     * The checks of several fields of one object in a stretch of code that does not synchronise,
     * made at the last of them: {@code summary} is the object's summary, {@code required} the
     * bits those checks need. If this thread already made them in its epoch, nothing is left to
     * check; else each is checked as its own hook would have.
     */
    public static Object fieldGroup(Object holder, long summary, long required, int group, Object handed) {
        if (handed instanceof ThreadState state && ObjectSummary.covers(summary, required, state.summary)) {
            return state;
        }
        return Accesses.object(holder, group, handed);
    }

    /**
     * A volatile field, or one whose accesses synchronise as a volatile's do (the agent decides
     * which): a write releases into the field, a read acquires from it.
     */
    public static Object volatileRead(Object holder, int site, Object handed) {
        return Accesses.volatileField(holder, site, false, handed);
    }

    public static Object volatileWrite(Object holder, int site, Object handed) {
        return Accesses.volatileField(holder, site, true, handed);
    }

    /**
     * A field whose class holds no shadow: of a class the agent leaves alone, or whose class file
     * it could not read, which may yet turn out volatile when the hook looks it up.
     */
    public static Object untrackedRead(Object holder, int site, Object handed) {
        return Accesses.untrackedField(holder, site, false, handed);
    }

    public static Object untrackedWrite(Object holder, int site, Object handed) {
        return Accesses.untrackedField(holder, site, true, handed);
    }

    /** The calling thread's state, fetched on entry by a method with checked accesses; null if not tracked. */
    public static Object threadState() {
        try {
            return Detector.current(null);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            return null;
        }
    }

    /**
     * An element read. {@code vars} is what this site returned last time, the shadows of the array
     * it accessed then; the hook returns the shadows of this access's array, for the next time.
     */
    public static ElementShadows elementRead(Object array, int index, ElementShadows vars, int site, Object handed) {
        if (vars == null && handed instanceof ThreadState known) {
            vars = known.arrayAt(site);
        }
        ThreadState state = tracking(array, index, vars, handed);
        if (state != null) {
            int at = 2 * index;
            long epoch = state.epoch;
            long read = vars.epochs[at + 1];
            long written = vars.epochs[at];
            if (read == epoch || written == epoch) {
                return vars;
            }
            if (!TraceEvents.ON || state.trace == null) {
                if (read == VarState.SHARED) {
                    if (vars.isSharedReadBy(index, epoch)) {
                        // a table every thread reads, read again in this epoch
                        return vars;
                    }
                } else if (vars.round == state.round && state.covers(written) && state.covers(read)) {
                    vars.sites[at + 1] = site;
                    vars.epochs[at + 1] = epoch;
                    return vars;
                }
            }
        }
        return Accesses.element(array, index, vars, site, false, handed);
    }

    public static ElementShadows elementWrite(Object array, int index, ElementShadows vars, int site, Object handed) {
        if (vars == null && handed instanceof ThreadState known) {
            vars = known.arrayAt(site);
        }
        ThreadState state = tracking(array, index, vars, handed);
        if (state != null) {
            int at = 2 * index;
            long epoch = state.epoch;
            long read = vars.epochs[at + 1];
            long written = vars.epochs[at];
            if (written == epoch) {
                return vars;
            }
            if ((!TraceEvents.ON || state.trace == null)
                    && vars.round == state.round
                    && read != VarState.SHARED
                    && state.covers(written)
                    && state.covers(read)) {
                if (ElementShadows.EPOCHS.compareAndSet(vars.epochs, at, written, epoch)) {
                    // the site after the epoch, as for a field (see Accesses#write)
                    vars.sites[at] = site;
                    vars.epochs[at + 1] = VarState.NONE;
                    return vars;
                }
            }
        }
        return Accesses.element(array, index, vars, site, true, handed);
    }

    /**
     * The thread's state, if the cached shadows are the array's, go element by element, and the
     * index is inside it; else null.
     */
    private static ThreadState tracking(Object array, int index, ElementShadows vars, Object handed) {
        return vars != null
                        && vars.get() == array
                        && handed instanceof ThreadState state
                        && !vars.inRuns()
                        && index >= 0
                        && index < vars.length
                ? state
                : null;
    }

    /**
     * The reads of a loop that has ended, of elements {@code i + low, i + low + |step|, ...,
     * i + low + span * |step|} of the array, for {@code i} from {@code start} by {@code step} to
     * just before {@code end}: the loop's value of {@code i} on entry, and on leaving.
     */
    public static void rangeRead(
            Object array, int start, int end, int step, int low, int span, int site, Object handed) {
        Accesses.range(array, start, end, step, low, span, site, false, handed);
    }

    public static void rangeWrite(
            Object array, int start, int end, int step, int low, int span, int site, Object handed) {
        Accesses.range(array, start, end, step, low, span, site, true, handed);
    }

    /** After a monitor is entered; takes and returns the thread's state as the access hooks do. */
    public static Object monitorAcquire(Object monitor, Object handed) {
        try {
            return Detector.monitorAcquire(monitor, handed, TraceEvents.LOCK);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            return handed;
        }
    }

    /** Before a monitor is exited, normally or by an exception. */
    public static Object monitorRelease(Object monitor, Object handed) {
        try {
            return Detector.monitorRelease(monitor, handed, TraceEvents.UNLOCK);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            return handed;
        }
    }

    /** A subscriber handed to a {@code java.util.concurrent} publisher's {@code subscribe}: returned as it is. */
    public static Object subscribed(Object subscriber, Object publisher) {
        try {
            Subscribers.subscribed(subscriber, publisher);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
        return subscriber;
    }

    /** At the start of a subscriber's {@code onSubscribe}, {@code onNext}, {@code onError} or {@code onComplete}. */
    public static void subscriberSignal(Object subscriber) {
        try {
            Subscribers.signal(subscriber);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** At the end of one, returning or throwing. */
    public static void subscriberSignalEnd(Object subscriber) {
        try {
            Subscribers.signalEnd(subscriber);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /**
     * At the start of a handler an {@code InterruptedException} can reach: if {@code caught} is one, the thread found
     * it was interrupted, and sees what its interrupter did before the interrupt (see SyncContracts#isInterruptCall).
     */
    public static void interruptCaught(Object caught) {
        try {
            if (caught instanceof InterruptedException) {
                SyncCalls.after(null, SyncContracts.INTERRUPTED);
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** Before {@code Object.wait}, which lets the monitor go. */
    public static void preWait(Object monitor) {
        try {
            if (monitor != null) {
                Detector.monitorRelease(monitor, null, TraceEvents.RELEASE);
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** After {@code Object.wait} returns, holding the monitor again. */
    public static void postWait(Object monitor) {
        try {
            if (monitor != null) {
                Detector.monitorAcquire(monitor, null, TraceEvents.ACQUIRE);
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /**
     * Before a call that synchronises through its receiver ({@code java.util.concurrent},
     * {@code VarHandle}, {@code Timer}) or through the object {@code Unsafe} touches.
     */
    public static void preSyncCall(Object receiver, String method) {
        try {
            if (receiver != null) {
                SyncCalls.before(receiver, method);
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /**
     * After such a call: it sees what was released into the receiver, and, when it waited for
     * tasks (a future's {@code get}, an executor's {@code awaitTermination}), what they did.
     */
    public static void postSyncCall(Object receiver, String method) {
        try {
            SyncCalls.after(receiver, method);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /**
     * After a synchronising call that returned a view of its receiver (a concurrent map's {@code keySet}, a queue's
     * {@code iterator}): the view's calls synchronise through the receiver.
     */
    public static void postSyncViewCall(Object view, Object receiver, String method) {
        try {
            SyncCalls.after(receiver, method);
            ConcurrentViews.link(view, receiver);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** Before the project's code calls a library's: accesses in there are reported with this call's site. */
    public static void preLibraryCall(int userSite) {
        try {
            Detector.libraryCall(userSite, true);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** After that call returned. */
    public static void postLibraryCall(int userSite) {
        try {
            Detector.libraryCall(userSite, false);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** On entry to a class initialiser: see ThreadState#initializing. */
    public static void classInitBegin() {
        try {
            Detector.classInit(true);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** On leaving a class initialiser, normally or by an exception. */
    public static void classInitEnd() {
        try {
            Detector.classInit(false);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** After {@code StampedLock.validate}: the optimistic reads since {@code tryOptimisticRead} held, or not. */
    public static void postValidate(boolean valid, Object lock) {
        try {
            SyncCalls.after(lock, SyncContracts.VALIDATE);
            Detector.stopSpeculating(valid);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** What a call returned belongs to its receiver: a lock's condition, or a read-write lock's half. */
    public static void postLinkCall(Object result, Object receiver, String method) {
        try {
            Detector.link(result, receiver, method);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /**
     * Before a call on a JDK object (through its class or an interface such as {@code List}): by
     * the object's class, it reads or writes the object, synchronises, or means nothing.
     */
    public static void preObjectCall(Object receiver, int site) {
        try {
            JdkObjects.Contract contract = JdkObjects.of(receiver);
            if (JdkObjects.isLibrarys(receiver) && !SiteRegistry.isLibrary(site)) {
                // a library's object behind a JDK interface: the project's call into its code
                Detector.libraryCall(site, true);
            }
            if (contract == JdkObjects.Contract.CONCURRENT) {
                if (SynchronizedWrappers.is(receiver)) {
                    SynchronizedWrappers.before(receiver, site);
                } else if (!SiteRegistry.call(site).write() && ConcurrentViews.isView(receiver)) {
                    // a look through a view of a concurrent collection only acquires from it (see ConcurrentViews)
                    Detector.enterSync(receiver);
                } else {
                    SyncCalls.before(receiver, null);
                }
            } else if (contract != JdkObjects.Contract.NONE) {
                Accesses.objectCall(receiver, contract, site);
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /**
     * After it: a concurrent object's call, or one through a view of a concurrent collection, acquires; a view
     * returned stands for the object it views.
     */
    public static void postObjectCall(Object result, Object receiver, int site) {
        try {
            JdkObjects.Contract contract = JdkObjects.of(receiver);
            if (JdkObjects.isLibrarys(receiver) && !SiteRegistry.isLibrary(site)) {
                Detector.libraryCall(site, false);
            }
            boolean returnsView = result != null && SiteRegistry.call(site).returnsView();
            if (contract == JdkObjects.Contract.CONCURRENT) {
                if (SynchronizedWrappers.is(receiver)) {
                    SynchronizedWrappers.after(result, receiver, returnsView);
                } else {
                    SyncCalls.after(receiver, null);
                    if (returnsView) {
                        ConcurrentViews.link(result, receiver);
                    }
                }
                return;
            }
            if (contract == JdkObjects.Contract.VIEW) {
                Accesses.afterViewCall(receiver, returnsView ? result : null);
            }
            if (contract != JdkObjects.Contract.NONE && returnsView) {
                JdkObjects.viewed(result, receiver);
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    private static final SyncContracts.ArgumentUse[] ARGUMENT_USES = SyncContracts.ArgumentUse.values();

    /**
     * Before a JDK call that goes through an object it is given, whole (see ArgumentUses): {@code use} is the
     * ordinal of its ArgumentUse.
     */
    public static void preArgumentUse(Object argument, int site, int use) {
        try {
            ArgumentUses.before(argument, site, ARGUMENT_USES[use]);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** After that call. */
    public static void postArgumentUse(Object argument, int use) {
        try {
            ArgumentUses.after(argument, ARGUMENT_USES[use]);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /**
     * Before a JDK call that goes through elements {@code from} to just before {@code to} (-1: the end) of an array
     * ({@code System.arraycopy}, {@code Arrays.sort}, an array's {@code clone}): their reads or writes, at its site.
     */
    public static void arrayRange(Object array, int from, int to, int site, boolean write) {
        try {
            if (array != null && array.getClass().isArray()) {
                int end = to < 0 ? java.lang.reflect.Array.getLength(array) : to;
                Accesses.range(array, from, end, 1, 0, 0, site, write, null);
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /**
     * Before a JDK constructor that copies the object it is given ({@code new ArrayList<>(list)}): a constructor's call
     * cannot go through a bridge, so the thread keeps the object until the constructor returns.
     */
    public static void preCopied(Object argument, int site) {
        try {
            ArgumentUses.before(argument, site, SyncContracts.ArgumentUse.READ);
            ThreadState state = Detector.current(null);
            if (state != null) {
                state.copied = argument;
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** After it returned. */
    public static void postCopied() {
        try {
            ThreadState state = Detector.current(null);
            if (state != null && state.copied != null) {
                Object argument = state.copied;
                state.copied = null;
                ArgumentUses.after(argument, SyncContracts.ArgumentUse.READ);
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /**
     * After {@code Collections.unmodifiableList(list)}, {@code Collections.newSetFromMap(map)} and the like: the
     * result is a view of the argument.
     */
    public static void postViewCall(Object view, Object of) {
        try {
            JdkObjects.Contract contract = JdkObjects.of(of);
            if (contract == JdkObjects.Contract.OBJECT
                    || contract == JdkObjects.Contract.VIEW
                    || JdkObjects.isConcurrentCollection(of)) {
                JdkObjects.viewed(view, of);
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** After {@code Lookup.findVarHandle(type, name, ...)}: the field the handle accesses. */
    public static void postFindVarHandle(Object handle, Class<?> type, String name) {
        try {
            VarHandles.found(handle, type, name);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** Before a VarHandle's access: a releasing one releases into the variable it accesses (see VarHandles). */
    public static void preVarHandleCall(Object handle, Object target, int index, String method) {
        try {
            if (SyncContracts.releasesByMode(method)) {
                Detector.release(VarHandles.variable(handle, target, index));
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** After it: an acquiring one acquires what was released into that variable. */
    public static void postVarHandleCall(Object handle, Object target, int index, String method) {
        try {
            if (SyncContracts.acquiresByMode(method)) {
                Detector.acquire(VarHandles.variable(handle, target, index));
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** Before an {@code Atomic*FieldUpdater}'s call on an object: a releasing one releases into its field there. */
    public static void preUpdaterCall(Object updater, Object target, String method) {
        try {
            if (SyncContracts.updaterReleases(method)) {
                Detector.release(VarHandles.variable(updater, target, 0));
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** After it: an acquiring one acquires what was released into that field. */
    public static void postUpdaterCall(Object updater, Object target, String method) {
        try {
            if (SyncContracts.updaterAcquires(method)) {
                Detector.acquire(VarHandles.variable(updater, target, 0));
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** After {@code Unsafe.objectFieldOffset} or {@code staticFieldOffset}: the field its offset names. */
    public static void postFieldOffset(long offset, Object field, String name) {
        try {
            UnsafeFields.found(offset, field, name);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /**
     * Before an {@code Unsafe} access to an object, or to an address off the heap when the object is null (an
     * Agrona buffer over a direct {@code ByteBuffer}): a releasing one releases into the object, or the address.
     */
    public static void preUnsafeCall(Object object, long offset, String method) {
        try {
            if (SyncContracts.releasesByMode(method)) {
                Detector.release(UnsafeFields.variable(object, offset));
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** After it: an acquiring one acquires what was released into the object, or the address. */
    public static void postUnsafeCall(Object object, long offset, String method) {
        try {
            if (SyncContracts.acquiresByMode(method)) {
                Detector.acquire(UnsafeFields.variable(object, offset));
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /**
     * After a call on a stream: a stream it returned is of the same pipeline, and the call sees
     * what the pipeline's functions did so far (all of it, after a terminal operation).
     */
    public static void postStreamCall(Object result, Object stream) {
        try {
            Object pipeline = StreamPipelines.of(stream);
            if (SyncContracts.continuesPipeline(result)) {
                StreamPipelines.join(result, pipeline);
            }
            Detector.acquire(pipeline);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    public static void preStart(Object thread) {
        try {
            Detector.beforeStart(thread);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    public static void postJoin(Object thread) {
        try {
            Detector.afterJoin(thread);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    // ---- the project's calls on a concurrent map's key or on an atomic: lost updates (see ThreadUpdates)

    /**
     * Just before such a call, with the value it writes where it names one, and its role's ordinal (see
     * UpdateRole): returns its tick for the hook after it, 0 when it is not followed.
     */
    public static long preUpdateCall(Object receiver, Object key, Object value, int role, int site) {
        try {
            return ThreadUpdates.before(receiver, key, value, role, site);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            return 0;
        }
    }

    /** Just after it returned {@code result} (boxed; null for none). */
    public static void postUpdateCall(
            Object result, Object receiver, Object key, Object value, long began, int role, int site) {
        try {
            ThreadUpdates.after(result, receiver, key, value, began, role, site);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    // ---- task objects (a ForkJoinTask, a TimerTask): their body starts from their hand-over

    /** A task object handed over by a call (forked, invoked, scheduled): released into it. */
    public static Object handOver(Object task) {
        try {
            if (task != null) {
                Detector.release(task);
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
        return task;
    }

    /** Task objects handed over in an array ({@code ForkJoinTask.invokeAll(a, b, c)}). */
    public static Object handOverEach(Object tasks) {
        if (tasks instanceof Object[] array) {
            for (Object task : array) {
                handOver(task);
            }
        }
        return tasks;
    }

    /**
     * Tasks handed over in a collection ({@code invokeAll}, {@code invokeAny}): callables are
     * wrapped, in a new list in the same order, and task objects released into.
     */
    public static Object handOverAll(Object tasks) {
        if (!(tasks instanceof java.util.Collection<?> collection)) {
            return tasks;
        }
        try {
            java.util.List<Object> wrapped = new java.util.ArrayList<>(collection.size());
            for (Object task : collection) {
                if (task instanceof Callable<?> callable) {
                    wrapped.add(wrap(callable));
                } else {
                    wrapped.add(handOver(task));
                }
            }
            return wrapped;
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            return tasks;
        }
    }

    /**
     * After a call that ran task objects and waited for them ({@code invoke}, {@code invokeAll}):
     * a task, an array or a collection of them. Each task's end was released into it, with what
     * its own subtasks did, as it waited for them in turn.
     */
    public static void postTasksJoined(Object tasks) {
        try {
            if (SyncContracts.isJoinedThroughItself(tasks)) {
                Detector.acquire(tasks);
            } else if (tasks instanceof Object[] array) {
                for (Object task : array) {
                    postTasksJoined(task);
                }
            } else if (tasks instanceof java.util.Collection<?> collection) {
                for (Object task : collection) {
                    if (SyncContracts.isJoinedThroughItself(task)) {
                        Detector.acquire(task);
                    }
                }
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** On entry to a task object's body: it sees what was released into the task when it was handed over. */
    public static void taskBegin(Object task) {
        try {
            Detector.acquire(task);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** On entry to a completer's {@code onCompletion}: it also sees the tasks that completed before. */
    public static void completionBegin(Object task) {
        try {
            Detector.acquire(task);
            Detector.acquireTasksDone();
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /** On leaving a task object's body: what it did happens before whoever waits for it or for tasks. */
    public static void taskEnd(Object task) {
        try {
            Detector.release(task);
            Detector.taskEnd();
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    // ---- what the last party to arrive runs inside its call: released before the parties go on

    /**
     * The action of {@code new CyclicBarrier(parties, action)}. The last party to arrive runs it inside its {@code
     * await}, after what every party did before the await was released into the barrier; what the action did is
     * released into the barrier as it ends, so that each party sees it once its await returns.
     */
    public static Runnable barrierAction(Runnable action) {
        if (action == null) {
            return null;
        }
        return () -> {
            try {
                action.run();
            } finally {
                try {
                    Detector.releaseInnermostSync();
                } catch (Throwable failure) {
                    DetectorErrors.record(failure);
                }
            }
        };
    }

    /** As a phaser's {@code onAdvance} returns, which the last party to arrive runs: what it did goes to the parties. */
    public static void advanced(Object phaser) {
        try {
            Detector.release(phaser);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    // ---- tasks handed to executors and completable futures: the submitter's past happens before the task

    public static Runnable wrap(Runnable task) {
        if (task == null) {
            return null;
        }
        return new HandedOverTask(task, TaskHandOff.ofTask());
    }

    /** In an executor's {@code beforeExecute} or {@code afterExecute}: the program's runnable, as it handed it over. */
    public static Runnable unwrapTask(Runnable task) {
        return task instanceof HandedOverTask handed ? handed.task : task;
    }

    /**
     * Before a pool's {@code remove(task)}: the wrapper the pool queued the program's task in, so that the task is found
     * and removed as it would be without the detector; else the task itself.
     */
    public static Runnable queuedTask(Runnable task, Object pool) {
        try {
            if (task != null && pool instanceof java.util.concurrent.ThreadPoolExecutor executor) {
                for (Runnable queued : executor.getQueue()) {
                    if (queued instanceof HandedOverTask handed && handed.task == task) {
                        return handed;
                    }
                }
            }
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
        return task;
    }

    /** The tasks {@code shutdownNow()} returned, that never ran: each as the program handed it over. */
    @SuppressWarnings("unchecked")
    public static void unwrapTasks(Object tasks) {
        if (!(tasks instanceof java.util.List<?> list)) {
            return;
        }
        try {
            for (java.util.ListIterator<Object> each = ((java.util.List<Object>) list).listIterator();
                    each.hasNext(); ) {
                if (each.next() instanceof HandedOverTask handed) {
                    each.set(handed.task);
                }
            }
        } catch (UnsupportedOperationException e) {
            // an executor of the program's that returns a list it keeps to itself: left as it is
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    public static <V> Callable<V> wrap(Callable<V> task) {
        if (task == null) {
            return null;
        }
        TaskHandOff handOff = TaskHandOff.ofTask();
        return () -> handOff.call(task);
    }

    public static <V> Supplier<V> wrap(Supplier<V> task) {
        if (task == null) {
            return null;
        }
        TaskHandOff handOff = TaskHandOff.ofTask();
        return () -> handOff.run(task);
    }

    /** A stage that runs after an earlier one completed also sees what finished tasks did. */
    public static <T, R> Function<T, R> wrap(Function<T, R> task) {
        if (task == null) {
            return null;
        }
        TaskHandOff handOff = TaskHandOff.ofStage();
        return value -> handOff.run(() -> task.apply(value));
    }

    public static <T> Consumer<T> wrap(Consumer<T> task) {
        if (task == null) {
            return null;
        }
        TaskHandOff handOff = TaskHandOff.ofStage();
        return value -> handOff.run(() -> {
            task.accept(value);
            return null;
        });
    }

    public static <T, U, R> BiFunction<T, U, R> wrap(BiFunction<T, U, R> task) {
        if (task == null) {
            return null;
        }
        TaskHandOff handOff = TaskHandOff.ofStage();
        return (a, b) -> handOff.run(() -> task.apply(a, b));
    }

    public static <T, U> BiConsumer<T, U> wrap(BiConsumer<T, U> task) {
        if (task == null) {
            return null;
        }
        TaskHandOff handOff = TaskHandOff.ofStage();
        return (a, b) -> handOff.run(() -> {
            task.accept(a, b);
            return null;
        });
    }

    /**
     * What a stream is given ({@code map}, {@code filter}, {@code forEach}, a comparator...), of any
     * functional interface: it may run in other threads, as a task handed over when the stream
     * was built, whose end the pipeline's later calls wait for.
     */
    public static Object task(Object function, Class<?> type, Object stream) {
        if (function == null || !type.isInterface() || !type.isInstance(function)) {
            return function;
        }
        try {
            TaskHandOff handOff = TaskHandOff.ofFunction(StreamPipelines.of(stream));
            return java.lang.reflect.Proxy.newProxyInstance(
                    type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
                        if (method.getDeclaringClass() == Object.class) {
                            return method.getName().equals("equals")
                                    ? proxy == arguments[0]
                                    : method.invoke(function, arguments);
                        }
                        return handOff.call(() -> {
                            try {
                                return method.invoke(function, arguments);
                            } catch (java.lang.reflect.InvocationTargetException thrown) {
                                throw rethrow(thrown.getCause());
                            }
                        });
                    });
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            return function;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException rethrow(Throwable thrown) throws E {
        throw (E) thrown;
    }

    // ---- functions a concurrent map calls back inside a call, under its own locks: each call of
    // one sees what the calls before it did, and is seen by those after

    public static <T> Supplier<T> callback(Supplier<T> function, Object map) {
        if (function == null || !JdkObjects.isConcurrent(map)) {
            return function;
        }
        return () -> {
            SyncCalls.callbackBegin(map);
            try {
                return function.get();
            } finally {
                SyncCalls.callbackEnd(map, map);
            }
        };
    }

    public static <T, R> Function<T, R> callback(Function<T, R> function, Object map) {
        if (function == null || !JdkObjects.isConcurrent(map)) {
            return function;
        }
        return value -> {
            SyncCalls.callbackBegin(map);
            try {
                return function.apply(value);
            } finally {
                SyncCalls.callbackEnd(map, map);
            }
        };
    }

    /**
     * The function of {@code computeIfAbsent}, {@code compute}, {@code computeIfPresent} or
     * {@code merge} of that key: the map runs those of one key one after the other, and those of
     * different keys at once (see SyncCalls#keyOf); what one did is then in the map for all.
     */
    public static <T, R> Function<T, R> keyedCallback(Function<T, R> function, Object map, Object key) {
        if (function == null || !JdkObjects.isConcurrent(map)) {
            return function;
        }
        Object sync = SyncCalls.keyOf(map, key);
        return value -> {
            SyncCalls.callbackBegin(sync);
            try {
                return function.apply(value);
            } finally {
                SyncCalls.callbackEnd(sync, map);
            }
        };
    }

    public static <T, U, R> BiFunction<T, U, R> keyedCallback(BiFunction<T, U, R> function, Object map, Object key) {
        if (function == null || !JdkObjects.isConcurrent(map)) {
            return function;
        }
        Object sync = SyncCalls.keyOf(map, key);
        return (a, b) -> {
            SyncCalls.callbackBegin(sync);
            try {
                return function.apply(a, b);
            } finally {
                SyncCalls.callbackEnd(sync, map);
            }
        };
    }

    public static <T> Consumer<T> callback(Consumer<T> function, Object map) {
        if (function == null || !JdkObjects.isConcurrent(map)) {
            return function;
        }
        return value -> {
            SyncCalls.callbackBegin(map);
            try {
                function.accept(value);
            } finally {
                SyncCalls.callbackEnd(map, map);
            }
        };
    }

    public static <T, U, R> BiFunction<T, U, R> callback(BiFunction<T, U, R> function, Object map) {
        if (function == null || !JdkObjects.isConcurrent(map)) {
            return function;
        }
        return (a, b) -> {
            SyncCalls.callbackBegin(map);
            try {
                return function.apply(a, b);
            } finally {
                SyncCalls.callbackEnd(map, map);
            }
        };
    }

    public static <T, U> BiConsumer<T, U> callback(BiConsumer<T, U> function, Object map) {
        if (function == null || !JdkObjects.isConcurrent(map)) {
            return function;
        }
        return (a, b) -> {
            SyncCalls.callbackBegin(map);
            try {
                function.accept(a, b);
            } finally {
                SyncCalls.callbackEnd(map, map);
            }
        };
    }

    // an atomic's updateAndGet, getAndUpdate, accumulateAndGet and getAndAccumulate run their function, then set what
    // it returned with a compare-and-set: what the function did is released into the atomic before that

    public static <T> UnaryOperator<T> callback(UnaryOperator<T> function, Object atomic) {
        if (function == null || !JdkObjects.isConcurrent(atomic)) {
            return function;
        }
        return value -> {
            SyncCalls.callbackBegin(atomic);
            try {
                return function.apply(value);
            } finally {
                SyncCalls.callbackEnd(atomic, atomic);
            }
        };
    }

    public static <T> BinaryOperator<T> callback(BinaryOperator<T> function, Object atomic) {
        if (function == null || !JdkObjects.isConcurrent(atomic)) {
            return function;
        }
        return (a, b) -> {
            SyncCalls.callbackBegin(atomic);
            try {
                return function.apply(a, b);
            } finally {
                SyncCalls.callbackEnd(atomic, atomic);
            }
        };
    }

    public static IntUnaryOperator callback(IntUnaryOperator function, Object atomic) {
        if (function == null || !JdkObjects.isConcurrent(atomic)) {
            return function;
        }
        return value -> {
            SyncCalls.callbackBegin(atomic);
            try {
                return function.applyAsInt(value);
            } finally {
                SyncCalls.callbackEnd(atomic, atomic);
            }
        };
    }

    public static IntBinaryOperator callback(IntBinaryOperator function, Object atomic) {
        if (function == null || !JdkObjects.isConcurrent(atomic)) {
            return function;
        }
        return (a, b) -> {
            SyncCalls.callbackBegin(atomic);
            try {
                return function.applyAsInt(a, b);
            } finally {
                SyncCalls.callbackEnd(atomic, atomic);
            }
        };
    }

    public static LongUnaryOperator callback(LongUnaryOperator function, Object atomic) {
        if (function == null || !JdkObjects.isConcurrent(atomic)) {
            return function;
        }
        return value -> {
            SyncCalls.callbackBegin(atomic);
            try {
                return function.applyAsLong(value);
            } finally {
                SyncCalls.callbackEnd(atomic, atomic);
            }
        };
    }

    public static LongBinaryOperator callback(LongBinaryOperator function, Object atomic) {
        if (function == null || !JdkObjects.isConcurrent(atomic)) {
            return function;
        }
        return (a, b) -> {
            SyncCalls.callbackBegin(atomic);
            try {
                return function.applyAsLong(a, b);
            } finally {
                SyncCalls.callbackEnd(atomic, atomic);
            }
        };
    }
}
