package org.concurrencyharness.internal.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicMarkableReference;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.AtomicStampedReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class ValueRendererTest {

    /** A user's object that says nothing of itself. */
    static class Node {
        private final int value = 1;
        private final Node next = null;
    }

    /** A user's object whose own words include its identity, as the JDK's locks' do. */
    static class Labelled {
        @Override
        public String toString() {
            return super.toString() + "[ready]";
        }
    }

    record Guarded(ReentrantLock lock, int count) {}

    private static final String ME = Thread.currentThread().getName();

    @Test
    void aReentrantLockSaysWhoHoldsItAndHowManyQueueNeverItsIdentity() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        assertEquals("ReentrantLock[unlocked]", ValueRenderer.render(lock));

        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(
                () -> {
                    lock.lock();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        lock.unlock();
                    }
                },
                "holder");
        Thread waiter = new Thread(
                () -> {
                    lock.lock();
                    lock.unlock();
                },
                "waiter");
        holder.start();
        await(lock::isLocked);
        waiter.start();
        await(() -> lock.getQueueLength() == 1);
        assertEquals("ReentrantLock[locked by holder, 1 queued]", ValueRenderer.render(lock));
        release.countDown();
        holder.join();
        waiter.join();
        assertEquals("ReentrantLock[unlocked]", ValueRenderer.render(lock));
    }

    @Test
    void readWriteAndStampedLocksSayHowTheyAreHeld() {
        ReentrantReadWriteLock readWrite = new ReentrantReadWriteLock();
        assertEquals("ReentrantReadWriteLock[unlocked]", ValueRenderer.render(readWrite));
        readWrite.writeLock().lock();
        assertEquals("ReentrantReadWriteLock[write-locked by " + ME + "]", ValueRenderer.render(readWrite));
        readWrite.readLock().lock();
        readWrite.writeLock().unlock();
        readWrite.readLock().lock();
        assertEquals("ReentrantReadWriteLock[read-locked 2 times]", ValueRenderer.render(readWrite));
        readWrite.readLock().unlock();
        assertEquals("ReentrantReadWriteLock[read-locked once]", ValueRenderer.render(readWrite));

        StampedLock stamped = new StampedLock();
        assertEquals("StampedLock[unlocked]", ValueRenderer.render(stamped));
        long write = stamped.writeLock();
        assertEquals("StampedLock[write-locked]", ValueRenderer.render(stamped));
        stamped.unlockWrite(write);
        stamped.readLock();
        stamped.readLock();
        assertEquals("StampedLock[read-locked 2 times]", ValueRenderer.render(stamped));

        assertEquals("Condition", ValueRenderer.render(new ReentrantLock().newCondition()));
    }

    @Test
    void semaphoresLatchesBarriersAndPhasersSayTheirCounts() throws Exception {
        Semaphore semaphore = new Semaphore(3);
        assertEquals("Semaphore[3 permits]", ValueRenderer.render(semaphore));
        semaphore.acquire(2);
        assertEquals("Semaphore[1 permit]", ValueRenderer.render(semaphore));

        CountDownLatch latch = new CountDownLatch(2);
        latch.countDown();
        assertEquals("CountDownLatch[count 1]", ValueRenderer.render(latch));

        CyclicBarrier barrier = new CyclicBarrier(3);
        assertEquals("CyclicBarrier[3 parties, 0 waiting]", ValueRenderer.render(barrier));
        Thread waiting = new Thread(() -> {
            try {
                barrier.await();
            } catch (Exception e) {
                // the barrier is broken below to let it go
            }
        });
        waiting.start();
        await(() -> barrier.getNumberWaiting() == 1);
        assertEquals("CyclicBarrier[3 parties, 1 waiting]", ValueRenderer.render(barrier));
        waiting.interrupt();
        waiting.join();
        assertEquals("CyclicBarrier[3 parties, 0 waiting, broken]", ValueRenderer.render(barrier));

        Phaser phaser = new Phaser(2);
        phaser.arrive();
        assertEquals("Phaser[phase 0, 2 parties, 1 arrived]", ValueRenderer.render(phaser));
        phaser.forceTermination();
        assertEquals("Phaser[terminated, 2 parties, 1 arrived]", ValueRenderer.render(phaser));
    }

    @Test
    void aThreadIsItsNameAndState() throws Exception {
        Thread thread = new Thread(() -> {}, "worker-7");
        assertEquals("Thread[worker-7, NEW]", ValueRenderer.render(thread));
        thread.start();
        thread.join();
        assertEquals("Thread[worker-7, TERMINATED]", ValueRenderer.render(thread));
    }

    @Test
    void atomicsAreTheirValuesRenderedAsAnyValueIs() {
        assertEquals("5", ValueRenderer.render(new AtomicInteger(5)));
        assertEquals("-2", ValueRenderer.render(new AtomicLong(-2)));
        assertEquals("true", ValueRenderer.render(new AtomicBoolean(true)));
        LongAdder adder = new LongAdder();
        adder.add(3);
        assertEquals("3", ValueRenderer.render(adder));
        assertEquals("\"x\"", ValueRenderer.render(new AtomicReference<>("x")));
        assertEquals("Node{value=1, next=null}", ValueRenderer.render(new AtomicReference<>(new Node())));
        assertEquals("[1, 2, 3]", ValueRenderer.render(new AtomicIntegerArray(new int[] {1, 2, 3})));
        assertEquals("[\"a\", null]", ValueRenderer.render(new AtomicReferenceArray<>(new String[] {"a", null})));
        assertEquals(
                "[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ... (+5 more)]",
                ValueRenderer.render(new AtomicIntegerArray(25)));
        assertEquals("\"a\" (stamp 3)", ValueRenderer.render(new AtomicStampedReference<>("a", 3)));
        assertEquals("\"a\" (marked)", ValueRenderer.render(new AtomicMarkableReference<>("a", true)));
        AtomicReference<Object> self = new AtomicReference<>();
        self.set(self);
        assertEquals("<cycle>", ValueRenderer.render(self));
    }

    @Test
    void queuesAndConcurrentCollectionsAreTheirContents() {
        assertEquals("[1, 2]", ValueRenderer.render(new ConcurrentLinkedQueue<>(List.of(1, 2))));
        assertEquals("[\"a\"]", ValueRenderer.render(new LinkedBlockingQueue<>(List.of("a"))));
        assertEquals("[]", ValueRenderer.render(new ArrayBlockingQueue<>(4)));
        assertEquals("[3]", ValueRenderer.render(new CopyOnWriteArrayList<>(List.of(3))));
        assertEquals("{\"k\"=1}", ValueRenderer.render(new ConcurrentHashMap<>(Map.of("k", 1))));
    }

    @Test
    void anObjectThatPrintsItsIdentityRendersWithout() {
        assertEquals("Object", ValueRenderer.render(new Object()), "a plain JDK object is its class");
        assertEquals("Node{value=1, next=null}", ValueRenderer.render(new Node()), "a user's object is its fields");
        assertEquals("ValueRendererTest$Labelled[ready]", ValueRenderer.render(new Labelled()));
        assertEquals(
                "Guarded[lock=ReentrantLock[Unlocked], count=2]",
                ValueRenderer.render(new Guarded(new ReentrantLock(), 2)),
                "nor of what it holds");
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        assertEquals(
                "ThreadPoolExecutor[Running, pool size = 0, active threads = 0, queued tasks = 0,"
                        + " completed tasks = 0]",
                ValueRenderer.render(pool));
        pool.shutdown();
        Runnable lambda = () -> {};
        String rendered = ValueRenderer.render(lambda);
        assertTrue(rendered.startsWith("ValueRendererTest$$Lambda"), rendered);
        assertFalse(rendered.contains("/0x"), "a hidden class's address is left out: " + rendered);
    }

    @Test
    void twoRunsRenderTheSameStateAlike() {
        Object[] first = {
            new ReentrantLock(),
            new Semaphore(2),
            new Object(),
            new Labelled(),
            new CountDownLatch(1),
            new Thread(() -> {}, "worker-0"),
            new ReentrantReadWriteLock().readLock()
        };
        Object[] second = {
            new ReentrantLock(),
            new Semaphore(2),
            new Object(),
            new Labelled(),
            new CountDownLatch(1),
            new Thread(() -> {}, "worker-0"),
            new ReentrantReadWriteLock().readLock()
        };
        String rendered = ValueRenderer.render(first);
        assertEquals(rendered, ValueRenderer.render(second));
        assertFalse(rendered.contains("@"), rendered);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 10 s");
            }
            Thread.sleep(5);
        }
    }
}
