package org.concurrencyharness.internal.race;

/**
 * The synchronisation object of the harness's own {@code @Semaphore}: what a worker releases
 * into it when it lets its permit go, the next to take one acquires. For prediction it is a lock
 * that this many threads may hold at once, so that a schedule may run their bodies in another
 * order. Each is its own object: the analysis tells them apart by identity.
 */
final class Permits {

    final int count;

    Permits(int count) {
        this.count = count;
    }
}
