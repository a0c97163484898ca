package org.concurrencyharness.internal.race;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@code Collections.synchronizedList} and its kin, as their javadoc describes them: each call
 * holds the wrapper's mutex (the wrapper itself; for a view such as a synchronized map's key set,
 * the map's), so the calls are ordered as a monitor orders them, and a program that holds the same
 * monitor ({@code synchronized (list)}) is ordered with them. The contents are one variable that
 * each call reads or writes under the mutex. An iterator, spliterator or stream is not
 * synchronized: "it is imperative that the user manually synchronize on the returned list when
 * traversing it", so what it reads races with another thread's change unless the monitor is held.
 */
final class SynchronizedWrappers {

    private static final String PREFIX = "java.util.Collections$Synchronized";

    private static final VarHandle COLLECTION_MUTEX = mutex("java.util.Collections$SynchronizedCollection");
    private static final VarHandle MAP_MUTEX = mutex("java.util.Collections$SynchronizedMap");

    private SynchronizedWrappers() {}

    private static VarHandle mutex(String wrapper) {
        try {
            Class<?> type = Class.forName(wrapper);
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                    .findVarHandle(type, "mutex", Object.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // java.util was not opened to the detector: each wrapper is taken as its own mutex
            return null;
        }
    }

    /**
     * Whether the object is a wrapper. A wrapper's contract is concurrent, so the hooks of every call on a JDK object
     * test that first, which costs less than the class's name.
     */
    static boolean is(Object object) {
        return object != null && object.getClass().getName().startsWith(PREFIX);
    }

    /** The monitor a wrapper's calls hold: the wrapper's, or the collection's it is a view of. */
    static Object mutexOf(Object wrapper) {
        VarHandle mutex = wrapper instanceof java.util.Map<?, ?> ? MAP_MUTEX : COLLECTION_MUTEX;
        Object found = mutex == null ? null : (Object) mutex.get(wrapper);
        return found != null ? found : wrapper;
    }

    /**
     * Before a call on a wrapper: its read or write of the contents, made as the call makes it, holding the mutex. The
     * hook holds the mutex itself, so that it is ordered with the program's own holds of it (a thread iterating
     * inside {@code synchronized (list)}) as the call is; the monitor's clock is guarded by the monitor, as always.
     */
    static void before(Object wrapper, int site) {
        before(wrapper, site, SiteRegistry.call(site).write());
    }

    /** The same, for a call that reads or writes the wrapper as {@code write} says (see ArgumentUses). */
    static void before(Object wrapper, int site, boolean write) {
        Object mutex = mutexOf(wrapper);
        synchronized (mutex) {
            Detector.monitorAcquire(mutex, null, TraceEvents.LOCK);
            Accesses.wholeObject(mutex, JdkObjects.Contract.OBJECT, site, write, false);
            Detector.monitorRelease(mutex, null, TraceEvents.UNLOCK);
        }
    }

    /**
     * After it: what the call ran inside (a {@code computeIfAbsent} function) is released under the mutex; an
     * iterator, spliterator or list iterator it returned reads the contents without it.
     */
    static void after(Object result, Object wrapper, boolean returnsView) {
        Object mutex = mutexOf(wrapper);
        synchronized (mutex) {
            Detector.monitorAcquire(mutex, null, TraceEvents.LOCK);
            Detector.monitorRelease(mutex, null, TraceEvents.UNLOCK);
        }
        if (returnsView && !is(result)) {
            JdkObjects.viewed(result, mutex);
        }
    }
}
