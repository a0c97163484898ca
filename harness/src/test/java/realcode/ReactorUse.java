package realcode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;

/**
 * Reactor as its reference guide shows it: a sequence's signals are delivered one at a time (the Reactive Streams
 * rule Reactor keeps), whatever thread makes them, so a subscriber's plain state needs no lock, and what an operator
 * built on a scheduler's thread is seen whole after {@code block()}. The rails of a {@code ParallelFlux} run at once:
 * state they share, and inner publishers' side effects in {@code flatMap}, race.
 */
public class ReactorUse {

    /** What the pipelines below compute: a plain object built on a scheduler's thread. */
    static class Quote {
        String symbol;
        long price;

        Quote(String symbol, long price) {
            this.symbol = symbol;
            this.price = price;
        }
    }

    static Quote quote(int i) {
        return new Quote("SYM" + i, 100L + i * 7L);
    }

    @RaceFree("Reactor ParallelFlux runOn, sequential, collectList, block")
    public static class ParallelRailsCollected {
        @Concurrent(threads = 2)
        public void run() {
            List<Quote> quotes = Flux.range(1, 400)
                    .parallel(4)
                    .runOn(Schedulers.parallel())
                    .map(ReactorUse::quote)
                    .sequential()
                    .collectList()
                    .block();
            long total = 0;
            for (Quote quote : quotes) {
                total += quote.price + quote.symbol.length();
            }
            if (quotes.size() != 400 || total == 0) {
                throw new IllegalStateException(quotes.size() + " quotes");
            }
        }
    }

    @RaceFree("Reactor publishOn, a subscriber's plain list")
    public static class PublishOnSubscriber {
        @Concurrent(threads = 2)
        public void run() {
            List<Quote> seen = new ArrayList<>();
            Flux.range(1, 500)
                    .map(ReactorUse::quote)
                    .publishOn(Schedulers.single())
                    .doOnNext(seen::add)
                    .blockLast();
            long total = 0;
            for (Quote quote : seen) {
                total += quote.price;
            }
            if (seen.size() != 500 || total == 0) {
                throw new IllegalStateException(seen.size() + " seen");
            }
        }
    }

    @RaceFree("Reactor Mono.fromCallable, subscribeOn boundedElastic, block")
    public static class BlockingCallOffloaded {
        @Concurrent(threads = 4)
        public void run(int index) {
            Quote quote = Mono.fromCallable(() -> quote(index))
                    .subscribeOn(Schedulers.boundedElastic())
                    .block(Duration.ofSeconds(10));
            if (quote.price != 100L + index * 7L || !quote.symbol.equals("SYM" + index)) {
                throw new IllegalStateException(quote.symbol);
            }
        }
    }

    /** Flux.create: "the sink can be used from multiple threads", its calls serialised for the subscriber. */
    @RaceFree("Reactor Flux.create, a sink fed from several threads")
    public static class CreateFromThreads {
        @Concurrent(threads = 2)
        public void run() {
            Map<String, Long> prices = new HashMap<>();
            Flux.<Quote>create(sink -> feed(sink, 3, 200))
                    .doOnNext(quote -> prices.merge(quote.symbol, quote.price, Long::sum))
                    .blockLast(Duration.ofSeconds(10));
            if (prices.size() != 200) {
                throw new IllegalStateException(prices.size() + " symbols");
            }
        }

        /** Several feeds push into one sink, each from its own thread; the last to finish completes it. */
        private static void feed(FluxSink<Quote> sink, int feeds, int count) {
            Scheduler feeders = Schedulers.parallel();
            java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger(feeds);
            for (int feed = 0; feed < feeds; feed++) {
                feeders.schedule(() -> {
                    for (int i = 0; i < count; i++) {
                        sink.next(quote(i));
                    }
                    if (running.decrementAndGet() == 0) {
                        sink.complete();
                    }
                });
            }
        }
    }

    @RaceFree("Reactor Sinks.many multicast, tryEmitNext from one thread, a subscriber on another")
    public static class MulticastSink {
        @Concurrent(threads = 2)
        public void run() {
            Sinks.Many<Quote> sink = Sinks.many().multicast().onBackpressureBuffer();
            List<Quote> received = new ArrayList<>();
            Mono<List<Quote>> done = sink.asFlux()
                    .publishOn(Schedulers.parallel())
                    .doOnNext(received::add)
                    .then(Mono.fromCallable(() -> received));
            var result = done.toFuture();
            for (int i = 0; i < 300; i++) {
                sink.emitNext(quote(i), Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(5)));
            }
            sink.tryEmitComplete();
            List<Quote> all = result.join();
            if (all.size() != 300 || all.get(299).price != 100L + 299 * 7L) {
                throw new IllegalStateException(all.size() + " received");
            }
        }
    }

    @RaceFree("Reactor flatMap over subscribeOn inner Monos, zip")
    public static class FlatMapAndZip {
        @Concurrent(threads = 2)
        public void run() {
            List<Quote> collected = new ArrayList<>();
            Flux.range(1, 100)
                    .flatMap(i -> Mono.fromCallable(() -> quote(i)).subscribeOn(Schedulers.parallel()))
                    .doOnNext(collected::add)
                    .blockLast();
            Tuple2<Quote, Quote> pair = Mono.zip(
                            Mono.fromCallable(() -> quote(1)).subscribeOn(Schedulers.boundedElastic()),
                            Mono.fromCallable(() -> quote(2)).subscribeOn(Schedulers.boundedElastic()))
                    .block();
            if (collected.size() != 100 || pair.getT1().price + pair.getT2().price != 221) {
                throw new IllegalStateException(collected.size() + " collected");
            }
        }
    }

    @Racy(field = "realcode.ReactorUse$ParallelRailsSharedList.found")
    public static class ParallelRailsSharedList {
        private final List<Quote> found = new ArrayList<>();

        @Concurrent(threads = 1)
        public void run() {
            Flux.range(1, 10_000)
                    .parallel(4)
                    .runOn(Schedulers.parallel())
                    .map(ReactorUse::quote)
                    .doOnNext(found::add) // race: the rails run at once
                    .sequential()
                    .blockLast();
        }
    }

    @Racy(field = "realcode.ReactorUse$ParallelRailsCounter.processed")
    public static class ParallelRailsCounter {
        private int processed;

        @Concurrent(threads = 1)
        public void run() {
            Flux.range(1, 20_000)
                    .parallel(4)
                    .runOn(Schedulers.parallel())
                    .filter(i -> {
                        processed++; // race
                        return i % 3 == 0;
                    })
                    .sequential()
                    .blockLast();
        }
    }

    @Racy(field = "realcode.ReactorUse$FlatMapSideEffect.cache")
    public static class FlatMapSideEffect {
        private final Map<Integer, Quote> cache = new HashMap<>();

        @Concurrent(threads = 1)
        public void run() {
            Flux.range(1, 500)
                    .flatMap(i -> Mono.fromCallable(() -> {
                                Quote quote = quote(i);
                                cache.put(i, quote); // race: inner Monos run on several workers at once
                                return quote;
                            })
                            .subscribeOn(Schedulers.parallel()))
                    .blockLast();
        }
    }
}
