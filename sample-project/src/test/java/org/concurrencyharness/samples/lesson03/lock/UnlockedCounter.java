package org.concurrencyharness.samples.lesson03.lock;

import org.concurrencyharness.Concurrent;
import org.concurrencyharness.ExpectRace;

/** {@code num += 1} from 50 threads without a lock: a read, an add and a write that other threads interleave. */
public class UnlockedCounter {

    private int num;

    @Concurrent(threads = 50)
    @ExpectRace
    public void addOneThousandTimes() {
        for (int i = 0; i < 1_000; i++) {
            num += 1;
        }
    }
}
