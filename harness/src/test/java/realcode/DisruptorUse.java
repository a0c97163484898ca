package realcode;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.util.DaemonThreadFactory;
import java.util.concurrent.CountDownLatch;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * The LMAX Disruptor as its getting-started guide shows it: producers publish into the ring buffer, event handlers
 * see each event after its producer filled it, and a handler set to run after another sees what the first did to
 * the event. Handlers that run side by side, or a producer reading a handler's state, race.
 */
public class DisruptorUse {

    /** The guide's LongEvent. */
    public static class LongEvent {
        private long value;

        public void set(long value) {
            this.value = value;
        }

        public long get() {
            return value;
        }
    }

    @RaceFree("Disruptor: three producers publish into a ring buffer, one event handler consumes")
    public static class MultiProducerRingBuffer {
        private static final int PRODUCERS = 3;
        private static final int EVENTS = 100;
        private final Disruptor<LongEvent> disruptor =
                new Disruptor<>(LongEvent::new, 64, DaemonThreadFactory.INSTANCE);
        private final CountDownLatch consumed = new CountDownLatch(PRODUCERS * EVENTS);
        private long sum;

        public MultiProducerRingBuffer() {
            disruptor.handleEventsWith((event, sequence, endOfBatch) -> {
                sum += event.get();
                consumed.countDown();
            });
            disruptor.start();
        }

        @Concurrent(threads = PRODUCERS)
        public void run(int index) throws InterruptedException {
            RingBuffer<LongEvent> ringBuffer = disruptor.getRingBuffer();
            for (long i = 0; i < EVENTS; i++) {
                ringBuffer.publishEvent((event, sequence, value) -> event.set(value), i);
            }
            consumed.await();
            if (sum != PRODUCERS * (EVENTS * (EVENTS - 1) / 2)) {
                throw new IllegalStateException("sum " + sum);
            }
            if (index == 0) {
                disruptor.shutdown();
            }
        }
    }

    /** An order journalled, then confirmed by a handler that runs after the journal: handleEventsWith(...).then(...). */
    @RaceFree("Disruptor: handlers chained with then()")
    public static class ChainedHandlers {
        public static class OrderEvent {
            String order;
            boolean journalled;
            String confirmation;
        }

        private static final int EVENTS = 100;
        private final Disruptor<OrderEvent> disruptor =
                new Disruptor<>(OrderEvent::new, 16, DaemonThreadFactory.INSTANCE);
        private final CountDownLatch confirmed = new CountDownLatch(2 * EVENTS);
        private int journalled;

        public ChainedHandlers() {
            EventHandler<OrderEvent> journal = (event, sequence, endOfBatch) -> {
                journalled++;
                event.journalled = true;
            };
            EventHandler<OrderEvent> confirm = (event, sequence, endOfBatch) -> {
                if (!event.journalled) {
                    throw new IllegalStateException("confirmed before journalled: " + event.order);
                }
                event.confirmation = "confirmed " + event.order;
                confirmed.countDown();
            };
            disruptor.handleEventsWith(journal).then(confirm);
            disruptor.start();
        }

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            RingBuffer<OrderEvent> ringBuffer = disruptor.getRingBuffer();
            for (int i = 0; i < EVENTS; i++) {
                ringBuffer.publishEvent(
                        (event, sequence, order) -> {
                            event.order = order;
                            event.journalled = false;
                            event.confirmation = null;
                        },
                        "order-" + index + "-" + i);
            }
            confirmed.await();
            if (index == 0) {
                disruptor.shutdown();
            }
        }
    }

    /** Two handlers given together run side by side: one clears the payload the other still reads. */
    @Racy(field = "realcode.DisruptorUse$ParallelHandlersShareEvent$TradeEvent.payload")
    public static class ParallelHandlersShareEvent {
        public static class TradeEvent {
            String payload;
        }

        private static final int EVENTS = 100;
        private final Disruptor<TradeEvent> disruptor =
                new Disruptor<>(TradeEvent::new, 16, DaemonThreadFactory.INSTANCE);
        private final CountDownLatch handled = new CountDownLatch(2 * EVENTS);
        private long journalled;
        private long replicated;

        public ParallelHandlersShareEvent() {
            EventHandler<TradeEvent> journal = (event, sequence, endOfBatch) -> {
                journalled += event.payload.length();
                event.payload = null; // race
                handled.countDown();
            };
            EventHandler<TradeEvent> replicate = (event, sequence, endOfBatch) -> {
                String payload = event.payload; // race
                if (payload != null) {
                    replicated += payload.length();
                }
                handled.countDown();
            };
            disruptor.handleEventsWith(journal, replicate);
            disruptor.start();
        }

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            if (index == 0) {
                RingBuffer<TradeEvent> ringBuffer = disruptor.getRingBuffer();
                for (int i = 0; i < EVENTS; i++) {
                    ringBuffer.publishEvent((event, sequence, trade) -> event.payload = trade, "trade " + i);
                }
            }
            handled.await();
            if (index == 0) {
                disruptor.shutdown();
            }
        }
    }

    /** A producer reads the handler's count to report progress while the handler is still counting. */
    @Racy(field = "realcode.DisruptorUse$ProgressReadWhileHandling$CountingHandler.count")
    public static class ProgressReadWhileHandling {
        public static class CountingHandler implements EventHandler<LongEvent> {
            private long count;
            private final CountDownLatch done;

            CountingHandler(CountDownLatch done) {
                this.done = done;
            }

            @Override
            public void onEvent(LongEvent event, long sequence, boolean endOfBatch) {
                count++; // race
                done.countDown();
            }
        }

        private static final int EVENTS = 200;
        private final Disruptor<LongEvent> disruptor =
                new Disruptor<>(LongEvent::new, 64, DaemonThreadFactory.INSTANCE);
        private final CountDownLatch done = new CountDownLatch(EVENTS);
        private final CountingHandler handler = new CountingHandler(done);

        public ProgressReadWhileHandling() {
            disruptor.handleEventsWith(handler);
            disruptor.start();
        }

        @Concurrent(threads = 2)
        public void run(int index) throws InterruptedException {
            if (index == 0) {
                RingBuffer<LongEvent> ringBuffer = disruptor.getRingBuffer();
                long progress = 0;
                for (long i = 0; i < EVENTS; i++) {
                    ringBuffer.publishEvent((event, sequence, value) -> event.set(value), i);
                    progress = handler.count; // race
                }
                if (progress > EVENTS) {
                    throw new IllegalStateException("counted " + progress);
                }
            }
            done.await();
            if (index == 0) {
                disruptor.shutdown();
            }
        }
    }
}
