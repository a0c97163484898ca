package racecorpus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import org.concurrencyharness.Concurrent;

/** Publishing data from one thread to another: volatile, atomics, VarHandle, class initialisation. */
public class Publication {

    @RaceFree("volatile flag")
    public static class VolatileFlag {
        private int data;
        private volatile boolean published;

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                data = 42;
                published = true;
            } else {
                while (!published) {
                    Thread.onSpinWait();
                }
                data++;
            }
        }
    }

    @Racy(field = "racecorpus.Publication$PlainData.data")
    public static class PlainData {
        private int data;
        private volatile boolean published;

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                published = true;
                data = 42; // race
            } else {
                while (!published) {
                    Thread.onSpinWait();
                }
                data++; // race
            }
        }
    }

    @RaceFree("AtomicBoolean flag")
    public static class AtomicFlag {
        private int data;
        private final AtomicBoolean published = new AtomicBoolean();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                data = 42;
                published.set(true);
            } else {
                while (!published.get()) {
                    Thread.onSpinWait();
                }
                data++;
            }
        }
    }

    @RaceFree("VarHandle release and acquire")
    public static class VarHandleFlag {
        private static final VarHandle PUBLISHED;

        static {
            try {
                PUBLISHED = MethodHandles.lookup().findVarHandle(VarHandleFlag.class, "published", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private int data;
        private boolean published;

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                data = 42;
                PUBLISHED.setRelease(this, true);
            } else {
                while (!(boolean) PUBLISHED.getAcquire(this)) {
                    Thread.onSpinWait();
                }
                data++;
            }
        }
    }

    @RaceFree("class initialisation")
    public static class ClassInit {
        private static int[] table = build();

        private int sum;

        private static int[] build() {
            int[] values = new int[8];
            for (int i = 0; i < values.length; i++) {
                values[i] = i * i;
            }
            return values;
        }

        @Concurrent(threads = 4)
        public void run(int index) {
            int local = table[index];
            synchronized (this) {
                sum += local;
            }
        }
    }

    @Racy(field = "racecorpus.Publication$StaticPlain.flag")
    public static class StaticPlain {
        private static boolean flag;

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                flag = true; // race
            } else {
                boolean seen = flag; // race
                if (seen) {
                    Thread.onSpinWait();
                }
            }
        }
    }
}
