package org.concurrencyharness.internal.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * Which classes the agent instruments: the program's, never the JDK's, the harness's or its
 * test platform's. Packages under {@code org.concurrencyharness} other than {@code internal}
 * hold users' exercises (the samples), so they are instrumented. The agent option {@code exclude=com.foo.*:org.bar.*} leaves more out.
 */
final class ClassFilter {

    private static final String HARNESS_PACKAGE = "org/concurrencyharness/";
    private static final String HARNESS_INTERNALS = HARNESS_PACKAGE + "internal/";
    private static final List<String> NEVER = List.of(
            "java/",
            "javax/",
            "jdk/",
            "sun/",
            "com/sun/",
            HARNESS_INTERNALS,
            "org/junit/",
            "org/opentest4j/",
            "org/apiguardian/",
            "org/objectweb/asm/",
            "org/apache/maven/",
            "org/codehaus/plexus/",
            "org/eclipse/sisu/",
            "com/google/inject/",
            "kotlin/",
            "scala/",
            "groovy/",
            "org/codehaus/groovy/",
            "org/slf4j/",
            "ch/qos/logback/",
            "net/bytebuddy/",
            "org/mockito/",
            "org/gradle/");

    private final List<String> excluded;

    private ClassFilter(List<String> excluded) {
        this.excluded = excluded;
    }

    static ClassFilter parse(String options) {
        List<String> excluded = new ArrayList<>(NEVER);
        if (options != null) {
            for (String option : options.split(",")) {
                if (option.startsWith("exclude=")) {
                    for (String pattern : option.substring("exclude=".length()).split(":")) {
                        String prefix = pattern.trim().replace('.', '/');
                        if (prefix.endsWith("*")) {
                            prefix = prefix.substring(0, prefix.length() - 1);
                        }
                        if (!prefix.isEmpty()) {
                            excluded.add(prefix);
                        }
                    }
                }
            }
        }
        return new ClassFilter(excluded);
    }

    boolean instruments(String internalName, ClassLoader loader) {
        if (internalName == null
                || loader == null
                || loader == ClassLoader.getPlatformClassLoader()
                || internalName.equals("module-info")
                || internalName.endsWith("package-info")) {
            return false;
        }
        if (internalName.startsWith(HARNESS_PACKAGE) && internalName.indexOf('/', HARNESS_PACKAGE.length()) < 0) {
            // the harness's public API (annotations, shared objects); its sub-packages are users' code, samples
            return false;
        }
        for (String prefix : excluded) {
            if (internalName.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
