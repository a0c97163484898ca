package org.concurrencyharness.internal.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A child's end of its channel to the parent: one JSON object a line on the child's own
 * standard output and input, which no other process can reach. What the exercise prints goes
 * over it too, as {@code out} and {@code err} messages.
 */
final class ChildChannel {

    private static volatile ChildChannel current;

    private final PrintStream protocol;
    private final BlockingQueue<Map<String, Object>> commands = new LinkedBlockingQueue<>();
    private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private volatile int invocation = -1;
    private Thread reader;

    private ChildChannel(PrintStream protocol) {
        this.protocol = protocol;
    }

    /** The channel of this JVM, when it is a child of a forked exercise; null otherwise. */
    static ChildChannel current() {
        return current;
    }

    static ChildChannel open(PrintStream protocol, InputStream commandsIn) {
        ChildChannel channel = new ChildChannel(protocol);
        channel.reader = new Thread("concurrency-child-channel") {
            // an anonymous class, not a lambda: a child's first lambda costs it milliseconds of start-up
            @Override
            public void run() {
                channel.read(commandsIn);
            }
        };
        channel.reader.setDaemon(true);
        channel.reader.start();
        current = channel;
        return channel;
    }

    /**
     * Waits, a bounded time, until the parent has closed this child's standard input. HotSpot
     * waits up to 300 ms at exit for threads blocked in native code, such as a read of standard
     * input, so a child that exits with its reader still blocked takes that much longer to end.
     */
    void awaitParentClosed(long millis) throws InterruptedException {
        reader.join(millis);
    }

    void send(Map<String, Object> message) {
        String line = LineJson.write(message);
        synchronized (protocol) {
            protocol.println(line);
            protocol.flush();
        }
    }

    /** The parent's next command: {@code run} or {@code exit}. */
    Map<String, Object> nextCommand() throws InterruptedException {
        return commands.take();
    }

    void invocation(int value) {
        invocation = value;
    }

    /** Asks the parent to do one operation on a shared object, and waits for its answer. */
    Object call(String object, String name, String op, Object... args) {
        return callFrom(null, object, name, op, args);
    }

    /** As {@link #call}, telling the parent the program's call, if not null. */
    Object callFrom(UserFrame frame, String object, String name, String op, Object... args) {
        long id = nextId.incrementAndGet();
        CompletableFuture<Object> reply = new CompletableFuture<>();
        pending.put(id, reply);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("t", "call");
        message.put("id", id);
        message.put("obj", object);
        message.put("name", name);
        message.put("op", op);
        message.put("inv", invocation);
        message.put("thread", Thread.currentThread().getName());
        if (frame != null) {
            message.put("in", frame.method());
            message.put("at", frame.location());
        }
        List<Object> plainArgs = new ArrayList<>(List.of(args));
        message.put("args", plainArgs);
        send(message);
        try {
            return reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the parent", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pending.remove(id);
        }
    }

    /**
     * Reads the parent's messages until it closes this input, which it does only after its exit
     * command. An end without one means the parent died: the exercise's work is nobody's now.
     */
    @SuppressWarnings("unchecked")
    private void read(InputStream in) {
        boolean toldToExit = false;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Map<String, Object> message = (Map<String, Object>) LineJson.parse(line);
                if ("reply".equals(message.get("t"))) {
                    CompletableFuture<Object> reply = pending.get(((Number) message.get("id")).longValue());
                    if (reply != null) {
                        Object error = message.get("error");
                        if (error != null) {
                            reply.completeExceptionally(new IllegalStateException(error.toString()));
                        } else {
                            reply.complete(message.get("value"));
                        }
                    }
                } else {
                    toldToExit |= "exit".equals(message.get("t"));
                    commands.add(message);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the parent is gone, or talks nonsense: nothing more will come
        }
        if (!toldToExit) {
            ParentWatch.endProcessTree();
        }
    }
}
