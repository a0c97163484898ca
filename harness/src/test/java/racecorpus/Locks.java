package racecorpus;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import org.concurrencyharness.Concurrent;

/** The locks of java.util.concurrent.locks. */
public class Locks {

    @RaceFree("ReentrantLock")
    public static class Reentrant {
        private final Lock lock = new ReentrantLock();
        private int count;

        @Concurrent(threads = 4)
        public void run() {
            for (int i = 0; i < 50; i++) {
                lock.lock();
                try {
                    count++;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    @Racy(field = "racecorpus.Locks$LockedByOneOnly.count")
    public static class LockedByOneOnly {
        private final ReentrantLock lock = new ReentrantLock();
        private int count;

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                lock.lock();
                try {
                    count++; // race
                } finally {
                    lock.unlock();
                }
            } else {
                count++; // race
            }
        }
    }

    @RaceFree("tryLock")
    public static class TryLock {
        private final ReentrantLock lock = new ReentrantLock();
        private int count;

        @Concurrent(threads = 4)
        public void run() {
            int done = 0;
            while (done < 20) {
                if (lock.tryLock()) {
                    try {
                        count++;
                        done++;
                    } finally {
                        lock.unlock();
                    }
                }
            }
        }
    }

    @RaceFree("ReentrantReadWriteLock")
    public static class ReadWrite {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private int value;
        private int reads;

        @Concurrent(threads = 4)
        public void run(int index) {
            if (index % 2 == 0) {
                lock.writeLock().lock();
                try {
                    value++;
                } finally {
                    lock.writeLock().unlock();
                }
            } else {
                lock.readLock().lock();
                try {
                    if (value >= 0) {
                        Thread.onSpinWait();
                    }
                } finally {
                    lock.readLock().unlock();
                }
            }
        }
    }

    @RaceFree("StampedLock")
    public static class Stamped {
        private final StampedLock lock = new StampedLock();
        private int value;

        @Concurrent(threads = 4)
        public void run(int index) {
            if (index % 2 == 0) {
                long stamp = lock.writeLock();
                try {
                    value++;
                } finally {
                    lock.unlockWrite(stamp);
                }
            } else {
                long stamp = lock.readLock();
                try {
                    if (value < 0) {
                        Thread.onSpinWait();
                    }
                } finally {
                    lock.unlockRead(stamp);
                }
            }
        }
    }

    @Racy(field = "racecorpus.Locks$ReadLockForWriting.value")
    public static class ReadLockForWriting {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private int value;

        @Concurrent(threads = 2)
        public void run() {
            lock.readLock().lock();
            try {
                value++; // race
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    @Racy(field = "racecorpus.Locks$WriteAfterUnlock.count")
    public static class WriteAfterUnlock {
        private final ReentrantLock lock = new ReentrantLock();
        private int count;

        @Concurrent(threads = 2)
        public void run() {
            lock.lock();
            lock.unlock();
            count++; // race
        }
    }
}
