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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import jitshapes.Message;
import jitshapes.References;
import org.concurrencyharness.internal.race.ShadowFieldHandle;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the agent's rewriting keeps of a class, how it copes with a method that would grow too large, and how it
 * routes method references and string concatenations.
 */
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

    @Test
    void aMethodReferenceToACallTheDetectorHearsAboutGoesThroughABridgeThatMakesTheCall() throws Exception {
        // each call is made once through the bridge below: a reference the lambda factory refused would throw here
        byte[] rewritten = instrumenter.transform(
                getClass().getClassLoader(), "jitshapes/References", null, null, classFile(References.class));
        assertNotNull(rewritten, "the agent instrumented jitshapes.References");
        Map<String, String> referenced = referencedMethods(rewritten);
        assertTrue(referenced.get("adder").startsWith("jitshapes/References.concurrency$ref$"), referenced.toString());
        assertTrue(referenced.get("joiner").startsWith("jitshapes/References.concurrency$ref$"), referenced.toString());
        assertTrue(
                referenced.get("submitter").startsWith("jitshapes/References.concurrency$ref$"), referenced.toString());
        assertEquals("java/lang/String.length", referenced.get("length"));
        assertEquals("java/util/List.add", referenced.get("serializableAdder"));

        Class<?> instrumented = define("jitshapes.References", classFile(References.class));
        List<String> list = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Consumer<String> adder =
                (Consumer<String>) instrumented.getMethod("adder", List.class).invoke(null, list);
        adder.accept("added");
        assertEquals(List.of("added"), list, "the bridge makes the call");
        @SuppressWarnings("unchecked")
        Function<CompletableFuture<String>, String> joiner = (Function<CompletableFuture<String>, String>)
                instrumented.getMethod("joiner").invoke(null);
        assertEquals("joined", joiner.apply(CompletableFuture.completedFuture("joined")));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        try {
            @SuppressWarnings("unchecked")
            Function<Callable<String>, Future<String>> submitter =
                    (Function<Callable<String>, Future<String>>) instrumented
                            .getMethod("submitter", ThreadPoolExecutor.class)
                            .invoke(null, pool);
            assertEquals("submitted", submitter.apply(() -> "submitted").get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aConcatenationThatPrintsAnObjectGoesThroughABridgeThatKeepsItsResult() throws Exception {
        // javac 17 and later hand a concatenation strings only; other compilers (and javac 9 to 16) hand it the object
        Class<?> instrumented = define("concatshapes.Show", classWithObjectConcatenation("concatshapes/Show"));
        assertTrue(
                Arrays.stream(instrumented.getDeclaredMethods())
                        .anyMatch(method -> method.getName().startsWith("concurrency$concat$") && method.isSynthetic()),
                "the concatenation goes through a bridge");
        assertEquals(
                "items [1, 2]", instrumented.getMethod("show", Object.class).invoke(null, List.of(1, 2)));
    }

    /** By method, the method its method reference names: {@code owner.name}. */
    private static Map<String, String> referencedMethods(byte[] classFile) {
        Map<String, String> referenced = new HashMap<>();
        new ClassReader(classFile)
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String descriptor, String signature, String[] exceptions) {
                                return new MethodVisitor(Opcodes.ASM9) {
                                    @Override
                                    public void visitInvokeDynamicInsn(
                                            String indyName,
                                            String indyDescriptor,
                                            Handle bootstrap,
                                            Object... arguments) {
                                        Handle method = (Handle) arguments[1];
                                        referenced.put(name, method.getOwner() + "." + method.getName());
                                    }
                                };
                            }
                        },
                        0);
        return referenced;
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

    /** {@code public static String show(Object o)} returning {@code "items " + o}, the object handed to the concatenation. */
    private static byte[] classWithObjectConcatenation(String internalName) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        MethodVisitor show = writer.visitMethod(
                Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "show", "(Ljava/lang/Object;)Ljava/lang/String;", null, null);
        show.visitCode();
        show.visitVarInsn(Opcodes.ALOAD, 0);
        Handle concatenation = new Handle(
                Opcodes.H_INVOKESTATIC,
                "java/lang/invoke/StringConcatFactory",
                "makeConcatWithConstants",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                        + "Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;",
                false);
        show.visitInvokeDynamicInsn(
                "makeConcatWithConstants", "(Ljava/lang/Object;)Ljava/lang/String;", concatenation, "items \u0001");
        show.visitInsn(Opcodes.ARETURN);
        show.visitMaxs(0, 0);
        show.visitEnd();
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
