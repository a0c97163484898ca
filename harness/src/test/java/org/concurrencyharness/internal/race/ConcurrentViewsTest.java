package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** Which object a call on a concurrent collection's view or iterator synchronises through. */
class ConcurrentViewsTest {

    @Test
    void anIteratorOfAConcurrentQueueSynchronisesThroughTheQueue() {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
        Iterator<String> iterator = queue.iterator();
        assertSame(iterator, ConcurrentViews.of(iterator), "not linked yet: itself");
        ConcurrentViews.link(iterator, queue);
        assertSame(queue, ConcurrentViews.of(iterator));
        assertSame(queue, ConcurrentViews.of(queue));
    }

    @Test
    void aViewOfAViewSynchronisesThroughTheCollection() {
        ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
        Set<String> keys = map.keySet();
        Iterator<String> iterator = keys.iterator();
        ConcurrentViews.link(keys, map);
        ConcurrentViews.link(iterator, keys);
        assertSame(map, ConcurrentViews.of(iterator));
    }

    @Test
    void anotherIteratorIsNotLinked() {
        ConcurrentViews.link(new ConcurrentLinkedQueue<>().iterator(), new ConcurrentLinkedQueue<>());
        List<String> list = new ArrayList<>();
        Iterator<String> iterator = list.iterator();
        ConcurrentViews.link(iterator, list);
        assertSame(
                iterator,
                ConcurrentViews.of(iterator),
                "a plain list's iterator is a view of an object, not of a sync");
    }
}
