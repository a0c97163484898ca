package org.concurrencyharness.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jitshapes.Shapes;
import org.junit.jupiter.api.Test;

/**
 * The agent's rewriting must leave code the JIT can compile: a method it refuses runs in the
 * interpreter, tens of times slower (as methods with {@code synchronized} blocks once did, when
 * the monitor's hook sat outside the region that releases it on an exception). Runs every shape
 * of {@link Shapes} through the real agent with the JIT compiling each method on its first call,
 * and reads the JIT's log.
 */
class InstrumentedCodeCompilesIT {

    @Test
    void theJitCompilesEveryInstrumentedShape() throws Exception {
        String log = runShapes();
        assertTrue(log.contains("shapes ran"), log);
        List<String> refused = new ArrayList<>();
        for (String line : log.lines().toList()) {
            if (line.contains("jitshapes.Shapes")
                    && (line.contains("COMPILE SKIPPED") || line.contains("not compilable"))) {
                refused.add(line.trim());
            }
        }
        assertEquals(List.of(), refused, "the JIT refused instrumented methods");
        for (Method shape : Shapes.class.getDeclaredMethods()) {
            if (Modifier.isPublic(shape.getModifiers()) && !shape.getName().equals("main")) {
                assertTrue(
                        log.contains("jitshapes.Shapes::" + shape.getName() + " "),
                        shape.getName() + " was never compiled:\n" + log);
            }
        }
    }

    private static String runShapes() throws IOException, InterruptedException {
        Path output = Path.of("target", "instrumented-code-compiles.txt");
        List<String> command = List.of(
                childJava(),
                "-javaagent:" + System.getProperty("concurrency.harnessJar"),
                "-XX:-TieredCompilation",
                "-Xcomp",
                "-XX:+PrintCompilation",
                "-XX:CompileCommand=quiet",
                "-XX:CompileCommand=compileonly,jitshapes.Shapes::*",
                "-cp",
                System.getProperty("java.class.path"),
                Shapes.class.getName());
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!child.waitFor(2, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the shapes took more than 2 minutes; see " + output);
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), log);
        return log;
    }

    private static String childJava() {
        return System.getProperty(
                "concurrency.childJava",
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
