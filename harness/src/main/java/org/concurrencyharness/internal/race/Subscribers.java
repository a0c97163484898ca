package org.concurrencyharness.internal.race;

/**
 * The subscribers of {@code java.util.concurrent} publishers ({@code SubmissionPublisher}), each
 * with the publisher it subscribed to. Publishing an item or a signal is a call on the publisher,
 * which releases into it; the subscriber's method that receives it ({@code onNext} and the other
 * signals) starts by acquiring from the publisher, as the publisher's javadoc orders them, and
 * signals follow one another ("invoked in strict sequential order", says {@code Flow.Subscriber}).
 */
final class Subscribers {

    private static final WeakIdentityMap<Object, Object> PUBLISHERS = new WeakIdentityMap<>();

    private Subscribers() {}

    /** The subscriber was handed to the publisher's {@code subscribe}. */
    static void subscribed(Object subscriber, Object publisher) {
        if (subscriber != null && publisher != null) {
            PUBLISHERS.put(subscriber, publisher);
        }
    }

    /**
     * A signal's method of the subscriber starts: it sees what was published before, and what the
     * subscriber's earlier signals did, which the publisher delivers one after the other, from
     * whichever thread of its executor.
     */
    static void signal(Object subscriber) {
        Object publisher = PUBLISHERS.get(subscriber);
        if (publisher != null) {
            Detector.acquire(publisher);
            Detector.acquire(subscriber);
        }
    }

    /** ... and ends before the subscriber's next signal. */
    static void signalEnd(Object subscriber) {
        if (PUBLISHERS.get(subscriber) != null) {
            Detector.release(subscriber);
        }
    }
}
