package org.concurrencyharness.internal.agent;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Instruments every method of one class, knowing the class's own final fields and source file. */
final class RaceClassVisitor extends ClassVisitor {

    private final ClassLoader loader;
    private final Set<String> ownFinalFields = new HashSet<>();
    private String className;
    private String sourceFile;
    private int version;
    private boolean isInterface;
    private SyncBridges bridges;

    RaceClassVisitor(ClassVisitor next, ClassLoader loader) {
        super(Opcodes.ASM9, next);
        this.loader = loader;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.version = version;
        this.className = name;
        this.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        this.bridges = new SyncBridges(name);
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        this.sourceFile = source;
        super.visitSource(source, debug);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        if ((access & Opcodes.ACC_FINAL) != 0) {
            ownFinalFields.add(name);
        }
        return super.visitField(access, name, descriptor, signature, value);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (next == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return next;
        }
        ClassContext context = new ClassContext(className, sourceFile, version, loader, ownFinalFields, bridges,
                isInterface);
        return new RaceMethodVisitor(next, access, name, descriptor, context);
    }

    @Override
    public void visitEnd() {
        bridges.write(cv);
        super.visitEnd();
    }

    /** What the method visitor needs to know of its class. */
    record ClassContext(String className, String sourceFile, int version, ClassLoader loader,
                        Set<String> ownFinalFields, SyncBridges bridges, boolean isInterface) {

        /** Interfaces may hold private static methods, and so bridges, from Java 9 on. */
        boolean canBridge() {
            return !isInterface || version >= Opcodes.V9;
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
}
