package org.concurrencyharness.internal.process;

import org.concurrencyharness.Pipe;
import org.concurrencyharness.SharedList;
import org.concurrencyharness.SharedLock;
import org.concurrencyharness.SharedMap;
import org.concurrencyharness.SharedQueue;

/**
 * Where {@link org.concurrencyharness.Shared} finds the shared objects: in a child, behind its
 * channel to the parent; in the parent, the hosted objects themselves.
 */
public final class SharedObjects {

    private static final String OUTSIDE = "shared objects exist only while a @ForkProcesses exercise runs:"
            + " call Shared from the exercise (in a child) or from its parent method";

    private SharedObjects() {}

    public static SharedMap map(String name) {
        ChildChannel channel = ChildChannel.current();
        return channel != null ? ChildProxies.map(channel, name) : host().map(name);
    }

    public static SharedList list(String name) {
        ChildChannel channel = ChildChannel.current();
        return channel != null ? ChildProxies.list(channel, name) : host().list(name);
    }

    public static SharedQueue queue(String name) {
        ChildChannel channel = ChildChannel.current();
        return channel != null ? ChildProxies.queue(channel, name) : host().queue(name);
    }

    public static SharedLock lock(String name) {
        ChildChannel channel = ChildChannel.current();
        return channel != null ? ChildProxies.lock(channel, name) : host().lock(name);
    }

    public static Pipe pipe() {
        ChildChannel channel = ChildChannel.current();
        if (channel == null) {
            throw new IllegalStateException("Shared.pipe() is a child's end of its pipe; the parent method is"
                    + " given its end as a parameter");
        }
        return ChildProxies.pipe(channel);
    }

    private static SharedHost host() {
        SharedHost host = SharedHost.current();
        if (host == null) {
            throw new IllegalStateException(OUTSIDE);
        }
        return host;
    }
}
