package it;

import org.concurrencyharness.Concurrent;
import org.concurrencyharness.ExpectRace;

public class RacyOnPurpose {

    private int count;

    @Concurrent(threads = 4)
    @ExpectRace
    public void increment() {
        for (int i = 0; i < 1000; i++) {
            count++;
        }
    }
}
