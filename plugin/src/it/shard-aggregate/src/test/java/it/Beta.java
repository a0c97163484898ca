package it;

import org.concurrencyharness.Concurrent;

public class Beta {

    @Concurrent(threads = 2)
    public void first() {
    }

    @Concurrent(threads = 2)
    public void second() {
    }
}
