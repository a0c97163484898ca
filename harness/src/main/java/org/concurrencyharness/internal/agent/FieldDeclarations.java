package org.concurrencyharness.internal.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.concurrencyharness.internal.race.ObjectSummary;
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
     */
    record Declaration(
            String declaringClass,
            boolean isStatic,
            boolean isFinal,
            boolean isVolatile,
            boolean isShadowed,
            int summaryField) {}

    /**
     * What a class file declares: its superclass and its fields' access flags, in their order; and whether the
     * bootstrap or platform class loader has it, which the agent never instruments.
     */
    record ClassFields(String superName, boolean isInterface, Map<String, Integer> fields, boolean fromJdkLoader) {}

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
                boolean shadowed = instrumented && isShadowed(fields.isInterface(), access);
                return new Declaration(
                        name,
                        (access & Opcodes.ACC_STATIC) != 0,
                        (access & Opcodes.ACC_FINAL) != 0,
                        (access & Opcodes.ACC_VOLATILE) != 0,
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
            reader.accept(
                    new ClassVisitor(Opcodes.ASM9) {
                        @Override
                        public FieldVisitor visitField(
                                int access, String field, String descriptor, String signature, Object value) {
                            fields.put(field, access);
                            return null;
                        }
                    },
                    ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            boolean fromJdkLoader = ClassLoader.getPlatformClassLoader().getResource(name + ".class") != null;
            return new ClassFields(
                    reader.getSuperName(), (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0, fields, fromJdkLoader);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
