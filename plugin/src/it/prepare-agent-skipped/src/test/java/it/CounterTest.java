package it;

import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencyharness.Concurrent;
import org.concurrencyharness.ExpectRace;

public class CounterTest {

    private int racy;
    private final AtomicInteger atomic = new AtomicInteger();

    @Concurrent(threads = 4)
    @ExpectRace
    public void racyOnPurpose() {
        for (int i = 0; i < 1000; i++) {
            racy++;
        }
    }

    @Concurrent(threads = 4)
    public void raceFree() {
        if (!"yes".equals(System.getProperty("it.late"))) {
            throw new IllegalStateException("Surefire's own argLine (-Dit.late=yes) was lost");
        }
        for (int i = 0; i < 1000; i++) {
            atomic.incrementAndGet();
        }
    }
}
