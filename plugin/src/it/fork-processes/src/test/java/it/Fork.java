package it;

import org.concurrencyharness.ForkProcesses;

public class Fork {

    @ForkProcesses(3)
    public long pid(int index) {
        return ProcessHandle.current().pid();
    }
}
