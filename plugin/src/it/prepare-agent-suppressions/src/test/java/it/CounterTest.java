package it;

import org.concurrencyharness.Concurrent;
import org.concurrencyharness.ExpectRace;

/** Passes only when the detector ran under Surefire and found this race, which no pattern matches. */
public class CounterTest {

    private int count;

    @Concurrent(threads = 4)
    @ExpectRace
    public void increment() {
        for (int i = 0; i < 1000; i++) {
            count++;
        }
    }
}
