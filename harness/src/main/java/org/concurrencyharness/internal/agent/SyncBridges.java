package org.concurrencyharness.internal.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.concurrencyharness.internal.race.UpdateRole;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * Calls the analysis must hear about are routed through small static methods added to the
 * calling class, which tell the analysis before and after the real call (see CallContracts for
 * which calls, and what each kind means). A bridge has no branch, so the caller's stack map
 * frames stay as they were.
 */
final class SyncBridges {

    /** What the analysis hears around a call. */
    enum Kind {
        /** {@code java.util.concurrent}, {@code VarHandle}, {@code Timer}: release, call (tasks wrapped), acquire. */
        SYNC(HookCalls.PRE_SYNC_CALL, HookCalls.POST_SYNC_CALL),
        /**
         * A call whose result belongs to its receiver ({@code newCondition}, {@code readLock},
         * {@code writeLock}): the analysis learns whose the result is; the call itself does not synchronise.
         */
        LINK(null, HookCalls.POST_LINK_CALL),
        /** {@code Object.wait}: release the monitor, wait, acquire it again. */
        WAIT(HookCalls.PRE_WAIT, HookCalls.POST_WAIT),
        /** {@code Thread.join}: the joined thread's end happens before. */
        JOIN(null, HookCalls.POST_JOIN),
        /** {@code StampedLock.validate}: as SYNC, and the analysis learns whether an optimistic read held. */
        VALIDATE(HookCalls.PRE_SYNC_CALL, HookCalls.POST_VALIDATE),
        /** {@code Unsafe}'s access to an object: synchronises through the object, as its memory mode says. */
        UNSAFE(HookCalls.PRE_UNSAFE_CALL, HookCalls.POST_UNSAFE_CALL),
        /** A stream: what it is given runs as tasks, and its calls wait for them. */
        STREAM(null, HookCalls.POST_STREAM_CALL),
        /**
         * A call on a JDK object that may not be thread-safe, or may be a concurrent one: the
         * analysis decides by the receiver's class, with the call's site (an extra int argument).
         */
        OBJECT_CALL(HookCalls.PRE_OBJECT_CALL, HookCalls.POST_OBJECT_CALL),
        /** {@code Collections.unmodifiableList(list)} and the like: the result is a view of the first argument. */
        VIEW_OF(null, HookCalls.POST_VIEW_CALL),
        /** A {@code VarHandle}'s access: synchronises through the variable it accesses, as its memory mode says. */
        VAR_HANDLE(HookCalls.PRE_VAR_HANDLE_CALL, HookCalls.POST_VAR_HANDLE_CALL),
        /** {@code Lookup.findVarHandle(type, name, ...)}: the analysis learns which field the handle accesses. */
        FIND_VAR_HANDLE(null, HookCalls.POST_FIND_VAR_HANDLE);

        final Method before;
        final Method after;

        Kind(Method before, Method after) {
            this.before = before;
            this.after = after;
        }

        /** Whether the hooks are told the method's name. */
        boolean named() {
            return before == HookCalls.PRE_SYNC_CALL
                    || before == HookCalls.PRE_UNSAFE_CALL
                    || before == HookCalls.PRE_VAR_HANDLE_CALL;
        }
    }

    private static final String HOOKS = HookCalls.HOOKS.getInternalName();
    /** Tasks handed to another thread: wrapped so that the submitter's past happens before them. */
    static final Set<String> TASK_TYPES = Set.of(
            "java/lang/Runnable",
            "java/util/concurrent/Callable",
            "java/util/function/Supplier",
            "java/util/function/Function",
            "java/util/function/Consumer",
            "java/util/function/BiFunction",
            "java/util/function/BiConsumer");
    /** Functions a concurrent map calls back inside the call, under its own lock: wrapped to order them. */
    static final Set<String> CALLBACK_TYPES = Set.of(
            "java/util/function/Supplier",
            "java/util/function/Function",
            "java/util/function/Consumer",
            "java/util/function/BiFunction",
            "java/util/function/BiConsumer");
    /** Tasks that are objects of their own, handed over by the call: what they run starts from the hand-over. */
    private static final Set<String> TASK_OBJECTS = Set.of(
            "java/util/concurrent/ForkJoinTask",
            "java/util/concurrent/RecursiveTask",
            "java/util/concurrent/RecursiveAction",
            "java/util/concurrent/CountedCompleter",
            "java/util/TimerTask");

