package org.concurrencyharness.internal.agent;

import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * Every method of the analysis's {@code Hooks} that instrumented code calls, by name and
 * descriptor, in one place (as JaCoCo's {@code InstrSupport} keeps what its probes call):
 * a test checks each against {@code Hooks} itself, so a misspelt hook fails the build, not a
 * user's program.
 */
final class HookCalls {

    static final Type HOOKS = Type.getObjectType("org/concurrencyharness/internal/race/Hooks");
    static final Type OBJECT = Type.getType(Object.class);
    private static final String VAR_STATE = "org.concurrencyharness.internal.race.VarState";
    private static final String ELEMENT_SHADOWS = "org.concurrencyharness.internal.race.ElementShadows";
    static final Type ELEMENT_SHADOWS_TYPE = Type.getObjectType(ELEMENT_SHADOWS.replace('.', '/'));

    // accesses: each takes and returns the thread's state (see Hooks)
    static final Method THREAD_STATE = Method.getMethod("Object threadState()");
    static final Method FIELD_READ = Method.getMethod("Object fieldRead(Object, " + VAR_STATE + ", int, Object)");
    static final Method FIELD_WRITE = Method.getMethod("Object fieldWrite(Object, " + VAR_STATE + ", int, Object)");
    static final Method FIELD_GROUP = Method.getMethod("Object fieldGroup(Object, long, long, int, Object)");
    static final Method VOLATILE_READ = Method.getMethod("Object volatileRead(Object, int, Object)");
    static final Method VOLATILE_WRITE = Method.getMethod("Object volatileWrite(Object, int, Object)");
    static final Method UNTRACKED_READ = Method.getMethod("Object untrackedRead(Object, int, Object)");
    static final Method UNTRACKED_WRITE = Method.getMethod("Object untrackedWrite(Object, int, Object)");
    static final Method ELEMENT_READ =
            Method.getMethod(ELEMENT_SHADOWS + " elementRead(Object, int, " + ELEMENT_SHADOWS + ", int, Object)");
    static final Method ELEMENT_WRITE =
            Method.getMethod(ELEMENT_SHADOWS + " elementWrite(Object, int, " + ELEMENT_SHADOWS + ", int, Object)");
    static final Method RANGE_READ = Method.getMethod("void rangeRead(Object, int, int, int, int, int, int, Object)");
    static final Method RANGE_WRITE = Method.getMethod("void rangeWrite(Object, int, int, int, int, int, int, Object)");

    // monitors, threads, class initialisers, task bodies, calls into libraries
    static final Method MONITOR_ACQUIRE = Method.getMethod("Object monitorAcquire(Object, Object)");
    static final Method MONITOR_RELEASE = Method.getMethod("Object monitorRelease(Object, Object)");
    static final Method PRE_START = Method.getMethod("void preStart(Object)");
    static final Method POST_JOIN = Method.getMethod("void postJoin(Object)");
    static final Method PRE_WAIT = Method.getMethod("void preWait(Object)");
    static final Method POST_WAIT = Method.getMethod("void postWait(Object)");
    static final Method CLASS_INIT_BEGIN = Method.getMethod("void classInitBegin()");
    static final Method CLASS_INIT_END = Method.getMethod("void classInitEnd()");
    static final Method TASK_BEGIN = Method.getMethod("void taskBegin(Object)");
    static final Method TASK_END = Method.getMethod("void taskEnd(Object)");
    static final Method COMPLETION_BEGIN = Method.getMethod("void completionBegin(Object)");
    static final Method INTERRUPT_CAUGHT = Method.getMethod("void interruptCaught(Object)");
    static final Method SUBSCRIBED = Method.getMethod("Object subscribed(Object, Object)");
    static final Method SUBSCRIBER_SIGNAL = Method.getMethod("void subscriberSignal(Object)");
    static final Method SUBSCRIBER_SIGNAL_END = Method.getMethod("void subscriberSignalEnd(Object)");
    static final Method BARRIER_ACTION = Method.getMethod("Runnable barrierAction(Runnable)");
    static final Method ADVANCED = Method.getMethod("void advanced(Object)");
    static final Method UNWRAP_TASK = Method.getMethod("Runnable unwrapTask(Runnable)");
    static final Method UNWRAP_TASKS = Method.getMethod("void unwrapTasks(Object)");
    static final Method QUEUED_TASK = Method.getMethod("Runnable queuedTask(Runnable, Object)");
    static final Method PRE_LIBRARY_CALL = Method.getMethod("void preLibraryCall(int)");
    static final Method POST_LIBRARY_CALL = Method.getMethod("void postLibraryCall(int)");

    // calls (see SyncContracts and SyncBridges)
    static final Method PRE_SYNC_CALL = Method.getMethod("void preSyncCall(Object, String)");
    static final Method POST_SYNC_CALL = Method.getMethod("void postSyncCall(Object, String)");
    static final Method POST_SYNC_VIEW_CALL = Method.getMethod("void postSyncViewCall(Object, Object, String)");
    static final Method POST_VALIDATE = Method.getMethod("void postValidate(boolean, Object)");
    static final Method POST_LINK_CALL = Method.getMethod("void postLinkCall(Object, Object, String)");
    static final Method PRE_OBJECT_CALL = Method.getMethod("void preObjectCall(Object, int)");
    static final Method POST_OBJECT_CALL = Method.getMethod("void postObjectCall(Object, Object, int)");
    static final Method POST_STREAM_CALL = Method.getMethod("void postStreamCall(Object, Object)");
    static final Method POST_VIEW_CALL = Method.getMethod("void postViewCall(Object, Object)");
    static final Method POST_FIND_VAR_HANDLE = Method.getMethod("void postFindVarHandle(Object, Class, String)");
    static final Method PRE_VAR_HANDLE_CALL = Method.getMethod("void preVarHandleCall(Object, Object, int, String)");
    static final Method POST_VAR_HANDLE_CALL = Method.getMethod("void postVarHandleCall(Object, Object, int, String)");
    static final Method PRE_UPDATER_CALL = Method.getMethod("void preUpdaterCall(Object, Object, String)");
    static final Method POST_UPDATER_CALL = Method.getMethod("void postUpdaterCall(Object, Object, String)");
    static final Method POST_FIELD_OFFSET = Method.getMethod("void postFieldOffset(long, Object, String)");
    static final Method PRE_UNSAFE_CALL = Method.getMethod("void preUnsafeCall(Object, long, String)");
    static final Method POST_UNSAFE_CALL = Method.getMethod("void postUnsafeCall(Object, long, String)");
    static final Method TASK = Method.getMethod("Object task(Object, Class, Object)");
    static final Method HAND_OVER = Method.getMethod("Object handOver(Object)");
    static final Method HAND_OVER_ALL = Method.getMethod("Object handOverAll(Object)");
    static final Method HAND_OVER_EACH = Method.getMethod("Object handOverEach(Object)");
    static final Method POST_TASKS_JOINED = Method.getMethod("void postTasksJoined(Object)");
    static final Method PRE_ARGUMENT_USE = Method.getMethod("void preArgumentUse(Object, int, int)");
    static final Method POST_ARGUMENT_USE = Method.getMethod("void postArgumentUse(Object, int)");
    static final Method ARRAY_RANGE = Method.getMethod("void arrayRange(Object, int, int, int, boolean)");
    static final Method PRE_COPIED = Method.getMethod("void preCopied(Object, int)");
    static final Method POST_COPIED = Method.getMethod("void postCopied()");

    // the project's calls on a concurrent map's key or on an atomic (see SyncContracts#roleOf and SyncBridges)
    static final Method PRE_UPDATE_CALL = Method.getMethod("long preUpdateCall(Object, Object, Object, int, int)");
    static final Method POST_UPDATE_CALL =
            Method.getMethod("void postUpdateCall(Object, Object, Object, Object, long, int, int)");

    private HookCalls() {}

    /** A task handed to another thread, wrapped: {@code wrap(T) -> T} for each task type. */
    static Method wrap(Type task) {
        return new Method("wrap", task, new Type[] {task});
    }

    /** A function a concurrent map calls back for a key, wrapped: {@code keyedCallback(T, map, key) -> T}. */
    static Method keyedCallback(Type function) {
        return new Method("keyedCallback", function, new Type[] {function, OBJECT, OBJECT});
    }

    /** A function a concurrent map calls back, wrapped: {@code callback(T, Object) -> T}. */
    static Method callback(Type function) {
        return new Method("callback", function, new Type[] {function, OBJECT});
    }
}
