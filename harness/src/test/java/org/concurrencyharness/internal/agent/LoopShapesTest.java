package org.concurrencyharness.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import checkshapes.LoopShapes;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Every loop shape of {@link LoopShapes}, instrumented, loads (the JVM verifies the code added
 * on leaving loops) and computes what it computed before; the {@code ranged} ones are checked as
 * ranges, the {@code each} ones element by element.
 */
class LoopShapesTest {

    @Test
    void instrumentedLoopsComputeWhatTheyDidAndRangesAreWhereExpected() throws Exception {
        URL classes = LoopShapes.class.getProtectionDomain().getCodeSource().getLocation();
        try (InstrumentingClassLoader loader = new InstrumentingClassLoader(
                new URL[] {classes}, name -> name.startsWith(LoopShapes.class.getName()))) {
            Class<?> instrumented = Class.forName(LoopShapes.class.getName(), true, loader);
            Map<String, Integer> rangeChecks = rangeChecks(loader.instrumented(LoopShapes.class.getName()));
            Set<String> ranged = rangeChecks.keySet();
            int hoisted = rangeChecks.getOrDefault("rangedInnerLoopAfterABranch", 0);
            List<String> wrong = new ArrayList<>();
            for (Method shape : LoopShapes.class.getDeclaredMethods()) {
                if (!Modifier.isPublic(shape.getModifiers()) || !Modifier.isStatic(shape.getModifiers())) {
                    continue;
                }
                Object expected = shape.invoke(null);
                Object actual = instrumented.getMethod(shape.getName()).invoke(null);
                if (!expected.equals(actual)) {
                    wrong.add(shape.getName() + " computed " + actual + ", not " + expected);
                }
                boolean expectsRanges = shape.getName().startsWith("ranged");
                boolean elsewhere = shape.getName().equals("rangedInAConstructor")
                        || shape.getName().equals("rangedInALambda");
                if (expectsRanges != ranged.contains(shape.getName()) && !elsewhere) {
                    wrong.add(shape.getName() + (expectsRanges ? " checks no range" : " checks a range"));
                }
            }
            // the constructor's loop, and the lambda's, are their own methods
            if (!ranged.contains("<init>") || ranged.stream().noneMatch(name -> name.startsWith("lambda$"))) {
                wrong.add("the constructor's or the lambda's loop checks no range: " + ranged);
            }
            // the inner loop's write, checked on leaving and by the handler: the outer loop, which holds it, checks
            // none
            if (hoisted != 2) {
                wrong.add("rangedInnerLoopAfterABranch makes " + hoisted + " range checks, not 2");
            }
            assertEquals(List.of(), wrong);
        }
    }

    /** The methods of the instrumented class that call a range hook, and how many times. */
    private static Map<String, Integer> rangeChecks(byte[] code) {
        Map<String, Integer> calls = new HashMap<>();
        new ClassReader(code)
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String descriptor, String signature, String[] exceptions) {
                                return new MethodVisitor(Opcodes.ASM9) {
                                    @Override
                                    public void visitMethodInsn(
                                            int opcode, String owner, String method, String desc, boolean itf) {
                                        if (method.equals(HookCalls.RANGE_READ.getName())
                                                || method.equals(HookCalls.RANGE_WRITE.getName())) {
                                            calls.merge(name, 1, Integer::sum);
                                        }
                                    }
                                };
                            }
                        },
                        0);
        return calls;
    }
}
