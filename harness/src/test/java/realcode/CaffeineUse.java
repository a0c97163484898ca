package realcode;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Caffeine as its README shows it: loading, asynchronous and manual caches are thread-safe, and what a loader built
 * is seen whole by every thread that gets it. Values mutated outside the cache, and a loader that counts its loads
 * in a plain field (loads of different keys run at once), race.
 */
public class CaffeineUse {

    /** What the README's examples cache. */
    public static class Graph {
        String key;
        int nodes;
        int[] edges;
    }

    static Graph createExpensiveGraph(String key) {
        Graph graph = new Graph();
        graph.key = key;
        graph.nodes = 100 * key.length();
        graph.edges = new int[graph.nodes];
        for (int i = 0; i < graph.edges.length; i++) {
            graph.edges[i] = (i + 1) % graph.nodes;
        }
        return graph;
    }

    static int size(Graph graph) {
        return graph.nodes + graph.edges.length + graph.key.length();
    }

    @RaceFree("Caffeine LoadingCache")
    public static class CaffeineLoadingCache {
        private final LoadingCache<String, Graph> graphs = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(Duration.ofMinutes(5))
                .refreshAfterWrite(Duration.ofMinutes(1))
                .build(key -> createExpensiveGraph(key));

        @Concurrent(threads = 4)
        public void run(int index) {
            int total = 0;
            for (int i = 0; i < 50; i++) {
                total += size(graphs.get("graph-" + i % 8));
            }
            Map<String, Graph> some = graphs.getAll(List.of("graph-1", "graph-" + (10 + index)));
            for (Graph graph : some.values()) {
                total += size(graph);
            }
            if (total == 0) {
                throw new IllegalStateException("empty graphs");
            }
        }
    }

    @RaceFree("Caffeine AsyncLoadingCache")
    public static class CaffeineAsyncLoadingCache {
        private final AsyncLoadingCache<String, Graph> graphs = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(Duration.ofMinutes(10))
                .buildAsync(key -> createExpensiveGraph(key));

        @Concurrent(threads = 4)
        public void run() {
            int total = 0;
            for (int i = 0; i < 20; i++) {
                CompletableFuture<Graph> graph = graphs.get("graph-" + i % 6);
                total += size(graph.join());
            }
            if (total == 0) {
                throw new IllegalStateException("empty graphs");
            }
        }
    }

    @RaceFree("Caffeine Cache.get(key, mappingFunction), put and getIfPresent")
    public static class CaffeineManualCache {
        private final Cache<String, Graph> graphs = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofMinutes(10))
                .maximumSize(10_000)
                .build();

        @Concurrent(threads = 4)
        public void run(int index) {
            int total = 0;
            for (int i = 0; i < 50; i++) {
                String key = "graph-" + i % 8;
                total += size(graphs.get(key, k -> createExpensiveGraph(k)));
                if (index == 0) {
                    graphs.put("latest-" + i % 4, createExpensiveGraph("latest graph " + i));
                } else {
                    Graph latest = graphs.getIfPresent("latest-" + i % 4);
                    if (latest != null) {
                        total += size(latest);
                    }
                }
            }
            if (total == 0) {
                throw new IllegalStateException("empty graphs");
            }
        }
    }

    @RaceFree("Caffeine asMap().compute, whose function updates a plain object")
    public static class CaffeineAsMapCompute {
        static class Tally {
            int count;
            long bytes;
        }

        private final Cache<String, Tally> tallies =
                Caffeine.newBuilder().maximumSize(1000).build();

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                long bytes = 100L * index + i;
                tallies.asMap().compute("/download/" + i % 3, (path, tally) -> {
                    if (tally == null) {
                        tally = new Tally();
                    }
                    tally.count++;
                    tally.bytes += bytes;
                    return tally;
                });
            }
        }
    }

    /** The value a cache hands out is shared: counting on it outside the cache races. */
    @Racy(field = "realcode.CaffeineUse$MutatedCachedValue$Stats.hits")
    public static class MutatedCachedValue {
        static class Stats {
            long hits;
        }

        private final Cache<String, Stats> statsByPage =
                Caffeine.newBuilder().maximumSize(100).build();

        @Concurrent(threads = 2)
        public void run() {
            for (int i = 0; i < 50; i++) {
                Stats stats = statsByPage.get("/page/" + i % 3, page -> new Stats());
                stats.hits++; // race
            }
        }
    }

    /** Cache.get runs the mapping function once per key, but those of different keys run at once. */
    @Racy(field = "realcode.CaffeineUse$LoaderCountsLoads.loads")
    public static class LoaderCountsLoads {
        private final Cache<String, Graph> graphs =
                Caffeine.newBuilder().maximumSize(1000).build();
        private int loads;

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 100; i++) {
                Graph graph = graphs.get("graph-" + index + "-" + i, key -> {
                    loads++; // race
                    return createExpensiveGraph(key);
                });
                if (graph.nodes == 0) {
                    throw new IllegalStateException("empty graph");
                }
            }
        }
    }
}
