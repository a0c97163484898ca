package realcode;

import dev.failsafe.Failsafe;
import dev.failsafe.Fallback;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Failsafe, as its documentation shows it: policies shared by threads, executions retried on a scheduler of the
 * program's. Failsafe is compiled for Java 8, and hands its asynchronous executions to the scheduler from an
 * interface's method reference ({@code Scheduler.of}). A fallback that counts into a plain field races.
 */
public class FailsafeUse {

    /** What a caller asks for, written before the execution that reads it. */
    static final class Request {
        String path;
    }

    @RaceFree("Failsafe getAsync on the program's ScheduledExecutorService, the supplier reading the request")
    public static class ExecutedOnScheduler {
        private final RetryPolicy<Object> retryPolicy = RetryPolicy.ofDefaults();

        @Concurrent(threads = 1)
        public void run() throws Exception {
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2);
            pool.prestartAllCoreThreads();
            ScheduledExecutorService scheduler = pool;
            try {
                for (int i = 0; i < 20; i++) {
                    Request request = new Request();
                    request.path = "/orders/" + i;
                    int length = Failsafe.with(retryPolicy)
                            .with(scheduler)
                            .getAsync(() -> request.path.length())
                            .get();
                    if (length < 8) {
                        throw new IllegalStateException("length " + length);
                    }
                }
            } finally {
                pool.shutdown();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Racy(field = "realcode.FailsafeUse$FallbackCountsIntoAField.fallbacks")
    public static class FallbackCountsIntoAField {
        private int fallbacks;
        private final Fallback<String> cached = Fallback.of(event -> {
            fallbacks++; // race
            return "cached";
        });

        @Concurrent(threads = 4)
        public void run() {
            for (int i = 0; i < 20; i++) {
                String page = Failsafe.with(cached).get(() -> {
                    throw new IOException("down");
                });
                if (!page.equals("cached")) {
                    throw new IllegalStateException(page);
                }
            }
        }
    }
}
