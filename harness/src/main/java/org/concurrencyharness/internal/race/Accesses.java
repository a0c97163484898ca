package org.concurrencyharness.internal.race;

import java.lang.invoke.VarHandle;

/**
 * The FastTrack read and write rules (Flanagan and Freund, PLDI 2009) for what the access hooks'
 * inlined paths (same epoch, exclusive access) did not settle: a shadow still to be made or of
 * an earlier round, reads shared by threads that are not ordered, races. These hold the shadow's
 * monitor (see {@link VarState}).
 */
final class Accesses {

    private Accesses() {}

    /** An access to a field whose class holds its shadow; {@code var} is what that shadow field held. */
    static Object field(Object holder, VarState var, int site, boolean write, Object handed) {
        try {
            return fieldUnguarded(holder, var, site, write, handed);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            return handed;
        }
    }

    private static Object fieldUnguarded(Object holder, VarState var, int site, boolean write, Object handed) {
        ThreadState state = Detector.current(handed);
        if (state == null) {
            return handed;
        }
        if (var == null || var.round != state.round || var.holder != holder) {
            ShadowFieldHandle shadow = SiteRegistry.shadowField(site);
            if (shadow == null) {
                return untrackedField(holder, site, write, state);
            }
            VarState first = firstAccess(holder, state, site, write);
            var = shadow.install(holder, var, state.round, first);
            if (var == null || var == first) {
                // a null holder, whose access throws; or the round's first access of the field, in place
                return state;
            }
        }
        check(var, state, site, write, null);
        return state;
    }

    /**
     * A new shadow of the holder's field that holds this access, to be put in place as the round's
     * first access of the field: as FastTrack's rules would leave it, with no earlier access to
     * check it against, and with no compare-and-set or fence, as the shadow is not seen by another
     * thread before it is in place. Null where the access must go through {@link #check}: a
     * trusted library's, a traced round's, an optimistic read.
     */
    private static VarState firstAccess(Object holder, ThreadState state, int accessSite, boolean write) {
        if (state.trusts(accessSite) || TraceEvents.ON && state.trace != null || state.isSpeculating()) {
            return null;
        }
        VarState var = new VarState(state.round, holder);
        int site = state.siteFor(accessSite);
        if (write) {
            var.write = state.epoch;
            var.writeSite = site;
        } else {
            var.read = state.epoch;
            var.readSite = site;
        }
        return var;
    }

    /** The checks of a group of one object's fields, made one by one; then the object's summary records them. */
    static Object object(Object holder, int id, Object handed) {
        try {
            return objectUnguarded(holder, id, handed);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            return handed;
        }
    }

    private static Object objectUnguarded(Object holder, int id, Object handed) {
        ThreadState state = Detector.current(handed);
        if (state == null || holder == null) {
            // not tracked; or a null holder, whose access throws
            return state == null ? handed : state;
        }
        SiteRegistry.Group group = SiteRegistry.group(id);
        for (int i = 0; i < group.sites.length; i++) {
            int site = group.sites[i];
            ShadowFieldHandle shadow = SiteRegistry.shadowField(site);
            field(holder, shadow == null ? null : shadow.get(holder), site, group.writes[i], state);
        }
        ObjectSummary summary = group.summary();
        // a thread whose id does not fit a summary must never write one: another such thread would take it for its own
        if (summary != null && state.summary != ObjectSummary.NONE) {
            summary.set(holder, ObjectSummary.after(summary.get(holder), group.checked, state.summary));
        }
        return state;
    }

    /** An access to a volatile field, or to one that synchronises as a volatile does. */
    static Object volatileField(Object holder, int site, boolean write, Object handed) {
        try {
            ThreadState state = Detector.current(handed);
            if (state == null) {
                return handed;
            }
            synchronise(holder, SiteRegistry.field(site), write, state);
            return state;
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            return handed;
        }
    }

    private static void synchronise(Object holder, SiteRegistry.FieldInfo field, boolean write, ThreadState state) {
        Object variable = VolatileKey.of(holder, field.key(), state);
        if (write) {
            Detector.release(variable);
        } else {
            Detector.acquire(variable);
        }
    }

