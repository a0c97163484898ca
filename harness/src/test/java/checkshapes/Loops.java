package checkshapes;

/** Loops whose element accesses the agent checks as ranges when they end, and loops it checks element by element. */
public class Loops {

    private final int[] field = new int[8];

    static void stencil(double[] from, double[] to) {
        for (int j = 1; j < from.length - 1; j += 2) {
            to[j] = from[j - 1] + from[j + 1];
        }
    }

    static void countDown(int[] values) {
        for (int i = values.length - 1; i >= 0; i--) {
            values[i]++;
        }
    }

    static int twoLines(int[] values) {
        int sum = 0;
        for (int i = 0; i < values.length - 3; i++) {
            sum += values[i];
            sum += values[i + 3];
        }
        return sum;
    }

    static void branch(int[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] > 0 ? 1 : 0;
        }
    }

    static int forEachThatBranches(int[] values) {
        int positive = 0;
        for (int value : values) {
            if (value <= 0) {
                continue;
            }
            positive++;
        }
        return positive;
    }

    static int forEachThatBreaks(int[] values) {
        int sum = 0;
        for (int value : values) {
            if (value < 0) {
                break;
            }
            sum += value;
        }
        return sum;
    }

    static void call(int[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = String.valueOf(i).length();
        }
    }

    static void arithmetic(int[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.abs(values[i] - i);
        }
    }

    void arrayFromField() {
        for (int i = 0; i < field.length; i++) {
            field[i] = i;
        }
    }

    static void indexNotCounterPlusConstant(int[] values) {
        for (int i = 0; i < values.length / 2; i++) {
            values[2 * i] = i;
        }
    }

    static void arrayReassigned(int[][] rows) {
        int[] row = rows[0];
        for (int i = 0; i < row.length; i++) {
            row[i] = i;
            row = rows[i % rows.length];
        }
    }
}
