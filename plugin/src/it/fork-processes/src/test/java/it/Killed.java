package it;

import org.concurrencyharness.ForkProcesses;

public class Killed {

    @ForkProcesses(2)
    public void killSelf(int index) {
        if (index == 0) {
            ProcessHandle.current().destroyForcibly();
        }
    }
}
