package org.concurrencyharness.internal.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.concurrencyharness.internal.race.ObjectSummary;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Which fields hold a shadow field next to them: the non-final, non-volatile fields of the
 * classes the agent instruments (see {@link RaceClassVisitor}). A field instruction names a
 * class that may only inherit the field; its declaring class is found by reading the class
 * files of the class and its superclasses through the accessing class's loader, without loading
 * them.
 */
final class FieldDeclarations {

    /**
     * The class that declares a field, whether that class holds the field's shadow, and the
     * field's place in its objects' summary (see {@code ObjectSummary}), or -1 if it has none.
     * {@code publishes}: a field through which a library publishes objects without synchronising,
     * on purpose, whose accesses synchronise as a volatile's do: one listed in RacyPublications, or
     * one declared {@code @LazyInit} (Error Prone's annotation for a lazily initialised field whose
     * races "yield no semantic difference", as Guava's immutable collections cache their views).
     */
    record Declaration(
            String declaringClass,
            boolean isStatic,
            boolean isFinal,
            boolean isVolatile,
            boolean publishes,
            boolean isShadowed,
            int summaryField) {

        /** Whether its accesses synchronise as a volatile's do: it is volatile, or publishes (see {@link #publishes}). */
        boolean synchronises() {
            return isVolatile || publishes;
        }
    }

    /**
     * What a class file declares: its superclass and its fields' access flags, in their order, and which of them
     * are declared {@code @LazyInit}; and whether the bootstrap or platform class loader has it, which the agent never
     * instruments.
     */
    record ClassFields(
            String superName,
            boolean isInterface,
            Map<String, Integer> fields,
            Set<String> lazyInit,
            boolean fromJdkLoader) {}

    /** The annotation that declares a field lazily initialised through a benign race. */
    static final String LAZY_INIT = "Lcom/google/errorprone/annotations/concurrent/LazyInit;";

    private static final int MAX_DEPTH = 64;

    private final ClassFilter filter;
    private final Map<ClassLoader, Map<String, ClassFields>> read = new WeakHashMap<>();

    FieldDeclarations(ClassFilter filter) {
        this.filter = filter;
    }

    /** Whether the agent gives this field of a class it instruments a shadow. */
    static boolean isShadowed(boolean classIsInterface, int fieldAccess) {
        return !classIsInterface
                && (fieldAccess & (Opcodes.ACC_FINAL | Opcodes.ACC_VOLATILE | Opcodes.ACC_SYNTHETIC)) == 0;
    }

    /**
     * The declaration a field instruction reaches, or null when it cannot be told (a class file
     * that cannot be read, or a field found only in interfaces). {@code current} is the class being
     * instrumented, whose own class file may not be readable yet.
     */
    Declaration find(String owner, String field, ClassLoader loader, String currentName, ClassFields current) {
        String name = owner;
        for (int depth = 0; name != null && depth < MAX_DEPTH; depth++) {
            ClassFields fields = name.equals(currentName) ? current : classFields(name, loader);
            if (fields == null) {
                return null;
            }
            Integer access = fields.fields().get(field);
            if (access != null) {
                boolean instrumented =
                        name.equals(currentName) || filter.instruments(name, loader) && !fields.fromJdkLoader();
                boolean isFinal = (access & Opcodes.ACC_FINAL) != 0;
                boolean publishes =
                        !isFinal && (fields.lazyInit().contains(field) || RacyPublications.contains(name, field));
                // a field that publishes is checked as a volatile one: its shadow field, declared by its flags, is
                // unused
                boolean shadowed = instrumented && isShadowed(fields.isInterface(), access) && !publishes;
                return new Declaration(
                        name,
                        (access & Opcodes.ACC_STATIC) != 0,
                        isFinal,
                        (access & Opcodes.ACC_VOLATILE) != 0,
                        publishes,
                        shadowed,
                        shadowed ? summaryField(fields, field) : -1);
            }
            name = fields.superName();
        }
        return null;
    }

    /** Whether a class holds a summary: it has a shadowed instance field. */
    static boolean hasSummary(boolean classIsInterface, Map<String, Integer> fields) {
        return fields.values().stream()
                .anyMatch(access -> isShadowed(classIsInterface, access) && (access & Opcodes.ACC_STATIC) == 0);
    }

    /** A shadowed field's place among its class's shadowed instance fields, in declaration order, if the summary holds it. */
    private static int summaryField(ClassFields fields, String field) {
        int place = 0;
        for (Map.Entry<String, Integer> declared : fields.fields().entrySet()) {
            int access = declared.getValue();
            if (!isShadowed(fields.isInterface(), access) || (access & Opcodes.ACC_STATIC) != 0) {
                continue;
            }
            if (declared.getKey().equals(field)) {
                return place < ObjectSummary.FIELDS ? place : -1;
            }
            place++;
        }
        return -1;
    }

    /** A visitor of a field's annotations that adds the field to {@code lazyInit} if it is declared so; {@code next} gets all. */
    static FieldVisitor lazyInitOf(String field, Set<String> lazyInit, FieldVisitor next) {
        return new FieldVisitor(Opcodes.ASM9, next) {
            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                if (LAZY_INIT.equals(descriptor)) {
                    lazyInit.add(field);
                }
                return super.visitAnnotation(descriptor, visible);
            }
        };
    }

    private ClassFields classFields(String name, ClassLoader loader) {
        synchronized (read) {
            Map<String, ClassFields> known = read.computeIfAbsent(loader, l -> new HashMap<>());
            if (known.containsKey(name)) {
                return known.get(name);
            }
            ClassFields fields = readClassFile(name, loader);
            known.put(name, fields);
            return fields;
        }
    }

    private static ClassFields readClassFile(String name, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(name + ".class")) {
            if (in == null) {
                return null;
            }
            ClassReader reader = new ClassReader(in);
            Map<String, Integer> fields = new LinkedHashMap<>();
            Set<String> lazyInit = new HashSet<>();
            reader.accept(
                    new ClassVisitor(Opcodes.ASM9) {
                        @Override
                        public FieldVisitor visitField(
                                int access, String field, String descriptor, String signature, Object value) {
                            fields.put(field, access);
                            return lazyInitOf(field, lazyInit, null);
                        }
                    },
                    ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            boolean fromJdkLoader = ClassLoader.getPlatformClassLoader().getResource(name + ".class") != null;
            return new ClassFields(
                    reader.getSuperName(),
                    (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0,
                    fields,
                    lazyInit,
                    fromJdkLoader);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
