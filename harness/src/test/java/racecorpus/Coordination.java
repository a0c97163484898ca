package racecorpus;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import org.concurrencyharness.Concurrent;

/** Latches, barriers, phasers and semaphores. */
public class Coordination {

    @RaceFree("Semaphore(1) as a mutex")
    public static class SemaphoreMutex {
        private final Semaphore mutex = new Semaphore(1);
        private int count;

        @Concurrent(threads = 4)
        public void run() throws InterruptedException {
            mutex.acquire();
            try {
                count++;
            } finally {
                mutex.release();
            }
        }
    }

    @RaceFree("CountDownLatch")
    public static class Latch {
        private final CountDownLatch ready = new CountDownLatch(1);
        private int data;

        @Concurrent(threads = 3)
        public void run(int index) throws InterruptedException {
            if (index == 0) {
                data = 42;
                ready.countDown();
            } else {
                ready.await();
                if (data != 42) {
                    throw new IllegalStateException("not published");
                }
            }
        }
    }

    @Racy(field = "racecorpus.Coordination$LatchIgnored.data")
    public static class LatchIgnored {
        private final CountDownLatch ready = new CountDownLatch(1);
        private int data;

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                data = 42; // race
                ready.countDown();
            } else {
                int seen = data; // race
                if (seen < 0) {
                    Thread.onSpinWait();
                }
            }
        }
    }

    @RaceFree("CyclicBarrier between phases")
    public static class Barrier {
        private final CyclicBarrier barrier = new CyclicBarrier(4);
        private final int[] slots = new int[4];
        private int[] sums = new int[4];

        @Concurrent(threads = 4)
        public void run(int index) throws InterruptedException, BrokenBarrierException {
            slots[index] = index + 1;
            barrier.await();
            int sum = 0;
            for (int slot : slots) {
                sum += slot;
            }
            sums[index] = sum;
        }
    }

    @RaceFree("Phaser between phases")
    public static class PhaserPhases {
        private final Phaser phaser = new Phaser(3);
        private final int[] slots = new int[3];
        private final int[] seen = new int[3];

        @Concurrent(threads = 3)
        public void run(int index) {
            slots[index] = index;
            phaser.arriveAndAwaitAdvance();
            seen[index] = slots[(index + 1) % 3];
        }
    }

    @Racy(field = "racecorpus.Coordination$NoBarrier.slots[]")
    public static class NoBarrier {
        private final int[] slots = new int[2];

        @Concurrent(threads = 2)
        public void run(int index) {
            slots[index] = index + 1; // race
            int other = slots[1 - index]; // race
            if (other < 0) {
                Thread.onSpinWait();
            }
        }
    }

    @Racy(field = "racecorpus.Coordination$SemaphoreTwoPermits.count")
    public static class SemaphoreTwoPermits {
        private final Semaphore permits = new Semaphore(2);
        private final CountDownLatch bothInside = new CountDownLatch(2);
        private int count;

        @Concurrent(threads = 2)
        public void run() throws InterruptedException {
            permits.acquire();
            try {
                bothInside.countDown();
                bothInside.await();
                count++; // race
            } finally {
                permits.release();
            }
        }
    }
}
