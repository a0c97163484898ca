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
    static final Method THREAD = Method.getMethod("Object thread()");
    static final Method READ = Method.getMethod("Object read(Object, " + VAR_STATE + ", int, Object)");
    static final Method WRITE = Method.getMethod("Object write(Object, " + VAR_STATE + ", int, Object)");
    static final Method OBJECT_CHECKS = Method.getMethod("Object object(Object, long, long, int, Object)");
    static final Method READ_OTHER = Method.getMethod("Object readOther(Object, int, Object)");
    static final Method WRITE_OTHER = Method.getMethod("Object writeOther(Object, int, Object)");
    static final Method READ_ELEMENT = Method.getMethod(
            ELEMENT_SHADOWS + " readElement(Object, int, " + ELEMENT_SHADOWS + ", int, Object)");
    static final Method WRITE_ELEMENT = Method.getMethod(
            ELEMENT_SHADOWS + " writeElement(Object, int, " + ELEMENT_SHADOWS + ", int, Object)");
    static final Method READ_RANGE = Method.getMethod("void readRange(Object, int, int, int, int, int, int, Object)");
    static final Method WRITE_RANGE = Method.getMethod("void writeRange(Object, int, int, int, int, int, int, Object)");

    // monitors, threads, class initialisers, task bodies, calls into libraries
    static final Method MONITOR_ENTER = Method.getMethod("Object monitorEnter(Object, Object)");
    static final Method MONITOR_EXIT = Method.getMethod("Object monitorExit(Object, Object)");
    static final Method BEFORE_START = Method.getMethod("void beforeStart(Object)");
    static final Method AFTER_JOIN = Method.getMethod("void afterJoin(Object)");
    static final Method BEFORE_WAIT = Method.getMethod("void beforeWait(Object)");
    static final Method AFTER_WAIT = Method.getMethod("void afterWait(Object)");
    static final Method BEGIN_CLASS_INIT = Method.getMethod("void beginClassInit()");
    static final Method END_CLASS_INIT = Method.getMethod("void endClassInit()");
    static final Method TASK_BEGIN = Method.getMethod("void taskBegin(Object)");
    static final Method TASK_END = Method.getMethod("void taskEnd(Object)");
    static final Method COMPLETION_BEGIN = Method.getMethod("void completionBegin(Object)");
    static final Method ENTER_LIBRARY = Method.getMethod("void enterLibrary(int)");
    static final Method LEAVE_LIBRARY = Method.getMethod("void leaveLibrary(int)");

    // calls (see CallContracts and SyncBridges)
    static final Method BEFORE_SYNC = Method.getMethod("void beforeSync(Object, String)");
    static final Method AFTER_SYNC = Method.getMethod("void afterSync(Object, String)");
    static final Method AFTER_VALIDATE = Method.getMethod("void afterValidate(boolean, Object)");
    static final Method LINK = Method.getMethod("void link(Object, Object, String)");
    static final Method BEFORE_CALL = Method.getMethod("void beforeCall(Object, int)");
    static final Method AFTER_CALL = Method.getMethod("void afterCall(Object, Object, int)");
    static final Method AFTER_STREAM = Method.getMethod("void afterStream(Object, Object)");
    static final Method VIEW_OF = Method.getMethod("void viewOf(Object, Object)");
    static final Method VAR_HANDLE_FOUND = Method.getMethod("void varHandleFound(Object, Class, String)");
    static final Method BEFORE_VAR_HANDLE = Method.getMethod("void beforeVarHandle(Object, Object, int, String)");
    static final Method AFTER_VAR_HANDLE = Method.getMethod("void afterVarHandle(Object, Object, int, String)");
    static final Method BEFORE_UNSAFE = Method.getMethod("void beforeUnsafe(Object, String)");
    static final Method AFTER_UNSAFE = Method.getMethod("void afterUnsafe(Object, String)");
    static final Method TASK = Method.getMethod("Object task(Object, Class, Object)");
    static final Method HAND_OVER = Method.getMethod("Object handOver(Object)");
    static final Method HAND_OVER_ALL = Method.getMethod("Object handOverAll(Object)");
    static final Method HAND_OVER_EACH = Method.getMethod("Object handOverEach(Object)");
    static final Method JOINED = Method.getMethod("void joined(Object)");

    // the project's calls on a concurrent map's key or on an atomic (see UpdateCalls and SyncBridges)
    static final Method BEFORE_UPDATE = Method.getMethod("long beforeUpdate(Object, Object, Object, int, int)");
    static final Method AFTER_UPDATE = Method.getMethod(
            "void afterUpdate(Object, Object, Object, Object, long, int, int)");

    private HookCalls() {
    }

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
