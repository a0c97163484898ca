package org.concurrencyharness.internal.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concurrencyharness.internal.race.ObjectSummary;
import org.concurrencyharness.internal.race.ShadowFieldHandle;
import org.concurrencyharness.internal.race.SyncContracts;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Instruments every method of one class, knowing the class's own fields and source file, and
 * gives each of its non-final, non-volatile fields a shadow field next to it (with, for an
 * instance field, a static accessor that tolerates a null holder), so that an access finds its
 * shadow with one field load.
 */
final class RaceClassVisitor extends ClassVisitor {

    private final ClassLoader loader;
    private final FieldDeclarations shadowedFields;
    private final RaceInstrumenter.Extent extent;
    private final ContractLookup contracts;
    private final TypeHierarchy hierarchy;
    /** Whether the class is a library's, not the project's own. */
    private final boolean library;
    /** Its fields' access flags, in the order the class declares them. */
    private final Map<String, Integer> ownFields = new LinkedHashMap<>();
    /** Those of its fields declared {@code @LazyInit} (see FieldDeclarations.Declaration#publishes). */
    private final Set<String> ownLazyInit = new HashSet<>();
    /** What each field instruction of its methods reaches, by {@code owner.field}: several passes ask. */
    private final Map<String, FieldDeclarations.Declaration> declarations = new HashMap<>();

    private String className;
    private String superName;
    private String sourceFile;
    private int version;
    private boolean isInterface;
    private boolean isFinal;
    private SyncBridges bridges;
    private List<String> interfaces;
    /** Its methods, read whole, each with where its instrumented code goes: instrumented once all are read. */
    private final List<Map.Entry<MethodNode, MethodVisitor>> methods = new ArrayList<>();

    RaceClassVisitor(
            ClassVisitor next,
            ClassLoader loader,
            FieldDeclarations shadowedFields,
            RaceInstrumenter.Extent extent,
            TypeHierarchy hierarchy,
            boolean library) {
        super(Opcodes.ASM9, next);
        this.library = library;
        this.loader = loader;
        this.shadowedFields = shadowedFields;
        this.extent = extent;
        this.hierarchy = hierarchy;
        this.contracts = new ContractLookup(hierarchy);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.version = version;
        this.className = name;
        this.superName = superName;
        this.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        this.isFinal = (access & Opcodes.ACC_FINAL) != 0;
        this.bridges = new SyncBridges(name);
        this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        this.sourceFile = source;
        super.visitSource(source, debug);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        ownFields.put(name, access);
        return FieldDeclarations.lazyInitOf(
                name, ownLazyInit, super.visitField(access, name, descriptor, signature, value));
    }

    @Override
    public MethodVisitor visitMethod(
            int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (next == null
                || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
                || extent == RaceInstrumenter.Extent.SHADOWS_ONLY) {
            return next;
        }
        // read whole first, so that the locals of its array sites' caches can be made on entry, and
        // so that the class's other methods are known when its calls are
        MethodNode method = new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
        methods.add(Map.entry(method, next));
        return method;
    }

    /** Instruments the methods read, now that all are known. */
    private void instrumentMethods() {
        Set<String> plainMethods = PlainMethods.of(
                className, methods.stream().map(Map.Entry::getKey).toList(), isFinal, this::declarationOf);
        Declarations known = PlainMethods.withPlainMethods(this::declarationOf, className, plainMethods);
        ClassContext context = new ClassContext(
                className,
                sourceFile,
                version,
                loader,
                bridges,
                isInterface,
                known,
                contracts,
                contracts.taskClassOf(superName, loader),
                isSubscriber(),
                superName != null && hierarchy.isSubtype(superName, SyncContracts.PHASER, loader),
                superName != null && hierarchy.isSubtype(superName, SyncContracts.THREAD_POOL_EXECUTOR, loader),
                hierarchy,
                library);
        for (Map.Entry<MethodNode, MethodVisitor> method : methods) {
            MethodNode node = method.getKey();
            MethodPlan plan = MethodPlan.of(className, node, known, extent == RaceInstrumenter.Extent.FULL);
            node.accept(new RaceMethodVisitor(method.getValue(), node, context, plan).entry());
        }
    }

    /** Whether the class is a {@code Flow.Subscriber}, itself or through its superclass. */
    private boolean isSubscriber() {
        return interfaces.contains(SyncContracts.FLOW_SUBSCRIBER)
                || superName != null && hierarchy.isSubtype(superName, SyncContracts.FLOW_SUBSCRIBER, loader);
    }

