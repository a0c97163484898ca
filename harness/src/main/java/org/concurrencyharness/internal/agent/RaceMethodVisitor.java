package org.concurrencyharness.internal.agent;

import java.util.Set;
import org.concurrencyharness.internal.race.SiteRegistry;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AdviceAdapter;
import org.objectweb.asm.commons.Method;

/**
 * Instruments one method: each field and array access reports to the analysis with its site;
 * monitors, synchronized methods (on exceptional exits too), thread start and join,
 * {@code Object.wait}, and calls into {@code java.util.concurrent} and {@code VarHandle} report
 * their happens-before edges; tasks handed to executors are wrapped so that their submitter's
 * past happens before them.
 */
final class RaceMethodVisitor extends AdviceAdapter {

    private static final Type HOOKS = Type.getObjectType("org/concurrencyharness/internal/race/Hooks");
    private static final Method READ = Method.getMethod("Object read(Object, int, Object)");
    private static final Method WRITE = Method.getMethod("Object write(Object, int, Object)");
    private static final Method READ_ELEMENT = Method.getMethod("Object readElement(Object, int, int, Object)");
    private static final Method WRITE_ELEMENT = Method.getMethod("Object writeElement(Object, int, int, Object)");
    private static final Type OBJECT = Type.getType(Object.class);
    private static final Method MONITOR_ENTER = Method.getMethod("void monitorEnter(Object)");
    private static final Method MONITOR_EXIT = Method.getMethod("void monitorExit(Object)");
    private static final Method BEFORE_START = Method.getMethod("void beforeStart(Object)");
    /** Interfaces whose calls synchronise when the receiver is a concurrent (or synchronized) collection. */
    private static final Set<String> MAYBE_CONCURRENT = Set.of("java/util/Map", "java/util/Collection",
            "java/util/List", "java/util/Set", "java/util/Queue", "java/util/Deque", "java/lang/Iterable",
            "java/util/SortedMap", "java/util/NavigableMap", "java/util/Iterator");

    private final RaceClassVisitor.ClassContext context;
    private final String methodName;
    private final boolean instrumentsAccesses;
    private final boolean synchronizedMethod;
    private final Label bodyStart = new Label();
    private boolean entered;
    /**
     * A local holding the analysis's state of the running thread, fetched by the method's first
     * access and handed from each access hook to the next: one thread-local lookup per call of
     * the method instead of one per access.
     */
    private int threadState = -1;
    private int line;
    private String lastArrayField;

    RaceMethodVisitor(MethodVisitor next, int access, String name, String descriptor,
                      RaceClassVisitor.ClassContext context) {
        super(Opcodes.ASM9, next, access, name, descriptor);
        this.context = context;
        this.methodName = name;
        // a class's initialisation happens before any use of it: its accesses cannot race
        this.instrumentsAccesses = !"<clinit>".equals(name);
        this.synchronizedMethod = (access & ACC_SYNCHRONIZED) != 0 && context.version() >= Opcodes.V1_6;
    }

    @Override
    protected void onMethodEnter() {
        entered = true;
        if (instrumentsAccesses) {
            threadState = newLocal(OBJECT);
            visitInsn(ACONST_NULL);
            storeLocal(threadState);
        }
        if (synchronizedMethod) {
            pushMonitor();
            invokeStatic(HOOKS, MONITOR_ENTER);
            visitLabel(bodyStart);
        }
    }

