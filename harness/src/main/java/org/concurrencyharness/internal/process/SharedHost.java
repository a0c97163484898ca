package org.concurrencyharness.internal.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.concurrencyharness.Pipe;
import org.concurrencyharness.SharedList;
import org.concurrencyharness.SharedLock;
import org.concurrencyharness.SharedMap;
import org.concurrencyharness.SharedQueue;
import org.concurrencyharness.internal.execution.ValueRenderer;
import org.concurrencyharness.internal.result.LostUpdate;

/**
 * The objects a forked exercise's children share, hosted in the parent for one round: named
 * maps, lists, queues and locks, and a two-way pipe for each invocation. Children reach them
 * through {@link #handle}; the parent's own code (the {@code parent} method) uses them directly.
 * Values are plain (strings, numbers, booleans, lists and maps), so nothing from a child is ever
 * deserialised into an object of its choosing.
 */
final class SharedHost {

    private static final int MAX_LOST_UPDATES = 100;

    private static volatile SharedHost current;

    private final Map<String, HostMap> maps = new ConcurrentHashMap<>();
    private final Map<String, HostList> lists = new ConcurrentHashMap<>();
    private final Map<String, HostQueue> queues = new ConcurrentHashMap<>();
    private final Map<String, HostLock> locks = new ConcurrentHashMap<>();
    private final Map<Integer, HostPipe> pipes = new ConcurrentHashMap<>();
    private final List<String> callbacks = new ArrayList<>();
    /** The round's lost updates, each three sites once. */
    private final Map<String, LostUpdate> lostUpdates = new LinkedHashMap<>();

    private final boolean pool;

    /** @param pool whether a pool of worker processes serves the invocations, rather than one process each */
    SharedHost(boolean pool) {
        this.pool = pool;
    }

    /** The host of the round running in this JVM, for the parent's code; null outside one. */
    static SharedHost current() {
        return current;
    }

    void open() {
        current = this;
    }

    void close() {
        current = null;
    }

    SharedMap map(String name) {
        return maps.computeIfAbsent(name, n -> new HostMap(updates("Shared.map", n, SharedMap.class)));
    }

    SharedList list(String name) {
        return lists.computeIfAbsent(name, n -> new HostList(updates("Shared.list", n, SharedList.class)));
    }

    private SharedUpdates updates(String factory, String name, Class<?> type) {
        return new SharedUpdates(factory + "(\"" + name + "\")", type.getName(), this::lostUpdate);
    }

    private void lostUpdate(LostUpdate lost) {
        synchronized (lostUpdates) {
            if (lostUpdates.size() < MAX_LOST_UPDATES) {
                lostUpdates.putIfAbsent(lost.sites(), lost);
            }
        }
    }

    /** The lost updates among the calls on the maps and lists, each three sites once. */
    List<LostUpdate> lostUpdates() {
        synchronized (lostUpdates) {
            return List.copyOf(lostUpdates.values());
        }
    }

    /**
     * A child's calling thread as a report names it: {@code process 2 (worker-2)}, or for a task a pool's worker
     * serves, {@code invocation 7 (worker-7)}.
     */
    String nameOf(int invocation, String thread) {
        return (pool ? "invocation " : "process ") + invocation + " (" + thread + ")";
    }

    SharedQueue queue(String name) {
        return queues.computeIfAbsent(name, n -> new HostQueue());
    }

    HostLock lock(String name) {
        return locks.computeIfAbsent(name, n -> new HostLock());
    }

    HostPipe pipe(int invocation) {
        return pipes.computeIfAbsent(invocation, i -> new HostPipe());
    }

    /** A pool's result reaching the parent, in the order they arrive, as a pool's callbacks are called. */
    synchronized void callback(int invocation, String returned) {
        callbacks.add("task " + invocation + " -> " + returned);
    }

