package racecorpus;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.concurrencyharness.Concurrent;

/** Handing an object from thread to thread: queues, concurrent maps, executors, futures, thread locals. */
public class HandOffs {

    /** A plain object whose fields travel with it. */
    public static class Box {
        int value;
    }

    @RaceFree("BlockingQueue put and take")
    public static class Blocking {
        private final BlockingQueue<Box> queue = new ArrayBlockingQueue<>(1);

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            if (index == 0) {
                Box box = new Box();
                box.value = 42;
                queue.put(box);
            } else {
                Box box = queue.take();
                box.value++;
            }
        }
    }

    @RaceFree("ConcurrentLinkedQueue offer and poll")
    public static class LinkedQueue {
        private final ConcurrentLinkedQueue<Box> queue = new ConcurrentLinkedQueue<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                Box box = new Box();
                box.value = 42;
                queue.offer(box);
            } else {
                Box box;
                while ((box = queue.poll()) == null) {
                    Thread.onSpinWait();
                }
                box.value++;
            }
        }
    }

    @RaceFree("ConcurrentHashMap put and get, through the Map interface")
    public static class ConcurrentMap {
        private final Map<String, Box> map = new ConcurrentHashMap<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                Box box = new Box();
                box.value = 42;
                map.put("box", box);
            } else {
                Box box;
                while ((box = map.get("box")) == null) {
                    Thread.onSpinWait();
                }
                box.value++;
            }
        }
    }

    @Racy(field = "racecorpus.HandOffs$Box.value")
    public static class SharedBoxAfterHandOff {
        private final Map<String, Box> map = new ConcurrentHashMap<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                Box box = new Box();
                map.put("box", box);
                box.value = 42; // race
            } else {
                Box box;
                while ((box = map.get("box")) == null) {
                    Thread.onSpinWait();
                }
                box.value++; // race
            }
        }
    }

    @RaceFree("ExecutorService submit and Future.get")
    public static class Executor {
        private int result;

        @Concurrent(threads = 2)
        public void run() throws InterruptedException, ExecutionException {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Box box = new Box();
                Future<?> done = pool.submit(() -> {
                    box.value = 42;
                });
                done.get();
                synchronized (this) {
                    result += box.value;
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @RaceFree("CompletableFuture supplyAsync and join")
    public static class Completable {
        private int result;

        @Concurrent(threads = 2)
        public void run() {
            Box box = new Box();
            box.value = 1;
            int value = CompletableFuture.supplyAsync(() -> {
                        box.value++;
                        return box.value;
                    })
                    .join();
            synchronized (this) {
                result += value + box.value;
            }
        }
    }

    @Racy(field = "racecorpus.HandOffs$TaskWithoutGet.shared")
    public static class TaskWithoutGet {
        private int shared;

        /** The latch only makes sure the task has run before the round ends; it orders nothing before the write. */
        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
            try {
                pool.execute(() -> {
                    shared = 1; // race
                    ran.countDown();
                });
                shared = 2; // race
                ran.await();
            } finally {
                pool.shutdown();
            }
        }
    }

    @RaceFree("ThreadLocal")
    public static class Local {
        private final ThreadLocal<Box> mine = ThreadLocal.withInitial(Box::new);

        @Concurrent(threads = 4)
        public void run() {
            for (int i = 0; i < 10; i++) {
                mine.get().value++;
            }
        }
    }

    @Racy(field = "racecorpus.HandOffs$TwoTasks.shared")
    public static class TwoTasks {
        private int shared;

        @Concurrent(threads = 1)
        public void run() throws InterruptedException, ExecutionException {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> first = pool.submit(() -> {
                    pause();
                    shared = 1; // race
                });
                Future<?> second = pool.submit(() -> {
                    pause();
                    shared = 2; // race
                });
                first.get();
                second.get();
            } finally {
                pool.shutdown();
            }
        }

        private static void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
