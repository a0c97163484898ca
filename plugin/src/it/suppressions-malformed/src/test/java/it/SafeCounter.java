package it;

import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencyharness.Concurrent;

public class SafeCounter {

    private final AtomicInteger count = new AtomicInteger();

    @Concurrent(threads = 4)
    public void increment() {
        for (int i = 0; i < 1000; i++) {
            count.incrementAndGet();
        }
    }
}
