package it;

import java.util.concurrent.CountDownLatch;
import org.concurrencyharness.Concurrent;

public class Deadlock {

    private final Object left = new Object();
    private final Object right = new Object();
    private final CountDownLatch bothHoldOne = new CountDownLatch(2);

    @Concurrent(threads = 2, timeoutMillis = 30_000)
    public void lockInOppositeOrder(int index) throws InterruptedException {
        Object first = index == 0 ? left : right;
        Object second = index == 0 ? right : left;
        synchronized (first) {
            bothHoldOne.countDown();
            bothHoldOne.await();
            synchronized (second) {
                bothHoldOne.countDown();
            }
        }
    }
}