    /** A child's request; may wait (a queue's take, a lock, a pipe's receive). */
    Object handle(SharedCaller caller, int invocation, String object, String name, String op, List<Object> args)
            throws InterruptedException {
        return switch (object) {
            case "map" -> {
                HostMap map = (HostMap) map(name);
                yield switch (op) {
                    case "get" -> map.get((String) args.get(0), caller, "SharedMap.get");
                    case "getLong" -> map.getLong((String) args.get(0), caller);
                    case "put" -> {
                        map.put((String) args.get(0), args.get(1), caller);
                        yield null;
                    }
                    case "size" -> map.size();
                    case "snapshot" -> map.snapshot();
                    default -> throw new IllegalArgumentException("no map operation " + op);
                };
            }
            case "list" -> {
                HostList list = (HostList) list(name);
                yield switch (op) {
                    case "add" -> {
                        list.add(args.get(0));
                        yield null;
                    }
                    case "get" -> list.get(((Number) args.get(0)).intValue(), caller);
                    case "set" -> {
                        list.set(((Number) args.get(0)).intValue(), args.get(1), caller);
                        yield null;
                    }
                    case "size" -> list.size();
                    case "snapshot" -> list.snapshot();
                    default -> throw new IllegalArgumentException("no list operation " + op);
                };
            }
            case "queue" -> {
                HostQueue queue = (HostQueue) queue(name);
                yield switch (op) {
                    case "put" -> {
                        queue.put(args.get(0));
                        yield null;
                    }
                    case "take" -> queue.take();
                    case "poll" -> queue.poll(((Number) args.get(0)).longValue());
                    case "size" -> queue.size();
                    default -> throw new IllegalArgumentException("no queue operation " + op);
                };
            }
            case "lock" -> {
                HostLock lock = lock(name);
                if (op.equals("lock")) {
                    lock.lock(caller.holder());
                } else {
                    lock.unlock(caller.holder());
                }
                yield null;
            }
            case "pipe" -> {
                HostPipe pipe = pipe(invocation);
                if (op.equals("send")) {
                    pipe.fromChild(args.get(0));
                    yield null;
                }
                yield pipe.toChild();
            }
            default -> throw new IllegalArgumentException("no shared " + object);
        };
    }

    /** Frees the locks a dead child held, as a process lock is freed when its holder dies. */
    void releaseLocksOf(String holderPrefix) {
        locks.values().forEach(lock -> lock.releaseIfHeldBy(holderPrefix));
    }

    /** Every shared object's final contents, for the report. */
    synchronized Map<String, String> render() {
        Map<String, String> state = new LinkedHashMap<>();
        maps.forEach((name, map) -> state.put("map " + name, ValueRenderer.render(map.snapshot())));
        lists.forEach((name, list) -> state.put("list " + name, ValueRenderer.render(list.snapshot())));
        queues.forEach((name, queue) -> state.put("queue " + name, ValueRenderer.render(queue.contents())));
        locks.forEach((name, lock) -> state.put("lock " + name, "taken " + lock.taken() + " times"));
        pipes.forEach((invocation, pipe) -> {
            if (pipe.used()) {
                state.put("pipe " + invocation, pipe.describe());
            }
        });
        if (!callbacks.isEmpty()) {
            state.put("callbacks", String.join("; ", callbacks));
        }
        return state;
    }

    static Object plain(Object value) {
        LineJson.write(value == null ? List.of() : List.of(value));
        return value;
    }

    /** A map; its reads and writes of a key, by the children and by the parent's code, are checked for lost updates. */
    static final class HostMap implements SharedMap {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final SharedUpdates updates;

        HostMap(SharedUpdates updates) {
            this.updates = updates;
        }

        synchronized Object get(String key, SharedCaller caller, String call) {
            updates.read(key, caller, call);
            return values.get(key);
        }

        long getLong(String key, SharedCaller caller) {
            return get(key, caller, "SharedMap.getLong") instanceof Number n ? n.longValue() : 0;
        }

        synchronized void put(String key, Object value, SharedCaller caller) {
            values.put(key, plain(value));
            updates.put(key, caller, "SharedMap.put");
        }

        @Override
        public Object get(String key) {
            return get(key, SharedCaller.inParent(), "SharedMap.get");
        }

        @Override
        public long getLong(String key) {
            return getLong(key, SharedCaller.inParent());
        }

