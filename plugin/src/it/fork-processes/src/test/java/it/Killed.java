package it;

import java.io.IOException;
import org.concurrencyharness.ForkProcesses;

public class Killed {

    /** Index 0 has itself killed from outside, as a kill -9 from a person would. */
    @ForkProcesses(2)
    public void killSelf(int index) throws IOException, InterruptedException {
        if (index == 0) {
            new ProcessBuilder("kill", "-KILL", String.valueOf(ProcessHandle.current().pid())).start().waitFor();
            Thread.sleep(10_000);
        }
    }
}