    @Override
    protected void onMethodExit(int opcode) {
        if (synchronizedMethod && opcode != ATHROW) {
            pushMonitor();
            invokeStatic(HOOKS, MONITOR_EXIT);
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (synchronizedMethod) {
            // an exception leaving a synchronized method releases its monitor too
            Label handler = new Label();
            visitTryCatchBlock(bodyStart, handler, handler, null);
            visitLabel(handler);
            Object[] locals = (methodAccess & ACC_STATIC) != 0 ? new Object[0] : new Object[] {context.className()};
            super.visitFrame(F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            pushMonitor();
            invokeStatic(HOOKS, MONITOR_EXIT);
            throwException();
        }
        super.visitMaxs(maxStack, maxLocals);
    }

    private void pushMonitor() {
        if ((methodAccess & ACC_STATIC) != 0) {
            push(Type.getObjectType(context.className()));
        } else {
            loadThis();
        }
    }

    @Override
    public void visitLineNumber(int lineNumber, Label start) {
        this.line = lineNumber;
        super.visitLineNumber(lineNumber, start);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        boolean ownFinal = owner.equals(context.className()) && context.ownFinalFields().contains(name);
        if (entered && instrumentsAccesses && !ownFinal) {
            boolean write = opcode == PUTFIELD || opcode == PUTSTATIC;
            int site = site(owner, name, write, false);
            Type type = Type.getType(descriptor);
            switch (opcode) {
                case GETFIELD -> {
                    // the hook runs after the load: a volatile read acquires only what the value it read released
                    dup();
                    rememberArrayField(opcode, owner, name, descriptor);
                    super.visitFieldInsn(opcode, owner, name, descriptor);
                    if (type.getSize() == 2) {
                        dup2X1();
                        pop2();
                    } else {
                        swap();
                    }
                    push(site);
                    access(READ);
                    return;
                }
                case GETSTATIC -> {
                    rememberArrayField(opcode, owner, name, descriptor);
                    super.visitFieldInsn(opcode, owner, name, descriptor);
                    visitInsn(ACONST_NULL);
                    push(site);
                    access(READ);
                    return;
                }
                case PUTFIELD -> {
                    // the hook runs before the store: a volatile write releases before its value can be seen
                    if (type.getSize() == 2) {
                        dup2X1();
                        pop2();
                        dupX2();
                    } else {
                        dup2();
                        pop();
                    }
                    push(site);
                    access(WRITE);
                }
                default -> {
                    visitInsn(ACONST_NULL);
                    push(site);
                    access(WRITE);
                }
            }
        }
        rememberArrayField(opcode, owner, name, descriptor);
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    /** Calls an access hook with the thread's state, and keeps the state it returns for the next. */
    private void access(Method hook) {
        loadLocal(threadState);
        invokeStatic(HOOKS, hook);
        storeLocal(threadState);
    }

    /** An array loaded from a field names the races on its elements. */
    private void rememberArrayField(int opcode, String owner, String name, String descriptor) {
        if ((opcode == GETFIELD || opcode == GETSTATIC) && descriptor.startsWith("[")) {
            lastArrayField = owner.replace('/', '.') + "." + name + "[]";
        }
    }

    @Override
    public void visitInsn(int opcode) {
        if (entered && instrumentsAccesses && isArrayLoad(opcode)) {
            dup2();
            push(site(null, arrayName(), false, true));
            access(READ_ELEMENT);
        } else if (entered && instrumentsAccesses && isArrayStore(opcode)) {
            // [array index value] -> [array index value array index], without a temporary local
            if (opcode == LASTORE || opcode == DASTORE) {
                dup2X2();
                pop2();
                dup2X2();
            } else {
                dupX2();
                pop();
                dup2X1();
            }
            push(site(null, arrayName(), true, true));
            access(WRITE_ELEMENT);
        } else if (opcode == MONITORENTER) {
            dup();
            super.visitInsn(opcode);
            invokeStatic(HOOKS, MONITOR_ENTER);
            return;
        } else if (opcode == MONITOREXIT) {
            dup();
            invokeStatic(HOOKS, MONITOR_EXIT);
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        SyncBridges.Kind kind = entered && context.canBridge() ? kindOf(opcode, owner, name, descriptor) : null;
        if (opcode == INVOKEVIRTUAL && entered && "start".equals(name) && "()V".equals(descriptor)) {
            dup();
            invokeStatic(HOOKS, BEFORE_START);
        }
        if (kind == null) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        } else {
            context.bridges().invoke(mv, context.isInterface(), opcode, owner, name, descriptor, isInterface, kind);
        }
    }

    private static SyncBridges.Kind kindOf(int opcode, String owner, String name, String descriptor) {
        if (opcode == INVOKESPECIAL || opcode == INVOKEDYNAMIC) {
            return null;
        }
        boolean timedOrPlain = descriptor.equals("()V") || descriptor.equals("(J)V") || descriptor.equals("(JI)V");
        if (opcode == INVOKEVIRTUAL && "join".equals(name) && timedOrPlain) {
            return SyncBridges.Kind.JOIN;
        }
        if (opcode == INVOKEVIRTUAL && "wait".equals(name) && timedOrPlain) {
            return SyncBridges.Kind.WAIT;
        }
        if (owner.startsWith("java/util/concurrent/locks/") && opcode != INVOKESTATIC
                && ("newCondition".equals(name) || "readLock".equals(name) || "writeLock".equals(name))
                && descriptor.startsWith("()L")) {
            return SyncBridges.Kind.LINK;
        }
        if (owner.startsWith("java/util/concurrent/") || owner.equals("java/lang/invoke/VarHandle")) {
            return SyncBridges.Kind.SYNC;
        }
        if (opcode == INVOKEINTERFACE && MAYBE_CONCURRENT.contains(owner)) {
            return SyncBridges.Kind.MAYBE_SYNC;
        }
        return null;
    }

    private int site(String owner, String field, boolean write, boolean array) {
        String location = context.file() + ":" + line;
        String method = context.simpleName() + "." + methodName;
        return SiteRegistry.register(array ? context.className() : owner, field, method, location, write, array,
                context.loader());
    }

    private String arrayName() {
        return lastArrayField != null ? lastArrayField : "array[]";
    }

    private static boolean isArrayLoad(int opcode) {
        return opcode >= IALOAD && opcode <= SALOAD;
    }

    private static boolean isArrayStore(int opcode) {
        return opcode >= IASTORE && opcode <= SASTORE;
    }
}
