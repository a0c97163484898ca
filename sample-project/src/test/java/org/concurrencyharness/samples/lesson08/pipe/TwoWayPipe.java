package org.concurrencyharness.samples.lesson08.pipe;

import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.Pipe;
import org.concurrencyharness.Shared;

/** A pipe has two ends: the child sends twice and receives once; the parent receives twice and sends once. */
public class TwoWayPipe {

    @ForkProcesses(value = 1, parent = "parentEnd")
    public Object childEnd() throws InterruptedException {
        Pipe pipe = Shared.pipe();
        pipe.send(java.util.Arrays.asList(42, null, "hello"));
        pipe.send(java.util.List.of(42, 42, "hello"));
        return pipe.receive();
    }

    static void parentEnd(Pipe pipe) throws InterruptedException {
        pipe.receive();
        pipe.receive();
        pipe.send("father test");
    }
}
