package org.concurrencyharness.internal.shard;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * {@code concurrency.shard=K/N}: the K-th of N disjoint parts of the exercises, so that a large
 * suite spreads over N CI jobs. An exercise's part depends on its identity alone,
 * {@code fully.qualified.Class#method}: the CRC-32 of its UTF-8 bytes, modulo N, plus one. So every
 * job agrees on it whatever else each one discovered or filtered, every exercise is in exactly one
 * part, and an exercise keeps its part for as long as its class and method keep their names.
 *
 * @param index K, from 1
 * @param count N, at least 1
 */
public record Shard(int index, int count) {

    /** The property, plugin parameter and engine configuration parameter that names a shard. */
    public static final String PROPERTY = "concurrency.shard";

    /** Every exercise, as one part: what runs when no shard is named. */
    public static final Shard WHOLE = new Shard(1, 1);

    private static final String HOW =
            "write K/N to run the K-th of N parts, K from 1 to N (for three CI jobs:" + " 1/3, 2/3 and 3/3)";

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("not a shard: " + index + "/" + count);
        }
    }

    /** Reads {@code K/N}; anything else is refused with a message that says what to write. */
    public static Shard parse(String text) {
        String value = text == null ? "" : text.trim();
        int slash = value.indexOf('/');
        int index;
        int count;
        try {
            index = Integer.parseInt(value.substring(0, Math.max(slash, 0)).trim());
            count = Integer.parseInt(value.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTY + "=" + value + " is not a shard: " + HOW);
        }
        if (count < 1) {
            throw new IllegalArgumentException(
                    PROPERTY + "=" + value + ": N, the number of parts, must be at least 1; " + HOW);
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException(PROPERTY + "=" + value + ": K must be from 1 to " + count + "; " + HOW);
        }
        return new Shard(index, count);
    }

    /** Whether this part holds that exercise. */
    public boolean includes(String className, String methodName) {
        return partOf(className, methodName, count) == index;
    }

    /** The part, from 1 to {@code count}, that an exercise belongs to. */
    static int partOf(String className, String methodName, int count) {
        CRC32 crc = new CRC32();
        crc.update((className + "#" + methodName).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % count) + 1;
    }

    /** {@code K/N}, as it is written. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