    private static final Set<String> INVOKES_ALL = Set.of("invokeAll", "invokeAny");
    /** Calls that run the task objects they are given and wait for them. */
    private static final Set<String> WAITS_FOR_TASK_OBJECTS = Set.of("invoke", "invokeAll");
    /** A concurrent map's methods whose function it calls with the key, under that key's lock only. */
    private static final Set<String> KEYED = Set.of("computeIfAbsent", "compute", "computeIfPresent", "merge");

    static final Set<String> KEYED_TYPES = Set.of("java/util/function/Function", "java/util/function/BiFunction");

    /** {@code role}: the call's part in a lost update (see UpdateCalls), or null. */
    private record Call(
            int opcode,
            String owner,
            String name,
            String descriptor,
            boolean isInterface,
            Kind kind,
            boolean callsBack,
            UpdateRole role) {

        /** Whether the bridge takes the call's site, as its last argument. */
        boolean takesSite() {
            return kind == Kind.OBJECT_CALL || role != null;
        }
    }

    private final String className;
    private final Map<Call, String> bridges = new LinkedHashMap<>();

    SyncBridges(String className) {
        this.className = className;
    }

    /**
     * Emits a call to the bridge for this call, in place of the call itself; the site of an
     * OBJECT_CALL, or of a call with a {@code role} in lost updates, must be on the stack above the
     * arguments. {@code callsBack}: the receiver is a concurrent map (or may be one) whose functional
     * arguments are called back inside the call.
     */
    void invoke(
            MethodVisitor method,
            boolean classIsInterface,
            int opcode,
            String owner,
            String name,
            String descriptor,
            boolean isInterface,
            Kind kind,
            boolean callsBack,
            UpdateRole role) {
        Call call = new Call(opcode, owner, name, descriptor, isInterface, kind, callsBack, role);
        String bridge = bridges.computeIfAbsent(call, c -> "concurrency$sync$" + bridges.size());
        method.visitMethodInsn(Opcodes.INVOKESTATIC, className, bridge, bridgeDescriptor(call), classIsInterface);
    }

    /** Adds the bridges to the class. */
    void write(ClassVisitor target) {
        bridges.forEach((call, name) -> write(target, call, name));
    }

