package org.concurrencyharness.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.concurrencyharness.internal.report.Json;
import org.junit.jupiter.api.Test;

class ChildMainTest {

    /** An invocation that would outlast any test. */
    public static class Sleeper {
        public void sleep() throws InterruptedException {
            Thread.sleep(600_000);
        }
    }

    @Test
    void aChildWhoseParentDiesWithoutTellingItToExitEndsAtOnce() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChildMain.class.getName(),
                Sleeper.class.getName(), "sleep", "false", "1", "600000").start();
        try {
            BufferedReader messages = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = messages.readLine();
            } while (line != null && !line.contains("\"ready\""));
            assertEquals(Map.of("t", "ready"), Json.parse(line));
            Writer commands = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
            commands.write(Json.write(Map.of("t", "run", "inv", 0)) + "\n");
            commands.flush();

            // the parent dies in the middle of the invocation: the system closes the child's input, and nothing else
            commands.close();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child is still running 10 s after its parent's end");
            assertEquals(ParentWatch.PARENT_GONE_STATUS, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
    }
}
