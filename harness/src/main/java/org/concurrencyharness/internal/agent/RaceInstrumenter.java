package org.concurrencyharness.internal.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicBoolean;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/** The agent's transformer: rewrites each class it may instrument; never breaks class loading. */
final class RaceInstrumenter implements ClassFileTransformer {

    private final ClassFilter filter;
    private final AtomicBoolean warned = new AtomicBoolean();

    RaceInstrumenter(ClassFilter filter) {
        this.filter = filter;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (classBeingRedefined != null || !filter.instruments(className, loader)) {
            return null;
        }
        try {
            ClassReader reader = new ClassReader(classfileBuffer);
            ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            reader.accept(new RaceClassVisitor(writer, loader), ClassReader.EXPAND_FRAMES);
            return writer.toByteArray();
        } catch (RuntimeException | LinkageError e) {
            if (warned.compareAndSet(false, true)) {
                System.err.println("[concurrency] the race detector could not instrument " + className
                        + " and leaves it as it is: " + e);
            }
            return null;
        }
    }
}
