package org.concurrencyharness.samples.lesson07.queue;

import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.Pipe;
import org.concurrencyharness.Shared;

/** A child puts values on a queue and the parent takes them off: the way processes hand data over. */
public class QueueToParent {

    @ForkProcesses(value = 1, parent = "takeInParent")
    public void putInChild() {
        Shared.queue("q").put(java.util.List.of(42, "hello"));
        Shared.queue("q").put("from pid " + ProcessHandle.current().pid());
    }

    static void takeInParent(Pipe unused) throws InterruptedException {
        Object first = Shared.queue("q").take();
        Shared.list("taken by the parent").add(first);
    }
}
