package org.concurrencyharness.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import jitshapes.Message;
import org.concurrencyharness.internal.race.ShadowFieldHandle;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** What the agent's rewriting keeps of a class, and how it copes with a method that would grow too large. */
class RaceInstrumenterTest {

    private final RaceInstrumenter instrumenter = new RaceInstrumenter(ClassFilter.parse(null));

    @Test
    void aSerializableClassKeepsItsDefaultSerialVersionUid() throws Exception {
        Class<?> instrumented = define("jitshapes.Message", classFile(Message.class));
        Field shadow = instrumented.getDeclaredField(ShadowFieldHandle.nameOf("text"));
        assertTrue(shadow.isSynthetic(), "the shadow field is synthetic");
        assertEquals(
                ObjectStreamClass.lookup(Message.class).getSerialVersionUID(),
                ObjectStreamClass.lookup(instrumented).getSerialVersionUID());
    }

    @Test
    void aMethodTooLargeWithCachedArraySitesIsInstrumentedWithoutThem() throws Exception {
        int stores = 2400;
        byte[] big = classWithArrayStores("bigshapes/Big", stores);
        assertThrows(
                MethodTooLargeException.class,
                () -> instrumenter.instrument(big, getClass().getClassLoader(), RaceInstrumenter.Extent.FULL),
                "with a cache for each of its array sites, the method would be too large");
        Class<?> instrumented = define("bigshapes.Big", big);
        Method fill = instrumented.getMethod("fill");
        int[] filled = (int[]) fill.invoke(null);
        int[] expected = new int[stores];
        Arrays.setAll(expected, i -> i);
        assertTrue(Arrays.equals(expected, filled), "the instrumented method still fills the array");
    }

    @Test
    void aClassWhoseCodeCannotBeInstrumentedStillGetsItsShadowFields() throws Exception {
        int reads = 6000;
        byte[] huge = classWithFieldReads("bigshapes/Reads", reads);
        assertThrows(
                MethodTooLargeException.class,
                () -> instrumenter.instrument(
                        huge, getClass().getClassLoader(), RaceInstrumenter.Extent.COMPACT_ARRAYS),
                "every field read checked, the method would be too large");
        Class<?> instrumented = define("bigshapes.Reads", huge);
        assertTrue(
                instrumented.getDeclaredField(ShadowFieldHandle.nameOf("value")).isSynthetic(),
                "other classes' code refers to the shadow field, so it is there");
        assertEquals(
                reads * 7,
                instrumented
                        .getMethod("sum")
                        .invoke(instrumented.getConstructor().newInstance()));
    }

    /** The class, instrumented by the agent's transformer, defined in a loader of its own. */
    private Class<?> define(String name, byte[] original) {
        byte[] rewritten =
                instrumenter.transform(getClass().getClassLoader(), name.replace('.', '/'), null, null, original);
        assertNotNull(rewritten, "the agent instrumented " + name);
        return new ClassLoader(getClass().getClassLoader()) {
            Class<?> defineIt() {
                return defineClass(name, rewritten, 0, rewritten.length);
            }
        }.defineIt();
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    /** A field {@code int value = 7} and {@code public int sum()} adding it up once for each read, unrolled. */
    private static byte[] classWithFieldReads(String internalName, int reads) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        writer.visitField(Opcodes.ACC_PRIVATE, "value", "I", null, null).visitEnd();
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitIntInsn(Opcodes.BIPUSH, 7);
        init.visitFieldInsn(Opcodes.PUTFIELD, internalName, "value", "I");
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor sum = writer.visitMethod(Opcodes.ACC_PUBLIC, "sum", "()I", null, null);
        sum.visitCode();
        sum.visitInsn(Opcodes.ICONST_0);
        for (int i = 0; i < reads; i++) {
            sum.visitVarInsn(Opcodes.ALOAD, 0);
            sum.visitFieldInsn(Opcodes.GETFIELD, internalName, "value", "I");
            sum.visitInsn(Opcodes.IADD);
            // a jump target between reads, so that no read makes the next one's check redundant
            org.objectweb.asm.Label next = new org.objectweb.asm.Label();
            sum.visitJumpInsn(Opcodes.GOTO, next);
            sum.visitLabel(next);
        }
        sum.visitInsn(Opcodes.IRETURN);
        sum.visitMaxs(0, 0);
        sum.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** {@code public static int[] fill()} storing {@code a[i] = i} once for each index, unrolled. */
    private static byte[] classWithArrayStores(String internalName, int stores) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        writer.visitSource("Big.java", null);
        MethodVisitor fill = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "fill", "()[I", null, null);
        fill.visitCode();
        fill.visitIntInsn(Opcodes.SIPUSH, stores);
        fill.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
        fill.visitVarInsn(Opcodes.ASTORE, 0);
        for (int i = 0; i < stores; i++) {
            fill.visitVarInsn(Opcodes.ALOAD, 0);
            fill.visitIntInsn(Opcodes.SIPUSH, i);
            fill.visitIntInsn(Opcodes.SIPUSH, i);
            fill.visitInsn(Opcodes.IASTORE);
        }
        fill.visitVarInsn(Opcodes.ALOAD, 0);
        fill.visitInsn(Opcodes.ARETURN);
        fill.visitMaxs(0, 0);
        fill.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
