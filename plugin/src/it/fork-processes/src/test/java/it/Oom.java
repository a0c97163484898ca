package it;

import org.concurrencyharness.ForkProcesses;

public class Oom {

    @ForkProcesses(1)
    public int allocate() {
        long[] tooBig = new long[Integer.MAX_VALUE - 16];
        return tooBig.length;
    }
}
