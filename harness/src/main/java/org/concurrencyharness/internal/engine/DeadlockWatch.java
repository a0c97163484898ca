package org.concurrencyharness.internal.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds deadlocks that began during a round, on monitors and on {@code java.util.concurrent}
 * locks alike. Threads already deadlocked when the round began (left over by an earlier
 * exercise) are not this round's.
 */
final class DeadlockWatch {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Set<Long> before;

    DeadlockWatch() {
        this.before = deadlocked();
    }

    /** The threads of a deadlock that began since this watch was made, or an empty list. */
    List<ThreadInfo> newDeadlock() {
        Set<Long> now = deadlocked();
        now.removeAll(before);
        if (now.isEmpty()) {
            return List.of();
        }
        long[] ids = now.stream().mapToLong(Long::longValue).toArray();
        List<ThreadInfo> out = new ArrayList<>();
        for (ThreadInfo info : threads.getThreadInfo(ids, threads.isObjectMonitorUsageSupported(),
                threads.isSynchronizerUsageSupported())) {
            if (info != null) {
                out.add(info);
            }
        }
        return out;
    }

    private Set<Long> deadlocked() {
        long[] ids = threads.isSynchronizerUsageSupported() ? threads.findDeadlockedThreads()
                : threads.findMonitorDeadlockedThreads();
        Set<Long> out = new HashSet<>();
        if (ids != null) {
            for (long id : ids) {
                out.add(id);
            }
        }
        return out;
    }
}
