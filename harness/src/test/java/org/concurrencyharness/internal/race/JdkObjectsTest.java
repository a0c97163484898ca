package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.ref.WeakReference;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Which JDK objects a call reads or writes, which synchronise, and which mean nothing, by their class. */
class JdkObjectsTest {

    /** A map of the program's that is a concurrent one. */
    static final class Registry extends ConcurrentHashMap<String, String> {}

    @Test
    void collectionsBuildersAndFormatsThatAreNotThreadSafeAreObjects() {
        assertEquals(JdkObjects.Contract.OBJECT, JdkObjects.of(new ArrayList<>()));
        assertEquals(JdkObjects.Contract.OBJECT, JdkObjects.of(new HashMap<>()));
        assertEquals(JdkObjects.Contract.OBJECT, JdkObjects.of(new StringBuilder()));
        assertEquals(JdkObjects.Contract.OBJECT, JdkObjects.of(new SimpleDateFormat("yyyy")));
        assertEquals(JdkObjects.Contract.OBJECT, JdkObjects.of(java.util.Arrays.asList(1, 2)));
    }

    @Test
    void concurrentAndSynchronizedObjectsSynchronise() {
        assertEquals(JdkObjects.Contract.CONCURRENT, JdkObjects.of(new ConcurrentHashMap<>()));
        assertEquals(JdkObjects.Contract.CONCURRENT, JdkObjects.of(Collections.synchronizedList(new ArrayList<>())));
        assertEquals(JdkObjects.Contract.CONCURRENT, JdkObjects.of(new StringBuffer()));
        assertEquals(JdkObjects.Contract.CONCURRENT, JdkObjects.of(new Registry()));
    }

    @Test
    void immutableObjectsAndTheProgramsOwnMeanNothing() {
        assertEquals(JdkObjects.Contract.NONE, JdkObjects.of(List.of(1, 2)));
        assertEquals(JdkObjects.Contract.NONE, JdkObjects.of("text"));
        assertEquals(JdkObjects.Contract.NONE, JdkObjects.of(new Object()));
        assertEquals(JdkObjects.Contract.NONE, JdkObjects.of(null));
    }

    @Test
    void anUnmodifiableViewOrAnLruMapOfTheProgramsIsTheObjectItViewsOrExtends() {
        Map<String, Integer> map = new HashMap<>();
        Object view = Collections.unmodifiableMap(map);
        assertEquals(JdkObjects.Contract.VIEW, JdkObjects.of(view));
        Hooks.postViewCall(view, map);
        assertEquals("java.util.HashMap", JdkObjects.viewedBy(view).typeName);
        Map<String, Integer> lru = new java.util.LinkedHashMap<>(16, 0.75f, true) {};
        assertEquals(JdkObjects.Contract.OBJECT, JdkObjects.of(lru));
        assertEquals("java.util.LinkedHashMap", JdkObjects.typeName(lru));
        assertEquals(JdkObjects.Contract.NONE, JdkObjects.of(new java.util.AbstractList<Integer>() {
            @Override
            public Integer get(int index) {
                return index;
            }

            @Override
            public int size() {
                return 1;
            }
        }));
    }

    @Test
    void aViewStandsForTheObjectItViews() {
        Map<String, Integer> map = new HashMap<>();
        Object keys = map.keySet();
        Object iterator = map.keySet().iterator();
        assertEquals(JdkObjects.Contract.VIEW, JdkObjects.of(keys));
        JdkObjects.viewed(keys, map);
        JdkObjects.viewed(iterator, keys);
        Object values = map.values();
        JdkObjects.viewed(values, map);
        ViewedObject viewed = JdkObjects.viewedBy(keys);
        assertSame(viewed, JdkObjects.viewedBy(iterator), "a view of a view stands for the same map");
        assertSame(viewed, JdkObjects.viewedBy(values), "every view of one map shares one");
        List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
        assertNull(JdkObjects.viewedBy(list.subList(0, 1)), "a view no call is known to have made stands for itself");
    }

    @Test
    void aViewDoesNotKeepItsObjectAliveAndEntriesStillMeetEachOtherAfterIt() throws InterruptedException {
        Detector.begin();
        Map<String, Integer> map = new HashMap<>(Map.of("a", 1, "b", 2));
        Object entrySet = map.entrySet();
        JdkObjects.viewed(entrySet, map);
        Iterator<Map.Entry<String, Integer>> iterator = map.entrySet().iterator();
        JdkObjects.viewed(iterator, entrySet);
        Object first = iterator.next();
        Object second = iterator.next();
        JdkObjects.viewed(first, iterator);
        JdkObjects.viewed(second, iterator);
        ThreadState state = (ThreadState) Hooks.threadState();
        assertSame(
                Accesses.fieldShadows(map, state),
                JdkObjects.viewedBy(first).shadows(state),
                "while the map lives, an entry stands for its own shadows");

        // a map's entries do not refer to it, and outlive it; the views' table must not keep it either (a new round
        // starts the thread's own caches afresh, which held it last)
        Detector.begin();
        WeakReference<Object> collected = new WeakReference<>(map);
        map = null;
        entrySet = null;
        iterator = null;
        for (int i = 0; i < 50 && collected.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }

        assertNull(collected.get(), "the map is collected while its entries live");
        ThreadState now = (ThreadState) Hooks.threadState();
        assertSame(
                JdkObjects.viewedBy(first).shadows(now),
                JdkObjects.viewedBy(second).shadows(now),
                "its entries still meet one another's accesses");
        Detector.end();
    }
}
