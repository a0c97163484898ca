package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.concurrencyharness.internal.result.Race;
import org.junit.jupiter.api.Test;

/**
 * Arrays checked as ranges, whose shadows are runs of elements sharing a state: two unordered
 * threads race exactly where their ranges meet, however the runs are cut, and when the runs
 * are spread over the elements. Driven through the hooks as loops' range checks call them.
 */
class ElementRunsTest {

    private final int mine = site("ElementRunsTest.java:1");
    private final int theirs = site("ElementRunsTest.java:2");

    @Test
    void evenAndOddCellsOfTwoThreadsNeverMeet() throws InterruptedException {
        double[] cells = new double[64];
        List<Race> races = unordered(
                () -> Hooks.rangeWrite(cells, 0, 64, 2, 0, 0, mine, Hooks.threadState()),
                () -> Hooks.rangeWrite(cells, 1, 65, 2, 0, 0, theirs, Hooks.threadState()));
        assertEquals(List.of(), races);
    }

    @Test
    void aFillThenRedAndBlackSweepsStayRuns() throws InterruptedException {
        double[] cells = new double[64];
        ElementShadows[] shadows = new ElementShadows[1];
        List<Race> races = unordered(
                () -> {
                    Object thread = Hooks.threadState();
                    Hooks.rangeWrite(cells, 0, 64, 1, 0, 0, mine, thread);
                    Hooks.rangeWrite(cells, 0, 64, 2, 0, 0, mine, thread);
                    shadows[0] = ((ThreadState) thread).round.arrays.get(cells);
                },
                () -> Hooks.rangeWrite(cells, 1, 65, 2, 0, 0, theirs, Hooks.threadState()));
        assertEquals(1, races.size(), "the fill of every cell meets the odd cells");
        assertTrue(shadows[0].inRuns(), "a stride that is a multiple of the fill's cuts the runs, nothing more");
    }

    @Test
    void rangesRaceWhereTheyOverlapAndNotWhereTheyOnlyTouch() throws InterruptedException {
        int[] values = new int[64];
        assertEquals(
                1,
                unordered(
                                () -> Hooks.rangeWrite(values, 0, 32, 1, 0, 0, mine, Hooks.threadState()),
                                () -> Hooks.rangeWrite(values, 31, 48, 1, 0, 0, theirs, Hooks.threadState()))
                        .size());
        int[] halves = new int[64];
        assertEquals(
                List.of(),
                unordered(
                        () -> Hooks.rangeWrite(halves, 0, 32, 1, 0, 0, mine, Hooks.threadState()),
                        () -> Hooks.rangeWrite(halves, 32, 64, 1, 0, 0, theirs, Hooks.threadState())));
    }

    @Test
    void aRangeOfEveryCellMeetsTheEvenCellsButReadingOddOnesDoesNot() throws InterruptedException {
        long[] cells = new long[20];
        assertEquals(
                1,
                unordered(
                                () -> Hooks.rangeWrite(cells, 0, 20, 2, 0, 0, mine, Hooks.threadState()),
                                () -> Hooks.rangeRead(cells, 5, 12, 1, 0, 0, theirs, Hooks.threadState()))
                        .size());
        long[] others = new long[20];
        assertEquals(
                List.of(),
                unordered(
                        () -> Hooks.rangeWrite(others, 0, 20, 2, 0, 0, mine, Hooks.threadState()),
                        // a countdown over the odd cells, read as the neighbours j - 1 and j + 1 of even j
                        () -> Hooks.rangeRead(others, 18, 0, -2, -1, 1, theirs, Hooks.threadState())));
    }

    @Test
    void aSingleAccessInsideARunRacesWithIt() throws InterruptedException {
        int[] values = new int[64];
        assertEquals(
                1,
                unordered(
                                () -> Hooks.rangeWrite(values, 0, 40, 1, 0, 0, mine, Hooks.threadState()),
                                () -> Hooks.elementRead(values, 17, null, theirs, Hooks.threadState()))
                        .size());
        int[] beyond = new int[64];
        assertEquals(
                List.of(),
                unordered(
                        () -> Hooks.rangeWrite(beyond, 0, 40, 1, 0, 0, mine, Hooks.threadState()),
                        () -> Hooks.elementRead(beyond, 40, null, theirs, Hooks.threadState())));
    }

    @Test
    void runsSpreadOverTheElementsKeepTheirStates() throws InterruptedException {
        // every third element written one range at a time: past the eighth, each element goes apart
        int[] values = new int[90];
        Runnable scattered = () -> {
            Object thread = Hooks.threadState();
            for (int i = 0; i < values.length; i += 3) {
                Hooks.rangeWrite(values, i, i + 1, 1, 0, 0, mine, thread);
            }
        };
        assertEquals(
                1,
                unordered(scattered, () -> Hooks.elementWrite(values, 3, null, theirs, Hooks.threadState()))
                        .size());
        assertEquals(
                List.of(),
                unordered(scattered, () -> Hooks.rangeWrite(values, 34, 36, 1, 0, 0, theirs, Hooks.threadState())));
    }

    /** Runs the two in threads that nothing orders, one after the other, and gives the races found. */
    private static List<Race> unordered(Runnable first, Runnable second) throws InterruptedException {
        Detector.begin();
        // both made before either runs: no start edge orders them
        Thread one = new Thread(first);
        Thread two = new Thread(second);
        one.start();
        one.join();
        two.start();
        two.join();
        return Detector.end();
    }

    private static int site(String location) {
        return SiteRegistry.register(
                "ElementRunsTest",
                "ElementRunsTest.values[]",
                "ElementRunsTest.run",
                location,
                true,
                true,
                ElementRunsTest.class.getClassLoader());
    }
}
