package it;

import org.concurrencyharness.Concurrent;

public class ReturnsIndex {

    @Concurrent(threads = 3)
    public int twice(int index) {
        return index * 2;
    }
}
