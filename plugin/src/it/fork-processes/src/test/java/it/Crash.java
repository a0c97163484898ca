package it;

import org.concurrencyharness.ForkProcesses;

public class Crash {

    @ForkProcesses(3)
    public String exitThree(int index) {
        if (index == 1) {
            System.err.println("process 1 gives up");
            System.exit(3);
        }
        return "survived " + index;
    }
}
