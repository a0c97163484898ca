package it;

import org.concurrencyharness.Concurrent;

public class Invalid {

    @Concurrent(threads = 0)
    public void noThreads() {
    }

    @Concurrent(threads = 2)
    public void wrongParameter(String name) {
    }
}
