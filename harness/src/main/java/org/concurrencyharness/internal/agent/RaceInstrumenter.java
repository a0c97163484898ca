package org.concurrencyharness.internal.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicBoolean;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.SerialVersionUIDAdder;

/** The agent's transformer: rewrites each class it may instrument; never breaks class loading. */
final class RaceInstrumenter implements ClassFileTransformer {

    private final ClassFilter filter;
    private final ShadowedFields shadowedFields;
    private final AtomicBoolean warned = new AtomicBoolean();

    RaceInstrumenter(ClassFilter filter) {
        this.filter = filter;
        this.shadowedFields = new ShadowedFields(filter);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (classBeingRedefined != null || !filter.instruments(className, loader)) {
            return null;
        }
        try {
            try {
                return instrument(classfileBuffer, loader, false);
            } catch (MethodTooLargeException | ClassTooLargeException e) {
                // the array sites' caches made a method too large: without them the code grows less
                return instrument(classfileBuffer, loader, true);
            }
        } catch (RuntimeException | LinkageError e) {
            if (warned.compareAndSet(false, true)) {
                System.err.println("[concurrency] the race detector could not instrument " + className
                        + " and leaves it as it is: " + e);
            }
            return null;
        }
    }

    byte[] instrument(byte[] classfile, ClassLoader loader, boolean compactArrays) {
        ClassReader reader = new ClassReader(classfile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        ClassVisitor visitor = new RaceClassVisitor(writer, loader, shadowedFields, compactArrays);
        if (isSerializable(reader)) {
            // the added members would change the class's default serialVersionUID: it keeps the original
            visitor = new SerialVersionUIDAdder(visitor);
        }
        reader.accept(visitor, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /** A class that says it is serializable itself (a subclass of one keeps a changed default serialVersionUID). */
    private static boolean isSerializable(ClassReader reader) {
        return (reader.getAccess() & Opcodes.ACC_INTERFACE) == 0
                && java.util.Arrays.asList(reader.getInterfaces()).contains("java/io/Serializable");
    }
}
