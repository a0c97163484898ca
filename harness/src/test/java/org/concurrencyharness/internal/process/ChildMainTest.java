package org.concurrencyharness.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.concurrencyharness.Shared;
import org.concurrencyharness.internal.process.ChildMessage.InvocationResult;
import org.concurrencyharness.internal.process.ChildMessage.PrintedLine;
import org.concurrencyharness.internal.process.ChildMessage.Ready;
import org.concurrencyharness.internal.process.ChildMessage.SharedCall;
import org.concurrencyharness.internal.process.ParentMessage.Exit;
import org.concurrencyharness.internal.process.ParentMessage.Reply;
import org.concurrencyharness.internal.process.ParentMessage.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildMainTest {

    /** An invocation that would outlast any test. */
    public static class Sleeper {
        public void sleep() throws InterruptedException {
            Thread.sleep(600_000);
        }
    }

    /** An invocation that uses every kind of message a child sends: a printed line, a call on a shared object. */
    public static class Talker {
        public void talk() {
            System.out.println("hello from the child");
            Shared.map("seen").put("talker", 1);
        }
    }

    /**
     * A child's start-up is most of what {@code @ForkProcesses} costs, and loading jackson-core (which
     * writes the report files) made it about 36 ms slower: its line protocol must do without it.
     */
    @Test
    void aChildLoadsNoJsonLibraryThroughAWholeInvocation(@TempDir Path temp) throws Exception {
        Path loaded = temp.resolve("classes.log");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xlog:class+load=info:file=" + loaded,
                        "-cp",
                        System.getProperty("java.class.path"),
                        ChildMain.class.getName(),
                        Talker.class.getName(),
                        "talk",
                        "false",
                        "1",
                        "60000")
                .start();
        try {
            BufferedReader messages =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            Writer commands = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
            List<Class<?>> kinds = new ArrayList<>();
            ChildMessage message;
            do {
                message = ChildProtocol.readChildMessage(messages.readLine());
                kinds.add(message.getClass());
                if (message instanceof Ready) {
                    send(commands, new Run(0));
                } else if (message instanceof SharedCall call) {
                    send(commands, Reply.returning(call.id(), null));
                }
            } while (!(message instanceof InvocationResult));
            assertEquals(List.of(Ready.class, PrintedLine.class, SharedCall.class, InvocationResult.class), kinds);
            assertEquals(List.of(), ((InvocationResult) message).errors());
            send(commands, new Exit());
            commands.close();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child did not exit when told to");
            assertEquals(0, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
        List<String> classes = Files.readAllLines(loaded);
        assertTrue(
                classes.stream().anyMatch(line -> line.contains(LineJson.class.getName() + " ")),
                "the log names the classes the child loaded");
        assertEquals(
                List.of(),
                classes.stream().filter(line -> line.contains("jackson")).toList());
    }

    @Test
    void aChildWhoseParentDiesWithoutTellingItToExitEndsAtOnce() throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ChildMain.class.getName(),
                        Sleeper.class.getName(),
                        "sleep",
                        "false",
                        "1",
                        "600000")
                .start();
        try {
            BufferedReader messages =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = messages.readLine();
            } while (line != null && !line.contains("\"ready\""));
            assertEquals(new Ready(), ChildProtocol.readChildMessage(line));
            Writer commands = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
            send(commands, new Run(0));

            // the parent dies in the middle of the invocation: the system closes the child's input, and nothing else
            commands.close();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child is still running 10 s after its parent's end");
            assertEquals(ParentWatch.PARENT_GONE_STATUS, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
    }

    private static void send(Writer commands, ParentMessage command) throws IOException {
        commands.write(ChildProtocol.write(command) + "\n");
        commands.flush();
    }
}
