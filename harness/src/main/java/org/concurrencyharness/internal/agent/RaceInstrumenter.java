package org.concurrencyharness.internal.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicBoolean;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.SerialVersionUIDAdder;

/** The agent's transformer: rewrites each class it may instrument; never breaks class loading. */
final class RaceInstrumenter implements ClassFileTransformer {

    /**
     * How much of a class is rewritten, tried in this order until one works: a method can grow
     * too large with its array sites' caches, or too large at all (or the rewriting fail). Even a
     * class whose code is left alone gets its shadow fields, as other classes' code refers to them.
     */
    enum Extent {
        FULL,
        COMPACT_ARRAYS,
        SHADOWS_ONLY
    }

    private final ClassFilter filter;
    private final FieldDeclarations shadowedFields;
    private final TypeHierarchy hierarchy = new TypeHierarchy();
    private final AtomicBoolean warned = new AtomicBoolean();

    RaceInstrumenter(ClassFilter filter) {
        this.filter = filter;
        this.shadowedFields = new FieldDeclarations(filter);
    }

    @Override
    public byte[] transform(
            ClassLoader loader,
            String className,
            Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain,
            byte[] classfileBuffer) {
        if (classBeingRedefined != null || !filter.instruments(className, loader)) {
            return null;
        }
        Throwable failure = null;
        for (Extent extent : Extent.values()) {
            try {
                byte[] instrumented = instrument(classfileBuffer, loader, extent, isLibrary(protectionDomain));
                if (extent == Extent.SHADOWS_ONLY) {
                    warn("leaves the code of " + className + " as it is (its accesses are not checked)", failure);
                }
                return instrumented;
            } catch (RuntimeException | LinkageError e) {
                failure = e;
            }
        }
        warn("could not instrument " + className + " and leaves it as it is", failure);
        return null;
    }

    private void warn(String what, Throwable cause) {
        if (warned.compareAndSet(false, true)) {
            System.err.println("[concurrency] the race detector " + what + ": " + cause);
        }
    }

    byte[] instrument(byte[] classfile, ClassLoader loader, Extent extent) {
        return instrument(classfile, loader, extent, false);
    }

    /** Instruments a class, of a library's ({@code library}) or of the project's own. */
    byte[] instrument(byte[] classfile, ClassLoader loader, Extent extent, boolean library) {
        ClassReader reader = new ClassReader(classfile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        ClassVisitor visitor = new RaceClassVisitor(writer, loader, shadowedFields, extent, hierarchy, library);
        if (isSerializable(reader)) {
            // the added members would change the class's default serialVersionUID: it keeps the original
            visitor = new SerialVersionUIDAdder(visitor);
        }
        reader.accept(visitor, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /** A library's class comes from a jar; the project's own from its build's class directories. */
    static boolean isLibrary(ProtectionDomain domain) {
        java.security.CodeSource source = domain == null ? null : domain.getCodeSource();
        return source != null && source.getLocation() != null && TypeHierarchy.isJar(source.getLocation());
    }

    /** A class that says it is serializable itself (a subclass of one keeps a changed default serialVersionUID). */
    private static boolean isSerializable(ClassReader reader) {
        return (reader.getAccess() & Opcodes.ACC_INTERFACE) == 0
                && java.util.Arrays.asList(reader.getInterfaces()).contains("java/io/Serializable");
    }
}
