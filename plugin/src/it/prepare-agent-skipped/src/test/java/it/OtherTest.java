package it;

import org.concurrencyharness.Concurrent;

/** A second class, so that the run has more than one to say that race detection is off. */
public class OtherTest {

    @Concurrent(threads = 2)
    public synchronized void locked() {
    }
}
