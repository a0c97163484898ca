package realcode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * The JDK's task frameworks as their javadoc shows them: fork/join tasks, executors' invokeAll and invokeAny,
 * parallel streams and CompletableFuture. What a task does happens before its join, get or the end of the stream's
 * terminal operation; tasks that share a plain field or collection among themselves race.
 */
public class JdkTaskFrameworks {

    /** The IncrementTask of RecursiveAction's javadoc. */
    @RaceFree("RecursiveAction filling an array, read after invoke")
    public static class IncrementArray {
        static class IncrementTask extends RecursiveAction {
            static final int THRESHOLD = 1000;
            final long[] array;
            final int lo;
            final int hi;

            IncrementTask(long[] array, int lo, int hi) {
                this.array = array;
                this.lo = lo;
                this.hi = hi;
            }

            @Override
            protected void compute() {
                if (hi - lo < THRESHOLD) {
                    for (int i = lo; i < hi; ++i) {
                        array[i]++;
                    }
                } else {
                    int mid = (lo + hi) >>> 1;
                    invokeAll(new IncrementTask(array, lo, mid), new IncrementTask(array, mid, hi));
                }
            }
        }

        @Concurrent(threads = 2)
        public void run() {
            long[] counts = new long[10_000];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = i;
            }
            new IncrementTask(counts, 0, counts.length).invoke();
            long sum = 0;
            for (long count : counts) {
                sum += count;
            }
            if (sum != 10_000L * 10_001 / 2) {
                throw new IllegalStateException("sum " + sum);
            }
        }
    }

    @RaceFree("RecursiveTask fork and join")
    public static class ForkJoinSum {
        static class SumTask extends RecursiveTask<Long> {
            final int[] values;
            final int lo;
            final int hi;

            SumTask(int[] values, int lo, int hi) {
                this.values = values;
                this.lo = lo;
                this.hi = hi;
            }

            @Override
            protected Long compute() {
                if (hi - lo <= 500) {
                    long sum = 0;
                    for (int i = lo; i < hi; i++) {
                        sum += values[i];
                    }
                    return sum;
                }
                int mid = (lo + hi) >>> 1;
                SumTask left = new SumTask(values, lo, mid);
                left.fork();
                long right = new SumTask(values, mid, hi).compute();
                return right + left.join();
            }
        }

        @Concurrent(threads = 2)
        public void run(int index) {
            int[] values = new int[8000];
            Arrays.setAll(values, i -> i % 10 + index);
            for (int i = 0; i < values.length; i += 100) {
                values[i] = 100;
            }
            long total = ForkJoinPool.commonPool().invoke(new SumTask(values, 0, values.length));
            if (total <= 0) {
                throw new IllegalStateException("total " + total);
            }
        }
    }

    /** The ForEach of CountedCompleter's javadoc (its second version), on objects the caller made. */
    @RaceFree("CountedCompleter")
    public static class CountedCompleterForEach {
        static class Item {
            int price;
            int priceWithTax;
        }

        static class ForEach<E> extends CountedCompleter<Void> {
            final E[] array;
            final Consumer<E> op;
            final int lo;
            final int hi;

            ForEach(CountedCompleter<?> parent, E[] array, Consumer<E> op, int lo, int hi) {
                super(parent);
                this.array = array;
                this.op = op;
                this.lo = lo;
                this.hi = hi;
            }

            @Override
            public void compute() {
                int l = lo;
                int h = hi;
                while (h - l >= 2) {
                    int mid = (l + h) >>> 1;
                    addToPendingCount(1);
                    new ForEach<>(this, array, op, mid, h).fork();
                    h = mid;
                }
                if (h > l) {
                    op.accept(array[l]);
                }
                tryComplete();
            }
        }

        @Concurrent(threads = 2)
        public void run() {
            Item[] items = new Item[500];
            for (int i = 0; i < items.length; i++) {
                items[i] = new Item();
                items[i].price = 100 + i;
            }
            new ForEach<>(null, items, item -> item.priceWithTax = item.price * 120 / 100, 0, items.length).invoke();
            for (Item item : items) {
                if (item.priceWithTax < item.price) {
                    throw new IllegalStateException("not taxed");
                }
            }
        }
    }

    /** The SortTask of RecursiveAction's javadoc, in a ForkJoinPool of its own. */
    @RaceFree("ForkJoinPool.invoke")
    public static class ForkJoinPoolSort {
        static class SortTask extends RecursiveAction {
            static final int THRESHOLD = 1000;
            final long[] array;
            final int lo;
            final int hi;

            SortTask(long[] array, int lo, int hi) {
                this.array = array;
                this.lo = lo;
                this.hi = hi;
            }

            SortTask(long[] array) {
                this(array, 0, array.length);
            }

            @Override
            protected void compute() {
                if (hi - lo < THRESHOLD) {
                    sortSequentially(lo, hi);
                } else {
                    int mid = (lo + hi) >>> 1;
                    invokeAll(new SortTask(array, lo, mid), new SortTask(array, mid, hi));
                    merge(lo, mid, hi);
                }
            }

            void sortSequentially(int lo, int hi) {
                Arrays.sort(array, lo, hi);
            }

            void merge(int lo, int mid, int hi) {
                long[] buf = Arrays.copyOfRange(array, lo, mid);
                for (int i = 0, j = lo, k = mid; i < buf.length; j++) {
                    array[j] = (k == hi || buf[i] < array[k]) ? buf[i++] : array[k++];
                }
            }
        }

        @Concurrent(threads = 2)
        public void run(int index) {
            long[] array = new long[5000];
            for (int i = 0; i < array.length; i++) {
                array[i] = (i * 7919L + index) % 5003;
            }
            ForkJoinPool pool = new ForkJoinPool(2);
            try {
                pool.invoke(new SortTask(array));
            } finally {
                pool.shutdown();
            }
            for (int i = 1; i < array.length; i++) {
                if (array[i - 1] > array[i]) {
                    throw new IllegalStateException("not sorted at " + i);
                }
            }
        }
    }

    @RaceFree("ExecutorService.invokeAll, results read through Future.get")
    public static class InvokeAllResults {
        static class PageCount {
            String url;
            int words;
        }

        private static final List<String> URLS = List.of("/index", "/about", "/blog", "/contact", "/faq");

        @Concurrent(threads = 2)
        public void run() throws InterruptedException, ExecutionException {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Callable<PageCount>> jobs = new ArrayList<>();
                for (String url : URLS) {
                    jobs.add(() -> {
                        PageCount count = new PageCount();
                        count.url = url;
                        count.words = url.length() * 10;
                        return count;
                    });
                }
                int total = 0;
                for (Future<PageCount> done : pool.invokeAll(jobs)) {
                    PageCount count = done.get();
                    total += count.words + count.url.length();
                }
                if (total == 0) {
                    throw new IllegalStateException("no words");
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @RaceFree("ExecutorService.invokeAny")
    public static class InvokeAnyResult {
        static class Answer {
            String server;
            int millis;
        }

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException, ExecutionException {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Answer fastest = pool.invokeAny(List.of(() -> ask("primary", index), () -> ask("replica", index)));
                if (fastest.server == null || fastest.millis < 0) {
                    throw new IllegalStateException("empty answer");
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private static Answer ask(String server, int index) {
            Answer answer = new Answer();
            answer.server = server;
            answer.millis = server.length() + index;
            return answer;
        }
    }

    /** The usual way to wait for a list of futures: a stream mapping each through CompletableFuture::join. */
    @RaceFree("CompletableFuture::join as a method reference")
    public static class JoinedThroughMethodReference {
        static class Report {
            String region;
            long sales;
        }

        private static final List<String> REGIONS = List.of("north", "south", "east", "west");

        @Concurrent(threads = 2)
        public void run() {
            List<CompletableFuture<Report>> futures = REGIONS.stream()
                    .map(region -> CompletableFuture.supplyAsync(() -> salesReport(region)))
                    .collect(Collectors.toList());
            List<Report> reports = futures.stream().map(CompletableFuture::join).collect(Collectors.toList());
            long total = 0;
            for (Report report : reports) {
                total += report.sales + report.region.length();
            }
            if (total == 0) {
                throw new IllegalStateException("no sales");
            }
        }

        private static Report salesReport(String region) {
            Report report = new Report();
            report.region = region;
            report.sales = region.hashCode() & 0xffff;
            return report;
        }
    }

    /**
     * Jobs built by the caller for a pool whose threads are already running, handed over by pool::submit in a
     * stream, their results read through Future.get.
     */
    @RaceFree("ExecutorService::submit as a method reference")
    public static class SubmittedThroughMethodReference {
        static class Resize implements Callable<Integer> {
            int width;
            int height;

            @Override
            public Integer call() {
                return width * height;
            }
        }

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException, ExecutionException {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
            pool.prestartAllCoreThreads();
            try {
                List<Resize> jobs = new ArrayList<>();
                for (int i = 1; i <= 6; i++) {
                    Resize job = new Resize();
                    job.width = 100 * i + index;
                    job.height = 50 * i;
                    jobs.add(job);
                }
                List<Future<Integer>> pixels = jobs.stream().map(pool::submit).collect(Collectors.toList());
                long total = 0;
                for (Future<Integer> done : pixels) {
                    total += done.get();
                }
                if (total == 0) {
                    throw new IllegalStateException("no pixels");
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    /**
     * java.util.concurrent.Flow with the JDK's SubmissionPublisher: "actions in a source thread prior to publishing an
     * item ... happen-before actions subsequent to the corresponding access by each subscriber".
     */
    @RaceFree("SubmissionPublisher and a Flow.Subscriber")
    public static class PublisherToSubscriber {
        static class Order {
            String customer;
            long cents;
        }

        static class Totals implements Flow.Subscriber<Order> {
            final CountDownLatch completed = new CountDownLatch(1);
            long cents;
            int orders;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Order order) {
                cents += order.cents;
                orders += order.customer.isEmpty() ? 0 : 1;
            }

            @Override
            public void onError(Throwable failure) {
                completed.countDown();
            }

            @Override
            public void onComplete() {
                completed.countDown();
            }
        }

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            Totals totals = new Totals();
            try (SubmissionPublisher<Order> publisher = new SubmissionPublisher<>()) {
                publisher.subscribe(totals);
                for (int i = 0; i < 200; i++) {
                    Order order = new Order();
                    order.customer = "customer-" + index + "-" + i;
                    order.cents = 100 + i;
                    publisher.submit(order);
                }
            }
            totals.completed.await();
        }
    }

    /** The mistake: reading what the subscriber counted once the publisher is closed, before onComplete is awaited. */
    @Racy(field = "realcode.JdkTaskFrameworks$SubscriberReadBeforeComplete$Counter.received")
    public static class SubscriberReadBeforeComplete {
        static class Counter implements Flow.Subscriber<String> {
            final CountDownLatch completed = new CountDownLatch(1);
            long received;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String item) {
                received++; // race
            }

            @Override
            public void onError(Throwable failure) {
                completed.countDown();
            }

            @Override
            public void onComplete() {
                completed.countDown();
            }
        }

        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            Counter counter = new Counter();
            try (SubmissionPublisher<String> publisher = new SubmissionPublisher<>()) {
                publisher.subscribe(counter);
                for (int i = 0; i < 500; i++) {
                    publisher.submit("event-" + i);
                }
            }
            long soFar = counter.received; // race
            counter.completed.await();
            if (soFar > counter.received) {
                throw new IllegalStateException();
            }
        }
    }

    @RaceFree("SubmissionPublisher.consume")
    public static class PublisherConsume {
        static class Reading {
            String sensor;
            double value;
        }

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException, ExecutionException {
            double[] sum = new double[1];
            CompletableFuture<Void> consumed;
            try (SubmissionPublisher<Reading> publisher = new SubmissionPublisher<>()) {
                consumed = publisher.consume(reading -> sum[0] += reading.value + reading.sensor.length());
                for (int i = 0; i < 200; i++) {
                    Reading reading = new Reading();
                    reading.sensor = "sensor-" + index;
                    reading.value = i * 0.5;
                    publisher.submit(reading);
                }
            }
            consumed.get();
            if (sum[0] == 0) {
                throw new IllegalStateException("nothing consumed");
            }
        }
    }

    /** Arrays' parallel operations run the caller's function in the common pool and return when all are done. */
    @RaceFree("Arrays.parallelSetAll and parallelPrefix")
    public static class ParallelArrayOperations {
        static class Price {
            final int cents;
            String label;

            Price(int cents) {
                this.cents = cents;
            }
        }

        private int taxPercent;

        @Concurrent(threads = 1)
        public void run(int index) {
            taxPercent = 20;
            Price[] prices = new Price[5000];
            Arrays.parallelSetAll(prices, i -> {
                Price price = new Price(100 + i * (100 + taxPercent) / 100);
                price.label = "item-" + index + "-" + i;
                return price;
            });
            long[] running = new long[prices.length];
            Arrays.parallelSetAll(running, i -> prices[i].cents + prices[i].label.length());
            Arrays.parallelPrefix(running, Long::sum);
            if (running[running.length - 1] <= 0) {
                throw new IllegalStateException("no total");
            }
        }
    }

    @Racy(field = "realcode.JdkTaskFrameworks$ParallelSetAllCountsInAField.generated")
    public static class ParallelSetAllCountsInAField {
        private int generated;

        @Concurrent(threads = 1)
        public void run() {
            double[] samples = new double[50_000];
            Arrays.parallelSetAll(samples, i -> {
                generated++; // race
                return Math.sin(i);
            });
        }
    }

    @RaceFree("parallelStream().map(...).collect(...)")
    public static class ParallelStreamCollect {
        static class Order {
            String customer;
            int amount;
        }

        static class Line {
            String text;
        }

        @Concurrent(threads = 2)
        public void run(int index) {
            List<Order> orders = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                Order order = new Order();
                order.customer = "customer " + i % 17;
                order.amount = i + index;
                orders.add(order);
            }
            List<Line> lines = orders.parallelStream()
                    .filter(order -> order.amount % 2 == 0)
                    .map(order -> {
                        Line line = new Line();
                        line.text = order.customer + ": " + order.amount;
                        return line;
                    })
                    .collect(Collectors.toList());
            int length = 0;
            for (Line line : lines) {
                length += line.text.length();
            }
            if (lines.size() != 1000 || length == 0) {
                throw new IllegalStateException(lines.size() + " lines");
            }
        }
    }

    @RaceFree("parallel stream forEach into a ConcurrentHashMap")
    public static class ParallelForEachConcurrentMap {
        private final Map<Integer, Integer> byLength = new ConcurrentHashMap<>();

        @Concurrent(threads = 2)
        public void run() {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                words.add("w".repeat(1 + i % 9));
            }
            words.parallelStream().forEach(word -> byLength.merge(word.length(), 1, Integer::sum));
        }
    }

    @RaceFree("CompletableFuture supplyAsync, thenApply, thenCombine, allOf and join")
    public static class CompletableFutureChain {
        static class Quote {
            String item;
            double price;
        }

        @Concurrent(threads = 2)
        public void run(int index) {
            CompletableFuture<Quote> base = CompletableFuture.supplyAsync(() -> {
                Quote quote = new Quote();
                quote.item = "book " + index;
                quote.price = 10;
                return quote;
            });
            CompletableFuture<Quote> taxed = base.thenApply(quote -> {
                quote.price = quote.price * 1.2;
                return quote;
            });
            CompletableFuture<Double> shipping = CompletableFuture.supplyAsync(() -> 4.5);
            CompletableFuture<Quote> total = taxed.thenCombine(shipping, (quote, cost) -> {
                quote.price += cost;
                return quote;
            });
            CompletableFuture<Quote> other = CompletableFuture.supplyAsync(() -> {
                Quote quote = new Quote();
                quote.item = "pen " + index;
                quote.price = 2;
                return quote;
            });
            CompletableFuture.allOf(total, other).join();
            double sum = total.join().price + other.join().price;
            if (sum < 18 || !total.join().item.startsWith("book")) {
                throw new IllegalStateException("sum " + sum);
            }
        }
    }

    @RaceFree("CompletableFuture runAsync, thenCompose, thenAcceptAsync and get")
    public static class CompletableFutureCompose {
        static class Account {
            String owner;
            long balance;
        }

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException, ExecutionException {
            Account account = new Account();
            account.owner = "owner " + index;
            CompletableFuture<Void> opened = CompletableFuture.runAsync(() -> account.balance = 100);
            CompletableFuture<Account> deposited = opened.thenCompose(ignored -> CompletableFuture.supplyAsync(() -> {
                account.balance += 50;
                return account;
            }));
            CompletableFuture<Void> audited = deposited.thenAcceptAsync(audit -> {
                if (audit.balance != 150 || audit.owner == null) {
                    throw new IllegalStateException("balance " + audit.balance);
                }
            });
            audited.get();
            account.balance -= 150;
        }
    }

    /**
     * Leaves of a RecursiveAction that all add to one plain counter. Each thread's runs in a ForkJoinPool of its
     * own: the common pool has one worker on a 2-core machine, which could run every leaf of both and not race.
     */
    @Racy(field = "realcode.JdkTaskFrameworks$LeavesShareACounter.processed")
    public static class LeavesShareACounter {
        private int processed;

        class Scale extends RecursiveAction {
            final double[] data;
            final int lo;
            final int hi;

            Scale(double[] data, int lo, int hi) {
                this.data = data;
                this.lo = lo;
                this.hi = hi;
            }

            @Override
            protected void compute() {
                if (hi - lo <= 500) {
                    for (int i = lo; i < hi; i++) {
                        data[i] *= 2;
                    }
                    processed += hi - lo; // race
                } else {
                    int mid = (lo + hi) >>> 1;
                    invokeAll(new Scale(data, lo, mid), new Scale(data, mid, hi));
                }
            }
        }

        @Concurrent(threads = 2)
        public void run() {
            double[] data = new double[8000];
            Arrays.fill(data, 1.5);
            ForkJoinPool pool = new ForkJoinPool(2);
            try {
                pool.invoke(new Scale(data, 0, data.length));
            } finally {
                pool.shutdown();
            }
        }
    }

    @Racy(field = "realcode.JdkTaskFrameworks$AsyncTasksShareATotal.total")
    public static class AsyncTasksShareATotal {
        private long total;

        @Concurrent(threads = 2)
        public void run(int index) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CompletableFuture<Void> books =
                        CompletableFuture.runAsync(() -> total += price("books", index), pool); // race
                CompletableFuture<Void> games =
                        CompletableFuture.runAsync(() -> total += price("games", index), pool); // race
                CompletableFuture.allOf(books, games).join();
            } finally {
                pool.shutdown();
            }
        }

        private static long price(String basket, int index) {
            return basket.length() * 100L + index;
        }
    }

    @Racy(field = "realcode.JdkTaskFrameworks$ParallelForEachIntoField.sum")
    public static class ParallelForEachIntoField {
        private long sum;

        @Concurrent(threads = 2)
        public void run() {
            IntStream.rangeClosed(1, 10_000).parallel().forEach(i -> sum += i); // race
        }
    }

    /** The classic mistake again, written with a method reference: a parallel stream's forEach(list::add). */
    @Racy(field = "realcode.JdkTaskFrameworks$ParallelForEachMethodReference.flagged")
    public static class ParallelForEachMethodReference {
        private final List<Integer> flagged = new ArrayList<>();

        @Concurrent(threads = 1)
        public void run() {
            IntStream.range(0, 10_000)
                    .filter(i -> i % 3 == 0)
                    .boxed()
                    .parallel()
                    .forEach(flagged::add); // race
        }
    }

    @Racy(field = "realcode.JdkTaskFrameworks$InvokeAllIntoArrayList.pages")
    public static class InvokeAllIntoArrayList {
        private static final List<String> URLS = List.of("/index", "/about", "/blog", "/contact", "/faq", "/shop");
        private final List<String> pages = new ArrayList<>();

        @Concurrent(threads = 2)
        public void run() throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Callable<Void>> jobs = new ArrayList<>();
                for (String url : URLS) {
                    jobs.add(() -> {
                        pages.add("<html>" + url + "</html>"); // race
                        return null;
                    });
                }
                pool.invokeAll(jobs);
            } finally {
                pool.shutdown();
            }
        }
    }

    /**
     * A periodic task keeps its own counters between runs, on whichever of the pool's threads each run takes: the
     * executor runs them one after another, each after the last ended.
     */
    @RaceFree("ScheduledExecutorService.scheduleAtFixedRate, the task's own state kept between runs")
    public static class PeriodicTaskKeepsItsState {
        static class Sampler implements Runnable {
            private long runs;
            private long total;
            final CountDownLatch enough = new CountDownLatch(20);

            @Override
            public void run() {
                runs++;
                total += runs;
                enough.countDown();
            }
        }

        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            ScheduledExecutorService pool = Executors.newScheduledThreadPool(3);
            try {
                Sampler sampler = new Sampler();
                pool.scheduleAtFixedRate(sampler, 0, 1, TimeUnit.MILLISECONDS);
                sampler.enough.await();
            } finally {
                pool.shutdown();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    /** The same with a fixed delay, the task appending to a list only it uses. */
    @RaceFree("ScheduledExecutorService.scheduleWithFixedDelay, the task's own list kept between runs")
    public static class FixedDelayTaskKeepsItsList {
        static class Poller implements Runnable {
            private final List<Integer> polls = new ArrayList<>();
            final CountDownLatch enough = new CountDownLatch(10);

            @Override
            public void run() {
                polls.add(polls.size());
                enough.countDown();
            }
        }

        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            ScheduledExecutorService pool = Executors.newScheduledThreadPool(3);
            try {
                Poller poller = new Poller();
                pool.scheduleWithFixedDelay(poller, 0, 1, TimeUnit.MILLISECONDS);
                poller.enough.await();
            } finally {
                pool.shutdown();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    /** The scheduling thread reads the task's count while the task goes on running: nothing orders the later runs. */
    @Racy(field = "realcode.JdkTaskFrameworks$PeriodicCountReadWhileRunning$Sampler.runs")
    public static class PeriodicCountReadWhileRunning {
        static class Sampler implements Runnable {
            private long runs;
            final CountDownLatch started = new CountDownLatch(3);

            @Override
            public void run() {
                runs++; // race
                started.countDown();
            }
        }

        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
            try {
                Sampler sampler = new Sampler();
                pool.scheduleAtFixedRate(sampler, 0, 1, TimeUnit.MILLISECONDS);
                sampler.started.await();
                long seen = sampler.runs; // race
                // the runs go on meanwhile
                Thread.sleep(20);
                if (seen < 3) {
                    throw new IllegalStateException("runs " + seen);
                }
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * A pool whose afterExecute hook tallies what each task recorded, as pools that keep metrics do: the hook is given
     * the program's own task, and the tally is read once the pool terminated.
     */
    @RaceFree("ThreadPoolExecutor.afterExecute, the tally read after awaitTermination")
    public static class AfterExecuteTalliesTasks {
        static class Job implements Runnable {
            private int work;

            @Override
            public void run() {
                work = 7;
            }
        }

        static class TallyingPool extends ThreadPoolExecutor {
            private int tally;

            TallyingPool() {
                super(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
            }

            @Override
            protected void afterExecute(Runnable task, Throwable thrown) {
                if (task instanceof Job job) {
                    synchronized (this) {
                        tally += job.work;
                    }
                }
            }
        }

        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            TallyingPool pool = new TallyingPool();
            for (int i = 0; i < 5; i++) {
                pool.execute(new Job());
            }
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
            if (pool.tally != 35) {
                throw new IllegalStateException("tally " + pool.tally);
            }
        }
    }

    /** The tally read while the tasks still run: nothing orders the hook's writes before it. */
    @Racy(field = "realcode.JdkTaskFrameworks$AfterExecuteTallyReadEarly$TallyingPool.tally")
    public static class AfterExecuteTallyReadEarly {
        static class TallyingPool extends ThreadPoolExecutor {
            private int tally;

            TallyingPool() {
                super(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
            }

            @Override
            protected void afterExecute(Runnable task, Throwable thrown) {
                synchronized (this) {
                    tally++; // race
                }
            }
        }

        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            TallyingPool pool = new TallyingPool();
            try {
                for (int i = 0; i < 5; i++) {
                    pool.execute(() -> {});
                }
                Thread.sleep(20);
                int seen = pool.tally; // race
                if (seen > 5) {
                    throw new IllegalStateException("tally " + seen);
                }
            } finally {
                pool.shutdown();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Polling isTerminated after shutdown, instead of awaitTermination: a terminated pool has seen its tasks end. */
    @RaceFree("ExecutorService.isTerminated polled after shutdown")
    public static class IsTerminatedPolled {
        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            int[] squares = new int[6];
            for (int i = 0; i < squares.length; i++) {
                int n = i;
                pool.execute(() -> squares[n] = n * n);
            }
            pool.shutdown();
            while (!pool.isTerminated()) {
                Thread.sleep(1);
            }
            if (squares[5] != 25) {
                throw new IllegalStateException("squares " + Arrays.toString(squares));
            }
        }
    }

    /** shutdownNow returns the tasks that never ran, which the program looks at as it handed them over. */
    @RaceFree("ExecutorService.shutdownNow, the tasks that never ran")
    public static class ShutdownNowReturnsQueuedJobs {
        static class Job implements Runnable {
            @Override
            public void run() {}
        }

        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            CountDownLatch blocking = new CountDownLatch(1);
            CountDownLatch never = new CountDownLatch(1);
            pool.execute(() -> {
                blocking.countDown();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            blocking.await();
            for (int i = 0; i < 3; i++) {
                pool.execute(new Job());
            }
            List<Runnable> unrun = pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
            long jobs = unrun.stream().filter(Job.class::isInstance).count();
            if (jobs != 3) {
                throw new IllegalStateException("jobs never run " + jobs + " of " + unrun);
            }
        }
    }

    /** ThreadPoolExecutor.remove takes a queued task back before it runs: it must find the task it was given. */
    @RaceFree("ThreadPoolExecutor.remove of a task still queued")
    public static class QueuedTaskRemoved {
        private volatile boolean reportSent;

        @Concurrent(threads = 1)
        public void run() throws InterruptedException {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            pool.execute(() -> {
                busy.countDown();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            busy.await();
            Runnable report = () -> reportSent = true;
            pool.execute(report);
            boolean cancelled = pool.remove(report);
            done.countDown();
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
            if (!cancelled || reportSent) {
                throw new IllegalStateException("removed " + cancelled + ", sent anyway " + reportSent);
            }
        }
    }

    /** A FutureTask run by a thread of its own: get() returns what the task made, as the future's javadoc says. */
    @RaceFree("a FutureTask run by new Thread(future), its result read through get()")
    public static class FutureTaskOnItsOwnThread {
        static class Report {
            String title;
            int pages;
        }

        @Concurrent(threads = 2)
        public void run() throws Exception {
            FutureTask<Report> future = new FutureTask<>(() -> {
                Report report = new Report();
                report.title = "quarterly";
                report.pages = 12;
                return report;
            });
            new Thread(future).start();
            Report report = future.get();
            if (report.pages != 12 || !report.title.equals("quarterly")) {
                throw new IllegalStateException("report " + report.title);
            }
        }
    }
}
