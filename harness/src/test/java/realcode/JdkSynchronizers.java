package realcode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Threads and synchronisers as their javadoc shows them: a Thread subclass, java.util.Timer, Exchanger, Phaser,
 * StampedLock with its validated optimistic reads, and a class that extends ReentrantLock; and the slips people make
 * with them (a result read before join, an optimistic read never validated, a getter that does not lock).
 */
public class JdkSynchronizers {

    @RaceFree("a Thread subclass started and joined")
    public static class ThreadSubclassJoined {
        static class Summer extends Thread {
            private final int[] values;
            private final int from;
            private final int to;
            private long sum;

            Summer(int[] values, int from, int to) {
                this.values = values;
                this.from = from;
                this.to = to;
            }

            @Override
            public void run() {
                for (int i = from; i < to; i++) {
                    sum += values[i];
                }
            }
        }

        @Concurrent(threads = 2)
        public void run() throws InterruptedException {
            int[] values = new int[1000];
            for (int i = 0; i < values.length; i++) {
                values[i] = i;
            }
            Summer low = new Summer(values, 0, 500);
            Summer high = new Summer(values, 500, 1000);
            low.start();
            high.start();
            low.join();
            high.join();
            if (low.sum + high.sum != 999 * 1000 / 2) {
                throw new IllegalStateException("sum " + (low.sum + high.sum));
            }
        }
    }

    @RaceFree("a worker's result read once isAlive() says it ended, which the memory model orders as a join")
    public static class ThreadPolledUntilDead {
        private long[] totals;

        @Concurrent(threads = 1)
        public void run() {
            Thread worker = new Thread(() -> {
                long[] computed = new long[4];
                for (int i = 0; i < 1000; i++) {
                    computed[i % 4] += i;
                }
                totals = computed;
            });
            worker.start();
            while (worker.isAlive()) {
                Thread.onSpinWait();
            }
            if (totals[0] + totals[1] + totals[2] + totals[3] != 999 * 1000 / 2) {
                throw new IllegalStateException("totals");
            }
        }
    }

    @RaceFree("copy on write through an AtomicReferenceFieldUpdater's compareAndSet, read directly by a reader")
    public static class UpdaterCopyOnWrite {
        private static final AtomicReferenceFieldUpdater<UpdaterCopyOnWrite, long[]> TOTALS =
                AtomicReferenceFieldUpdater.newUpdater(UpdaterCopyOnWrite.class, long[].class, "totals");
        private volatile long[] totals = new long[0];

        @Concurrent(threads = 3)
        public void run(int index) {
            if (index == 0) {
                long sum = 0;
                while (totals.length < 20) {
                    Thread.onSpinWait();
                }
                for (long total : totals) {
                    sum += total;
                }
                if (sum < 0) {
                    throw new IllegalStateException("sum " + sum);
                }
                return;
            }
            for (int i = 0; i < 10; i++) {
                long[] previous;
                long[] next;
                do {
                    previous = totals;
                    next = Arrays.copyOf(previous, previous.length + 1);
                    next[previous.length] = index * 100L + i;
                } while (!TOTALS.compareAndSet(this, previous, next));
            }
        }
    }

