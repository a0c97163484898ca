package org.concurrencyharness.internal.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Calls that synchronise through their receiver are routed through small static methods added to
 * the calling class, which tell the analysis before and after the real call. A bridge has no
 * branch, so the caller's stack map frames stay as they were.
 */
final class SyncBridges {

    /** What the analysis hears around a call. */
    enum Kind {
        /** {@code java.util.concurrent} and {@code VarHandle}: release, call (tasks wrapped), acquire. */
        SYNC("beforeSync", "afterSync", true, true),
        /**
         * A call whose result belongs to its receiver ({@code newCondition}, {@code readLock},
         * {@code writeLock}): the analysis learns whose the result is; the call itself does not synchronise.
         */
        LINK(null, null, false, false),
        /** {@code Object.wait}: release the monitor, wait, acquire it again. */
        WAIT("beforeWait", "afterWait", false, false),
        /** A collection interface: synchronises only if the receiver is concurrent. */
        MAYBE_SYNC("beforeMaybeSync", "afterMaybeSync", false, false),
        /** {@code Thread.join}: the joined thread's end happens before. */
        JOIN(null, "afterJoin", false, false);

        final String before;
        final String after;
        final boolean wrapsTasks;
        /** Whether the hooks are told the method's name too. */
        final boolean named;

        Kind(String before, String after, boolean wrapsTasks, boolean named) {
            this.before = before;
            this.after = after;
            this.wrapsTasks = wrapsTasks;
            this.named = named;
        }

        String hookDescriptor() {
            return named ? "(Ljava/lang/Object;Ljava/lang/String;)V" : "(Ljava/lang/Object;)V";
        }
    }

    private static final String HOOKS = "org/concurrencyharness/internal/race/Hooks";
    private static final Set<String> TASK_TYPES = Set.of("java/lang/Runnable", "java/util/concurrent/Callable",
            "java/util/function/Supplier", "java/util/function/Function", "java/util/function/Consumer",
            "java/util/function/BiFunction", "java/util/function/BiConsumer");

    private record Call(int opcode, String owner, String name, String descriptor, boolean isInterface, Kind kind) {
    }

    private final String className;
    private final Map<Call, String> bridges = new LinkedHashMap<>();

    SyncBridges(String className) {
        this.className = className;
    }

    /** Emits a call to the bridge for this call, in place of the call itself. */
    void invoke(MethodVisitor method, boolean classIsInterface, int opcode, String owner, String name,
                String descriptor, boolean isInterface, Kind kind) {
        Call call = new Call(opcode, owner, name, descriptor, isInterface, kind);
        String bridge = bridges.computeIfAbsent(call, c -> "concurrency$sync$" + bridges.size());
        method.visitMethodInsn(Opcodes.INVOKESTATIC, className, bridge, bridgeDescriptor(call), classIsInterface);
    }

    /** Adds the bridges to the class. */
    void write(ClassVisitor target) {
        bridges.forEach((call, name) -> write(target, call, name));
    }

    private static void write(ClassVisitor target, Call call, String name) {
        String descriptor = bridgeDescriptor(call);
        MethodVisitor method = target.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                name, descriptor, null, null);
        method.visitCode();
        boolean hasReceiver = call.opcode() != Opcodes.INVOKESTATIC;
        if (hasReceiver && call.kind().before != null) {
            method.visitVarInsn(Opcodes.ALOAD, 0);
            pushName(method, call);
            method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, call.kind().before, call.kind().hookDescriptor(), false);
        }
        int slot = 0;
        if (hasReceiver) {
            method.visitVarInsn(Opcodes.ALOAD, 0);
            slot = 1;
        }
        for (Type argument : Type.getArgumentTypes(call.descriptor())) {
            method.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
            slot += argument.getSize();
            if (call.kind().wrapsTasks && argument.getSort() == Type.OBJECT
                    && TASK_TYPES.contains(argument.getInternalName())) {
                method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "wrap",
                        Type.getMethodDescriptor(argument, argument), false);
            }
        }
        method.visitMethodInsn(call.opcode(), call.owner(), call.name(), call.descriptor(), call.isInterface());
        if (call.kind() == Kind.LINK) {
            method.visitInsn(Opcodes.DUP);
            method.visitVarInsn(Opcodes.ALOAD, 0);
            method.visitLdcInsn(call.name());
            method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "link",
                    "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)V", false);
        }
        if (hasReceiver) {
            method.visitVarInsn(Opcodes.ALOAD, 0);
        } else {
            method.visitInsn(Opcodes.ACONST_NULL);
        }
        if (call.kind().after != null) {
            pushName(method, call);
            method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, call.kind().after, call.kind().hookDescriptor(), false);
        } else {
            method.visitInsn(Opcodes.POP);
        }
        method.visitInsn(Type.getReturnType(call.descriptor()).getOpcode(Opcodes.IRETURN));
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    private static void pushName(MethodVisitor method, Call call) {
        if (call.kind().named) {
            method.visitLdcInsn(call.name());
        }
    }

    private static String bridgeDescriptor(Call call) {
        Type[] arguments = Type.getArgumentTypes(call.descriptor());
        Type returned = Type.getReturnType(call.descriptor());
        if (call.opcode() == Opcodes.INVOKESTATIC) {
            return Type.getMethodDescriptor(returned, arguments);
        }
        Type[] withReceiver = new Type[arguments.length + 1];
        withReceiver[0] = call.owner().startsWith("[") ? Type.getType(call.owner()) : Type.getObjectType(call.owner());
        System.arraycopy(arguments, 0, withReceiver, 1, arguments.length);
        return Type.getMethodDescriptor(returned, withReceiver);
    }
}
