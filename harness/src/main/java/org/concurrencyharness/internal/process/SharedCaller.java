package org.concurrencyharness.internal.process;

import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.AccessKind;

/**
 * Who called a shared object, and from where in the program: a thread of a child serving one invocation, or a
 * thread of the parent's.
 *
 * @param holder who holds a lock it takes, and whose reads its writes are based on: {@code child 2:worker-2}
 * @param name who it is in a report: {@code process 2 (worker-2)}
 * @param frame the program's call
 */
record SharedCaller(String holder, String name, UserFrame frame) {

    /** The parent's calling thread, its holder as the lock names it. */
    static SharedCaller inParent() {
        String thread = Thread.currentThread().getName();
        return new SharedCaller("parent " + thread, "parent (" + thread + ")", UserFrame.ofCaller());
    }

    /** Its call as one access of a lost update: {@code call} such as {@code SharedMap.get}, {@code kind} whether it read or wrote. */
    Access access(String call, AccessKind kind) {
        return new Access(name, frame.method(), frame.location(), kind, call, null);
    }
}
