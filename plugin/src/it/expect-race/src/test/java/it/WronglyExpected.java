package it;

import org.concurrencyharness.Concurrent;
import org.concurrencyharness.ExpectRace;

public class WronglyExpected {

    private int count;

    @Concurrent(threads = 4)
    @ExpectRace
    public synchronized void increment() {
        count++;
    }
}