    @Racy(field = "realcode.JdkSynchronizers$UpdaterFlagSetTooEarly.report")
    public static class UpdaterFlagSetTooEarly {
        private static final AtomicIntegerFieldUpdater<UpdaterFlagSetTooEarly> STATE =
                AtomicIntegerFieldUpdater.newUpdater(UpdaterFlagSetTooEarly.class, "state");
        private volatile int state;
        private String report;

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                if (STATE.compareAndSet(this, 0, 1)) {
                    report = "done"; // race
                }
            } else {
                while (state == 0) {
                    Thread.onSpinWait();
                }
                if (report == null) { // race
                    Thread.onSpinWait();
                }
            }
        }
    }

    @Racy(field = "realcode.JdkSynchronizers$ThreadResultReadBeforeJoin$Summer.sum")
    public static class ThreadResultReadBeforeJoin {
        static class Summer extends Thread {
            private final int[] values;
            private long sum;

            Summer(int[] values) {
                this.values = values;
            }

            @Override
            public void run() {
                for (int value : values) {
                    sum += value; // race
                }
            }
        }

        @Concurrent(threads = 2)
        public void run() throws InterruptedException {
            int[] values = new int[1000];
            for (int i = 0; i < values.length; i++) {
                values[i] = i;
            }
            Summer summer = new Summer(values);
            summer.start();
            long progress = summer.sum; // race
            summer.join();
            if (progress > summer.sum) {
                throw new IllegalStateException("went back");
            }
        }
    }

    /** A TimerTask reads what the scheduling thread wrote before schedule; the latch hands the result back. */
    @RaceFree("java.util.Timer with a TimerTask, the result awaited through a CountDownLatch")
    public static class TimerTaskWithLatch {
        static class Reminder {
            String message;
            String delivered;
        }

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            Timer timer = new Timer("reminders-" + index, true);
            try {
                Reminder reminder = new Reminder();
                reminder.message = "call home " + index;
                CountDownLatch fired = new CountDownLatch(1);
                timer.schedule(
                        new TimerTask() {
                            @Override
                            public void run() {
                                reminder.delivered = reminder.message.toUpperCase();
                                fired.countDown();
                            }
                        },
                        5);
                fired.await();
                if (!reminder.delivered.startsWith("CALL")) {
                    throw new IllegalStateException(reminder.delivered);
                }
            } finally {
                timer.cancel();
            }
        }
    }

    /** The FillAndEmpty of Exchanger's javadoc, bounded: a filling thread and an emptying one swap buffers. */
    @RaceFree("Exchanger")
    public static class ExchangerBuffers {
        static class DataBuffer {
            private final int[] items = new int[16];
            private int size;

            boolean isFull() {
                return size == items.length;
            }

            boolean isEmpty() {
                return size == 0;
            }

            void add(int item) {
                items[size++] = item;
            }

            int take() {
                return items[--size];
            }
        }

        private final Exchanger<DataBuffer> exchanger = new Exchanger<>();

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            DataBuffer current = new DataBuffer();
            long taken = 0;
            for (int round = 0; round < 4; round++) {
                if (index == 0) {
                    int next = round * 16;
                    while (!current.isFull()) {
                        current.add(next++);
                    }
                    current = exchanger.exchange(current);
                } else {
                    current = exchanger.exchange(current);
                    while (!current.isEmpty()) {
                        taken += current.take();
                    }
                }
            }
            if (index == 1 && taken != 63 * 64 / 2) {
                throw new IllegalStateException("took " + taken);
            }
        }
    }

    /** Threads smooth a row of values in steps, each step in two phases of a Phaser. */
    @RaceFree("Phaser")
    public static class PhaserSteps {
        private final Phaser phaser = new Phaser(3);
        private final double[] positions = {0, 30, 90};
        private final double[] next = new double[3];

        @Concurrent(threads = 3)
        public void run(int index) {
            for (int step = 0; step < 5; step++) {
                next[index] = (positions[(index + 2) % 3] + positions[index] + positions[(index + 1) % 3]) / 3;
                phaser.arriveAndAwaitAdvance();
                positions[index] = next[index];
                phaser.arriveAndAwaitAdvance();
            }
            phaser.arriveAndDeregister();
        }
    }

    /** The Point of StampedLock's javadoc: write locks, a validated optimistic read, a read lock upgraded. */
    @RaceFree("StampedLock, with the javadoc's validated optimistic read")
    public static class StampedLockPoint {
        static class Point {
            private double x;
            private double y;
            private final StampedLock sl = new StampedLock();

            void move(double deltaX, double deltaY) {
                long stamp = sl.writeLock();
                try {
                    x += deltaX;
                    y += deltaY;
                } finally {
                    sl.unlockWrite(stamp);
                }
            }

            double distanceFromOrigin() {
                long stamp = sl.tryOptimisticRead();
                try {
                    retryHoldingLock:
                    for (; ; stamp = sl.readLock()) {
                        if (stamp == 0L) {
                            continue retryHoldingLock;
                        }
                        // possibly racy reads
                        double currentX = x;
                        double currentY = y;
                        if (!sl.validate(stamp)) {
                            continue retryHoldingLock;
                        }
                        return Math.hypot(currentX, currentY);
                    }
                } finally {
                    if (StampedLock.isReadLockStamp(stamp)) {
                        sl.unlockRead(stamp);
                    }
                }
            }

            void moveIfAtOrigin(double newX, double newY) {
                long stamp = sl.readLock();
                try {
                    while (x == 0.0 && y == 0.0) {
                        long ws = sl.tryConvertToWriteLock(stamp);
                        if (ws != 0L) {
                            stamp = ws;
                            x = newX;
                            y = newY;
                            break;
                        } else {
                            sl.unlockRead(stamp);
                            stamp = sl.writeLock();
                        }
                    }
                } finally {
                    sl.unlock(stamp);
                }
            }
        }

        private final Point point = new Point();

        @Concurrent(threads = 4)
        public void run(int index) {
            if (index == 0) {
                point.moveIfAtOrigin(1, 1);
            }
            for (int i = 0; i < 50; i++) {
                if (index % 2 == 0) {
                    point.move(1, 1);
                } else if (point.distanceFromOrigin() < 0) {
                    throw new IllegalStateException("negative distance");
                }
            }
        }
    }

    /** The javadoc's Point without the validate: its optimistic reads race with the writes. */
    @Racy(field = "realcode.JdkSynchronizers$OptimisticReadNotValidated$Point.x")
    public static class OptimisticReadNotValidated {
        static class Point {
            private double x;
            private double y;
            private final StampedLock sl = new StampedLock();

            void move(double deltaX, double deltaY) {
                long stamp = sl.writeLock();
                try {
                    x += deltaX; // race
                    y += deltaY;
                } finally {
                    sl.unlockWrite(stamp);
                }
            }

            double distanceFromOrigin() {
                long stamp = sl.tryOptimisticRead();
                double currentX = x; // race
                double currentY = y;
                return stamp == 0L ? -1 : Math.hypot(currentX, currentY);
            }
        }

        private final Point point = new Point();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                if (index == 0) {
                    point.move(1, 1);
                } else if (point.distanceFromOrigin() < -1) {
                    throw new IllegalStateException("negative distance");
                }
            }
        }
    }

    /** A class that is its own lock, calling lock() and unlock() on itself. */
    @RaceFree("a subclass of ReentrantLock that locks itself")
    public static class ReentrantLockSubclass {
        static class Account extends ReentrantLock {
            private long balance;

            void deposit(long amount) {
                lock();
                try {
                    balance += amount;
                } finally {
                    unlock();
                }
            }

            long balance() {
                lock();
                try {
                    return balance;
                } finally {
                    unlock();
                }
            }
        }

        private final Account account = new Account();

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                account.deposit(index + 1);
            }
            if (account.balance() < 50) {
                throw new IllegalStateException("lost deposits");
            }
        }
    }

    /** The same account, but its getter does not take the lock. */
    @Racy(field = "realcode.JdkSynchronizers$UnlockedGetter$Account.balance")
    public static class UnlockedGetter {
        static class Account extends ReentrantLock {
            private long balance;

            void deposit(long amount) {
                lock();
                try {
                    balance += amount; // race
                } finally {
                    unlock();
                }
            }

            long balance() {
                return balance; // race
            }
        }

        private final Account account = new Account();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                if (index == 0) {
                    account.deposit(10);
                } else if (account.balance() < 0) {
                    throw new IllegalStateException("negative balance");
                }
            }
        }
    }

    /**
     * Copy on write through an AtomicReference: each update copies the list it is given, adds to the copy and returns
     * it; updateAndGet sets what the function returned, so the copy is published whole.
     */
    @RaceFree("AtomicReference.updateAndGet publishing a list its function filled")
    public static class CopyOnWriteThroughAtomicReference {
        private final AtomicReference<List<String>> subscribers = new AtomicReference<>(List.of());

        @Concurrent(threads = 2)
        public void run(int index) {
            int seen = 0;
            for (int i = 0; i < 200; i++) {
                String subscriber = "subscriber-" + index + "-" + i;
                subscribers.updateAndGet(current -> {
                    List<String> next = new ArrayList<>(current);
                    next.add(subscriber);
                    return next;
                });
                for (String each : subscribers.get()) {
                    seen += each.length();
                }
            }
            if (seen == 0) {
                throw new IllegalStateException("no subscribers");
            }
        }
    }

    /**
     * Cancelling a worker by interrupting it, with the reason set first: the Java memory model orders an interrupt
     * before the point where the interrupted thread finds it was interrupted.
     */
    @RaceFree("Thread.interrupt, seen through isInterrupted")
    public static class InterruptWithReason {
        private String reason;

        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            String[] seen = new String[1];
            Thread worker = new Thread(() -> {
                long polls = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    polls++;
                }
                seen[0] = reason + " after " + polls + " polls";
            });
            worker.start();
            Thread.sleep(10);
            reason = "shutting down";
            worker.interrupt();
            worker.join();
            if (!seen[0].startsWith("shutting down")) {
                throw new IllegalStateException(seen[0]);
            }
        }
    }

    /** The same cancellation seen the usual way: the worker's sleep throws InterruptedException. */
    @RaceFree("Thread.interrupt, seen through InterruptedException")
    public static class InterruptedSleepWithReason {
        private String reason;

        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            String[] seen = new String[1];
            Thread worker = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(1);
                    }
                } catch (InterruptedException e) {
                    seen[0] = "stopped: " + reason;
                }
            });
            worker.start();
            Thread.sleep(10);
            reason = "shutting down";
            worker.interrupt();
            worker.join();
            if (!seen[0].endsWith("shutting down")) {
                throw new IllegalStateException(seen[0]);
            }
        }
    }

    /**
     * A consumer loop that catches Exception, as a service that logs every failure does: the interrupt is still
     * ordered before the catch, where the InterruptedException thrown out of take arrives.
     */
    @RaceFree("Thread.interrupt, seen through an InterruptedException caught as Exception")
    public static class InterruptedConsumerCatchingException {
        private String reason;

        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            BlockingQueue<String> jobs = new LinkedBlockingQueue<>();
            String[] seen = new String[1];
            Thread consumer = new Thread(() -> {
                try {
                    while (true) {
                        jobs.take();
                    }
                } catch (Exception e) {
                    seen[0] = e.getClass().getSimpleName() + ": " + reason;
                }
            });
            consumer.start();
            jobs.put("first job");
            Thread.sleep(10);
            reason = "shutting down";
            consumer.interrupt();
            consumer.join();
            if (!seen[0].equals("InterruptedException: shutting down")) {
                throw new IllegalStateException(seen[0]);
            }
        }
    }

    /** The same loop with the reason written after the interrupt: nothing orders it before the catch reads it. */
    @Racy(field = "realcode.JdkSynchronizers$ReasonWrittenAfterInterrupt.reason")
    public static class ReasonWrittenAfterInterrupt {
        private String reason;

        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            BlockingQueue<String> jobs = new LinkedBlockingQueue<>();
            String[] seen = new String[1];
            Thread consumer = new Thread(() -> {
                try {
                    while (true) {
                        jobs.take();
                    }
                } catch (Exception e) {
                    seen[0] = e.getClass().getSimpleName() + ": " + reason; // race
                }
            });
            consumer.start();
            jobs.put("first job");
            Thread.sleep(10);
            consumer.interrupt();
            reason = "shutting down"; // race
            consumer.join();
            if (!seen[0].startsWith("InterruptedException")) {
                throw new IllegalStateException(seen[0]);
            }
        }
    }

    /**
     * A CyclicBarrier's action merges what each party computed, and each party reads the merge once its await
     * returns, as the barrier's javadoc orders: before await, then the action, then the return from await.
     */
    @RaceFree("CyclicBarrier with a barrier action")
    public static class BarrierActionMergesPartials {
        private final int[] partials = new int[4];
        private int merged;
        private final CyclicBarrier barrier = new CyclicBarrier(4, () -> {
            int sum = 0;
            for (int partial : partials) {
                sum += partial;
            }
            merged = sum;
        });

        @Concurrent(threads = 4)
        public void run(int index) throws InterruptedException, BrokenBarrierException {
            partials[index] = index + 1;
            barrier.await();
            if (merged != 10) {
                throw new IllegalStateException("merged " + merged);
            }
        }
    }

    /** A thread that is no party reads what the action merged: the barrier orders the action before its parties only. */
    @Racy(field = "realcode.JdkSynchronizers$BarrierResultReadByAnOutsider.merged")
    public static class BarrierResultReadByAnOutsider {
        private final int[] partials = new int[3];
        private int merged;
        private final CyclicBarrier barrier = new CyclicBarrier(3, this::merge);

        private void merge() {
            merged = partials[0] + partials[1] + partials[2]; // race
        }

        @Concurrent(threads = 4)
        public void run(int index) throws InterruptedException, BrokenBarrierException {
            if (index < 3) {
                partials[index] = index + 1;
                barrier.await();
            } else {
                Thread.sleep(5);
                int seen = merged; // race
                if (seen != 0 && seen != 6) {
                    throw new IllegalStateException("merged " + seen);
                }
            }
        }
    }

    /** A Phaser's onAdvance totals what the parties counted; each reads the total once the phase advanced. */
    @RaceFree("Phaser.onAdvance")
    public static class PhaserAdvanceTotals {
        private final long[] counts = new long[4];
        private long total;
        private final Phaser phaser = new Phaser(4) {
            @Override
            protected boolean onAdvance(int phase, int registeredParties) {
                long sum = 0;
                for (long count : counts) {
                    sum += count;
                }
                total = sum;
                return super.onAdvance(phase, registeredParties);
            }
        };

        @Concurrent(threads = 4)
        public void run(int index) {
            counts[index] = 5;
            phaser.arriveAndAwaitAdvance();
            if (total != 20) {
                throw new IllegalStateException("total " + total);
            }
        }
    }

    /** A thread that is not registered reads the total: the phaser orders onAdvance before its parties only. */
    @Racy(field = "realcode.JdkSynchronizers$PhaserTotalReadByAnOutsider.total")
    public static class PhaserTotalReadByAnOutsider {
        private final long[] counts = new long[3];
        private long total;
        private final Phaser phaser = new Phaser(3) {
            @Override
            protected boolean onAdvance(int phase, int registeredParties) {
                total = counts[0] + counts[1] + counts[2]; // race
                return true;
            }
        };

        @Concurrent(threads = 4)
        public void run(int index) throws InterruptedException {
            if (index < 3) {
                counts[index] = 5;
                phaser.arriveAndAwaitAdvance();
            } else {
                Thread.sleep(5);
                long seen = total; // race
                if (seen != 0 && seen != 15) {
                    throw new IllegalStateException("total " + seen);
                }
            }
        }
    }
}
