package racecorpus;

import org.concurrencyharness.Concurrent;

/** Monitors: synchronized blocks, methods and static methods, on normal and exceptional exits. */
public class Monitors {

    @RaceFree("synchronized block")
    public static class Block {
        private int count;

        @Concurrent(threads = 4)
        public void run() {
            for (int i = 0; i < 100; i++) {
                synchronized (this) {
                    count++;
                }
            }
        }
    }

    @Racy(field = "racecorpus.Monitors$Unlocked.count")
    public static class Unlocked {
        private int count;

        @Concurrent(threads = 4)
        public void run() {
            count++; // race
        }
    }

    @RaceFree("synchronized method")
    public static class Method {
        private int count;

        @Concurrent(threads = 4)
        public synchronized void run() {
            count++;
        }
    }

    @Racy(field = "racecorpus.Monitors$HalfSynchronized.count")
    public static class HalfSynchronized {
        private int count;

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                add();
            } else {
                count = count + 1; // race
            }
        }

        private synchronized void add() {
            count++; // race
        }
    }

    @RaceFree("static synchronized method")
    public static class StaticMethod {
        private static int count;

        @Concurrent(threads = 4)
        public static synchronized void run() {
            count++;
        }
    }

    @Racy(field = "racecorpus.Monitors$StaticUnlocked.count")
    public static class StaticUnlocked {
        private static int count;

        @Concurrent(threads = 4)
        public static void run() {
            count++; // race
        }
    }

    @RaceFree("a synchronized method releases its monitor when it throws")
    public static class ExceptionalExit {
        private int count;

        @Concurrent(threads = 4)
        public void run() {
            for (int i = 0; i < 10; i++) {
                try {
                    addThenThrow();
                } catch (IllegalStateException expected) {
                    // the monitor was released all the same
                }
            }
        }

        private synchronized void addThenThrow() {
            count++;
            throw new IllegalStateException("thrown while holding the monitor");
        }
    }

    @RaceFree("wait and notify under the monitor")
    public static class WaitNotify {
        private int value;
        private boolean ready;

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            if (index == 0) {
                synchronized (this) {
                    value = 42;
                    ready = true;
                    notifyAll();
                }
            } else {
                synchronized (this) {
                    while (!ready) {
                        wait(1_000);
                    }
                    value++;
                }
            }
        }
    }

    @Racy(field = "racecorpus.Monitors$DifferentLocks.count")
    public static class DifferentLocks {
        private final Object[] locks = {new Object(), new Object()};
        private int count;

        @Concurrent(threads = 2)
        public void run(int index) {
            synchronized (locks[index]) {
                count++; // race
            }
        }
    }
}
