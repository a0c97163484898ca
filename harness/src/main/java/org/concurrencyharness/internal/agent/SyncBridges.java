package org.concurrencyharness.internal.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.race.SyncContracts;
import org.concurrencyharness.internal.race.SyncContracts.ArgumentUse;
import org.concurrencyharness.internal.race.SyncContracts.ArrayRange;
import org.concurrencyharness.internal.race.SyncContracts.Kind;
import org.concurrencyharness.internal.race.UpdateRole;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;
import org.objectweb.asm.tree.MethodNode;

/**
 * Calls the analysis must hear about are routed through small static methods added to the
 * calling class, which tell the analysis before and after the real call (see SyncContracts for
 * which calls, and what each kind means). A bridge has no branch, so the caller's stack map
 * frames stay as they were.
 */
final class SyncBridges {

    private static final String HOOKS = HookCalls.HOOKS.getInternalName();

    /** The hook before a call of the kind, or null: none. */
    private static Method before(Kind kind) {
        return switch (kind) {
            case SYNC, VALIDATE -> HookCalls.PRE_SYNC_CALL;
            case WAIT -> HookCalls.PRE_WAIT;
            case UNSAFE -> HookCalls.PRE_UNSAFE_CALL;
            case OBJECT_CALL -> HookCalls.PRE_OBJECT_CALL;
            case VAR_HANDLE -> HookCalls.PRE_VAR_HANDLE_CALL;
            case FIELD_UPDATER -> HookCalls.PRE_UPDATER_CALL;
            case LINK, JOIN, STREAM, VIEW_OF, FIND_VAR_HANDLE, FIND_UPDATER, FIND_OFFSET, ARGUMENTS -> null;
        };
    }

    /** The hook after a call of the kind, or null: none. */
    private static Method after(Kind kind) {
        return switch (kind) {
            case SYNC -> HookCalls.POST_SYNC_CALL;
            case LINK -> HookCalls.POST_LINK_CALL;
            case WAIT -> HookCalls.POST_WAIT;
            case JOIN -> HookCalls.POST_JOIN;
            case VALIDATE -> HookCalls.POST_VALIDATE;
            case UNSAFE -> HookCalls.POST_UNSAFE_CALL;
            case STREAM -> HookCalls.POST_STREAM_CALL;
            case OBJECT_CALL -> HookCalls.POST_OBJECT_CALL;
            case VIEW_OF -> HookCalls.POST_VIEW_CALL;
            case VAR_HANDLE -> HookCalls.POST_VAR_HANDLE_CALL;
            case FIND_VAR_HANDLE, FIND_UPDATER -> HookCalls.POST_FIND_VAR_HANDLE;
            case FIELD_UPDATER -> HookCalls.POST_UPDATER_CALL;
            case FIND_OFFSET -> HookCalls.POST_FIELD_OFFSET;
            case ARGUMENTS -> null;
        };
    }

    /**
     * Whether the bridge of a call takes its site, as its last argument: the caller pushes one (see CallEmitter) for a
     * call on a JDK object and for one that takes part in a lost update.
     */
    static boolean takesSite(Kind kind, UpdateRole role) {
        return kind == Kind.OBJECT_CALL || role != null;
    }

    /** Whether the hooks of a call of the kind are told the method's name, which their contract depends on. */
    private static boolean named(Kind kind) {
        return kind == Kind.SYNC || kind == Kind.VALIDATE || kind == Kind.UNSAFE || kind == Kind.VAR_HANDLE;
    }

    /**
     * {@code role}: the call's part in a lost update (see SyncContracts#roleOf), or null; {@code usesArguments}: whether
     * the bridge tells of the objects the call goes through (see SyncContracts#argumentUses); {@code followsArrays},
     * of the stretches of arrays it goes through (see SyncContracts#arrayRanges).
     */
    private record Call(
            int opcode,
            String owner,
            String name,
            String descriptor,
            boolean isInterface,
            Kind kind,
            boolean callsBack,
            UpdateRole role,
            boolean usesArguments,
            boolean followsArrays) {

        boolean takesSite() {
            return SyncBridges.takesSite(kind, role);
        }

        /** How the call goes through each argument, or null if the bridge does not tell. */
        ArgumentUse[] uses() {
            return usesArguments ? SyncContracts.argumentUses(opcode, owner, name, descriptor) : null;
        }

        /** The stretches of arrays the call goes through, whose sites the bridge takes last. */
        List<ArrayRange> arrayRanges() {
            return followsArrays ? SyncContracts.arrayRanges(opcode, owner, name, descriptor) : List.of();
        }
    }