    /** An access to a field whose declaring class the agent did not instrument, which may be volatile. */
    static Object untrackedField(Object holder, int site, boolean write, Object handed) {
        try {
            return untrackedFieldUnguarded(holder, site, write, handed);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            return handed;
        }
    }

    private static Object untrackedFieldUnguarded(Object holder, int site, boolean write, Object handed) {
        ThreadState state = Detector.current(handed);
        if (state == null) {
            return handed;
        }
        SiteRegistry.FieldInfo field = SiteRegistry.field(site);
        if (field.isVolatile()) {
            synchronise(holder, field, write, state);
        } else if (field.isTracked()) {
            DetachedShadows vars = holder == null ? state.round.statics : fieldShadows(holder, state);
            check(vars.of(field.key()), state, site, write, field.name());
        }
        return state;
    }

    static DetachedShadows fieldShadows(Object holder, ThreadState state) {
        DetachedShadows vars = state.holders.get(holder);
        if (vars == null) {
            vars = state.round.fields.computeIfAbsent(holder, k -> new DetachedShadows(state.round));
            state.holders.put(holder, vars);
        }
        return vars;
    }

    /**
     * A call on a JDK object that is not thread-safe, or on a view of one, which reads or writes
     * the object whole; its class names it in races. A call through a view of a concurrent
     * collection synchronises as the collection's own calls do instead.
     */
    static void objectCall(Object receiver, JdkObjects.Contract contract, int site) {
        try {
            AccessSite call = SiteRegistry.call(site);
            wholeObject(receiver, contract, site, call.write(), call.readsInOrder());
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    /**
     * A read or write of a JDK object as a whole, by a call on it or by a call it is handed to (see ArgumentUses).
     * {@code readsInOrder}: a map's {@code get}, a write if the map is a LinkedHashMap in access order.
     */
    static void wholeObject(
            Object object, JdkObjects.Contract contract, int site, boolean write, boolean readsInOrder) {
        ThreadState state = Detector.current(null);
        if (state == null) {
            return;
        }
        ViewedObject viewed = contract == JdkObjects.Contract.VIEW ? state.viewed(object) : null;
        Object concurrent = viewed == null ? null : viewed.concurrentCollection();
        // the object's class is the JDK's, which declares no field of a key the program's code could use
        if (concurrent != null && !write) {
            // a look through a view of a concurrent collection only acquires from it (see ConcurrentViews)
            Detector.enterSync(concurrent);
        } else if (concurrent != null) {
            SyncCalls.before(concurrent, null);
        } else if (viewed != null) {
            boolean writes = write || readsInOrder && viewed.accessOrdered;
            check(viewed.shadows(state).of(0), state, site, writes, viewed.typeName);
        } else {
            boolean writes = write || readsInOrder && JdkObjects.isAccessOrdered(object);
            check(fieldShadows(object, state).of(0), state, site, writes, JdkObjects.typeName(object));
        }
    }

    /**
     * After a call on a view: one of a concurrent collection acquires from it, as a call on the collection would, and
     * a view it returned ({@code newSetFromMap(map).iterator()}) synchronises through the collection too.
     */
    static void afterViewCall(Object view, Object returnedView) {
        ThreadState state = Detector.current(null);
        ViewedObject viewed = state == null ? null : state.viewed(view);
        Object concurrent = viewed == null ? null : viewed.concurrentCollection();
        if (concurrent != null) {
            SyncCalls.after(concurrent, null);
            ConcurrentViews.link(returnedView, concurrent);
        }
    }

    /** FastTrack's read or write rule for one variable; {@code name} names it in races, or null for its site to. */
    static void check(VarState var, ThreadState state, int accessSite, boolean write, String name) {
        if (state.trusts(accessSite)) {
            return;
        }
        int site = state.siteFor(accessSite);
        if (TraceEvents.ON && state.trace != null && !state.isSpeculating()) {
            // an optimistic read is the program's to throw away: not relied on, as validate orders the lock
            record(state, write, var, -1, site, name);
        }
        if (write) {
            write(var, state, site, name);
        } else if (state.isSpeculating()) {
            state.defer(var, site, name);
        } else {
            read(var, state, site, name);
        }
    }

    /**
     * Records an access in the round's trace. Inside a call that synchronises, what the call
     * synchronised with is acquired first, as a racy-looking access would (see sharedRead), so
     * that the trace holds the edge before the access rather than only when the check needs it.
     */
    private static void record(ThreadState state, boolean write, Object variable, int index, int site, String name) {
        Detector.acquireInside(state);
        TraceEvents.record(state, write ? TraceEvents.WRITE : TraceEvents.READ, variable, index, site, name);
    }

    private static void read(VarState var, ThreadState state, int site, String name) {
        long read = var.read;
        long written = var.write;
        if (read != VarState.SHARED && state.covers(written) && state.covers(read)) {
            var.readSite = site;
            var.read = state.epoch;
            // a write made at the same moment, which the look above missed: the fence after this read's store, and
            // the one in the write's compare-and-set, make one of the two see the other's (see write)
            VarHandle.fullFence();
            long now = var.write;
            if (now != written && !state.covers(now)) {
                RaceLog.report(name, var.writeSite, now, site, state);
            }
            return;
        }
        SharedReads shared = var.sharedReads;
        if (read == VarState.SHARED && shared != null && shared.has(state.epoch)) {
            return;
        }
        synchronized (var) {
            sharedRead(var, state, site, name);
        }
    }

    private static void write(VarState var, ThreadState state, int site, String name) {
        long written = var.write;
        long read = var.read;
        if (read != VarState.SHARED && state.covers(written) && state.covers(read)) {
            if (VarState.WRITE.compareAndSet(var, written, state.epoch)) {
                // the site after the epoch: a thread whose write lost the compare-and-set must not leave its site
                // beside the winner's epoch, where the race it goes on to report would name them together
                var.writeSite = site;
                // a read made at the same moment, which the look above missed (see read); the compare-and-set
                // orders as a fence does on the machines HotSpot runs on, the fence says so for the memory model
                VarHandle.fullFence();
                long now = var.read;
                if (now != read && now != VarState.SHARED && !state.covers(now)) {
                    RaceLog.report(name, var.readSite, now, site, state);
                }
                var.read = VarState.NONE;
                return;
            }
            // another thread wrote since: the locked rules see its write
        }
        synchronized (var) {
            racyOrSharedWrite(var, state, site, name);
        }
    }

    // ---- arrays

    private static ElementShadows elementShadows(Object array, ThreadState state) {
        ElementShadows vars = state.arrays.get(array);
        if (vars == null) {
            vars = state.round.arrays.computeIfAbsent(
                    array, a -> new ElementShadows(a, state.round, java.lang.reflect.Array.getLength(a)));
            state.arrays.put(array, vars);
        }
        return vars;
    }

    /** An element access the hook did not settle; returns the array's shadows, or null if the thread is not tracked. */
    static ElementShadows element(
            Object array, int index, ElementShadows vars, int site, boolean write, Object handed) {
        try {
            return elementUnguarded(array, index, vars, site, write, handed);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
            return null;
        }
    }

    private static ElementShadows elementUnguarded(
            Object array, int index, ElementShadows vars, int site, boolean write, Object handed) {
        if (handed instanceof ThreadState state && vars != null && vars.get() == array && vars.round == state.round) {
            // shadows and thread of one round: if the round ended meanwhile, its races are dropped when reported
            element(vars, index, state, site, write);
            return vars;
        }
        ThreadState state = Detector.current(handed);
        if (state == null || array == null) {
            return null;
        }
        ElementShadows own = elementShadows(array, state);
        state.accessedArrayAt(site, own);
        // with the array's own shadows in hand, the hook's common cases may well settle it
        return write
                ? Hooks.elementWrite(array, index, own, site, state)
                : Hooks.elementRead(array, index, own, site, state);
    }

    private static void element(ElementShadows vars, int index, ThreadState state, int accessSite, boolean write) {
        if (state.trusts(accessSite)) {
            return;
        }
        int site = state.siteFor(accessSite);
        if (index < 0 || index >= vars.length) {
            // the access itself throws
            return;
        }
        if (TraceEvents.ON && state.trace != null && !state.isSpeculating()) {
            record(state, write, vars, index, site, null);
        }
        if (vars.inRuns() && vars.checkRuns(index, 1, 1, write, state, site)) {
            return;
        }
        if (!write && vars.epochs[2 * index + 1] == VarState.SHARED && vars.isSharedReadBy(index, state.epoch)) {
            // the runs just spread: the hook did not see this element's shared reads
            return;
        }
        synchronized (vars) {
            VarState var = vars.load(index, state.scratch);
            if (write) {
                racyOrSharedWrite(var, state, site, null);
            } else {
                sharedRead(var, state, site, null);
            }
            vars.store(index, var);
        }
    }

    /** A loop's range of element accesses: see {@link Hooks#rangeRead}. */
    static void range(
            Object array, int start, int end, int step, int low, int span, int site, boolean write, Object handed) {
        try {
            rangeUnguarded(array, start, end, step, low, span, site, write, handed);
        } catch (Throwable failure) {
            DetectorErrors.record(failure);
        }
    }

    private static void rangeUnguarded(
            Object array, int start, int end, int step, int low, int span, int site, boolean write, Object handed) {
        ThreadState state = Detector.current(handed);
        if (state == null || array == null || step == 0) {
            return;
        }
        int passes = (end - start) / step;
        if (passes <= 0) {
            return;
        }
        int stride = Math.abs(step);
        long first = (long) Math.min(start, start + (passes - 1) * step) + low;
        long count = (long) passes + span;
        int length = java.lang.reflect.Array.getLength(array);
        // every access of a finished pass was inside the array; this only guards against a wrapped counter
        if (first < 0) {
            long skipped = (-first + stride - 1) / stride;
            first += skipped * stride;
            count -= skipped;
        }
        long last = first + (count - 1) * stride;
        if (last >= length) {
            count -= (last - length) / stride + 1;
        }
        if (count <= 0 || state.checkedAlready(array, (int) first, (int) count, stride, write)) {
            return;
        }
        ElementShadows vars = elementShadows(array, state);
        if (!vars.inRuns() || !vars.checkRuns((int) first, (int) count, stride, write, state, site)) {
            for (int index = (int) first, done = 0; done < count; done++, index += stride) {
                if (write) {
                    Hooks.elementWrite(array, index, vars, site, state);
                } else {
                    Hooks.elementRead(array, index, vars, site, state);
                }
            }
        }
        state.checked(array, (int) first, (int) count, stride, write);
    }

    // ---- the rare cases, under the shadow's monitor

    private static void sharedRead(VarState var, ThreadState state, int site, String name) {
        Detector.acquireInside(state);
        long epoch = state.epoch;
        if (var.read == epoch || var.write == epoch) {
            return;
        }
        if (!state.covers(var.write)) {
            RaceLog.report(name, var.writeSite, var.write, site, state);
        }
        // read once: the lock-free paths of other threads may change it meanwhile
        long read = var.read;
        if (read == VarState.SHARED && var.sharedReads != null) {
            var.sharedReads.record(epoch, site);
        } else if (read == VarState.SHARED || state.covers(read)) {
            var.readSite = site;
            var.read = epoch;
        } else {
            SharedReads shared = new SharedReads(state.round.base);
            shared.record(read, var.readSite);
            shared.record(epoch, site);
            var.sharedReads = shared;
            var.read = VarState.SHARED;
        }
    }

    private static void racyOrSharedWrite(VarState var, ThreadState state, int site, String name) {
        Detector.acquireInside(state);
        long epoch = state.epoch;
        if (var.write == epoch) {
            return;
        }
        VectorClock now = state.clock;
        if (!state.covers(var.write)) {
            RaceLog.report(name, var.writeSite, var.write, site, state);
        }
        long read = var.read;
        SharedReads shared = var.sharedReads;
        if (read == VarState.SHARED && shared != null) {
            for (int tid = shared.clocks.base(); tid < shared.clocks.end(); tid++) {
                int clock = shared.clocks.get(tid);
                if (clock > now.get(tid)) {
                    RaceLog.report(name, shared.site(tid), VarState.epoch(tid, clock), site, state);
                }
            }
            var.sharedReads = null;
        } else if (read != VarState.SHARED && !state.covers(read)) {
            RaceLog.report(name, var.readSite, read, site, state);
        }
        var.read = VarState.NONE;
        var.writeSite = site;
        var.write = epoch;
    }
}
