package it;

import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencyharness.Concurrent;

public class Good {

    private final AtomicInteger visits = new AtomicInteger();

    @Concurrent(threads = 4)
    public void visit() {
        visits.incrementAndGet();
    }
}
