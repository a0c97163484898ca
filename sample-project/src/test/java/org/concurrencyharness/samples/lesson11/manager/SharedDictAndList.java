package org.concurrencyharness.samples.lesson11.manager;

import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.Shared;

/** 10 processes fill a shared dict and a shared list, as a manager's objects are filled. */
public class SharedDictAndList {

    @ForkProcesses(10)
    public void fill(int index) {
        Shared.map("d").put(String.valueOf(index), index * index);
        Shared.list("l").add(index);
    }
}
