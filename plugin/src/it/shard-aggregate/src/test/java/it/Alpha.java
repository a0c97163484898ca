package it;

import org.concurrencyharness.Concurrent;

public class Alpha {

    @Concurrent(threads = 2)
    public void first() {
    }

    @Concurrent(threads = 2)
    public void second() {
    }
}
