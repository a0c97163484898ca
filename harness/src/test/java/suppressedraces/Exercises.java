package suppressedraces;

import org.concurrencyharness.Concurrent;
import org.concurrencyharness.ExpectRace;
import org.concurrencyharness.ForkProcesses;
import suppressedraces.library.Stats;

/** Exercises whose races are in {@link Stats}, which {@code SuppressedRacesIT} suppresses, and one that races in its own field too. */
public class Exercises {

    public static class InTheLibraryOnly {
        private final Stats stats = new Stats();

        @Concurrent(threads = 4)
        public void run() {
            for (int i = 0; i < 100; i++) {
                stats.hit();
            }
        }
    }

    public static class InTheLibraryInAChild {
        private final Stats stats = new Stats();

        @ForkProcesses(2)
        @Concurrent(threads = 2)
        public void run(int index) {
            // each child's two threads race in its own Stats, and the child tells the parent
            for (int i = 0; i < 100; i++) {
                stats.hit();
            }
        }
    }

    public static class ExpectedButOnlyInTheLibrary {
        private final Stats stats = new Stats();

        @Concurrent(threads = 4)
        @ExpectRace
        public void run() {
            for (int i = 0; i < 100; i++) {
                stats.hit();
            }
        }
    }

    public static class InItsOwnFieldToo {
        private final Stats stats = new Stats();
        private int count;

        @Concurrent(threads = 4)
        public void run() {
            for (int i = 0; i < 100; i++) {
                stats.hit();
                count++;
            }
        }
    }
}
