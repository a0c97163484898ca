package org.concurrencyharness.samples.lesson05.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.concurrencyharness.Concurrent;

/**
 * An event as a traffic light: thread 0 is the light, turning green and red a few times;
 * three cars wait for green (a {@link Condition}, Java's event) and pass.
 */
public class TrafficLight {

    private static final int CARS = 3;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition greenLight = lock.newCondition();
    private boolean green;
    private final List<String> passed = Collections.synchronizedList(new ArrayList<>());

    @Concurrent(threads = 1 + CARS, timeoutMillis = 10_000)
    public void road(int index) throws InterruptedException {
        if (index == 0) {
            light();
        } else {
            car(index);
        }
    }

    private void light() throws InterruptedException {
        for (int cycle = 0; cycle < 3 && passed.size() < CARS; cycle++) {
            switchTo(false);
            Thread.sleep(200);
            switchTo(true);
            Thread.sleep(200);
        }
    }

    private void switchTo(boolean isGreen) {
        lock.lock();
        try {
            green = isGreen;
            if (green) {
                greenLight.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void car(int number) throws InterruptedException {
        lock.lock();
        try {
            while (!green) {
                if (!greenLight.await(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("car " + number + " waited 5 s and the light never turned green");
                }
            }
            passed.add("car " + number);
        } finally {
            lock.unlock();
        }
    }
}
