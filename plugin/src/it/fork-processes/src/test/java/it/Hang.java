package it;

import org.concurrencyharness.Concurrent;
import org.concurrencyharness.ForkProcesses;

public class Hang {

    /** Index 0 never returns and ignores interruption; the parent must kill its process. */
    @ForkProcesses(2)
    @Concurrent(timeoutMillis = 1_500)
    public void forever(int index) {
        while (index == 0) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException ignored) {
                // keep hanging
            }
        }
    }
}
