package org.concurrencyharness.internal.race;

import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every access site the agent instrumented, by the small int id compiled into the code, and
 * what each field site names once resolved: the declaring class (an inherited field is the
 * superclass's), and whether the field is volatile or final.
 */
public final class SiteRegistry {

    /** What a field access site touches. */
    record FieldInfo(int key, String name, boolean isVolatile, boolean isFinal) {
    }

    private static final List<AccessSite> SITES = new ArrayList<>();
    private static final List<WeakReference<ClassLoader>> LOADERS = new ArrayList<>();
    private static final ConcurrentHashMap<String, Integer> FIELD_KEYS = new ConcurrentHashMap<>();
    private static volatile FieldInfo[] resolved = new FieldInfo[256];

    private SiteRegistry() {
    }

    /** Called by the agent while it instruments a class: the id its code will pass for this site. */
    public static synchronized int register(String owner, String field, String method, String location,
                                            boolean write, boolean array, ClassLoader loader) {
        SITES.add(new AccessSite(owner, field, method, location, write, array));
        LOADERS.add(new WeakReference<>(loader));
        return SITES.size() - 1;
    }

    static synchronized AccessSite site(int id) {
        return SITES.get(id);
    }

    /** The field a field access site touches, resolved on its first use. */
    static FieldInfo field(int site) {
        FieldInfo[] known = resolved;
        if (site < known.length && known[site] != null) {
            return known[site];
        }
        return resolve(site);
    }

    private static synchronized FieldInfo resolve(int site) {
        AccessSite access = SITES.get(site);
        ClassLoader loader = LOADERS.get(site).get();
        String className = access.owner().replace('/', '.');
        String name = className + "." + access.field();
        boolean isVolatile = false;
        boolean isFinal = false;
        try {
            for (Class<?> c = Class.forName(className, false, loader); c != null; c = c.getSuperclass()) {
                Field declared = declaredField(c, access.field());
                if (declared != null) {
                    name = c.getName() + "." + access.field();
                    isVolatile = Modifier.isVolatile(declared.getModifiers());
                    isFinal = Modifier.isFinal(declared.getModifiers());
                    break;
                }
            }
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            // keep the name as the instruction gave it
        }
        FieldInfo info = new FieldInfo(FIELD_KEYS.computeIfAbsent(name, k -> FIELD_KEYS.size()), name, isVolatile,
                isFinal);
        FieldInfo[] known = resolved;
        if (site >= known.length) {
            known = java.util.Arrays.copyOf(known, Math.max(site + 1, known.length * 2));
        } else {
            known = known.clone();
        }
        known[site] = info;
        resolved = known;
        return info;
    }

    private static Field declaredField(Class<?> type, String name) {
        for (Field field : type.getDeclaredFields()) {
            if (field.getName().equals(name)) {
                return field;
            }
        }
        return null;
    }
}
