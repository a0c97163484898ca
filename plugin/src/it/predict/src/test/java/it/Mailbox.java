package it;

import org.concurrencyharness.Concurrent;

/** The data is written before one critical section and read after another: the lock orders them only by luck. */
public class Mailbox {

    private final Object lock = new Object();
    private int data;
    private int sent;
    private int received;

    @Concurrent(threads = 2)
    public void deliver(int index) throws InterruptedException {
        if (index == 0) {
            data = 42;
            synchronized (lock) {
                sent++;
            }
        } else {
            Thread.sleep(200);
            synchronized (lock) {
                received++;
            }
            System.out.println("read " + data);
        }
    }
}
