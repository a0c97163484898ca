package realcode;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Netty's concurrency utilities (netty-common) as its javadoc describes them: what an event executor runs sees what
 * was done before the task was submitted; a promise's listener, and whoever waits on it, sees what the completing
 * thread did; a timer task sees what was done before it was scheduled. Tasks spread over a group's executors run at
 * once, and state they share without a lock races.
 */
public class NettyUse {

    static class Invoice {
        String customer;
        long cents;
    }

    static Invoice invoice(int i) {
        Invoice invoice = new Invoice();
        invoice.customer = "customer-" + i;
        invoice.cents = 1000L + i;
        return invoice;
    }

    @RaceFree("Netty EventExecutorGroup submit and Future.get")
    public static class ExecutorGroupSubmit {
        @Concurrent(threads = 2)
        public void run() throws Exception {
            EventExecutorGroup group = new DefaultEventExecutorGroup(2);
            try {
                List<Future<Invoice>> invoices = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    int number = i;
                    invoices.add(group.submit(() -> invoice(number)));
                }
                long total = 0;
                for (Future<Invoice> done : invoices) {
                    Invoice invoice = done.get();
                    total += invoice.cents + invoice.customer.length();
                }
                if (total == 0) {
                    throw new IllegalStateException("no invoices");
                }
            } finally {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            }
        }
    }

    @RaceFree("Netty Promise completed on an executor, a listener and sync")
    public static class PromiseListener {
        @Concurrent(threads = 2)
        public void run(int index) throws Exception {
            EventExecutorGroup group = new DefaultEventExecutorGroup(1);
            try {
                EventExecutor executor = group.next();
                Promise<Invoice> promise = new DefaultPromise<>(executor);
                CountDownLatch heard = new CountDownLatch(1);
                long[] seen = new long[1];
                promise.addListener(future -> {
                    seen[0] = promise.getNow().cents;
                    heard.countDown();
                });
                executor.execute(() -> promise.setSuccess(invoice(index)));
                Invoice invoice = promise.sync().getNow();
                heard.await();
                if (invoice.cents != 1000L + index || seen[0] != invoice.cents) {
                    throw new IllegalStateException(invoice.customer);
                }
            } finally {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            }
        }
    }

    @RaceFree("Netty HashedWheelTimer, a timeout's task")
    public static class WheelTimerTimeout {
        @Concurrent(threads = 2)
        public void run(int index) throws Exception {
            HashedWheelTimer timer = new HashedWheelTimer(10, TimeUnit.MILLISECONDS);
            try {
                Invoice overdue = invoice(index);
                CountDownLatch fired = new CountDownLatch(1);
                long[] reminded = new long[1];
                Timeout timeout = timer.newTimeout(
                        t -> {
                            reminded[0] = overdue.cents;
                            fired.countDown();
                        },
                        20,
                        TimeUnit.MILLISECONDS);
                fired.await();
                if (!timeout.isExpired() || reminded[0] != 1000L + index) {
                    throw new IllegalStateException("not reminded");
                }
            } finally {
                timer.stop();
            }
        }
    }

    @Racy(field = "realcode.NettyUse$GroupTasksShareATotal.billed")
    public static class GroupTasksShareATotal {
        private long billed;

        @Concurrent(threads = 1)
        public void run() throws Exception {
            EventExecutorGroup group = new DefaultEventExecutorGroup(2);
            try {
                List<Future<?>> tasks = new ArrayList<>();
                // both halves of the billing run start together, one on each of the group's executors
                CountDownLatch bothStarted = new CountDownLatch(2);
                for (int half = 0; half < 2; half++) {
                    int first = half * 10_000;
                    tasks.add(group.submit(() -> {
                        bothStarted.countDown();
                        bothStarted.await();
                        for (int i = first; i < first + 10_000; i++) {
                            billed += invoice(i).cents; // race
                        }
                        return null;
                    }));
                }
                for (Future<?> task : tasks) {
                    task.sync();
                }
            } finally {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            }
        }
    }
}
