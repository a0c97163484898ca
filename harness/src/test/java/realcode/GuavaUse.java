package realcode;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.BiMap;
import com.google.common.collect.ConcurrentHashMultiset;
import com.google.common.collect.HashBiMap;
import com.google.common.collect.HashMultiset;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ListMultimap;
import com.google.common.collect.Multiset;
import com.google.common.eventbus.AllowConcurrentEvents;
import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.ListeningExecutorService;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.Striped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Guava as its user guide shows it: caches, striped locks, concurrent multisets, memoizing suppliers, listenable
 * futures and the event bus are thread-safe; its plain collections (HashMultiset, ArrayListMultimap, HashBiMap) are
 * not, and race inside when shared without a lock.
 */
public class GuavaUse {

    @Racy(field = "com.google.common.collect.*")
    public static class SharedHashMultiset {
        private static final String TEXT = "the cat sat on the mat and the dog sat on the log";
        private final Multiset<String> words = HashMultiset.create(64);

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 20; i++) {
                if (index == 0) {
                    for (String word : TEXT.split(" ")) {
                        words.add(word + i % 4); // race
                    }
                } else if (words.count("the" + i % 4) > 100) { // race
                    Thread.onSpinWait();
                }
            }
        }
    }

    @Racy(field = "com.google.common.collect.*")
    public static class SharedArrayListMultimap {
        private final ListMultimap<String, Integer> ordersByCustomer = ArrayListMultimap.create();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                ordersByCustomer.put("customer " + i % 5, index * 100 + i); // race
            }
        }
    }

    @Racy(field = "com.google.common.collect.*")
    public static class SharedHashBiMap {
        private final BiMap<String, Integer> userIds = HashBiMap.create(64);

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 40; i++) {
                if (index == 0) {
                    userIds.put("user " + i, i); // race
                } else {
                    String name = userIds.inverse().get(i); // race
                    if (name != null && !name.endsWith(String.valueOf(i))) {
                        throw new IllegalStateException(name);
                    }
                }
            }
        }
    }

    /** EventBus: a subscriber marked @AllowConcurrentEvents is called by posting threads at once. */
    @Racy(field = "realcode.GuavaUse$ConcurrentSubscriber$OrderAudit.total")
    public static class ConcurrentSubscriber {
        public static class OrderAudit {
            private long total;

            @Subscribe
            @AllowConcurrentEvents
            public void onOrder(Integer amount) {
                total += amount; // race
            }
        }

        private final EventBus bus = new EventBus("orders");
        private final OrderAudit audit = new OrderAudit();

        public ConcurrentSubscriber() {
            bus.register(audit);
        }

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                bus.post(index * 100 + i);
            }
        }
    }

    /** EventBus: "the bus will not call a subscriber's methods from multiple threads simultaneously" without it. */
    @RaceFree("Guava EventBus, a subscriber without @AllowConcurrentEvents")
    public static class SynchronizedSubscriber {
        public static class OrderTotals {
            private long total;
            private int count;

            @Subscribe
            public void onOrder(Integer amount) {
                total += amount;
                count++;
            }
        }

        private final EventBus bus = new EventBus("orders");
        private final OrderTotals totals = new OrderTotals();

        public SynchronizedSubscriber() {
            bus.register(totals);
        }

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                bus.post(index * 100 + i);
            }
        }
    }

    /**
     * Immutable collections shared by threads, as Guava's wiki recommends ("they can be used by many threads with no
     * risk of race conditions"); their views (descendingMap, inverse, asList) are made on first use and cached.
     */
    @RaceFree("Guava immutable collections and their cached views")
    public static class ImmutableViews {
        private final ImmutableSortedMap<String, Integer> limits =
                ImmutableSortedMap.of("bronze", 10, "silver", 100, "gold", 1000);
        private final ImmutableListMultimap<String, String> owners =
                ImmutableListMultimap.of("billing", "ann", "billing", "bob", "search", "cid");
        private final ImmutableSet<String> regions = ImmutableSet.of("eu", "us", "apac");

        @Concurrent(threads = 4)
        public void run() {
            int total = 0;
            for (int i = 0; i < 50; i++) {
                total += limits.descendingMap().firstEntry().getValue();
                total += owners.inverse().get("bob").size();
                total += regions.asList().get(i % 3).length();
            }
            if (total == 0) {
                throw new IllegalStateException("nothing read");
            }
        }
    }

    @RaceFree("Guava LoadingCache built by CacheBuilder")
    public static class GuavaLoadingCache {
        static class Profile {
            String name;
            int score;
        }

        private final LoadingCache<String, Profile> profiles = CacheBuilder.newBuilder()
                .maximumSize(100)
                .expireAfterWrite(10, TimeUnit.MINUTES)
                .build(new CacheLoader<>() {
                    @Override
                    public Profile load(String key) {
                        Profile profile = new Profile();
                        profile.name = key;
                        profile.score = key.length();
                        return profile;
                    }
                });

        @Concurrent(threads = 4)
        public void run() {
            int total = 0;
            for (int i = 0; i < 50; i++) {
                Profile profile = profiles.getUnchecked("user " + i % 10);
                total += profile.score + profile.name.length();
            }
            if (total == 0) {
                throw new IllegalStateException("empty profiles");
            }
        }
    }

    @RaceFree("Guava Striped locks")
    public static class StripedLocks {
        static class Account {
            long balance;
        }

        private final Striped<Lock> locks = Striped.lock(8);
        private final Map<String, Account> accounts = new HashMap<>();

        public StripedLocks() {
            for (int i = 0; i < 4; i++) {
                accounts.put("acct-" + i, new Account());
            }
        }

        @Concurrent(threads = 4)
        public void run() {
            for (int i = 0; i < 50; i++) {
                String id = "acct-" + i % 4;
                Lock lock = locks.get(id);
                lock.lock();
                try {
                    accounts.get(id).balance += 10;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    @RaceFree("Guava ConcurrentHashMultiset")
    public static class ConcurrentMultiset {
        private final Multiset<String> hits = ConcurrentHashMultiset.create();

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                hits.add("/page/" + i % 5);
                if (hits.count("/page/" + index) < 0) {
                    throw new IllegalStateException("negative count");
                }
            }
        }
    }

    @RaceFree("Guava Suppliers.memoize")
    public static class MemoizedSupplier {
        static class Config {
            String url;
            int timeoutSeconds;
        }

        private final Supplier<Config> config = Suppliers.memoize(() -> {
            Config loaded = new Config();
            loaded.url = "https://example.org/api";
            loaded.timeoutSeconds = 30;
            return loaded;
        });

        @Concurrent(threads = 4)
        public void run() {
            Config current = config.get();
            if (current.timeoutSeconds != 30 || !current.url.startsWith("https")) {
                throw new IllegalStateException("half-built config");
            }
        }
    }

    @RaceFree("Guava ListenableFuture, MoreExecutors and Futures.transform")
    public static class ListenableFutures {
        static class Report {
            String owner;
            int lines;
        }

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException, ExecutionException {
            ListeningExecutorService service = MoreExecutors.listeningDecorator(Executors.newFixedThreadPool(2));
            try {
                ListenableFuture<Report> report = service.submit(() -> {
                    Report made = new Report();
                    made.owner = "team " + index;
                    made.lines = 100 * (index + 1);
                    return made;
                });
                ListenableFuture<String> summary =
                        Futures.transform(report, r -> r.owner + ": " + r.lines, MoreExecutors.directExecutor());
                ListenableFuture<Integer> count = service.submit(() -> 7);
                List<?> both = Futures.allAsList(summary, count).get();
                if (both.size() != 2 || !summary.get().startsWith("team")) {
                    throw new IllegalStateException(both.toString());
                }
            } finally {
                service.shutdown();
            }
        }
    }
}
