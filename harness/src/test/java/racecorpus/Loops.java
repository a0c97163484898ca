package racecorpus;

import java.util.concurrent.CountDownLatch;
import org.concurrencyharness.Concurrent;

/**
 * Loops whose element accesses the agent checks once per loop, as ranges of the array, when the
 * loop ends: ranges that meet, that interleave, that meet single accesses, a loop ended by an
 * exception, a loop that calls a helper.
 */
public class Loops {

    @RaceFree("each thread fills its own half of the array")
    public static class Halves {
        private final int[] values = new int[64];

        @Concurrent(threads = 2)
        public void run(int index) {
            int[] values = this.values;
            for (int i = index * 32; i < index * 32 + 32; i++) {
                values[i] = i;
            }
        }
    }

    @RaceFree("red and black: one thread updates the even elements, the other the odd ones")
    public static class RedBlack {
        private final double[] cells = new double[65];

        @Concurrent(threads = 2)
        public void run(int index) {
            double[] cells = this.cells;
            for (int j = index; j < cells.length; j += 2) {
                cells[j] = cells[j] * 0.5 + 1;
            }
        }
    }

    @RaceFree("the filler's loop is checked before it counts the latch down, so the reader's loop comes after it")
    public static class FilledThenHandedOver {
        private final long[] values = new long[32];
        private final CountDownLatch filled = new CountDownLatch(1);
        private final long[] sums = new long[2];

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            long[] values = this.values;
            if (index == 0) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = i;
                }
                filled.countDown();
            } else {
                filled.await();
                long sum = 0;
                for (int i = 0; i < values.length; i++) {
                    sum += values[i];
                }
                sums[index] = sum;
            }
        }
    }

    @Racy(field = "racecorpus.Loops$OverlappingRanges.values[]")
    public static class OverlappingRanges {
        private final int[] values = new int[64];

        @Concurrent(threads = 2)
        public void run(int index) {
            int[] values = this.values;
            for (int i = index * 16; i < index * 16 + 32; i++) {
                values[i] = index; // race
            }
        }
    }

    @Racy(field = "racecorpus.Loops$ReadWhileFilled.values[]")
    public static class ReadWhileFilled {
        private final int[] values = new int[32];
        private final int[] sums = new int[2];

        @Concurrent(threads = 2)
        public void run(int index) {
            int[] values = this.values;
            if (index == 0) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = i; // race
                }
            } else {
                int sum = 0;
                for (int i = values.length - 1; i >= 0; i--) {
                    sum += values[i]; // race
                }
                sums[index] = sum;
            }
        }
    }

    @Racy(field = "racecorpus.Loops$ForEachWhileWritten.values[]")
    public static class ForEachWhileWritten {
        private final int[] values = new int[16];
        private final int[] positives = new int[2];

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                values[3] = -1; // race
                return;
            }
            int positive = 0;
            for (int value : values) { // race
                if (value > 0) {
                    positive++;
                }
            }
            positives[index] = positive;
        }
    }

    @Racy(field = "racecorpus.Loops$OneElementAndALoop.values[]")
    public static class OneElementAndALoop {
        private final int[] values = new int[16];

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                values[5] = 1; // race
            } else {
                int[] values = this.values;
                for (int i = 0; i < values.length; i++) {
                    values[i]++; // race
                }
            }
        }
    }

    @Racy(field = "racecorpus.Loops$LoopEndedByException.values[]")
    public static class LoopEndedByException {
        private final int[] values = new int[8];

        @Concurrent(threads = 2)
        public void run(int index) {
            int[] values = this.values;
            try {
                // one pass too many: the passes before it are checked on the way out
                for (int i = 0; i <= values.length; i++) {
                    values[i] = index; // race
                }
            } catch (ArrayIndexOutOfBoundsException expected) {
                // the last pass
            }
        }
    }

    @Racy(field = "racecorpus.Loops$RedBlackWithoutABarrier.cells[]")
    public static class RedBlackWithoutABarrier {
        private final double[] cells = new double[33];

        @Concurrent(threads = 2)
        public void run(int index) {
            double[] cells = this.cells;
            // each thread updates one colour from the other's cells, with nothing between the sweeps
            for (int j = 1 + index; j < cells.length - 1; j += 2) {
                cells[j] = 0.5 * (cells[j - 1] + cells[j + 1]); // race
            }
        }
    }

    @Racy(field = "racecorpus.Loops$FilledThroughAHelper.values[]")
    public static class FilledThroughAHelper {
        private final int[] values = new int[32];
        private final int[] sums = new int[2];

        @Concurrent(threads = 2)
        public void run(int index) {
            int[] values = this.values;
            if (index == 0) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = square(i); // race
                }
            } else {
                int sum = 0;
                for (int i = 0; i < values.length; i++) {
                    sum += values[i]; // race
                }
                sums[index] = sum;
            }
        }

        /** Synchronises with nothing: the loop that calls it is still checked as ranges. */
        private static int square(int value) {
            return value * value;
        }
    }

    @Racy(field = "racecorpus.Loops$StridesThatMeet.values[]")
    public static class StridesThatMeet {
        private final int[] values = new int[60];

        @Concurrent(threads = 2)
        public void run(int index) {
            int[] values = this.values;
            // every third element, and every second: they meet at every sixth
            int step = 2 + index;
            for (int i = 0; i < values.length; i += 3) {
                values[i] = index; // race
            }
            for (int i = 0; i < values.length; i += 2) {
                values[i] += step; // race
            }
        }
    }

    @Racy(field = "racecorpus.Loops$SharedTable.TABLE[]")
    public static class SharedTable {
        private static final int[] TABLE = new int[16];

        @Concurrent(threads = 2)
        public void run() {
            int[] table = TABLE;
            for (int i = 0; i < table.length; i++) {
                table[i]++; // race
            }
        }
    }
}
