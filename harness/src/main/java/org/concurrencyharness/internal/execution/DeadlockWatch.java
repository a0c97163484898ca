package org.concurrencyharness.internal.execution;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds deadlocks of a round, on monitors and on {@code java.util.concurrent} locks alike. A
 * deadlock is the round's when a thread in it was created since the round began: thread ids
 * only grow, so threads deadlocked by an earlier exercise are told apart without asking the JVM
 * anything up front. The thread MX bean is only loaded at the first check, which short rounds
 * (and most child JVMs) never reach.
 */
final class DeadlockWatch {

    private final long firstIdOfRound;
    private ThreadMXBean threads;

    /** @param firstIdOfRound the id of the first thread the round created */
    DeadlockWatch(long firstIdOfRound) {
        this.firstIdOfRound = firstIdOfRound;
    }

    /** The round's deadlocked threads, or an empty list. */
    List<ThreadInfo> newDeadlock() {
        if (threads == null) {
            threads = ManagementFactory.getThreadMXBean();
        }
        long[] deadlocked = threads.isSynchronizerUsageSupported()
                ? threads.findDeadlockedThreads()
                : threads.findMonitorDeadlockedThreads();
        if (deadlocked == null) {
            return List.of();
        }
        long[] ids =
                Arrays.stream(deadlocked).filter(id -> id >= firstIdOfRound).toArray();
        List<ThreadInfo> out = new ArrayList<>();
        for (ThreadInfo info : threads.getThreadInfo(
                ids, threads.isObjectMonitorUsageSupported(), threads.isSynchronizerUsageSupported())) {
            if (info != null) {
                out.add(info);
            }
        }
        return out;
    }
}
