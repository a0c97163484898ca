package org.concurrencyharness.internal.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.objectweb.asm.ClassReader;

/**
 * The JDK types a class of the program's or of a library's extends or implements, read from
 * class files (never by loading the class, which the transformer must not do). A call whose
 * instruction names such a class synchronises as its JDK supertype does: a subclass of
 * {@code ReentrantLock} that calls {@code lock()} on itself, a {@code RecursiveAction} that calls
 * {@code fork()}.
 */
final class TypeHierarchy {

    private static final int MAX_TYPES = 64;

    private final Map<ClassLoader, Map<String, List<String>>> known = new WeakHashMap<>();
    private final Map<ClassLoader, Map<String, Boolean>> libraries = new WeakHashMap<>();

    /** The JDK types (internal names) the class descends from, nearest first; empty if it cannot be read. */
    synchronized List<String> jdkSupertypes(String type, ClassLoader loader) {
        Map<String, List<String>> cache = known.computeIfAbsent(loader, l -> new HashMap<>());
        List<String> found = cache.get(type);
        if (found == null) {
            found = search(type, loader);
            cache.put(type, found);
        }
        return found;
    }

    /** Whether the class, of the program's loaders, is a library's: its class file is in a jar. */
    synchronized boolean isLibrary(String type, ClassLoader loader) {
        if (loader == null || isJdk(type)) {
            return false;
        }
        return libraries.computeIfAbsent(loader, l -> new HashMap<>()).computeIfAbsent(type, t -> {
            java.net.URL found = loader.getResource(t + ".class");
            return found != null && isJar(found);
        });
    }

    static boolean isJar(java.net.URL location) {
        return "jar".equals(location.getProtocol()) || location.getPath().endsWith(".jar");
    }

    /** Whether the class descends from (or is) the JDK type. */
    boolean isSubtype(String type, String jdkType, ClassLoader loader) {
        if (type.equals(jdkType)) {
            return true;
        }
        if (isJdk(type)) {
            return isJdkSubtype(type, jdkType);
        }
        for (String supertype : jdkSupertypes(type, loader)) {
            if (supertype.equals(jdkType) || isJdkSubtype(supertype, jdkType)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> search(String type, ClassLoader loader) {
        List<String> jdk = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(List.of(type));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty() && seen.size() < MAX_TYPES) {
            String name = queue.poll();
            if (!seen.add(name)) {
                continue;
            }
            if (isJdk(name)) {
                if (!name.equals(type) && !name.equals("java/lang/Object")) {
                    jdk.add(name);
                }
                continue;
            }
            ClassReader reader = read(name, loader);
            if (reader == null) {
                continue;
            }
            if (reader.getSuperName() != null) {
                queue.add(reader.getSuperName());
            }
            queue.addAll(List.of(reader.getInterfaces()));
        }
        return List.copyOf(jdk);
    }

    private static boolean isJdk(String name) {
        return name.startsWith("java/")
                || name.startsWith("javax/")
                || name.startsWith("jdk/")
                || name.startsWith("sun/");
    }

    private static ClassReader read(String name, ClassLoader loader) {
        if (loader == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(name + ".class")) {
            return in == null ? null : new ClassReader(in);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the JDK type has a method of that name, its own or inherited, public or protected. */
    static boolean declares(String jdkType, String method) {
        try {
            for (Class<?> type = Class.forName(jdkType.replace('/', '.'), false, null);
                    type != null;
                    type = type.getSuperclass()) {
                for (java.lang.reflect.Method declared : type.getDeclaredMethods()) {
                    int modifiers = declared.getModifiers();
                    if (declared.getName().equals(method)
                            && (java.lang.reflect.Modifier.isPublic(modifiers)
                                    || java.lang.reflect.Modifier.isProtected(modifiers))) {
                        return true;
                    }
                }
            }
            for (java.lang.reflect.Method declared :
                    Class.forName(jdkType.replace('/', '.'), false, null).getMethods()) {
                if (declared.getName().equals(method)) {
                    return true;
                }
            }
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return false;
        }
        return false;
    }

    /** Between JDK types the JDK's own classes answer: they are loaded by the boot loader, never by the transformer's work. */
    private static boolean isJdkSubtype(String type, String jdkType) {
        try {
            Class<?> sub = Class.forName(type.replace('/', '.'), false, null);
            Class<?> sup = Class.forName(jdkType.replace('/', '.'), false, null);
            return sup.isAssignableFrom(sub);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
