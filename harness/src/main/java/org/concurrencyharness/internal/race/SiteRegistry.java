package org.concurrencyharness.internal.race;

import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every access site the agent instrumented, by the small int id compiled into the code, and
 * what each field site names once resolved: the declaring class (an inherited field is the
 * superclass's), and whether the field is volatile or final.
 */
public final class SiteRegistry {

    /**
     * What a field access site touches. Keys are small and dense: an instance field's is its
     * place among the instance fields of its class and superclasses, so one object's shadows
     * need no more slots than it has fields; a static field's is unique among all statics.
     *
     * @param isTracked whether its accesses can race: not final, and its class could be found
     */
    record FieldInfo(int key, String name, boolean isVolatile, boolean isTracked) {}

    private static final List<AccessSite> SITES = new ArrayList<>();
    private static final List<WeakReference<ClassLoader>> LOADERS = new ArrayList<>();
    private static final Map<String, Integer> STATIC_KEYS = new HashMap<>();
    private static volatile FieldInfo[] resolved = new FieldInfo[256];
    /** The sites whose field's class holds a shadow field, and whether that field is static. */
    private static final Map<Integer, Boolean> SHADOWED = new HashMap<>();

    private static volatile ShadowFieldHandle[] shadowFields = new ShadowFieldHandle[256];

    private SiteRegistry() {}

    /** Called by the agent while it instruments a class: the id its code will pass for this site. */
    public static int register(
            String owner,
            String field,
            String method,
            String location,
            boolean write,
            boolean array,
            ClassLoader loader) {
        return register(owner, field, method, location, write, array, false, loader);
    }

    /** As {@link #register}, for code that may be a library's. */
    public static synchronized int register(
            String owner,
            String field,
            String method,
            String location,
            boolean write,
            boolean array,
            boolean library,
            ClassLoader loader) {
        return add(new AccessSite(owner, field, method, location, write, array, library), loader);
    }

    private static int add(AccessSite site, ClassLoader loader) {
        SITES.add(site);
        LOADERS.add(new WeakReference<>(loader));
        int id = SITES.size() - 1;
        if (site.library()) {
            boolean[] known = libraries;
            if (id >= known.length) {
                known = java.util.Arrays.copyOf(known, Math.max(id + 1, known.length * 2));
            }
            // set in place: a site's code runs only after its class was defined, which this precedes
            known[id] = true;
            libraries = known;
        }
        return id;
    }

    /** Which sites are in a library's code, read without a lock by the checks of their accesses. */
    private static volatile boolean[] libraries = new boolean[256];
    /** A library site made under a call of the project's, by the pair: the site that says both. */
    private static final Map<Long, Integer> UNDER = new HashMap<>();

    static boolean isLibrary(int site) {
        boolean[] known = libraries;
        return site < known.length && known[site];
    }

    /** The site of an access at a library's site made under the project's call at {@code userSite}. */
    static synchronized int under(int site, int userSite) {
        long pair = (long) site << 32 | (userSite & 0xffffffffL);
        Integer found = UNDER.get(pair);
        if (found == null) {
            found = add(
                    SITES.get(site).under(SITES.get(userSite).location()),
                    LOADERS.get(site).get());
            UNDER.put(pair, found);
        }
        return found;
    }

    /**
     * Called by the agent for a call that may be on a JDK object that is not thread-safe (a list, a
     * map, a builder): {@code field} is the field through which the code reached the object, if any.
     */
    public static synchronized int registerCall(
            String field,
            String type,
            String name,
            boolean returnsView,
            String method,
            String location,
            boolean write,
            boolean library,
            ClassLoader loader) {
        int id = add(
                new AccessSite(
                        null,
                        field,
                        method,
                        location,
                        write,
                        false,
                        type + "." + name,
                        returnsView,
                        false,
                        library,
                        null),
                loader);
        calls = with(calls, id, SITES.get(id));
        return id;
    }

    /**
     * Called by the agent for a call of the JDK's that goes through objects it is given (see
     * SyncContracts#argumentUses): {@code call} names it as the user reads it, {@code new ArrayList}. The site
     * returned is of the objects it reads; the next one, of those it writes.
     */
    public static synchronized int registerArgumentCall(
            String call, String method, String location, boolean library, ClassLoader loader) {
        int reads = add(
                new AccessSite(null, null, method, location, false, false, call, false, true, library, null), loader);
        int writes = add(
                new AccessSite(null, null, method, location, true, false, call, false, true, library, null), loader);
        calls = with(calls, reads, SITES.get(reads));
        calls = with(calls, writes, SITES.get(writes));
        return reads;
    }

    /** The call sites, by id, read without a lock by the hooks of every call on a JDK object. */
    private static volatile AccessSite[] calls = new AccessSite[256];

    static AccessSite call(int site) {
        AccessSite[] known = calls;
        return site < known.length && known[site] != null ? known[site] : site(site);
    }

    /**
     * Called by the agent for an access to a field declared by a class it instruments, which thus
     * holds a shadow field: {@code owner} is the declaring class.
     */
    public static synchronized int registerShadowed(
            String owner,
            String field,
            boolean isStatic,
            String method,
            String location,
            boolean write,
            boolean library,
            ClassLoader loader) {
        int id = register(owner, field, method, location, write, false, library, loader);
        SHADOWED.put(id, isStatic);
        return id;
    }

    /**
     * The field sites of one object whose checks one look at its summary stands for (see
     * {@link ObjectSummary}): all of fields of one class, whose summary field it reaches once.
     */
    static final class Group {
        final int[] sites;
        final boolean[] writes;
        final long checked;
        private volatile ObjectSummary summary;

        Group(int[] sites, boolean[] writes, long checked) {
            this.sites = sites;
            this.writes = writes;
            this.checked = checked;
        }

        /** The summary field of the fields' class; null if it cannot be reached. */
        ObjectSummary summary() {
            ObjectSummary found = summary;
            if (found == null) {
                try {
                    found = ObjectSummary.find(ownerOf(sites[0]));
                } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                    // not reachable: the group is checked field by field every time
                }
                summary = found;
            }
            return found;
        }
    }

    private static volatile Group[] groups = new Group[64];
    private static int groupCount;

    /**
     * Called by the agent for a stretch of code that touches several shadowed fields of one
     * object: the sites, all of one declaring class, and the summary bits their checks set.
     */
    public static synchronized int registerGroup(int[] sites, long checked) {
        boolean[] writes = new boolean[sites.length];
        for (int i = 0; i < sites.length; i++) {
            writes[i] = SITES.get(sites[i]).write();
        }
        int id = groupCount++;
        groups = with(groups, id, new Group(sites.clone(), writes, checked));
        return id;
    }

    static Group group(int id) {
        Group[] known = groups;
        return id < known.length && known[id] != null ? known[id] : registeredGroup(id);
    }

    private static synchronized Group registeredGroup(int id) {
        return groups[id];
    }

    /** The class a site's instruction names, through the loader of the class that holds the site. */
    private static synchronized Class<?> ownerOf(int site) throws ClassNotFoundException {
        return Class.forName(
                SITES.get(site).owner().replace('/', '.'),
                false,
                LOADERS.get(site).get());
    }

    /** The shadow field a shadowed site's field has, found on the site's first use; null if it cannot be reached. */
    static ShadowFieldHandle shadowField(int site) {
        ShadowFieldHandle[] known = shadowFields;
        if (site < known.length && known[site] != null) {
            return known[site];
        }
        return findShadowField(site);
    }

    private static synchronized ShadowFieldHandle findShadowField(int site) {
        ShadowFieldHandle found = null;
        try {
            found = ShadowFieldHandle.find(ownerOf(site), SITES.get(site).field(), SHADOWED.get(site));
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            // not reachable: its accesses are tracked as those of fields without shadows
        }
        if (found == null) {
            return null;
        }
        shadowFields = with(shadowFields, site, found);
        return found;
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
        FieldInfo info = new FieldInfo(0, access.owner().replace('/', '.') + "." + access.field(), false, false);
        try {
            for (Class<?> c = ownerOf(site); c != null; c = c.getSuperclass()) {
                Field declared = declaredField(c, access.field());
                if (declared != null) {
                    info = describe(c, declared);
                    break;
                }
            }
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            // a field whose class cannot be found is not tracked
        }
        resolved = with(resolved, site, info);
        return info;
    }

    /** The field of that name a class declares or inherits, as its sites resolve it; null if there is none. */
    static synchronized FieldInfo field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Field declared = declaredField(c, name);
            if (declared != null) {
                return describe(c, declared);
            }
        }
        return null;
    }

    /**
     * A copy of a lookup table with one more entry: readers read the table without a lock, so it
     * is never changed in place once published.
     */
    private static <T> T[] with(T[] known, int site, T value) {
        int length = site < known.length ? known.length : Math.max(site + 1, known.length * 2);
        T[] copy = java.util.Arrays.copyOf(known, length);
        copy[site] = value;
        return copy;
    }

    private static FieldInfo describe(Class<?> declaring, Field field) {
        String name = declaring.getName() + "." + field.getName();
        int modifiers = field.getModifiers();
        int key;
        if (Modifier.isStatic(modifiers)) {
            key = STATIC_KEYS.computeIfAbsent(name, k -> STATIC_KEYS.size());
        } else {
            key = instanceFieldsAbove(declaring) + instanceFieldIndex(declaring, field);
        }
        return new FieldInfo(key, name, Modifier.isVolatile(modifiers), !Modifier.isFinal(modifiers));
    }

    private static int instanceFieldsAbove(Class<?> type) {
        int count = 0;
        for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                count += Modifier.isStatic(field.getModifiers()) || field.isSynthetic() ? 0 : 1;
            }
        }
        return count;
    }

    /** Its place among its class's instance fields, in the order reflection gives, which is fixed for a run. */
    private static int instanceFieldIndex(Class<?> type, Field field) {
        int index = 0;
        for (Field other : type.getDeclaredFields()) {
            if (other.getName().equals(field.getName())) {
                return index;
            }
            index += Modifier.isStatic(other.getModifiers()) || other.isSynthetic() ? 0 : 1;
        }
        throw new IllegalStateException("no field " + field);
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
