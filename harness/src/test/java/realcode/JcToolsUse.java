package realcode;

import java.util.Map;
import java.util.Queue;
import org.concurrencyharness.Concurrent;
import org.jctools.maps.NonBlockingHashMap;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.MpscChunkedArrayQueue;
import org.jctools.queues.SpscArrayQueue;
import org.jctools.queues.SpscLinkedQueue;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * JCTools' queues hand objects from producers to consumers in the numbers their names promise (multi- or
 * single-producer, single consumer), and NonBlockingHashMap is a ConcurrentMap. A single-producer queue offered to by
 * two threads races inside JCTools.
 */
public class JcToolsUse {

    /** What the producers send. */
    public static class Message {
        int producer;
        int sequence;
        String text;
    }

    /** A producer's side: offers that many messages, waiting while the queue is full. */
    static void send(Queue<Message> queue, int producer, int messages) {
        for (int i = 0; i < messages; i++) {
            Message message = message(producer, i);
            while (!queue.offer(message)) {
                Thread.onSpinWait();
            }
        }
    }

    /** The consumer's side: polls until that many messages came, each read whole. */
    static void receive(Queue<Message> queue, int messages) {
        for (int received = 0; received < messages; ) {
            Message message = queue.poll();
            if (message == null) {
                Thread.onSpinWait();
            } else if (message.text.startsWith("message")) {
                received++;
            }
        }
    }

    static Message message(int producer, int sequence) {
        Message message = new Message();
        message.producer = producer;
        message.sequence = sequence;
        message.text = "message " + sequence + " from " + producer;
        return message;
    }

    @RaceFree("JCTools MpscArrayQueue: three producers, one consumer")
    public static class MpscHandOff {
        private static final int PER_PRODUCER = 50;
        private final Queue<Message> queue = new MpscArrayQueue<>(64);

        @Concurrent(threads = 4)
        public void run(int index) {
            if (index > 0) {
                send(queue, index, PER_PRODUCER);
            } else {
                int[] next = new int[4];
                for (int received = 0; received < 3 * PER_PRODUCER; ) {
                    Message message = queue.poll();
                    if (message == null) {
                        Thread.onSpinWait();
                        continue;
                    }
                    if (message.sequence != next[message.producer]++ || !message.text.startsWith("message")) {
                        throw new IllegalStateException("out of order: " + message.text);
                    }
                    message.text = null;
                    received++;
                }
            }
        }
    }

    @RaceFree("JCTools MpscChunkedArrayQueue growing under three producers, one consumer")
    public static class MpscChunkedHandOff {
        private static final int PER_PRODUCER = 200;
        private final Queue<Message> queue = new MpscChunkedArrayQueue<>(4, 1024);

        @Concurrent(threads = 4)
        public void run(int index) {
            if (index > 0) {
                send(queue, index, PER_PRODUCER);
            } else {
                receive(queue, 3 * PER_PRODUCER);
            }
        }
    }

    @RaceFree("JCTools SpscLinkedQueue: one producer, one consumer, nodes linked with ordered writes")
    public static class SpscLinkedHandOff {
        private final Queue<Message> queue = new SpscLinkedQueue<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                for (int i = 0; i < 500; i++) {
                    queue.offer(message(0, i));
                }
            } else {
                for (int expected = 0; expected < 500; ) {
                    Message message = queue.poll();
                    if (message == null) {
                        Thread.onSpinWait();
                    } else if (message.sequence == expected && message.text.startsWith("message")) {
                        expected++;
                    } else {
                        throw new IllegalStateException("out of order: " + message.text);
                    }
                }
            }
        }
    }

    @RaceFree("a queue of Netty's, made by PlatformDependent for an event loop's tasks: JCTools' copy inside Netty")
    public static class NettyMpscQueue {
        private final Queue<Message> queue = io.netty.util.internal.PlatformDependent.newMpscQueue();

        @Concurrent(threads = 4)
        public void run(int index) {
            if (index > 0) {
                for (int i = 0; i < 200; i++) {
                    queue.offer(message(index, i));
                }
            } else {
                receive(queue, 600);
            }
        }
    }

    @RaceFree("JCTools SpscArrayQueue: one producer, one consumer")
    public static class SpscHandOff {
        private final Queue<Message> queue = new SpscArrayQueue<>(32);

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 100; i++) {
                if (index == 0) {
                    Message message = message(index, i);
                    while (!queue.offer(message)) {
                        Thread.onSpinWait();
                    }
                } else {
                    Message message;
                    while ((message = queue.poll()) == null) {
                        Thread.onSpinWait();
                    }
                    if (message.sequence != i) {
                        throw new IllegalStateException("out of order: " + message.text);
                    }
                    message.sequence = -1;
                }
            }
        }
    }

    @RaceFree("JCTools NonBlockingHashMap, a ConcurrentMap")
    public static class NonBlockingMap {
        private final Map<String, Message> latest = new NonBlockingHashMap<>();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                if (index == 0) {
                    latest.put("topic-" + i % 5, message(index, i));
                } else {
                    Message message = latest.get("topic-" + i % 5);
                    if (message != null && message.text.isEmpty()) {
                        throw new IllegalStateException("half-built message");
                    }
                }
            }
        }
    }

    /** "Single-Producer/Single-Consumer": two producers break what the queue is built on. */
    @Racy(field = "org.jctools.queues.*")
    public static class SpscWithTwoProducers {
        private final Queue<Message> queue = new SpscArrayQueue<>(256);

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                queue.offer(message(index, i)); // race
            }
        }
    }
}
