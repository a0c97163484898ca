package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
        assertSame(map, JdkObjects.variable(view, JdkObjects.Contract.VIEW));
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
        JdkObjects.viewed(iterator, JdkObjects.variable(keys, JdkObjects.of(keys)));
        assertSame(map, JdkObjects.variable(keys, JdkObjects.Contract.VIEW));
        assertSame(map, JdkObjects.variable(iterator, JdkObjects.Contract.VIEW));
        List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
        Object unlinked = list.subList(0, 1);
        assertSame(unlinked, JdkObjects.variable(unlinked, JdkObjects.of(unlinked)));
    }
}
