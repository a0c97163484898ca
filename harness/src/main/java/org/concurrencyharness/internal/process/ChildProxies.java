package org.concurrencyharness.internal.process;

import java.util.List;
import java.util.Map;
import org.concurrencyharness.Pipe;
import org.concurrencyharness.SharedList;
import org.concurrencyharness.SharedLock;
import org.concurrencyharness.SharedMap;
import org.concurrencyharness.SharedQueue;

/**
 * The shared objects as a child sees them: every call goes to the parent that hosts them; a read or a write of a
 * map's key or a list's element names the program's line, for the lost updates the parent finds.
 */
final class ChildProxies {

    private ChildProxies() {}

    static SharedMap map(ChildChannel channel, String name) {
        return new SharedMap() {
            @Override
            public Object get(String key) {
                return channel.callFrom(UserFrame.ofCaller(), "map", name, "get", key);
            }

            @Override
            public long getLong(String key) {
                return ((Number) channel.callFrom(UserFrame.ofCaller(), "map", name, "getLong", key)).longValue();
            }

            @Override
            public void put(String key, Object value) {
                channel.callFrom(UserFrame.ofCaller(), "map", name, "put", key, SharedHost.plain(value));
            }

            @Override
            public int size() {
                return ((Number) channel.call("map", name, "size")).intValue();
            }

            @Override
            @SuppressWarnings("unchecked")
            public Map<String, Object> snapshot() {
                return (Map<String, Object>) channel.call("map", name, "snapshot");
            }
        };
    }

    static SharedList list(ChildChannel channel, String name) {
        return new SharedList() {
            @Override
            public void add(Object value) {
                channel.call("list", name, "add", SharedHost.plain(value));
            }

            @Override
            public Object get(int index) {
                return channel.callFrom(UserFrame.ofCaller(), "list", name, "get", index);
            }

            @Override
            public void set(int index, Object value) {
                channel.callFrom(UserFrame.ofCaller(), "list", name, "set", index, SharedHost.plain(value));
            }

            @Override
            public int size() {
                return ((Number) channel.call("list", name, "size")).intValue();
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<Object> snapshot() {
                return (List<Object>) channel.call("list", name, "snapshot");
            }
        };
    }

    static SharedQueue queue(ChildChannel channel, String name) {
        return new SharedQueue() {
            @Override
            public void put(Object value) {
                channel.call("queue", name, "put", SharedHost.plain(value));
            }

            @Override
            public Object take() {
                return channel.call("queue", name, "take");
            }

            @Override
            public Object poll(long timeoutMillis) {
                return channel.call("queue", name, "poll", timeoutMillis);
            }

            @Override
            public int size() {
                return ((Number) channel.call("queue", name, "size")).intValue();
            }
        };
    }

    static SharedLock lock(ChildChannel channel, String name) {
        return new SharedLock() {
            @Override
            public void lock() {
                channel.call("lock", name, "lock");
            }

            @Override
            public void unlock() {
                channel.call("lock", name, "unlock");
            }
        };
    }

    static Pipe pipe(ChildChannel channel) {
        return new Pipe() {
            @Override
            public void send(Object value) {
                channel.call("pipe", "", "send", SharedHost.plain(value));
            }

            @Override
            public Object receive() {
                return channel.call("pipe", "", "receive");
            }
        };
    }
}
