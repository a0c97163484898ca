package org.concurrencyharness.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Instruments every class of two real libraries (javaparser and AssertJ, thousands of classes
 * with loops, branches, handlers and constructors of every shape) and has the JVM verify each:
 * code the agent adds (range checks on leaving loops, their handlers and frames, checks made
 * together) must never make a program's class fail to load.
 */
class InstrumentedLibrariesVerifyIT {

    @Test
    void everyInstrumentedClassOfTwoLibrariesPassesTheVerifier() throws Exception {
        List<String> failures = new ArrayList<>();
        int[] counts = new int[3];
        for (Class<?> library :
                List.of(com.github.javaparser.JavaParser.class, org.assertj.core.api.Assertions.class)) {
            verifyJar(
                    Path.of(library.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI()),
                    failures,
                    counts);
        }
        System.out.printf(
                "verified %d instrumented classes: %d with loops checked as ranges, %d with checks of an"
                        + " object's fields made together%n",
                counts[0], counts[1], counts[2]);
        assertEquals(List.of(), failures);
        // libraries index arrays in loops less than numeric code does: LoopShapesTest covers loops' shapes
        assertTrue(counts[0] > 1400 && counts[1] > 0 && counts[2] > 50, "too little was instrumented to tell");
    }

    private static void count(byte[] code, int[] counts) {
        String constants = new String(code, StandardCharsets.ISO_8859_1);
        counts[0]++;
        // by name: this test runs against the shaded jar, whose HookCalls speaks of relocated ASM types
        if (constants.contains("rangeRead") || constants.contains("rangeWrite")) {
            counts[1]++;
        }
        if (constants.contains("(Ljava/lang/Object;JJILjava/lang/Object;)Ljava/lang/Object;")) {
            counts[2]++;
        }
    }

    private static void verifyJar(Path jar, List<String> failures, int[] counts)
            throws IOException, ClassNotFoundException {
        try (JarFile file = new JarFile(jar.toFile());
                InstrumentingClassLoader loader =
                        new InstrumentingClassLoader(new URL[] {jar.toUri().toURL()}, name -> true)) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (!name.endsWith(".class") || name.contains("-") || name.startsWith("META-INF")) {
                    continue;
                }
                String className =
                        name.substring(0, name.length() - ".class".length()).replace('/', '.');
                try {
                    // linking, which the reflective call forces, is when the JVM verifies a class
                    Class.forName(className, false, loader).getDeclaredMethods();
                    count(loader.instrumented(className), counts);
                } catch (VerifyError | ClassFormatError e) {
                    failures.add(className + ": " + e);
                } catch (LinkageError e) {
                    // an optional dependency missing from the class path: nothing to verify
                }
            }
        }
    }
}
