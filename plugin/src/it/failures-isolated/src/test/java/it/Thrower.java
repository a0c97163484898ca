package it;

import org.concurrencyharness.Concurrent;

public class Thrower {

    @Concurrent(threads = 3)
    public void explode(int index) {
        throw new IllegalStateException("boom " + index);
    }
}
