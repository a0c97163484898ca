package org.concurrencyharness.samples.lesson01.threads;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.concurrencyharness.Concurrent;

/** Starts two tasks in threads of its own: one from a function, one as a subclass of {@code Thread}. */
public class TwoTasks {

    private final List<String> finished = Collections.synchronizedList(new ArrayList<>());

    @Concurrent(threads = 1)
    public void startAndJoin() throws InterruptedException {
        Thread function = new Thread(() -> task("a function"), "task-function");
        Thread subclass = new TaskThread();
        function.start();
        subclass.start();
        function.join();
        subclass.join();
    }

    private void task(String kind) {
        finished.add(kind + " ran in " + Thread.currentThread().getName());
    }

    /** The other way to give a thread its work: override {@code run}. */
    private class TaskThread extends Thread {
        TaskThread() {
            super("task-subclass");
        }

        @Override
        public void run() {
            task("a Thread subclass");
        }
    }
}
