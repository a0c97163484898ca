package it;

import org.concurrencyharness.Concurrent;

public class Hang {

    /** Ignores interruption on purpose: the run must still end, and the forked JVM with it. */
    @Concurrent(threads = 2, timeoutMillis = 1_000)
    public void spinForever() {
        while (true) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException ignored) {
                // keep hanging
            }
        }
    }
}
