package org.concurrencyharness.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.process.ChildMessage.InvocationResult;
import org.concurrencyharness.internal.process.ChildMessage.PrintedLine;
import org.concurrencyharness.internal.process.ChildMessage.Ready;
import org.concurrencyharness.internal.process.ChildMessage.SharedCall;
import org.concurrencyharness.internal.process.ParentMessage.Exit;
import org.concurrencyharness.internal.process.ParentMessage.Reply;
import org.concurrencyharness.internal.process.ParentMessage.Run;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.AccessKind;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.WorkerResult;
import org.concurrencyharness.internal.result.WorkerState;
import org.junit.jupiter.api.Test;

class ChildProtocolTest {

    private static final Access READ = new Access("worker-0", "Counter.add", "Counter.java:11", AccessKind.READ);
    private static final Access WRITE = new Access("worker-1", "Counter.add", "Counter.java:12", AccessKind.WRITE);
    private static final Access LAST_WRITE = new Access(
            "worker-0", "Counter.add", "Counter.java:12", AccessKind.WRITE, "ConcurrentHashMap.put", "Counter.java:12");

    /** Its times in tenths of a millisecond: as finely as a worker's are written. */
    private static final WorkerResult THREAD = WorkerResult.ofThread(
            "worker-0", 0, 1.5, 12.0, 0.3, 10.2, WorkerState.FAILED, "42", "java.lang.IllegalStateException: no");

    @Test
    void everyMessageAChildSendsIsReadBackAsItWasWritten() {
        List<ChildMessage> messages = List.of(
                new Ready(),
                new PrintedLine(false, "hello \"child\"\twith a tab"),
                new PrintedLine(true, ""),
                new SharedCall(
                        7,
                        "map",
                        "counts",
                        "put",
                        2,
                        "worker-1",
                        new UserFrame("Counter.add", "Counter.java:12"),
                        Arrays.asList("n", 3L, null, List.of(true), Map.of("nested", 1.5))),
                new SharedCall(8, "lock", "guard", "lock", -1, "main", null, List.of()),
                new InvocationResult(
                        3,
                        List.of(THREAD),
                        "42",
                        List.of(new Race("com.example.Counter.count", READ, WRITE)),
                        List.of(new LostUpdate(
                                "com.example.Counter.counts",
                                "java.util.concurrent.ConcurrentHashMap",
                                "n",
                                READ,
                                WRITE,
                                LAST_WRITE)),
                        List.of("java.lang.IllegalStateException: no"),
                        1_700_000_000_000L,
                        1_700_000_000_125L),
                new InvocationResult(
                        0,
                        List.of(),
                        null,
                        List.of(),
                        List.of(),
                        List.of("could not run Exercise.body in the child"),
                        5,
                        5));
        for (ChildMessage message : messages) {
            assertEquals(message, ChildProtocol.readChildMessage(ChildProtocol.write(message)));
        }
    }

    @Test
    void everyMessageTheParentSendsIsReadBackAsItWasWritten() {
        List<ParentMessage> messages = List.of(
                new Run(4),
                new Exit(),
                Reply.returning(7, Map.of("n", List.of(1L, "two"))),
                Reply.returning(8, null),
                Reply.failed(9, "the lock is held by child 1:worker-1, not by child 2:worker-2"));
        for (ParentMessage message : messages) {
            assertEquals(message, ChildProtocol.readParentMessage(ChildProtocol.write(message)));
        }
    }

