package realcode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Micrometer as its concepts guide shows it: a registry and its meters are shared by every thread that records,
 * counters, timers and summaries are safe to update at once, and a gauge samples a value the application keeps
 * (an atomic, as the guide recommends). A gauge of a plain field reads it from whichever thread asks.
 */
public class MicrometerUse {

    @RaceFree("Micrometer counters, timers and summaries from several threads")
    public static class SharedMeters {
        private final MeterRegistry registry = new SimpleMeterRegistry();

        @Concurrent(threads = 4)
        public void run(int index) {
            Counter requests = registry.counter("http.requests", "uri", "/orders");
            Timer latency = Timer.builder("http.latency").tag("uri", "/orders").register(registry);
            DistributionSummary sizes = registry.summary("http.response.size");
            for (int i = 0; i < 100; i++) {
                requests.increment();
                latency.record(() -> sizes.record(100 + index));
                Timer.Sample sample = Timer.start(registry);
                sample.stop(latency);
            }
            if (requests.count() < 100 || latency.count() < 200) {
                throw new IllegalStateException(requests.count() + " requests");
            }
        }
    }

    @RaceFree("Micrometer gauge of an AtomicInteger")
    public static class AtomicGauge {
        private final MeterRegistry registry = new SimpleMeterRegistry();
        private final AtomicInteger inFlight = registry.gauge("jobs.in.flight", new AtomicInteger());

        @Concurrent(threads = 2)
        public void run(int index) {
            Gauge gauge = registry.get("jobs.in.flight").gauge();
            double peak = 0;
            for (int i = 0; i < 200; i++) {
                inFlight.incrementAndGet();
                peak = Math.max(peak, gauge.value());
                inFlight.decrementAndGet();
            }
            if (peak < 1) {
                throw new IllegalStateException("peak " + peak);
            }
        }
    }

    @Racy(field = "realcode.MicrometerUse$PlainFieldGauge$Backlog.pending")
    public static class PlainFieldGauge {
        static class Backlog {
            int pending;
        }

        private final MeterRegistry registry = new SimpleMeterRegistry();
        private final Backlog backlog = new Backlog();
        private final Gauge gauge =
                Gauge.builder("backlog.pending", backlog, b -> b.pending).register(registry); // race

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 500; i++) {
                if (index == 0) {
                    backlog.pending++; // race
                } else {
                    gauge.value();
                }
            }
        }
    }
}
