package org.concurrencyharness.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import org.concurrencyharness.internal.race.RaceDetection;

/**
 * Compute-heavy, race-free workloads for the detector benchmark, run in a JVM of their own
 * (with or without the agent). Prints one line: the workload, the median time of its runs in
 * milliseconds, and how many races the detector reported. Both JVMs get the same warm-up runs
 * first (three, or {@code -Dbenchmark.warmUps}): the detector's own code needs them as the
 * program's does, and its first runs are slower.
 */
public final class DetectorWorkloads {

    private static final int THREADS = 2;

    private DetectorWorkloads() {}

    public static void main(String[] args) throws Exception {
        String workload = args[0];
        int warmUps = Integer.getInteger("benchmark.warmUps", 3);
        int runs = 5;
        double[] times = new double[runs];
        int races = 0;
        for (int run = -warmUps; run < runs; run++) {
            RaceDetection.beginExercise(workload);
            long start = System.nanoTime();
            switch (workload) {
                case "sor" -> new Sor(1024, 100).run();
                case "owned-fields" -> new OwnedFields(64_000_000).run();
                case "contended-monitor" -> new ContendedMonitor(4_000_000).run();
                case "library-heavy" -> new LibraryHeavy(20_000).run();
                default -> throw new IllegalArgumentException("no workload " + workload);
            }
            // the end of the round counted in: with prediction on, that is where the trace is searched
            races += RaceDetection.endExercise().size();
            double millis = (System.nanoTime() - start) / 1_000_000.0;
            if (run >= 0) {
                times[run] = millis;
            }
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "%s %.1f %d%n", workload, times[runs / 2], races);
    }

    private static void inThreads(IntConsumer body) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int index = t;
            threads.add(new Thread(() -> body.accept(index)));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** An int consumer whose body may wait at a barrier. */
    interface IntConsumer {
        void accept(int value);
    }

    /** Red-black successive over-relaxation on a shared grid; each thread owns a band of rows, barriers between colours. */
    static final class Sor {
        private final double[][] grid;
        private final int iterations;
        private final CyclicBarrier barrier = new CyclicBarrier(THREADS);

        Sor(int size, int iterations) {
            this.grid = new double[size][size];
            this.iterations = iterations;
            for (int i = 0; i < size; i++) {
                grid[i][0] = 1.0;
            }
        }

        void run() throws InterruptedException {
            inThreads(this::relax);
        }

        private void relax(int index) {
            int size = grid.length;
            int band = (size - 2) / THREADS;
            int from = 1 + index * band;
            int to = index == THREADS - 1 ? size - 1 : from + band;
            try {
                for (int iteration = 0; iteration < iterations; iteration++) {
                    for (int colour = 0; colour < 2; colour++) {
                        for (int i = from; i < to; i++) {
                            double[] row = grid[i];
                            double[] above = grid[i - 1];
                            double[] below = grid[i + 1];
                            for (int j = 1 + ((i + colour) & 1); j < size - 1; j += 2) {
                                row[j] = 0.25 * (above[j] + below[j] + row[j - 1] + row[j + 1]);
                            }
                        }
                        barrier.await();
                    }
                }
            } catch (InterruptedException | BrokenBarrierException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Field-heavy work on objects each thread owns. */
    static final class OwnedFields {
        private final int steps;

        OwnedFields(int steps) {
            this.steps = steps;
        }

        static final class Particle {
            double x;
            double y;
            double vx = 1;
            double vy = -1;
            long moves;
        }

        void run() throws InterruptedException {
            inThreads(index -> {
                Particle[] particles = new Particle[64];
                for (int i = 0; i < particles.length; i++) {
                    particles[i] = new Particle();
                }
                for (int step = 0; step < steps / particles.length; step++) {
                    for (Particle p : particles) {
                        p.x += p.vx * 0.01;
                        p.y += p.vy * 0.01;
                        if (p.x > 1 || p.x < 0) {
                            p.vx = -p.vx;
                        }
                        p.moves++;
                    }
                }
            });
        }
    }

    /** Both threads update one counter under one monitor. */
    static final class ContendedMonitor {
        private final int increments;
        private long counter;

        ContendedMonitor(int increments) {
            this.increments = increments;
        }

        void run() throws InterruptedException {
            inThreads(index -> {
                for (int i = 0; i < increments; i++) {
                    synchronized (this) {
                        counter++;
                    }
                }
            });
        }
    }

    /**
     * Code nobody here wrote, as a service uses it: both threads turn orders into JSON and back
     * with one shared Jackson ObjectMapper, and look customers up in a shared Caffeine cache and
     * a shared Guava cache, each loading what it misses.
     */
    static final class LibraryHeavy {
        private final int requests;
        private final ObjectMapper mapper = new ObjectMapper();
        private final com.github.benmanes.caffeine.cache.LoadingCache<Integer, Customer> customers =
                Caffeine.newBuilder().maximumSize(500).build(Customer::new);
        private final com.google.common.cache.LoadingCache<Integer, String> regions =
                CacheBuilder.newBuilder().maximumSize(100).build(CacheLoader.from(id -> "region-" + id % 17));
        private final AtomicLong checksum = new AtomicLong();

        LibraryHeavy(int requests) {
            this.requests = requests;
        }

        public static final class Customer {
            public int id;
            public String name;

            public Customer() {}

            Customer(int id) {
                this.id = id;
                this.name = "customer " + id;
            }
        }

        public static final class Order {
            public long id;
            public Customer customer;
            public String region;
            public List<String> items = new ArrayList<>();
            public Map<String, Integer> quantities = new HashMap<>();
        }

        void run() throws InterruptedException {
            inThreads(index -> {
                try {
                    for (int request = 0; request < requests / THREADS; request++) {
                        int id = (request * 31 + index) % 1000;
                        Order order = new Order();
                        order.id = request;
                        order.customer = customers.get(id);
                        order.region = regions.getUnchecked(id % 100);
                        for (int item = 0; item < 3; item++) {
                            order.items.add("item-" + item);
                            order.quantities.put("item-" + item, item + 1);
                        }
                        Order back = mapper.readValue(mapper.writeValueAsString(order), Order.class);
                        checksum.addAndGet(back.items.size() + back.customer.id);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