    private final String className;
    private final Map<Call, String> bridges = new LinkedHashMap<>();
    /** The bridges that method references name in place of the method, written whole when made (see CallEmitter). */
    private final List<MethodNode> references = new ArrayList<>();
    /** The bridges of string concatenations, written whole when made. */
    private final List<MethodNode> concatenations = new ArrayList<>();

    SyncBridges(String className) {
        this.className = className;
    }

    /**
     * Emits a call to the bridge for this call, in place of the call itself; the site of an
     * OBJECT_CALL, or of a call with a {@code role} in lost updates, must be on the stack above the
     * arguments, and above it the site of the argument uses, if {@code usesArguments}, then, if {@code followsArrays},
     * the site of each stretch of an array the call goes through. {@code callsBack}: the receiver is a concurrent map
     * (or may be one) whose functional arguments are called back inside the call.
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
            UpdateRole role,
            boolean usesArguments,
            boolean followsArrays) {
        Call call = new Call(
                opcode, owner, name, descriptor, isInterface, kind, callsBack, role, usesArguments, followsArrays);
        String bridge = bridges.computeIfAbsent(call, c -> "concurrency$sync$" + bridges.size());
        method.visitMethodInsn(Opcodes.INVOKESTATIC, className, bridge, bridgeDescriptor(call), classIsInterface);
    }

    /** A new bridge for a method reference, static, taking the referenced method's receiver first: its code is the caller's to write. */
    MethodNode reference(String descriptor) {
        MethodNode bridge = new MethodNode(
                Opcodes.ASM9,
                Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                "concurrency$ref$" + references.size(),
                descriptor,
                null,
                null);
        bridge.visitCode();
        references.add(bridge);
        return bridge;
    }

    /**
     * A bridge for a string concatenation ({@code "items " + list}) that prints objects the analysis follows: the
     * same concatenation, between the hooks of each object argument, which it reads whole through its
     * {@code toString}. It takes the concatenation's arguments and the site of the uses, on the stack.
     */
    void concatenate(
            MethodVisitor method,
            boolean classIsInterface,
            String name,
            String descriptor,
            Handle bootstrap,
            Object[] bootstrapArguments) {
        Type[] arguments = Type.getArgumentTypes(descriptor);
        Type[] withSite = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        withSite[arguments.length] = Type.INT_TYPE;
        MethodNode bridge = new MethodNode(
                Opcodes.ASM9,
                Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                "concurrency$concat$" + concatenations.size(),
                Type.getMethodDescriptor(Type.getReturnType(descriptor), withSite),
                null,
                null);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, className, bridge.name, bridge.desc, classIsInterface);
        bridge.visitCode();
        int siteSlot = (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - 1;
        useHooks(bridge, arguments, 0, printed(arguments), siteSlot);
        int slot = 0;
        for (Type argument : arguments) {
            bridge.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
            slot += argument.getSize();
        }
        bridge.visitInvokeDynamicInsn(name, descriptor, bootstrap, bootstrapArguments);
        useHooks(bridge, arguments, 0, printed(arguments), -1);
        bridge.visitInsn(Opcodes.ARETURN);
        bridge.visitMaxs(0, 0);
        bridge.visitEnd();
        concatenations.add(bridge);
    }

    /** Whether a concatenation of these arguments prints an object that is not a string: one the analysis may follow. */
    static boolean printsObjects(String descriptor) {
        return java.util.Arrays.stream(printed(Type.getArgumentTypes(descriptor)))
                .anyMatch(ArgumentUse.READ::equals);
    }

