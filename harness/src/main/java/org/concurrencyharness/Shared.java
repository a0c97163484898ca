package org.concurrencyharness;

import org.concurrencyharness.internal.process.SharedObjects;

/**
 * What the processes of a {@link ForkProcesses} exercise share: objects the harness hosts in the
 * parent JVM, named by the exercise, fresh for each round, and reported with their final contents.
 * Values are plain: strings, numbers, booleans, and lists and maps of them.
 *
 * <pre>{@code
 * @ForkProcesses(10)
 * public void fill(int index) {
 *     Shared.map("squares").put("n" + index, index * index);
 * }
 * }</pre>
 */
public final class Shared {

    private Shared() {}

    /** The map of that name, as a manager's dict. */
    public static SharedMap map(String name) {
        return SharedObjects.map(name);
    }

    /** The list of that name, as a manager's list. */
    public static SharedList list(String name) {
        return SharedObjects.list(name);
    }

    /** The queue of that name. */
    public static SharedQueue queue(String name) {
        return SharedObjects.queue(name);
    }

    /** The lock of that name: one process (and thread) at a time holds it. */
    public static SharedLock lock(String name) {
        return SharedObjects.lock(name);
    }

    /** This child's end of its two-way pipe with the parent. */
    public static Pipe pipe() {
        return SharedObjects.pipe();
    }
}
