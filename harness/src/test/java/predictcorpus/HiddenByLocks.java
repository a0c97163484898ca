package predictcorpus;

import java.util.concurrent.locks.ReentrantLock;
import org.concurrencyharness.Concurrent;
import org.concurrencyharness.Semaphore;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Races that a lock hides in the run: the lock happens to order the two accesses, though it does
 * not guard them, so another schedule runs them unordered. The thread that sleeps first almost
 * always takes the lock second, which orders the accesses in almost every run.
 */
public class HiddenByLocks {

    @Racy(field = "predictcorpus.HiddenByLocks$WriteBeforeReadAfter.data")
    public static class WriteBeforeReadAfter {
        private final Object lock = new Object();
        private int data;
        private int first;
        private int second;

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            if (index == 0) {
                data = 42; // race
                synchronized (lock) {
                    first++;
                }
            } else {
                Thread.sleep(100);
                synchronized (lock) {
                    second++;
                }
                if (data != 42) { // race
                    System.out.println("the write was not seen yet");
                }
            }
        }
    }

    @Racy(field = "predictcorpus.HiddenByLocks$ReentrantLockOverOtherFields.total")
    public static class ReentrantLockOverOtherFields {
        private final ReentrantLock lock = new ReentrantLock();
        private long total;
        private int logged;

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            if (index == 0) {
                total += 1; // race
                log();
            } else {
                Thread.sleep(100);
                log();
                total += 2; // race
            }
        }

        private void log() {
            lock.lock();
            try {
                logged++;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Two holders of the harness's semaphore at once: whether the run lets them in together or one after the other. */
    @Racy(field = "predictcorpus.HiddenByLocks$TwoPermits.count")
    public static class TwoPermits {
        private int count;

        @Concurrent(threads = 4)
        @Semaphore(2)
        public void run() {
            count++; // race
        }
    }

    @Racy(field = "predictcorpus.HiddenByLocks$ThroughTwoLocks.data")
    public static class ThroughTwoLocks {
        private final Object first = new Object();
        private final Object second = new Object();
        private int data;
        private int a;
        private int b;
        private int c;

        @Concurrent(threads = 3)
        public void run(int index) throws InterruptedException {
            Thread.sleep(60L * index);
            if (index == 0) {
                data = 1; // race
                synchronized (first) {
                    a++;
                }
            } else if (index == 1) {
                synchronized (first) {
                    b++;
                }
                synchronized (second) {
                    c++;
                }
            } else {
                synchronized (second) {
                    c--;
                }
                System.out.println(data); // race
            }
        }
    }

    @RaceFree("a flag written and read under the lock hands the data over")
    public static class FlagUnderTheLock {
        private final Object lock = new Object();
        private int data;
        private boolean ready;

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            if (index == 0) {
                Thread.sleep(50);
                data = 42;
                synchronized (lock) {
                    ready = true;
                }
            } else {
                boolean seen = false;
                while (!seen) {
                    synchronized (lock) {
                        seen = ready;
                    }
                }
                if (data != 42) {
                    throw new AssertionError("the hand-off failed");
                }
            }
        }
    }

    /**
     * The flag is cleared outside the lock, which races with the reader; set under the lock after the data, it
     * still hands the data over, as the reader leaves its loop only once it reads it set. Clearing it and setting
     * it are one stretch of the writer's, with no release between them: the trace must hold the second write
     * too, or a schedule would let the reader read the flag as the first left it and invent a race on the data.
     */
    @Racy(field = "predictcorpus.HiddenByLocks$FlagClearedOutsideTheLock.ready")
    public static class FlagClearedOutsideTheLock {
        private final Object lock = new Object();
        private int data;
        private boolean ready;

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            if (index == 0) {
                ready = false; // race
                data = 42;
                synchronized (lock) {
                    ready = true;
                }
            } else {
                Thread.sleep(100);
                boolean seen = false;
                while (!seen) {
                    synchronized (lock) {
                        seen = ready; // race
                    }
                }
                if (data != 42) {
                    throw new AssertionError("the hand-off failed");
                }
            }
        }
    }

    @RaceFree("a volatile flag hands the data over; the lock around other fields orders nothing more")
    public static class VolatileBesideALock {
        private final ReentrantLock lock = new ReentrantLock();
        private int data;
        private int a;
        private int b;
        private volatile boolean ready;

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                data = 42;
                lock.lock();
                try {
                    a++;
                } finally {
                    lock.unlock();
                }
                ready = true;
            } else {
                while (!ready) {
                    Thread.onSpinWait();
                }
                lock.lock();
                try {
                    b++;
                } finally {
                    lock.unlock();
                }
                if (data != 42) {
                    throw new AssertionError("the hand-off failed");
                }
            }
        }
    }

    @RaceFree("every access under one lock")
    public static class AllUnderOneLock {
        private final ReentrantLock lock = new ReentrantLock();
        private int count;

        @Concurrent(threads = 4)
        public void run() {
            for (int i = 0; i < 100; i++) {
                lock.lock();
                try {
                    count++;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    @RaceFree("wait and notify hand the data over under the monitor")
    public static class WaitAndNotify {
        private int data;
        private boolean ready;

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            if (index == 0) {
                Thread.sleep(50);
                data = 42;
                synchronized (this) {
                    ready = true;
                    notifyAll();
                }
            } else {
                synchronized (this) {
                    while (!ready) {
                        wait();
                    }
                }
                if (data != 42) {
                    throw new AssertionError("the hand-off failed");
                }
            }
        }
    }

    @RaceFree("the harness's semaphore of one permit is a lock")
    public static class OnePermit {
        private int count;

        @Concurrent(threads = 4)
        @Semaphore(1)
        public void run() {
            count++;
        }
    }
}
