package realcode;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Agrona, as its javadoc and Aeron use it: queues, a ring buffer and atomic buffers over direct memory that hand work
 * between threads with ordered, volatile and compare-and-set accesses, many of them off the heap; agents run by an
 * {@code AgentRunner}. A one-to-one queue offered to by two threads breaks its single-producer contract.
 */
public class AgronaUse {

    /** A message with plain fields, written by its producer and read by whoever receives it. */
    static final class Quote {
        String symbol;
        long price;

        Quote(String symbol, long price) {
            this.symbol = symbol;
            this.price = price;
        }
    }

    @RaceFree("a ManyToOneConcurrentArrayQueue hands quotes from three producers to one consumer")
    public static class ManyToOneQueueHandOff {
        private final ManyToOneConcurrentArrayQueue<Quote> queue = new ManyToOneConcurrentArrayQueue<>(64);

        @Concurrent(threads = 4)
        public void run(int index) {
            if (index == 0) {
                long total = 0;
                for (int received = 0; received < 150; ) {
                    Quote quote = queue.poll();
                    if (quote == null) {
                        Thread.onSpinWait();
                    } else {
                        total += quote.price + quote.symbol.length();
                        received++;
                    }
                }
            } else {
                for (int i = 0; i < 50; i++) {
                    Quote quote = new Quote("ACME", i);
                    while (!queue.offer(quote)) {
                        Thread.onSpinWait();
                    }
                }
            }
        }
    }

    @RaceFree("a ManyToOneRingBuffer over direct memory carries the slot of each quote a producer filled")
    public static class RingBufferSlots {
        private static final int MESSAGE = 1;
        private final ManyToOneRingBuffer ring = new ManyToOneRingBuffer(
                new UnsafeBuffer(ByteBuffer.allocateDirect(1024 + RingBufferDescriptor.TRAILER_LENGTH)));
        private final Quote[] slots = new Quote[150];

        @Concurrent(threads = 4)
        public void run(int index) {
            if (index == 0) {
                int[] received = {0};
                MessageHandler handler = (type, buffer, offset, length) -> {
                    Quote quote = slots[buffer.getInt(offset)];
                    received[0] += quote.symbol.isEmpty() ? 0 : 1;
                };
                while (received[0] < 150) {
                    if (ring.read(handler) == 0) {
                        Thread.onSpinWait();
                    }
                }
            } else {
                for (int i = 0; i < 50; i++) {
                    int slot = (index - 1) * 50 + i;
                    slots[slot] = new Quote("ACME", i);
                    int at;
                    while ((at = ring.tryClaim(MESSAGE, Integer.BYTES)) <= 0) {
                        Thread.onSpinWait();
                    }
                    ring.buffer().putInt(at, slot);
                    ring.commit(at);
                }
            }
        }
    }

    @RaceFree("an AtomicBuffer over direct memory as a spin lock: compareAndSetInt to take it, putIntRelease to let go")
    public static class DirectBufferSpinLock {
        private final AtomicBuffer lock = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
        private long trades;
        private Quote last;

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                while (!lock.compareAndSetInt(0, 0, 1)) {
                    Thread.onSpinWait();
                }
                trades++;
                last = new Quote(last == null ? "ACME" : last.symbol, i);
                lock.putIntRelease(0, 0);
            }
        }
    }

    @RaceFree("an agent's totals read after AgentRunner.close, which waits for the agent's thread to end")
    public static class AgentTotalsAfterClose {
        static final class Summer implements Agent {
            final OneToOneConcurrentArrayQueue<Quote> inbox = new OneToOneConcurrentArrayQueue<>(128);
            final AtomicInteger processed = new AtomicInteger();
            long total;
            boolean closed;

            @Override
            public int doWork() {
                return inbox.drain(quote -> {
                    total += quote.price;
                    processed.incrementAndGet();
                });
            }

            @Override
            public void onClose() {
                closed = true;
            }

            @Override
            public String roleName() {
                return "summer";
            }
        }

        @Concurrent(threads = 1)
        public void run() {
            Summer summer = new Summer();
            AgentRunner runner = new AgentRunner(new BackoffIdleStrategy(), Throwable::printStackTrace, null, summer);
            AgentRunner.startOnThread(runner);
            for (int i = 0; i < 100; i++) {
                Quote quote = new Quote("ACME", i);
                while (!summer.inbox.offer(quote)) {
                    Thread.onSpinWait();
                }
            }
            while (summer.processed.get() < 100) {
                Thread.onSpinWait();
            }
            CloseHelper.close(runner);
            if (!summer.closed || summer.total != 4950) {
                throw new IllegalStateException("agent total " + summer.total);
            }
        }
    }

    @Racy(field = "org.agrona.concurrent.*")
    public static class OneToOneQueueWithTwoProducers {
        private final OneToOneConcurrentArrayQueue<Quote> queue = new OneToOneConcurrentArrayQueue<>(8);
        private final AtomicInteger finished = new AtomicInteger();

        @Concurrent(threads = 3)
        public void run(int index) {
            if (index == 0) {
                while (finished.get() < 2 || !queue.isEmpty()) {
                    if (queue.poll() == null) {
                        Thread.onSpinWait();
                    }
                }
            } else {
                for (int i = 0; i < 100; i++) {
                    Quote quote = new Quote("ACME", i);
                    while (!queue.offer(quote)) { // race
                        Thread.onSpinWait();
                    }
                }
                finished.incrementAndGet();
            }
        }
    }
}
