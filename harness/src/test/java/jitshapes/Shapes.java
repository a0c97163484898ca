package jitshapes;

import java.io.ByteArrayOutputStream;

/**
 * Code shapes the agent rewrites, each in a method of its own, for {@code InstrumentedCodeCompilesIT}:
 * the JIT must still compile every one of them once it is instrumented.
 */
public class Shapes {

    private final Object lock = new Object();
    private final int[] cells = new int[8];
    private long total;
    private int left;
    private int right;
    private static int shared;
    private volatile boolean flag;

    public long synchronizedBlock() {
        synchronized (lock) {
            total++;
        }
        return total;
    }

    public long nestedSynchronizedBlocks() {
        synchronized (lock) {
            synchronized (this) {
                total += 2;
            }
        }
        return total;
    }

    public long synchronizedBlockThatThrows() {
        try {
            synchronized (lock) {
                total++;
                if (total > 0) {
                    throw new IllegalStateException("thrown while the monitor is held");
                }
            }
        } catch (IllegalStateException expected) {
            total--;
        }
        return total;
    }

    public synchronized long synchronizedMethod() {
        return ++total;
    }

    public static synchronized int synchronizedStaticMethod() {
        return ++shared;
    }

    public long waitWithTimeout() throws InterruptedException {
        synchronized (lock) {
            lock.wait(1);
        }
        return total;
    }

    public int arrayLoop() {
        int sum = 0;
        for (int i = 0; i < cells.length; i++) {
            cells[i] += i;
            sum += cells[i];
        }
        return sum;
    }

    /** Two fields of one object checked together, with one look at its summary. */
    public int pair() {
        left++;
        right += left;
        return right;
    }

    /** Checked as ranges when it ends, with a handler that checks them if it throws. */
    public int hoistedLoop() {
        int[] cells = this.cells;
        int sum = 0;
        for (int i = 1; i < cells.length - 1; i++) {
            cells[i] = cells[i - 1] + cells[i + 1];
            sum += cells[i];
        }
        return sum;
    }

    /** Its element read is checked as a range; its branches must still go where they went. */
    public int forEachThatBranches() {
        int[] cells = this.cells;
        int odd = 0;
        for (int cell : cells) {
            if (cell % 2 == 0 || cell < 0) {
                continue;
            }
            odd++;
        }
        return odd;
    }

    public boolean volatileField() {
        flag = !flag;
        return flag;
    }

    public int inheritedLibraryField() {
        Buffer buffer = new Buffer();
        buffer.write(1);
        return buffer.written();
    }

    /** A subclass that touches a field its library superclass declares. */
    static final class Buffer extends ByteArrayOutputStream {
        int written() {
            return count;
        }
    }

    public static void main(String[] args) throws Exception {
        Shapes shapes = new Shapes();
        shapes.synchronizedBlock();
        shapes.nestedSynchronizedBlocks();
        shapes.synchronizedBlockThatThrows();
        shapes.synchronizedMethod();
        synchronizedStaticMethod();
        shapes.waitWithTimeout();
        shapes.arrayLoop();
        shapes.hoistedLoop();
        shapes.pair();
        int[] cells = {3, 4, 5, -7, 8, 9, 11, 0};
        System.arraycopy(cells, 0, shapes.cells, 0, cells.length);
        if (shapes.forEachThatBranches() != 4) {
            throw new AssertionError(
                    "the instrumented for-each loop counted " + shapes.forEachThatBranches() + ", not 4");
        }
        shapes.volatileField();
        shapes.inheritedLibraryField();
        System.out.println("shapes ran");
    }
}
