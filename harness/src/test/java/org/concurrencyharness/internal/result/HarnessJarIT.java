package org.concurrencyharness.internal.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The packaged harness jar carries jackson-core and ASM relocated under the harness's own
 * packages, and nothing under their own names, so that it never meets the user's copies; and
 * its JSON works from the jar alone, with nothing else on the class path. Being the agent, it
 * carries nothing the plugin alone uses: no report writer, no source insight, no javaparser.
 */
class HarnessJarIT {

    private static final Path JAR = Path.of(System.getProperty("concurrency.harnessJar"));

    @Test
    void theJarHoldsJacksonAndAsmRelocatedAndNeitherUnderItsOwnName() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();
            assertTrue(
                    names.contains("org/concurrencyharness/internal/jackson/core/JsonFactory.class"), JAR.toString());
            assertTrue(names.contains("org/concurrencyharness/internal/asm/ClassReader.class"), JAR.toString());
            assertEquals(
                    List.of(),
                    names.stream().filter(n -> n.contains("com/fasterxml")).toList());
            assertEquals(
                    List.of(),
                    names.stream().filter(n -> n.contains("org/objectweb")).toList());
            assertEquals(
                    List.of(),
                    names.stream()
                            .filter(n -> n.startsWith("META-INF/services/com.fasterxml"))
                            .toList(),
                    "no service entry announces the relocated factory to the user's Jackson");
        }
    }

    @Test
    void theJarHoldsNeitherTheReportWritersNorSourceInsightNorJavaparser() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();
            assertTrue(names.contains("org/concurrencyharness/internal/result/RunReport.class"), JAR.toString());
            assertEquals(
                    List.of(),
                    names.stream()
                            .filter(n -> n.startsWith("com/github/javaparser")
                                    || n.startsWith("org/concurrencyharness/maven/")
                                    || n.startsWith("org/concurrencyharness/internal/report/")
                                    || n.startsWith("org/concurrencyharness/internal/insight/")
                                    || n.contains("Html"))
                            .toList());
        }
    }

    @Test
    void itsJsonWritesAndParsesFromTheJarAlone() throws Exception {
        try (URLClassLoader alone =
                new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> json = alone.loadClass(Json.class.getName());
            assertTrue(json != Json.class, "the jar's own class, not the test class path's");
            Method write = json.getMethod("write", Object.class);
            Method parse = json.getMethod("parse", String.class);
            Map<String, Object> value = Map.of("races", List.of(1L, "line\u2028break"));
            String text = (String) write.invoke(null, value);
            assertEquals("{\"races\":[1,\"line\\u2028break\"]}", text);
            assertEquals(value, parse.invoke(null, text));
        }
    }
}
