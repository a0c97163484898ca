package realcode;

import java.util.Arrays;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Arrays handed to the JDK: copied by {@code clone}, {@code System.arraycopy} or {@code Arrays.copyOf}, sorted or filled
 * by {@code Arrays}. The JDK's code reads or writes the elements; while another thread writes them, that races. Each
 * thread working on its own stretch of one array, or an array no one writes after it is shared, does not.
 */
public class JdkArrayCopies {

    @Racy(field = "realcode.JdkArrayCopies$ClonedWhileCounted.hits[]")
    public static class ClonedWhileCounted {
        private final int[] hits = new int[24];

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 100; i++) {
                if (index == 0) {
                    hits[i % 24]++; // race
                } else {
                    int[] hourly = hits.clone(); // race
                    if (hourly[0] < 0) {
                        Thread.onSpinWait();
                    }
                }
            }
        }
    }

    @Racy(field = "realcode.JdkArrayCopies$CopiedWhileSampled.samples[]")
    public static class CopiedWhileSampled {
        private final long[] samples = new long[64];

        @Concurrent(threads = 2)
        public void run(int index) {
            long[] window = new long[16];
            for (int i = 0; i < 100; i++) {
                if (index == 0) {
                    samples[i % 64] = System.nanoTime(); // race
                } else {
                    System.arraycopy(samples, 48, window, 0, 16); // race
                }
            }
        }
    }

    @Racy(field = "realcode.JdkArrayCopies$SortedWhileRanked.scores[]")
    public static class SortedWhileRanked {
        private final int[] scores = {70, 20, 90, 40, 10};

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                if (index == 0) {
                    Arrays.sort(scores); // race
                } else {
                    int best = scores[scores.length - 1]; // race
                    if (best < 0) {
                        Thread.onSpinWait();
                    }
                }
            }
        }
    }

    @RaceFree("each thread copies its chunk into its own part of a shared result")
    public static class DisjointChunksCopied {
        private static final int CHUNK = 32;
        private final int[] result = new int[4 * CHUNK];

        @Concurrent(threads = 4)
        public void run(int index) {
            int[] chunk = new int[CHUNK];
            for (int i = 0; i < CHUNK; i++) {
                chunk[i] = index * CHUNK + i;
            }
            System.arraycopy(chunk, 0, result, index * CHUNK, CHUNK);
            Arrays.sort(result, index * CHUNK, (index + 1) * CHUNK);
        }
    }

    @RaceFree("a table filled before the threads start, then only copied and printed")
    public static class TableFilledThenCopied {
        private final double[] rates = new double[12];

        public TableFilledThenCopied() {
            Arrays.fill(rates, 1.5);
        }

        @Concurrent(threads = 4)
        public void run() {
            double[] mine = Arrays.copyOf(rates, rates.length);
            mine[0] = 2.0;
            String printed = Arrays.toString(rates) + Arrays.hashCode(rates);
            if (printed.isEmpty() || !Arrays.equals(rates, rates.clone())) {
                throw new IllegalStateException("rates changed");
            }
        }
    }

    @RaceFree("copy on write: a new array cloned under a lock, published through a volatile field, read without one")
    public static class CopyOnWriteArray {
        private volatile String[] listeners = new String[0];

        @Concurrent(threads = 4)
        public void run(int index) {
            synchronized (this) {
                String[] next = Arrays.copyOf(listeners, listeners.length + 1);
                next[next.length - 1] = "listener " + index;
                listeners = next;
            }
            int named = 0;
            for (String listener : listeners) {
                named += listener.isEmpty() ? 0 : 1;
            }
            if (named == 0) {
                throw new IllegalStateException("no listener");
            }
        }
    }
}
