package checkshapes;

import java.util.function.IntSupplier;

/**
 * Loops of many shapes for {@code LoopShapesTest}, each in a method that returns what it
 * computed: instrumented, each must compute the same. Those named {@code ranged...} are checked
 * as ranges when they end; those named {@code each...} element by element.
 */
public class LoopShapes {

    private final int[] built;
    private static final Object LOCK = new Object();

    LoopShapes(int size) {
        int[] values = new int[size];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 3;
        }
        built = values;
    }

    public static long rangedFill() {
        int[] values = new int[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * i;
        }
        return sum(values);
    }

    public static long rangedLongsByThree() {
        long[] values = new long[50];
        for (int i = 1; i < values.length; i += 3) {
            values[i] = i * 7L;
        }
        return sum(values);
    }

    public static double rangedCountdown() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8};
        for (int i = values.length - 1; i >= 0; i--) {
            values[i] = values[i] * 0.5 + i;
        }
        return values[0] + values[7];
    }

    public static long rangedStencilOfChars() {
        char[] cells = "abcdefghijklmnop".toCharArray();
        short[] out = new short[cells.length];
        for (int j = 1; j < cells.length - 1; j++) {
            out[j] = (short) (cells[j - 1] + cells[j + 1]);
        }
        long total = 0;
        for (short value : out) {
            total += value;
        }
        return total;
    }

    public static int rangedBytesAndBooleans() {
        byte[] bytes = {5, -3, 7, 0, 9};
        boolean[] positive = new boolean[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            positive[i] = bytes[i] > 0;
        }
        int count = 0;
        for (boolean each : positive) {
            count += each ? 1 : 0;
        }
        return count;
    }

    public static Object rangedObjects() {
        Object[] objects = {"a", null, null, null};
        for (int i = 1; i < objects.length; i++) {
            objects[i] = objects[i - 1];
        }
        return objects[3];
    }

    public static long rangedWideLocalInTheBody() {
        int[] from = {1, 2, 3, 4};
        long[] to = new long[4];
        for (int i = 0; i < from.length; i++) {
            long tripled = from[i];
            tripled *= 3;
            double half = tripled / 2.0;
            to[i] = tripled + (long) half;
        }
        return sum(to);
    }

    public static long rangedInnerLoopOfAGrid() {
        int[][] grid = new int[6][7];
        for (int i = 0; i < grid.length; i++) {
            int[] row = grid[i];
            for (int j = 0; j < row.length; j++) {
                row[j] = i * j;
            }
        }
        long total = 0;
        for (int[] row : grid) {
            total += sum(row);
        }
        return total;
    }

    public static long rangedInnerLoopAfterABranch() {
        int[][] grid = new int[5][4];
        long even = 0;
        for (int i = 0; i < grid.length; i++) {
            int[] row = grid[i];
            if (i % 2 == 0) {
                even++;
            }
            for (int j = 0; j < row.length; j++) {
                row[j] = i + j;
            }
        }
        return even * 1000 + sum(grid[4]);
    }

    public static long rangedInAConstructor() {
        return sum(new LoopShapes(20).built);
    }

    public static long rangedInsideTryFinally() {
        int[] values = new int[10];
        long done = 0;
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = i + 1;
            }
        } finally {
            done = sum(values);
        }
        return done;
    }

    public static long rangedInsideSynchronized() {
        int[] values = new int[10];
        synchronized (LOCK) {
            for (int i = 0; i < values.length; i++) {
                values[i] = 2 * i;
            }
        }
        return sum(values);
    }

    public static long rangedWhileLoop() {
        int[] values = new int[12];
        int i = 0;
        while (i < values.length) {
            values[i] = 12 - i;
            i++;
        }
        return sum(values);
    }

    public static int rangedLeftByAnException() {
        int[] values = new int[5];
        int passes = 0;
        try {
            for (int i = 0; i <= values.length; i++) {
                values[i] = 1;
                passes++;
            }
        } catch (ArrayIndexOutOfBoundsException expected) {
            passes += 100;
        }
        return passes;
    }

    public static int rangedForEachThatBranches() {
        int[] values = {1, 5, 2, 8, 3, 9};
        int balance = 0;
        for (int value : values) {
            if (value > 3) {
                balance++;
            } else {
                balance--;
            }
        }
        return balance;
    }

    public static int rangedContinue() {
        int[] values = {4, -1, 6, -2, 8};
        int sum = 0;
        for (int i = 0; i < values.length; i++) {
            int value = values[i];
            if (value < 0) {
                continue;
            }
            sum += value;
        }
        return sum;
    }

    public static int rangedInALambda() {
        int[] values = {3, 1, 4, 1, 5};
        IntSupplier product = () -> {
            int result = 1;
            for (int i = 0; i < values.length; i++) {
                result *= values[i];
            }
            return result;
        };
        return product.getAsInt();
    }

    public static long rangedFarOffsets() {
        int[] values = new int[40];
        for (int i = 10; i < 30; i++) {
            values[i + 10] = values[i - 10] + i;
        }
        return sum(values);
    }

    public static long rangedNeverEntered() {
        int[] values = new int[0];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1;
        }
        return values.length;
    }

    public static long rangedWithManyLocals() {
        long a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8;
        double p = 1, q = 2, r = 3, s = 4;
        int[] values = new int[8];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return sum(values) + a + b + c + d + e + f + g + h + (long) (p + q + r + s);
    }

    public static int eachBreak() {
        int[] values = {1, 2, -3, 4};
        int sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                break;
            }
            sum += values[i];
        }
        return sum;
    }

    public static int rangedArithmeticCall() {
        int[] values = {1, 9, 4};
        int max = 0;
        for (int i = 0; i < values.length; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    public static long rangedHelperCall() {
        int[] values = new int[16];
        for (int i = 0; i < values.length; i++) {
            values[i] = square(i) + values[i];
        }
        return sum(values);
    }

    public static int eachOverridableCall() {
        LoopShapes shapes = new LoopShapes(4);
        int[] values = {2, 3, 4};
        int total = 0;
        for (int i = 0; i < values.length; i++) {
            total += shapes.scaled(values[i]);
        }
        return total;
    }

    public static long eachHelperThatLocksThroughAnother() {
        int[] values = new int[6];
        for (int i = 0; i < values.length; i++) {
            values[i] = viaLocked(i);
        }
        return sum(values);
    }

    private static int viaLocked(int value) {
        return locked(value) + 1;
    }

    private static int locked(int value) {
        synchronized (LOCK) {
            return value * 2;
        }
    }

    /** A subclass may override it: a call to it could synchronise. */
    public int scaled(int value) {
        return value * built.length;
    }

    /** Synchronises with nothing, and only this class can call it: a call to it is as plain as arithmetic. */
    private static int square(int value) {
        return value * value;
    }

    public static int eachCall() {
        int[] values = {1, 19, 4};
        int digits = 0;
        for (int i = 0; i < values.length; i++) {
            digits += Integer.toString(values[i]).length();
        }
        return digits;
    }

    public static int eachSwitch() {
        int[] values = {1, 2, 3};
        int total = 0;
        for (int i = 0; i < values.length; i++) {
            switch (values[i]) {
                case 1 -> total += 10;
                case 2 -> total += 20;
                default -> total += 1;
            }
        }
        return total;
    }

    private static long sum(int[] values) {
        long total = 0;
        for (int value : values) {
            total += value;
        }
        return total;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }
}
