package realcode;

import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * RxJava 3 as its documentation shows it: the Observable contract delivers a sequence's items one at a time (serially)
 * whatever thread emits them, so an observer's plain state needs no lock, and what an operator built on a scheduler
 * is seen whole after a blocking call. Parallel rails, and inner sources subscribed on a scheduler inside flatMap,
 * run at once: state they share without a lock races.
 */
public class RxJavaUse {

    static class Reading {
        String sensor;
        double value;

        Reading(String sensor, double value) {
            this.sensor = sensor;
            this.value = value;
        }
    }

    static Reading reading(int i) {
        return new Reading("sensor-" + i % 5, i * 0.5);
    }

    @RaceFree("RxJava Flowable.parallel, runOn, sequential, toList, blockingGet")
    public static class ParallelFlowableCollected {
        @Concurrent(threads = 2)
        public void run() {
            List<Reading> readings = Flowable.range(1, 400)
                    .parallel(4)
                    .runOn(Schedulers.computation())
                    .map(RxJavaUse::reading)
                    .sequential()
                    .toList()
                    .blockingGet();
            double total = 0;
            for (Reading reading : readings) {
                total += reading.value + reading.sensor.length();
            }
            if (readings.size() != 400 || total == 0) {
                throw new IllegalStateException(readings.size() + " readings");
            }
        }
    }

    @RaceFree("RxJava subscribeOn io, observeOn single, an observer's plain list")
    public static class ObserveOnObserver {
        @Concurrent(threads = 2)
        public void run() {
            List<Reading> seen = new ArrayList<>();
            Observable.range(1, 500)
                    .subscribeOn(Schedulers.io())
                    .map(RxJavaUse::reading)
                    .observeOn(Schedulers.single())
                    .doOnNext(seen::add)
                    .blockingSubscribe();
            double total = 0;
            for (Reading reading : seen) {
                total += reading.value;
            }
            if (seen.size() != 500 || total == 0) {
                throw new IllegalStateException(seen.size() + " seen");
            }
        }
    }

    @RaceFree("RxJava Single.fromCallable, subscribeOn, zip, blockingGet")
    public static class ZippedSingles {
        @Concurrent(threads = 2)
        public void run(int index) {
            Reading both = Single.zip(
                            Single.fromCallable(() -> reading(index)).subscribeOn(Schedulers.io()),
                            Single.fromCallable(() -> reading(index + 1)).subscribeOn(Schedulers.computation()),
                            (a, b) -> new Reading(a.sensor + "+" + b.sensor, a.value + b.value))
                    .blockingGet();
            if (both.value != index + 0.5 || both.sensor.isEmpty()) {
                throw new IllegalStateException(both.sensor);
            }
        }
    }

    @Racy(field = "realcode.RxJavaUse$ParallelRailsShareACount.processed")
    public static class ParallelRailsShareACount {
        private int processed;

        @Concurrent(threads = 1)
        public void run() {
            Flowable.range(1, 20_000)
                    .parallel(4)
                    .runOn(Schedulers.computation())
                    .filter(i -> {
                        processed++; // race
                        return i % 2 == 0;
                    })
                    .sequential()
                    .blockingSubscribe();
        }
    }

    @Racy(field = "realcode.RxJavaUse$FlatMapInnerSideEffect.latest")
    public static class FlatMapInnerSideEffect {
        private final Map<String, Reading> latest = new HashMap<>();

        @Concurrent(threads = 1)
        public void run() {
            Observable.range(1, 500)
                    .flatMap(i -> Observable.fromCallable(() -> {
                                Reading reading = reading(i);
                                latest.put(reading.sensor, reading); // race: inner sources run on several workers
                                return reading;
                            })
                            .subscribeOn(Schedulers.computation()))
                    .blockingSubscribe();
        }
    }
}