        @Override
        public void put(String key, Object value) {
            put(key, value, SharedCaller.inParent());
        }

        @Override
        public synchronized int size() {
            return values.size();
        }

        @Override
        public synchronized Map<String, Object> snapshot() {
            return new LinkedHashMap<>(values);
        }
    }

    /** A list; its reads and writes of an element, by index, are checked for lost updates as a map's keys are. */
    static final class HostList implements SharedList {
        private final List<Object> values = new ArrayList<>();
        private final SharedUpdates updates;

        HostList(SharedUpdates updates) {
            this.updates = updates;
        }

        @Override
        public synchronized void add(Object value) {
            values.add(plain(value));
        }

        synchronized Object get(int index, SharedCaller caller) {
            Object value = values.get(index);
            updates.read(index, caller, "SharedList.get");
            return value;
        }

        synchronized void set(int index, Object value, SharedCaller caller) {
            values.set(index, plain(value));
            updates.put(index, caller, "SharedList.set");
        }

        @Override
        public Object get(int index) {
            return get(index, SharedCaller.inParent());
        }

        @Override
        public void set(int index, Object value) {
            set(index, value, SharedCaller.inParent());
        }

        @Override
        public synchronized int size() {
            return values.size();
        }

        @Override
        public synchronized List<Object> snapshot() {
            return new ArrayList<>(values);
        }
    }

    static final class HostQueue implements SharedQueue {
        private final BlockingQueue<Object> values = new LinkedBlockingQueue<>();

        @Override
        public void put(Object value) {
            values.add(plain(value));
        }

        @Override
        public Object take() throws InterruptedException {
            return values.take();
        }

        @Override
        public Object poll(long timeoutMillis) throws InterruptedException {
            return values.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public int size() {
            return values.size();
        }

        List<Object> contents() {
            return new ArrayList<>(values);
        }
    }

    /** A lock held by one holder (a child's thread, or the parent's) at a time. */
    static final class HostLock implements SharedLock {
        private String holder;
        private int taken;

        synchronized void lock(String who) throws InterruptedException {
            while (holder != null) {
                wait();
            }
            holder = who;
            taken++;
        }

        synchronized void unlock(String who) {
            if (!who.equals(holder)) {
                throw new IllegalStateException("the lock is held by " + holder + ", not by " + who);
            }
            holder = null;
            notifyAll();
        }

        synchronized void releaseIfHeldBy(String prefix) {
            if (holder != null && holder.startsWith(prefix)) {
                holder = null;
                notifyAll();
            }
        }

        synchronized int taken() {
            return taken;
        }

        @Override
        public void lock() throws InterruptedException {
            lock("parent " + Thread.currentThread().getName());
        }

        @Override
        public void unlock() {
            unlock("parent " + Thread.currentThread().getName());
        }
    }

    /** Both directions of one invocation's pipe, and what went each way. */
    static final class HostPipe {
        private final BlockingQueue<Object> toChild = new LinkedBlockingQueue<>();
        private final BlockingQueue<Object> fromChild = new LinkedBlockingQueue<>();
        private final List<Object> sentToChild = new ArrayList<>();
        private final List<Object> sentByChild = new ArrayList<>();

        void fromChild(Object value) {
            synchronized (this) {
                sentByChild.add(value);
            }
            fromChild.add(value);
        }

        Object toChild() throws InterruptedException {
            return toChild.take();
        }

        /** The parent's end. */
        Pipe parentEnd() {
            return new Pipe() {
                @Override
                public void send(Object value) {
                    plain(value);
                    synchronized (HostPipe.this) {
                        sentToChild.add(value);
                    }
                    toChild.add(value);
                }

                @Override
                public Object receive() throws InterruptedException {
                    return fromChild.take();
                }
            };
        }

        synchronized boolean used() {
            return !sentToChild.isEmpty() || !sentByChild.isEmpty();
        }

        synchronized String describe() {
            return "child sent " + ValueRenderer.render(sentByChild) + ", parent sent "
                    + ValueRenderer.render(sentToChild);
        }
    }
}