    private FieldDeclarations.Declaration declarationOf(String owner, String field) {
        String key = owner + "." + field;
        if (!declarations.containsKey(key)) {
            declarations.put(
                    key,
                    shadowedFields.find(
                            owner,
                            field,
                            loader,
                            className,
                            new FieldDeclarations.ClassFields(superName, isInterface, ownFields, ownLazyInit, false)));
        }
        return declarations.get(key);
    }

    @Override
    public void visitEnd() {
        instrumentMethods();
        ownFields.forEach((field, access) -> {
            if (FieldDeclarations.isShadowed(isInterface, access)) {
                addShadow(field, (access & Opcodes.ACC_STATIC) != 0);
            }
        });
        if (FieldDeclarations.hasSummary(isInterface, ownFields)) {
            addSummary();
        }
        bridges.write(cv);
        super.visitEnd();
    }

    /** The shadow field, public so that any class that can reach the field can reach its shadow. */
    private void addShadow(String field, boolean isStatic) {
        String name = ShadowFieldHandle.nameOf(field);
        int access = Opcodes.ACC_PUBLIC | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC;
        cv.visitField(access | (isStatic ? Opcodes.ACC_STATIC : 0), name, ShadowFieldHandle.DESCRIPTOR, null, null)
                .visitEnd();
        if (isStatic) {
            return;
        }
        addAccessor(name, ShadowFieldHandle.DESCRIPTOR, ShadowFieldHandle.ACCESSOR_DESCRIPTOR);
    }

    /** The summary of the checks of the class's fields (see ObjectSummary), with its accessor. */
    private void addSummary() {
        int access = Opcodes.ACC_PUBLIC | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC;
        cv.visitField(access, ObjectSummary.NAME, ObjectSummary.DESCRIPTOR, null, null)
                .visitEnd();
        addAccessor(ObjectSummary.NAME, ObjectSummary.DESCRIPTOR, ObjectSummary.ACCESSOR_DESCRIPTOR);
    }

    /** A static method that gives an instance field of its holder, or null (zero) for a null holder, whose access throws later. */
    private void addAccessor(String name, String descriptor, String accessorDescriptor) {
        Type type = Type.getType(descriptor);
        MethodVisitor accessor = cv.visitMethod(
                Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name, accessorDescriptor, null, null);
        accessor.visitCode();
        Label present = new Label();
        accessor.visitVarInsn(Opcodes.ALOAD, 0);
        accessor.visitJumpInsn(Opcodes.IFNONNULL, present);
        accessor.visitInsn(type.getSort() == Type.LONG ? Opcodes.LCONST_0 : Opcodes.ACONST_NULL);
        accessor.visitInsn(type.getOpcode(Opcodes.IRETURN));
        accessor.visitLabel(present);
        if (version >= Opcodes.V1_6) {
            accessor.visitFrame(Opcodes.F_NEW, 1, new Object[] {"java/lang/Object"}, 0, new Object[0]);
        }
        accessor.visitVarInsn(Opcodes.ALOAD, 0);
        accessor.visitTypeInsn(Opcodes.CHECKCAST, className);
        accessor.visitFieldInsn(Opcodes.GETFIELD, className, name, descriptor);
        accessor.visitInsn(type.getOpcode(Opcodes.IRETURN));
        accessor.visitMaxs(0, 0);
        accessor.visitEnd();
    }

    /** What the method visitor needs to know of its class. */
    record ClassContext(
            String className,
            String sourceFile,
            int version,
            ClassLoader loader,
            SyncBridges bridges,
            boolean isInterface,
            Declarations declarations,
            ContractLookup contracts,
            SyncContracts.TaskClass taskClass,
            boolean subscriber,
            boolean phaser,
            boolean threadPool,
            TypeHierarchy hierarchy,
            boolean library) {

        /**
         * Interfaces may hold private static methods, and so bridges, from Java 8 on (class files of version 52, whose
         * lambdas javac compiles to such methods): a library compiled for Java 8 calls java.util.concurrent from its
         * interfaces' static and default methods and lambdas too.
         */
        boolean canBridge() {
            return !isInterface || version >= Opcodes.V1_8;
        }

        String simpleName() {
            return className.substring(className.lastIndexOf('/') + 1);
        }

        String file() {
            if (sourceFile != null) {
                return sourceFile;
            }
            String simple = simpleName();
            int nested = simple.indexOf('$');
            return (nested < 0 ? simple : simple.substring(0, nested)) + ".java";
        }
    }

    /** Finds the declaration a field instruction reaches, and tells the calls that synchronise with nothing. */
    interface Declarations {
        FieldDeclarations.Declaration of(String owner, String field);

        default boolean isPlainCall(MethodInsnNode call) {
            return PlainCalls.isPlain(call);
        }
    }
}
