package org.concurrencyharness.samples.lesson06.processes;

import org.concurrencyharness.ForkProcesses;

/** 10 child processes, each starting a thread of its own and printing the ids: every process has its own pid. */
public class TenProcesses {

    @ForkProcesses(10)
    public String hello(int index) throws InterruptedException {
        long pid = ProcessHandle.current().pid();
        Thread thread = new Thread(() -> System.out.println("process " + index + " (pid " + pid + ") in "
                + Thread.currentThread().getName()), "thread-of-" + index);
        thread.start();
        thread.join();
        return "pid " + pid;
    }
}
