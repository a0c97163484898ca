package it;

import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencyharness.Concurrent;
import org.concurrencyharness.ExpectRace;

public class LosesUpdatesOnPurpose {

    private final AtomicInteger count = new AtomicInteger();

    /** No data race, every call being atomic; the read then the write are not: @ExpectRace expects that too. */
    @Concurrent(threads = 4)
    @ExpectRace
    public void increment() {
        for (int i = 0; i < 5000; i++) {
            count.set(count.get() + 1);
        }
    }
}