    private static void write(ClassVisitor target, Call call, String name) {
        String descriptor = bridgeDescriptor(call);
        MethodVisitor method = target.visitMethod(
                Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name, descriptor, null, null);
        method.visitCode();
        Kind kind = call.kind();
        boolean hasReceiver = call.opcode() != Opcodes.INVOKESTATIC;
        // the object the call synchronises through: the receiver, or what Unsafe touches
        int syncSlot = kind == Kind.UNSAFE ? 1 : 0;
        // a site is the last argument: the arguments' sizes (which count one for a receiver the
        // static bridge does not have), less that one, less the site's own; the first local after them
        int siteSlot = (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - 2;
        int tickSlot = siteSlot + 1;
        if (kind == Kind.VAR_HANDLE) {
            pushVariable(method, call);
            method.visitLdcInsn(call.name());
            invoke(method, kind.before);
        } else if (hasReceiver && kind.before != null) {
            method.visitVarInsn(Opcodes.ALOAD, syncSlot);
            pushNameOrSite(method, call, siteSlot);
            invoke(method, kind.before);
        }
        if (call.role() != null) {
            // last before the call and first after it, so that the hooks place the call as closely as they can
            pushUpdate(method, call, siteSlot);
            invoke(method, HookCalls.PRE_UPDATE_CALL);
            method.visitVarInsn(Opcodes.LSTORE, tickSlot);
        }
        int slot = 0;
        if (hasReceiver) {
            method.visitVarInsn(Opcodes.ALOAD, 0);
            slot = 1;
        }
        for (Type argument : Type.getArgumentTypes(call.descriptor())) {
            method.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
            slot += argument.getSize();
            handOver(method, call, argument);
        }
        method.visitMethodInsn(call.opcode(), call.owner(), call.name(), call.descriptor(), call.isInterface());
        if (call.role() != null) {
            afterUpdate(method, call, siteSlot, tickSlot);
        }
        if (kind == Kind.SYNC && WAITS_FOR_TASK_OBJECTS.contains(call.name())) {
            joinTaskObjects(method, call, hasReceiver);
        }
        after(method, call, syncSlot, siteSlot, hasReceiver);
        method.visitInsn(Type.getReturnType(call.descriptor()).getOpcode(Opcodes.IRETURN));
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    /** An argument on the stack that hands work over is replaced by one the analysis follows. */
    private static void handOver(MethodVisitor method, Call call, Type argument) {
        Kind kind = call.kind();
        String type = argument.getSort() == Type.OBJECT ? argument.getInternalName() : argument.getDescriptor();
        if (call.callsBack() && CALLBACK_TYPES.contains(type)) {
            method.visitVarInsn(Opcodes.ALOAD, 0);
            if (KEYED.contains(call.name())
                    && KEYED_TYPES.contains(type)
                    && Type.getArgumentTypes(call.descriptor())[0].getSort() == Type.OBJECT) {
                // the call's first argument is the key
                method.visitVarInsn(Opcodes.ALOAD, 1);
                invoke(method, HookCalls.keyedCallback(argument));
            } else {
                invoke(method, HookCalls.callback(argument));
            }
        } else if (kind == Kind.SYNC && TASK_TYPES.contains(type)) {
            invoke(method, HookCalls.wrap(argument));
        } else if (kind == Kind.SYNC && TASK_OBJECTS.contains(type)) {
            castBack(method, HookCalls.HAND_OVER, argument);
        } else if (kind == Kind.SYNC && type.equals("java/util/Collection") && INVOKES_ALL.contains(call.name())) {
            castBack(method, HookCalls.HAND_OVER_ALL, argument);
        } else if (kind == Kind.SYNC
                && argument.getSort() == Type.ARRAY
                && TASK_OBJECTS.contains(argument.getElementType().getInternalName())) {
            castBack(method, HookCalls.HAND_OVER_EACH, argument);
        } else if (kind == Kind.STREAM
                && argument.getSort() == Type.OBJECT
                && (type.startsWith("java/util/function/")
                        || TASK_TYPES.contains(type)
                        || type.equals("java/util/Comparator"))) {
            method.visitLdcInsn(argument);
            pushReceiverOrNull(method, call);
            invoke(method, HookCalls.TASK);
            method.visitTypeInsn(Opcodes.CHECKCAST, type);
        }
    }

    /**
     * After a call that ran the task objects it was given and waited for them ({@code invoke},
     * {@code invokeAll}): the caller sees what each did, whether given alone, in an array or in a
     * collection.
     */
    private static void joinTaskObjects(MethodVisitor method, Call call, boolean hasReceiver) {
        int slot = hasReceiver ? 1 : 0;
        for (Type argument : Type.getArgumentTypes(call.descriptor())) {
            boolean tasks = argument.getSort() == Type.OBJECT
                            && (TASK_OBJECTS.contains(argument.getInternalName())
                                    || argument.getInternalName().equals("java/util/Collection"))
                    || argument.getSort() == Type.ARRAY
                            && TASK_OBJECTS.contains(argument.getElementType().getInternalName());
            if (tasks) {
                method.visitVarInsn(Opcodes.ALOAD, slot);
                invoke(method, HookCalls.POST_TASKS_JOINED);
            }
            slot += argument.getSize();
        }
    }

    /** Calls a hook that takes and returns an Object, and casts its result back to the argument's type. */
    private static void castBack(MethodVisitor method, Method hook, Type argument) {
        invoke(method, hook);
        method.visitTypeInsn(
                Opcodes.CHECKCAST,
                argument.getSort() == Type.ARRAY ? argument.getDescriptor() : argument.getInternalName());
    }

    /** With the call's result on the stack (if any), tells the analysis what the call did. */
    private static void after(MethodVisitor method, Call call, int syncSlot, int siteSlot, boolean hasReceiver) {
        Kind kind = call.kind();
        Type returned = Type.getReturnType(call.descriptor());
        switch (kind) {
            case LINK -> {
                method.visitInsn(Opcodes.DUP);
                method.visitVarInsn(Opcodes.ALOAD, 0);
                method.visitLdcInsn(call.name());
                invoke(method, kind.after);
            }
            case VALIDATE -> {
                method.visitInsn(Opcodes.DUP);
                method.visitVarInsn(Opcodes.ALOAD, 0);
                invoke(method, kind.after);
            }
            case OBJECT_CALL -> {
                if (returned.getSort() == Type.OBJECT || returned.getSort() == Type.ARRAY) {
                    method.visitInsn(Opcodes.DUP);
                } else {
                    method.visitInsn(Opcodes.ACONST_NULL);
                }
                method.visitVarInsn(Opcodes.ALOAD, 0);
                method.visitVarInsn(Opcodes.ILOAD, siteSlot);
                invoke(method, kind.after);
            }
            case STREAM -> {
                if (returned.getSort() == Type.OBJECT) {
                    method.visitInsn(Opcodes.DUP);
                } else {
                    method.visitInsn(Opcodes.ACONST_NULL);
                }
                pushReceiverOrNull(method, call);
                invoke(method, kind.after);
            }
            case VAR_HANDLE -> {
                pushVariable(method, call);
                method.visitLdcInsn(call.name());
                invoke(method, kind.after);
            }
            case FIND_VAR_HANDLE -> {
                method.visitInsn(Opcodes.DUP);
                method.visitVarInsn(Opcodes.ALOAD, 1);
                method.visitVarInsn(Opcodes.ALOAD, 2);
                invoke(method, kind.after);
            }
            case VIEW_OF -> {
                method.visitInsn(Opcodes.DUP);
                method.visitVarInsn(Opcodes.ALOAD, 0);
                invoke(method, kind.after);
            }
            default -> {
                if (kind.after != null) {
                    if (hasReceiver) {
                        method.visitVarInsn(Opcodes.ALOAD, syncSlot);
                    } else {
                        method.visitInsn(Opcodes.ACONST_NULL);
                    }
                    pushNameOrSite(method, call, siteSlot);
                    invoke(method, kind.after);
                }
            }
        }
    }

    /** With the call's result on the stack (if any), tells the update hook what it returned, boxed. */
    private static void afterUpdate(MethodVisitor method, Call call, int siteSlot, int tickSlot) {
        Type returned = Type.getReturnType(call.descriptor());
        if (returned.getSort() == Type.VOID) {
            method.visitInsn(Opcodes.ACONST_NULL);
        } else {
            method.visitInsn(returned.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP);
            box(method, returned);
        }
        method.visitVarInsn(Opcodes.ALOAD, 0);
        pushKeyAndValue(method, call);
        method.visitVarInsn(Opcodes.LLOAD, tickSlot);
        method.visitLdcInsn(call.role().ordinal());
        method.visitVarInsn(Opcodes.ILOAD, siteSlot);
        invoke(method, HookCalls.POST_UPDATE_CALL);
    }

    /** The receiver, the key, the value, the role and the site, as the hook before an update call takes them. */
    private static void pushUpdate(MethodVisitor method, Call call, int siteSlot) {
        method.visitVarInsn(Opcodes.ALOAD, 0);
        pushKeyAndValue(method, call);
        method.visitLdcInsn(call.role().ordinal());
        method.visitVarInsn(Opcodes.ILOAD, siteSlot);
    }

    /**
     * A map's key, its first argument, or null for an atomic, which holds one value; then the value the call
     * writes (see UpdateCalls#valueArgument), boxed, or null.
     */
    private static void pushKeyAndValue(MethodVisitor method, Call call) {
        if (UpdateCalls.isKeyed(call.owner())) {
            method.visitVarInsn(Opcodes.ALOAD, 1);
        } else {
            method.visitInsn(Opcodes.ACONST_NULL);
        }
        int value = UpdateCalls.valueArgument(call.owner(), call.name(), call.descriptor());
        if (value < 0) {
            method.visitInsn(Opcodes.ACONST_NULL);
            return;
        }
        Type[] arguments = Type.getArgumentTypes(call.descriptor());
        int slot = 1;
        for (int i = 0; i < value; i++) {
            slot += arguments[i].getSize();
        }
        method.visitVarInsn(arguments[value].getOpcode(Opcodes.ILOAD), slot);
        box(method, arguments[value]);
    }

    /** A primitive on the stack, boxed as {@code valueOf} boxes it; an object stays as it is. */
    private static void box(MethodVisitor method, Type type) {
        if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
            return;
        }
        String boxed = switch (type.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.FLOAT -> "java/lang/Float";
            case Type.LONG -> "java/lang/Long";
            default -> "java/lang/Double";
        };
        method.visitMethodInsn(
                Opcodes.INVOKESTATIC, boxed, "valueOf", "(" + type.getDescriptor() + ")L" + boxed + ";", false);
    }

    /**
     * A VarHandle's variable, as its hooks take it: the handle, its first argument if that is an
     * object (the holder of a field, or an array), and its second if that is an int (an index).
     */
    private static void pushVariable(MethodVisitor method, Call call) {
        method.visitVarInsn(Opcodes.ALOAD, 0);
        Type[] arguments = Type.getArgumentTypes(call.descriptor());
        boolean holder =
                arguments.length > 0 && (arguments[0].getSort() == Type.OBJECT || arguments[0].getSort() == Type.ARRAY);
        if (holder) {
            method.visitVarInsn(Opcodes.ALOAD, 1);
        } else {
            method.visitInsn(Opcodes.ACONST_NULL);
        }
        if (holder && arguments.length > 1 && arguments[1].getSort() == Type.INT) {
            method.visitVarInsn(Opcodes.ILOAD, 2);
        } else {
            method.visitInsn(Opcodes.ICONST_0);
        }
    }

    private static void pushReceiverOrNull(MethodVisitor method, Call call) {
        if (call.opcode() == Opcodes.INVOKESTATIC) {
            method.visitInsn(Opcodes.ACONST_NULL);
        } else {
            method.visitVarInsn(Opcodes.ALOAD, 0);
        }
    }

    private static void invoke(MethodVisitor method, Method hook) {
        method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook.getName(), hook.getDescriptor(), false);
    }

    private static void pushNameOrSite(MethodVisitor method, Call call, int siteSlot) {
        if (call.kind() == Kind.OBJECT_CALL) {
            method.visitVarInsn(Opcodes.ILOAD, siteSlot);
        } else if (call.kind().named()) {
            method.visitLdcInsn(call.name());
        }
    }

    private static String bridgeDescriptor(Call call) {
        Type[] arguments = Type.getArgumentTypes(call.descriptor());
        Type returned = Type.getReturnType(call.descriptor());
        int extra = (call.opcode() == Opcodes.INVOKESTATIC ? 0 : 1) + (call.takesSite() ? 1 : 0);
        Type[] all = new Type[arguments.length + extra];
        int at = 0;
        if (call.opcode() != Opcodes.INVOKESTATIC) {
            all[at++] = call.owner().startsWith("[") ? Type.getType(call.owner()) : Type.getObjectType(call.owner());
        }
        System.arraycopy(arguments, 0, all, at, arguments.length);
        if (call.takesSite()) {
            all[all.length - 1] = Type.INT_TYPE;
        }
        return Type.getMethodDescriptor(returned, all);
    }
}