    /**
     * The lines as they were when the messages were maps, but for the result of an invocation the child could not
     * run, which now lists its empty parts too. Both ends are one build; this keeps the format from changing unseen.
     */
    @Test
    void eachMessageIsOneCompactJsonObjectItsTypeUnderT() {
        assertEquals("{\"t\":\"ready\"}", ChildProtocol.write(new Ready()));
        assertEquals("{\"t\":\"err\",\"line\":\"oops\"}", ChildProtocol.write(new PrintedLine(true, "oops")));
        assertEquals(
                "{\"t\":\"call\",\"id\":7,\"obj\":\"list\",\"name\":\"seen\",\"op\":\"set\",\"inv\":2,"
                        + "\"thread\":\"worker-2\",\"in\":\"Seen.mark\",\"at\":\"Seen.java:9\",\"args\":[0,\"x\"]}",
                ChildProtocol.write(new SharedCall(
                        7,
                        "list",
                        "seen",
                        "set",
                        2,
                        "worker-2",
                        new UserFrame("Seen.mark", "Seen.java:9"),
                        List.of(0, "x"))));
        assertEquals(
                "{\"t\":\"call\",\"id\":8,\"obj\":\"queue\",\"name\":\"jobs\",\"op\":\"take\",\"inv\":0,"
                        + "\"thread\":\"worker-0\",\"args\":[]}",
                ChildProtocol.write(new SharedCall(8, "queue", "jobs", "take", 0, "worker-0", null, List.of())),
                "a call that names no line of the program has no \"in\" or \"at\"");
        assertEquals(
                "{\"t\":\"result\",\"inv\":1,\"threads\":[],\"returnValue\":null,\"races\":[],\"lostUpdates\":[],"
                        + "\"errors\":[\"boom\"],\"start\":10,\"end\":20}",
                ChildProtocol.write(
                        new InvocationResult(1, List.of(), null, List.of(), List.of(), List.of("boom"), 10, 20)));
        assertEquals("{\"t\":\"run\",\"inv\":3}", ChildProtocol.write(new Run(3)));
        assertEquals("{\"t\":\"exit\"}", ChildProtocol.write(new Exit()));
        assertEquals("{\"t\":\"reply\",\"id\":7,\"value\":null}", ChildProtocol.write(Reply.returning(7, null)));
        assertEquals("{\"t\":\"reply\",\"id\":7,\"error\":\"no\"}", ChildProtocol.write(Reply.failed(7, "no")));
    }

    @Test
    void aMalformedLineIsRefusedSayingWhyAndQuotingIt() {
        assertRefusedFromChild(
                "{\"t\":\"out\",",
                "Not a message from a child (Invalid JSON at offset 11: expected a quoted key): {\"t\":\"out\",");
        assertRefusedFromChild("[1]", "Not a message from a child (not a JSON object): [1]");
        assertRefusedFromChild("{\"line\":\"x\"}", "Not a message from a child (no \"t\"): {\"line\":\"x\"}");
        assertRefusedFromChild(
                "{\"t\":\"run\",\"inv\":1}",
                "Not a message from a child (a child sends no message of type \"run\"): {\"t\":\"run\",\"inv\":1}");
        assertRefusedFromChild(
                "{\"t\":\"call\",\"id\":1,\"name\":\"n\"}",
                "Not a message from a child (no \"obj\"): {\"t\":\"call\",\"id\":1,\"name\":\"n\"}");
        assertRefusedFromChild(
                "{\"t\":\"out\",\"line\":7}",
                "Not a message from a child (\"line\" is 7, not a text): {\"t\":\"out\",\"line\":7}");
        assertRefusedFromParent(
                "{\"t\":\"run\",\"inv\":1.5}",
                "Not a message from the parent (\"inv\" is 1.5, not a whole number): {\"t\":\"run\",\"inv\":1.5}");
        assertRefusedFromParent(
                "{\"t\":\"run\",\"inv\":4294967296}",
                "Not a message from the parent (\"inv\" is 4294967296, beyond an int): {\"t\":\"run\",\"inv\":4294967296}");
        assertRefusedFromParent(
                "{\"t\":\"reply\",\"value\":1}",
                "Not a message from the parent (no \"id\"): {\"t\":\"reply\",\"value\":1}");
        assertRefusedFromParent(
                "{\"t\":\"ready\"}",
                "Not a message from the parent (the parent sends no message of type \"ready\"): {\"t\":\"ready\"}");

        String longLine = "{\"t\":\"out\",\"text\":\"" + "x".repeat(300) + "\"}";
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> ChildProtocol.readChildMessage(longLine));
        assertEquals(
                "Not a message from a child (no \"line\"): " + longLine.substring(0, 200) + "...",
                refused.getMessage());
        assertInstanceOf(IllegalArgumentException.class, refused.getCause(), "what was wrong, for its stack trace");
    }

    private static void assertRefusedFromChild(String line, String error) {
        assertEquals(
                error,
                assertThrows(IllegalArgumentException.class, () -> ChildProtocol.readChildMessage(line))
                        .getMessage());
    }

    private static void assertRefusedFromParent(String line, String error) {
        assertEquals(
                error,
                assertThrows(IllegalArgumentException.class, () -> ChildProtocol.readParentMessage(line))
                        .getMessage());
    }
}
