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
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;

/**
 * The parent's side of one child JVM: writes its commands, reads its messages, answers its
 * calls on the shared objects (each in a thread of its own, since a call may wait), and keeps
 * what it printed.
 */
final class ChildProcess {

    /** What the round hears from its children. */
    record Event(ChildProcess child, Map<String, Object> message) {}

    final int id;
    final Process process;
    final long startedMillis;
    final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, Object>> results = Collections.synchronizedList(new ArrayList<>());
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
            events.add(new Event(this, Map.of("t", "exited")));
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
        send(Map.of("t", "run", "inv", invocation));
    }

    /** Tells the child to exit, and closes its standard input: no command comes after this one. */
    void exit() {
        send(Map.of("t", "exit"));
        synchronized (commands) {
            try {
                commands.close();
            } catch (IOException gone) {
                // already closed, or the child has died
            }
        }
    }

    private void send(Map<String, Object> message) {
        synchronized (commands) {
            try {
                commands.write(LineJson.write(message));
                commands.write('\n');
                commands.flush();
            } catch (IOException gone) {
                // the child has died; its exit is reported as an event of its own
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void readMessages(InputStream in, BlockingQueue<Event> events) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Map<String, Object> message;
                try {
                    message = line.startsWith("{") ? (Map<String, Object>) LineJson.parse(line) : null;
                } catch (IllegalArgumentException notOurs) {
                    message = null;
                }
                if (message == null) {
                    stdout.add(line);
                    continue;
                }
                switch (String.valueOf(message.get("t"))) {
                    case "out" -> stdout.add(String.valueOf(message.get("line")));
                    case "err" -> stderr.add(String.valueOf(message.get("line")));
                    case "call" -> answer(message);
                    default -> events.add(new Event(this, message));
                }
            }
        } catch (IOException | RuntimeException closed) {
            // the child ended
        }
    }

    @SuppressWarnings("unchecked")
    private void answer(Map<String, Object> call) {
        calls.execute(() -> {
            Map<String, Object> reply = new java.util.LinkedHashMap<>();
            reply.put("t", "reply");
            reply.put("id", call.get("id"));
            try {
                String thread = String.valueOf(call.get("thread"));
                int invocation = ((Number) call.get("inv")).intValue();
                SharedCaller caller = new SharedCaller(
                        holderPrefix() + thread,
                        host.nameOf(invocation, thread),
                        UserFrame.of(call.get("in"), call.get("at")));
                reply.put(
                        "value",
                        host.handle(
                                caller,
                                invocation,
                                (String) call.get("obj"),
                                (String) call.get("name"),
                                (String) call.get("op"),
                                (List<Object>) call.get("args")));
            } catch (InterruptedException e) {
                reply.put("error", "the round ended while this call waited");
            } catch (RuntimeException e) {
                reply.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
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
