package org.concurrencyharness.samples.lesson11.manager;

import org.concurrencyharness.ExpectRace;
import org.concurrencyharness.ForkProcesses;
import org.concurrencyharness.Shared;
import org.concurrencyharness.SharedMap;

/**
 * 10 processes count in one key of the manager's dict: each reads the count and puts it back plus one. Each call is
 * atomic, the read then the put are not: another process's put can come between them, and is overwritten by a count
 * based on what was read before it. That update is lost, and the harness reports it, with the three calls.
 */
public class UnlockedDictCounter {

    @ForkProcesses(10)
    @ExpectRace // a teaching example: the lost update is its expected outcome
    public void addOneHundredTimes() {
        SharedMap d = Shared.map("d");
        for (int i = 0; i < 100; i++) {
            d.put("count", d.getLong("count") + 1);
        }
    }
}
