package racecorpus;

import java.io.ByteArrayOutputStream;
import org.concurrencyharness.Concurrent;
import org.concurrencyharness.ForkProcesses;

/**
 * Where the racing memory is: array elements, inherited fields (a library superclass's too),
 * threads started by the exercise, one field of a pair checked together, threads of a child process.
 */
public class Memory {

    @RaceFree("disjoint array elements")
    public static class DisjointElements {
        private final long[] counts = new long[4];

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 100; i++) {
                counts[index]++;
            }
        }
    }

    @Racy(field = "racecorpus.Memory$SameElement.counts[]")
    public static class SameElement {
        private final long[] counts = new long[4];

        @Concurrent(threads = 4)
        public void run() {
            counts[0]++; // race
        }
    }

    /** Declares the field the subclass's threads race on. */
    public static class Base {
        protected int total;
    }

    @Racy(field = "racecorpus.Memory$Base.total")
    public static class InheritedField extends Base {
        @Concurrent(threads = 4)
        public void run() {
            total++; // race
        }
    }

    /** Declares a field next to which the subclass declares its own. */
    public static class Counters {
        protected int inherited;
    }

    @RaceFree("a superclass's field and the subclass's own are two variables, each under its own lock")
    public static class InheritedAndOwnFields extends Counters {
        private int own;
        private final Object inheritedLock = new Object();
        private final Object ownLock = new Object();

        @Concurrent(threads = 4)
        public void run(int index) {
            if (index % 2 == 0) {
                synchronized (inheritedLock) {
                    inherited++;
                }
            } else {
                synchronized (ownLock) {
                    own++;
                }
            }
        }
    }

    @RaceFree("Thread.start and Thread.join")
    public static class StartJoin {
        private int result;

        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            result = 1;
            Thread child = new Thread(() -> result++);
            child.start();
            child.join();
            result++;
        }
    }

    @Racy(field = "racecorpus.Memory$StartWithoutJoin.result")
    public static class StartWithoutJoin {
        private int result;

        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            Thread child = new Thread(() -> result++); // race
            child.start();
            result++; // race
            child.join();
        }
    }

    @RaceFree("reads only, after the start gate")
    public static class ReadOnly {
        private final int[] table = {1, 2, 3};
        private int size = 3;

        @Concurrent(threads = 4)
        public int run(int index) {
            return table[index % size];
        }
    }

    @Racy(field = "racecorpus.Memory$StaticArray.SHARED[]")
    public static class StaticArray {
        private static final int[] SHARED = new int[1];

        @Concurrent(threads = 2)
        public void run() {
            SHARED[0] = SHARED[0] + 1; // race
        }
    }

    @Racy(field = "racecorpus.Memory$PrivateMonitors.count")
    public static class PrivateMonitors {
        private int count;

        @Concurrent(threads = 2)
        public void run() {
            Object mine = new Object();
            synchronized (mine) {
                count++; // race
            }
        }
    }

    @Racy(field = "java.io.ByteArrayOutputStream.count")
    public static class LibraryField {
        private final Buffer buffer = new Buffer();

        @Concurrent(threads = 4)
        public void run() {
            buffer.bump();
        }

        /** Its library superclass, which the agent leaves alone, declares the field. */
        static final class Buffer extends ByteArrayOutputStream {
            void bump() {
                count++; // race
            }
        }
    }

    @RaceFree("a field of a library superclass, under a lock")
    public static class LockedLibraryField {
        private final Buffer buffer = new Buffer();

        @Concurrent(threads = 4)
        public void run() {
            buffer.bump();
        }

        static final class Buffer extends ByteArrayOutputStream {
            synchronized void bump() {
                count++;
            }
        }
    }

    @RaceFree("each thread writes a clone of its own, which is another object than the one it copied")
    public static class Clones {
        private final Point original = new Point();

        @Concurrent(threads = 4)
        public int run() {
            int seen = original.x;
            Point mine = original.copy();
            mine.x = seen + 1;
            return mine.x;
        }

        static final class Point implements Cloneable {
            int x;

            Point copy() {
                try {
                    return (Point) clone();
                } catch (CloneNotSupportedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Two fields the exercises below touch together: their checks are made at once, at the last. */
    public static class Point {
        int x;
        int y;
    }

    @Racy(field = "racecorpus.Memory$Point.x")
    public static class OneFieldOfAPair {
        private final Point shared = new Point();
        private final int[] seen = new int[2];

        @Concurrent(threads = 2)
        public void run(int index) {
            Point point = shared;
            point.x = index; // race
            seen[index] = point.y;
        }
    }

    @Racy(field = "racecorpus.Memory$Point.x")
    public static class BothFieldsOfAPair {
        private final Point shared = new Point();

        @Concurrent(threads = 2)
        public void run() {
            Point point = shared;
            point.x += 1; // race
            point.y += 1;
        }
    }

    @Racy(field = "racecorpus.Memory$Point.y")
    public static class PairAcrossAHelper {
        private final Point shared = new Point();
        private final int[] seen = new int[2];

        @Concurrent(threads = 2)
        public void run(int index) {
            Point point = shared;
            point.y = index; // race
            int doubled = twice(index);
            seen[index] = point.x + doubled;
        }

        /** Synchronises with nothing: the pair's checks are still made together, after it. */
        private static int twice(int value) {
            return 2 * value;
        }
    }

    @RaceFree("each thread moves a point of its own; the pair's checks of one thread never stand for the other's")
    public static class PairsOfTheirOwn {
        private final Point[] points = {new Point(), new Point()};

        @Concurrent(threads = 2)
        public void run(int index) {
            Point point = points[index];
            for (int step = 0; step < 1000; step++) {
                point.x += step;
                point.y -= step;
            }
        }
    }

    @Racy(field = "racecorpus.Memory$RaceInsideAChild.count")
    public static class RaceInsideAChild {
        private int count;

        @ForkProcesses(2)
        @Concurrent(threads = 2)
        public void run(int index) {
            // each child has its own object: its two threads race on it, and the child tells the parent
            count++; // race
        }
    }

    @RaceFree("each child's two threads count under the object's monitor")
    public static class LockedInsideAChild {
        private int count;

        @ForkProcesses(2)
        @Concurrent(threads = 2)
        public synchronized void run(int index) {
            count++;
        }
    }
}
