package org.concurrencyharness.internal.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class SharedStateRendererTest {

    /** An exercise's class as users write them: its synchronisation is part of its shared state. */
    static class Exercise {
        private static final String NAME = "constant";
        private static int rounds = 2;
        private final ReentrantLock lock = new ReentrantLock();
        private final Object monitor = new Object();
        private final Semaphore permits = new Semaphore(2);
        private final CountDownLatch done = new CountDownLatch(1);
        private final AtomicInteger hits = new AtomicInteger(7);
        private final Map<String, Integer> counts = new ConcurrentHashMap<>(Map.of("a", 1));
    }

    @Test
    void everyFieldIsRenderedByItsStateInDeclarationOrder() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("rounds", "2");
        expected.put("lock", "ReentrantLock[unlocked]");
        expected.put("monitor", "Object");
        expected.put("permits", "Semaphore[2 permits]");
        expected.put("done", "CountDownLatch[count 1]");
        expected.put("hits", "7");
        expected.put("counts", "{\"a\"=1}");
        Map<String, String> state = SharedStateRenderer.render(Exercise.class, new Exercise());
        assertEquals(expected, state);
        assertEquals(
                expected.keySet().stream().toList(), state.keySet().stream().toList(), "in declaration order");
    }

    @Test
    void twoInstancesInTheSameStateRenderAlike() {
        assertEquals(
                SharedStateRenderer.render(Exercise.class, new Exercise()),
                SharedStateRenderer.render(Exercise.class, new Exercise()));
    }
}
