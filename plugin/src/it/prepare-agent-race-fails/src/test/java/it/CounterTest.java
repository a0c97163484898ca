package it;

import org.concurrencyharness.Concurrent;

public class CounterTest {

    private int count;

    @Concurrent(threads = 4)
    public void increment() {
        for (int i = 0; i < 1000; i++) {
            count++;
        }
    }
}
