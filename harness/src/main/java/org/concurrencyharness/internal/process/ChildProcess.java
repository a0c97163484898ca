package org.concurrencyharness.internal.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import org.concurrencyharness.internal.process.ChildMessage.InvocationResult;
import org.concurrencyharness.internal.process.ChildMessage.PrintedLine;
import org.concurrencyharness.internal.process.ChildMessage.SharedCall;
import org.concurrencyharness.internal.process.ParentMessage.Exit;
import org.concurrencyharness.internal.process.ParentMessage.Reply;
import org.concurrencyharness.internal.process.ParentMessage.Run;

/**
 * The parent's side of one child JVM: writes its commands, reads its messages, answers its
 * calls on the shared objects (each in a thread of its own, since a call may wait), and keeps
 * what it printed.
 */
final class ChildProcess {

    /** What the round hears from its children: one is ready for an invocation, has finished one, or has exited. */
    sealed interface Event {
        ChildProcess child();

        record Ready(ChildProcess child) implements Event {}

        record Finished(ChildProcess child, InvocationResult result) implements Event {}

        record Exited(ChildProcess child) implements Event {}
    }

    final int id;
    final Process process;
    final long startedMillis;
    final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    final List<InvocationResult> results = Collections.synchronizedList(new ArrayList<>());
    volatile Integer running;
    volatile long endedMillis;
    private final Writer commands;
    private final SharedHost host;
    private final ExecutorService calls;

    ChildProcess(
            int id,
            Process process,
            long startedMillis,
            SharedHost host,
            ExecutorService calls,
            BlockingQueue<Event> events) {
        this.id = id;
        this.process = process;
        this.startedMillis = startedMillis;
        this.host = host;
        this.calls = calls;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        daemon(() -> readMessages(process.getInputStream(), events), "child-" + id + "-out")
                .start();
        daemon(() -> readLines(process.getErrorStream(), stderr), "child-" + id + "-err")
                .start();
        process.onExit().thenRun(() -> {
            endedMillis = System.currentTimeMillis();
            host.releaseLocksOf(holderPrefix());
            events.add(new Event.Exited(this));
        });
    }

    long pid() {
        return process.pid();
    }

    String holderPrefix() {
        return "child " + id + ":";
    }

    void run(int invocation) {
        running = invocation;
        send(new Run(invocation));
    }

    /** Tells the child to exit, and closes its standard input: no command comes after this one. */
    void exit() {
        send(new Exit());
        synchronized (commands) {
            try {
                commands.close();
            } catch (IOException gone) {
                // already closed, or the child has died
            }
        }
    }

    private void send(ParentMessage message) {
        String line = ChildProtocol.write(message);
        synchronized (commands) {
            try {
                commands.write(line);
                commands.write('\n');
                commands.flush();
            } catch (IOException gone) {
                // the child has died; its exit is reported as an event of its own
            }
        }
    }

    private void readMessages(InputStream in, BlockingQueue<Event> events) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                ChildMessage message;
                try {
                    message = line.startsWith("{") ? ChildProtocol.readChildMessage(line) : null;
                } catch (IllegalArgumentException notOurs) {
                    message = null;
                }
                if (message == null) {
                    // printed around the protocol: by the JVM, by an agent before the child's main, or by native code
                    stdout.add(line);
                } else if (message instanceof PrintedLine printed) {
                    (printed.onStderr() ? stderr : stdout).add(printed.line());
                } else if (message instanceof SharedCall call) {
                    answer(call);
                } else if (message instanceof InvocationResult result) {
                    events.add(new Event.Finished(this, result));
                } else if (message instanceof ChildMessage.Ready) {
                    events.add(new Event.Ready(this));
                }
            }
        } catch (IOException | RuntimeException closed) {
            // the child ended
        }
    }

    private void answer(SharedCall call) {
        calls.execute(() -> {
            Reply reply;
            try {
                SharedCaller caller = new SharedCaller(
                        holderPrefix() + call.thread(),
                        host.nameOf(call.invocation(), call.thread()),
                        UserFrame.sentOrUnknown(call.frame()));
                reply = Reply.returning(
                        call.id(),
                        host.handle(
                                caller, call.invocation(), call.object(), call.name(), call.operation(), call.args()));
            } catch (InterruptedException e) {
                reply = Reply.failed(call.id(), "the round ended while this call waited");
            } catch (RuntimeException e) {
                reply = Reply.failed(call.id(), e.getMessage() == null ? e.toString() : e.getMessage());
            }
            send(reply);
        });
    }

    private static void readLines(InputStream in, List<String> into) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                into.add(line);
            }
        } catch (IOException closed) {
            // the child ended
        }
    }

    /**
     * Ends the child and anything it started, at once. Once it has exited there is nothing to
     * end: its own children, if any, were handed to init and no longer show as its descendants.
     */
    void kill() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