    /** What a concatenation does with each argument: reads an object that is not a string, through its toString. */
    private static ArgumentUse[] printed(Type[] arguments) {
        ArgumentUse[] uses = new ArgumentUse[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            boolean object = arguments[i].getSort() == Type.OBJECT
                    && !arguments[i].getInternalName().equals("java/lang/String");
            uses[i] = object ? ArgumentUse.READ : ArgumentUse.NONE;
        }
        return uses;
    }

    /** Adds the bridges to the class. */
    void write(ClassVisitor target) {
        references.forEach(reference -> reference.accept(target));
        concatenations.forEach(concatenation -> concatenation.accept(target));
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
        // the sites are the last arguments: the arguments' sizes count one for a receiver the static bridge does
        // not have, so less that one is the first local after them
        int tickSlot = (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - 1;
        int rangeSitesSlot = tickSlot - call.arrayRanges().size();
        int usesSiteSlot = call.usesArguments() ? rangeSitesSlot - 1 : rangeSitesSlot;
        int siteSlot = usesSiteSlot - 1;
        if (kind == Kind.VAR_HANDLE) {
            pushVariable(method, call);
            method.visitLdcInsn(call.name());
            invoke(method, before(kind));
        } else if (kind == Kind.FIELD_UPDATER) {
            pushUpdated(method, call);
            invoke(method, before(kind));
        } else if (hasReceiver && before(kind) != null) {
            method.visitVarInsn(Opcodes.ALOAD, syncSlot);
            pushOffset(method, call);
            pushNameOrSite(method, call, siteSlot);
            invoke(method, before(kind));
        }
        if (call.role() != null) {
            // last before the call and first after it, so that the hooks place the call as closely as they can
            pushUpdate(method, call, siteSlot);
            invoke(method, HookCalls.PRE_UPDATE_CALL);
            method.visitVarInsn(Opcodes.LSTORE, tickSlot);
        }
        argumentUses(method, call, hasReceiver, usesSiteSlot);
        arrayRanges(method, call, hasReceiver, rangeSitesSlot);
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
        argumentUses(method, call, hasReceiver, -1);
        if (call.role() != null) {
            afterUpdate(method, call, siteSlot, tickSlot);
        }
        if (kind == Kind.SYNC && SyncContracts.waitsForTaskObjects(call.name())) {
            joinTaskObjects(method, call, hasReceiver);
        }
        after(method, call, syncSlot, siteSlot, hasReceiver);
        method.visitInsn(Type.getReturnType(call.descriptor()).getOpcode(Opcodes.IRETURN));
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    /**
     * The hooks of the arguments the call goes through whole: before the call ({@code siteSlot}, the local that holds
     * the site of the uses), or after it ({@code siteSlot} negative), with its result on the stack.
     */
    private static void argumentUses(MethodVisitor method, Call call, boolean hasReceiver, int siteSlot) {
        ArgumentUse[] uses = call.uses();
        if (uses != null) {
            useHooks(method, Type.getArgumentTypes(call.descriptor()), hasReceiver ? 1 : 0, uses, siteSlot);
        }
    }

    /**
     * For each argument, from the local {@code slot} on, that its use says is gone through, the hook before the call
     * ({@code siteSlot} holds the site) or after it ({@code siteSlot} negative).
     */
    private static void useHooks(MethodVisitor method, Type[] arguments, int slot, ArgumentUse[] uses, int siteSlot) {
        for (int i = 0; i < arguments.length; i++) {
            if (uses[i] != ArgumentUse.NONE) {
                method.visitVarInsn(Opcodes.ALOAD, slot);
                if (siteSlot >= 0) {
                    method.visitVarInsn(Opcodes.ILOAD, siteSlot);
                }
                method.visitLdcInsn(uses[i].ordinal());
                invoke(method, siteSlot >= 0 ? HookCalls.PRE_ARGUMENT_USE : HookCalls.POST_ARGUMENT_USE);
            }
            slot += arguments[i].getSize();
        }
    }

    /** Before the call, the hook of each stretch of an array it goes through: the array, its bounds, the site. */
    private static void arrayRanges(MethodVisitor method, Call call, boolean hasReceiver, int siteSlot) {
        List<ArrayRange> ranges = call.arrayRanges();
        int[] slots = argumentSlots(call, hasReceiver);
        for (int k = 0; k < ranges.size(); k++) {
            ArrayRange range = ranges.get(k);
            method.visitVarInsn(Opcodes.ALOAD, range.array() < 0 ? 0 : slots[range.array()]);
            if (range.from() < 0) {
                method.visitInsn(Opcodes.ICONST_0);
            } else {
                method.visitVarInsn(Opcodes.ILOAD, slots[range.from()]);
            }
            if (range.length() >= 0) {
                method.visitVarInsn(Opcodes.ILOAD, slots[range.from()]);
                method.visitVarInsn(Opcodes.ILOAD, slots[range.length()]);
                method.visitInsn(Opcodes.IADD);
            } else if (range.to() >= 0) {
                method.visitVarInsn(Opcodes.ILOAD, slots[range.to()]);
            } else {
                // to the array's end
                method.visitInsn(Opcodes.ICONST_M1);
            }
            method.visitVarInsn(Opcodes.ILOAD, siteSlot + k);
            method.visitInsn(range.write() ? Opcodes.ICONST_1 : Opcodes.ICONST_0);
            invoke(method, HookCalls.ARRAY_RANGE);
        }
    }

    /** The local of each of the call's arguments in its bridge. */
    private static int[] argumentSlots(Call call, boolean hasReceiver) {
        Type[] arguments = Type.getArgumentTypes(call.descriptor());
        int[] slots = new int[arguments.length];
        int slot = hasReceiver ? 1 : 0;
        for (int i = 0; i < arguments.length; i++) {
            slots[i] = slot;
            slot += arguments[i].getSize();
        }
        return slots;
    }

    /** An argument on the stack that hands work over is replaced by one the analysis follows. */
    private static void handOver(MethodVisitor method, Call call, Type argument) {
        Kind kind = call.kind();
        String type = argument.getSort() == Type.OBJECT ? argument.getInternalName() : argument.getDescriptor();
        if (call.callsBack() && SyncContracts.CALLBACK_TYPES.contains(type)) {
            method.visitVarInsn(Opcodes.ALOAD, 0);
            if (SyncContracts.callsBackForKey(call.name(), type)
                    && Type.getArgumentTypes(call.descriptor())[0].getSort() == Type.OBJECT) {
                // the call's first argument is the key
                method.visitVarInsn(Opcodes.ALOAD, 1);
                invoke(method, HookCalls.keyedCallback(argument));
            } else {
                invoke(method, HookCalls.callback(argument));
            }
        } else if (kind == Kind.SYNC
                && type.equals(SyncContracts.FLOW_SUBSCRIBER)
                && call.opcode() != Opcodes.INVOKESTATIC) {
            // the publisher's signals to it are ordered after what was published before them
            method.visitVarInsn(Opcodes.ALOAD, 0);
            castBack(method, HookCalls.SUBSCRIBED, argument);
        } else if (kind == Kind.SYNC
                && call.opcode() != Opcodes.INVOKESTATIC
                && SyncContracts.looksUpTask(call.name(), type)) {
            // the task as the pool queued it, in the wrapper it was handed over in
            method.visitVarInsn(Opcodes.ALOAD, 0);
            invoke(method, HookCalls.QUEUED_TASK);
        } else if (kind == Kind.SYNC && SyncContracts.TASK_TYPES.contains(type)) {
            invoke(method, HookCalls.wrap(argument));
        } else if (kind == Kind.SYNC && SyncContracts.TASK_OBJECTS.contains(type)) {
            castBack(method, HookCalls.HAND_OVER, argument);
        } else if (kind == Kind.SYNC && SyncContracts.handsOverTasks(call.name(), type)) {
            castBack(method, HookCalls.HAND_OVER_ALL, argument);
        } else if (kind == Kind.SYNC
                && argument.getSort() == Type.ARRAY
                && SyncContracts.TASK_OBJECTS.contains(argument.getElementType().getInternalName())) {
            castBack(method, HookCalls.HAND_OVER_EACH, argument);
        } else if (kind == Kind.STREAM && argument.getSort() == Type.OBJECT && SyncContracts.isStreamFunction(type)) {
            method.visitLdcInsn(argument);
            pushPipeline(method, call);
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
            boolean tasks =
                    argument.getSort() == Type.OBJECT && SyncContracts.holdsTaskObjects(argument.getInternalName())
                            || argument.getSort() == Type.ARRAY
                                    && SyncContracts.TASK_OBJECTS.contains(
                                            argument.getElementType().getInternalName());
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
            case SYNC -> {
                if (hasReceiver && returnsView(call, returned)) {
                    // the view's calls synchronise through the receiver, which the hook learns
                    method.visitInsn(Opcodes.DUP);
                    method.visitVarInsn(Opcodes.ALOAD, syncSlot);
                    method.visitLdcInsn(call.name());
                    invoke(method, HookCalls.POST_SYNC_VIEW_CALL);
                } else {
                    afterOnReceiver(method, call, syncSlot, siteSlot, hasReceiver);
                }
                if (SyncContracts.returnsUnrunTasks(call.name(), call.descriptor())) {
                    // the tasks that never ran, as the program handed them over
                    method.visitInsn(Opcodes.DUP);
                    invoke(method, HookCalls.UNWRAP_TASKS);
                }
            }
            case LINK -> {
                method.visitInsn(Opcodes.DUP);
                method.visitVarInsn(Opcodes.ALOAD, 0);
                method.visitLdcInsn(call.name());
                invoke(method, after(kind));
            }
            case VALIDATE -> {
                method.visitInsn(Opcodes.DUP);
                method.visitVarInsn(Opcodes.ALOAD, 0);
                invoke(method, after(kind));
            }
            case OBJECT_CALL -> {
                if (returned.getSort() == Type.OBJECT || returned.getSort() == Type.ARRAY) {
                    method.visitInsn(Opcodes.DUP);
                } else {
                    method.visitInsn(Opcodes.ACONST_NULL);
                }
                method.visitVarInsn(Opcodes.ALOAD, 0);
                method.visitVarInsn(Opcodes.ILOAD, siteSlot);
                invoke(method, after(kind));
            }
            case STREAM -> {
                if (returned.getSort() == Type.OBJECT) {
                    method.visitInsn(Opcodes.DUP);
                } else {
                    method.visitInsn(Opcodes.ACONST_NULL);
                }
                pushPipeline(method, call);
                invoke(method, after(kind));
            }
            case VAR_HANDLE -> {
                pushVariable(method, call);
                method.visitLdcInsn(call.name());
                invoke(method, after(kind));
            }
            case FIND_VAR_HANDLE -> {
                method.visitInsn(Opcodes.DUP);
                method.visitVarInsn(Opcodes.ALOAD, 1);
                method.visitVarInsn(Opcodes.ALOAD, 2);
                invoke(method, after(kind));
            }
            case FIND_UPDATER -> {
                // newUpdater(type, [value type,] name): the updater, the type, the name, its last argument
                method.visitInsn(Opcodes.DUP);
                method.visitVarInsn(Opcodes.ALOAD, 0);
                method.visitVarInsn(Opcodes.ALOAD, Type.getArgumentTypes(call.descriptor()).length - 1);
                invoke(method, after(kind));
            }
            case FIELD_UPDATER -> {
                pushUpdated(method, call);
                invoke(method, after(kind));
            }
            case FIND_OFFSET -> {
                // objectFieldOffset(field), staticFieldOffset(field) or objectFieldOffset(type, name): the offset, the
                // field or type, and the name if given
                method.visitInsn(Opcodes.DUP2);
                method.visitVarInsn(Opcodes.ALOAD, 1);
                if (Type.getArgumentTypes(call.descriptor()).length == 2) {
                    method.visitVarInsn(Opcodes.ALOAD, 2);
                } else {
                    method.visitInsn(Opcodes.ACONST_NULL);
                }
                invoke(method, after(kind));
            }
            case VIEW_OF -> {
                method.visitInsn(Opcodes.DUP);
                method.visitVarInsn(Opcodes.ALOAD, 0);
                invoke(method, after(kind));
            }
            default -> afterOnReceiver(method, call, syncSlot, siteSlot, hasReceiver);
        }
    }

    /** The hook after a call of the kind, if any, told the object the call synchronises through and its name or site. */
    private static void afterOnReceiver(
            MethodVisitor method, Call call, int syncSlot, int siteSlot, boolean hasReceiver) {
        if (after(call.kind()) != null) {
            if (hasReceiver) {
                method.visitVarInsn(Opcodes.ALOAD, syncSlot);
            } else {
                method.visitInsn(Opcodes.ACONST_NULL);
            }
            pushOffset(method, call);
            pushNameOrSite(method, call, siteSlot);
            invoke(method, after(call.kind()));
        }
    }

    /** Whether the call returns a view of its receiver: an iterator, a key set... */
    private static boolean returnsView(Call call, Type returned) {
        return returned.getSort() == Type.OBJECT && SyncContracts.returnsView(call.name());
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
     * writes (see SyncContracts#valueArgument), boxed, or null.
     */
    private static void pushKeyAndValue(MethodVisitor method, Call call) {
        if (SyncContracts.isKeyed(call.owner())) {
            method.visitVarInsn(Opcodes.ALOAD, 1);
        } else {
            method.visitInsn(Opcodes.ACONST_NULL);
        }
        int value = SyncContracts.valueArgument(call.owner(), call.name(), call.descriptor());
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

    /** An updater's call as its hooks take it: the updater, the object whose field it updates, and the method. */
    private static void pushUpdated(MethodVisitor method, Call call) {
        method.visitVarInsn(Opcodes.ALOAD, 0);
        Type[] arguments = Type.getArgumentTypes(call.descriptor());
        if (arguments.length > 0 && arguments[0].getSort() == Type.OBJECT) {
            method.visitVarInsn(Opcodes.ALOAD, 1);
        } else {
            method.visitInsn(Opcodes.ACONST_NULL);
        }
        method.visitLdcInsn(call.name());
    }

    /** What stands for a stream call's pipeline: its stream; for a parallel call of {@code Arrays}, the array; else null. */
    private static void pushPipeline(MethodVisitor method, Call call) {
        boolean array = SyncContracts.runsInParallel(call.opcode(), call.owner(), call.name());
        if (call.opcode() == Opcodes.INVOKESTATIC && !array) {
            method.visitInsn(Opcodes.ACONST_NULL);
        } else {
            method.visitVarInsn(Opcodes.ALOAD, 0);
        }
    }

    private static void invoke(MethodVisitor method, Method hook) {
        method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook.getName(), hook.getDescriptor(), false);
    }

    /** For an {@code Unsafe} access, the offset after the object it touches: with no object, an address off the heap. */
    private static void pushOffset(MethodVisitor method, Call call) {
        if (call.kind() == Kind.UNSAFE) {
            method.visitVarInsn(Opcodes.LLOAD, 2);
        }
    }

    private static void pushNameOrSite(MethodVisitor method, Call call, int siteSlot) {
        if (call.kind() == Kind.OBJECT_CALL) {
            method.visitVarInsn(Opcodes.ILOAD, siteSlot);
        } else if (named(call.kind())) {
            method.visitLdcInsn(call.name());
        }
    }

    private static String bridgeDescriptor(Call call) {
        Type[] arguments = Type.getArgumentTypes(call.descriptor());
        Type returned = Type.getReturnType(call.descriptor());
        int extra = (call.opcode() == Opcodes.INVOKESTATIC ? 0 : 1)
                + (call.takesSite() ? 1 : 0)
                + (call.usesArguments() ? 1 : 0)
                + call.arrayRanges().size();
        Type[] all = new Type[arguments.length + extra];
        int at = 0;
        if (call.opcode() != Opcodes.INVOKESTATIC) {
            all[at++] = call.owner().startsWith("[") ? Type.getType(call.owner()) : Type.getObjectType(call.owner());
        }
        System.arraycopy(arguments, 0, all, at, arguments.length);
        at += arguments.length;
        if (call.takesSite()) {
            all[at++] = Type.INT_TYPE;
        }
        while (at < all.length) {
            all[at++] = Type.INT_TYPE;
        }
        return Type.getMethodDescriptor(returned, all);
    }
}
