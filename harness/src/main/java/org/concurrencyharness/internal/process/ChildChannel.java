package org.concurrencyharness.internal.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.concurrencyharness.internal.process.ChildMessage.SharedCall;
import org.concurrencyharness.internal.process.ParentMessage.Exit;
import org.concurrencyharness.internal.process.ParentMessage.Reply;
import org.concurrencyharness.internal.process.ParentMessage.Run;

/**
 * A child's end of its channel to the parent: one message a line on the child's own standard
 * output ({@link ChildMessage}s) and input ({@link ParentMessage}s), which no other process can
 * reach. What the exercise prints goes over it too, as {@link ChildMessage.PrintedLine}s.
 */
final class ChildChannel {

    private static volatile ChildChannel current;

    private final PrintStream protocol;
    private final BlockingQueue<ParentMessage> commands = new LinkedBlockingQueue<>();
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

    void send(ChildMessage message) {
        String line = ChildProtocol.write(message);
        synchronized (protocol) {
            protocol.println(line);
            protocol.flush();
        }
    }

    /** The parent's next command: {@link Run} or {@link Exit}. */
    ParentMessage nextCommand() throws InterruptedException {
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
        send(new SharedCall(
                id, object, name, op, invocation, Thread.currentThread().getName(), frame, List.of(args)));
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
    private void read(InputStream in) {
        boolean toldToExit = false;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                ParentMessage message = ChildProtocol.readParentMessage(line);
                // commands first: a child that calls no shared object never loads Reply
                if (message instanceof Run || message instanceof Exit) {
                    toldToExit |= message instanceof Exit;
                    commands.add(message);
                } else if (message instanceof Reply reply) {
                    CompletableFuture<Object> waiting = pending.get(reply.id());
                    if (waiting != null) {
                        if (reply.error() != null) {
                            waiting.completeExceptionally(new IllegalStateException(reply.error()));
                        } else {
                            waiting.complete(reply.value());
                        }
                    }
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
