package org.concurrencyharness.internal.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void kOfNIsRead() {
        assertEquals(new Shard(1, 3), Shard.parse("1/3"));
        assertEquals(new Shard(3, 3), Shard.parse(" 3 / 3 "));
        assertEquals(new Shard(1, 1), Shard.parse("1/1"));
        assertEquals("2/5", Shard.parse("2/5").toString());
    }

    @Test
    void aValueThatIsNoShardIsRefusedWithWhatToWrite() {
        String how = "write K/N to run the K-th of N parts, K from 1 to N (for three CI jobs: 1/3, 2/3 and 3/3)";
        assertEquals("concurrency.shard=0/3: K must be from 1 to 3; " + how, refused("0/3"));
        assertEquals("concurrency.shard=4/3: K must be from 1 to 3; " + how, refused("4/3"));
        assertEquals("concurrency.shard=-1/3: K must be from 1 to 3; " + how, refused("-1/3"));
        assertEquals("concurrency.shard=1/0: N, the number of parts, must be at least 1; " + how, refused("1/0"));
        for (String notAShard :
                List.of("x", "", "3", "1/", "/3", "1/2/3", "one/two", "1-3", "1.0/3", "99999999999/3")) {
            assertEquals("concurrency.shard=" + notAShard + " is not a shard: " + how, refused(notAShard), notAShard);
        }
    }

    private static String refused(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Shard.parse(text))
                .getMessage();
    }

    @Test
    void everyExerciseIsInExactlyOneOfTheParts() {
        List<String[]> exercises = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            for (int m = 0; m < 5; m++) {
                exercises.add(new String[] {"com.example.Exercises" + c, "method" + m});
            }
        }
        for (int count = 1; count <= 7; count++) {
            for (String[] exercise : exercises) {
                int holders = 0;
                for (int index = 1; index <= count; index++) {
                    holders += new Shard(index, count).includes(exercise[0], exercise[1]) ? 1 : 0;
                }
                assertEquals(1, holders, exercise[0] + "#" + exercise[1] + " of " + count + " parts");
            }
        }
    }

    @Test
    void thePartsOfAManyExerciseSuiteAreOfAboutOneSize() {
        int count = 4;
        int[] sizes = new int[count];
        for (int c = 0; c < 100; c++) {
            for (int m = 0; m < 10; m++) {
                sizes[Shard.partOf("com.example.Exercises" + c, "method" + m, count) - 1]++;
            }
        }
        for (int size : sizes) {
            assertTrue(size > 200 && size < 300, "1,000 exercises in 4 parts: " + Arrays.toString(sizes));
        }
    }

    /**
     * An exercise's part is the CRC-32 of {@code Class#method} (as Python's {@code zlib.crc32} computes it too),
     * modulo N, plus one: pinned, since a change would move exercises between the parts of CI jobs already set up.
     */
    @Test
    void anExercisesPartDependsOnItsClassAndMethodAlone() {
        // zlib.crc32(b"it.Alpha#first") = 2942788819, zlib.crc32(b"it.Beta#first") = 700394993
        assertEquals(2, Shard.partOf("it.Alpha", "first", 3));
        assertEquals(3, Shard.partOf("it.Beta", "first", 3));
        assertEquals(2, Shard.partOf("it.Alpha", "first", 2));
        assertTrue(new Shard(2, 2).includes("it.Alpha", "first"));
        assertTrue(new Shard(1, 2).includes("it.Alpha", "second"));
    }
}
