package org.concurrencyharness.internal.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.process.ChildMessage.InvocationResult;
import org.concurrencyharness.internal.process.ChildMessage.PrintedLine;
import org.concurrencyharness.internal.process.ChildMessage.Ready;
import org.concurrencyharness.internal.process.ChildMessage.SharedCall;
import org.concurrencyharness.internal.process.ParentMessage.Exit;
import org.concurrencyharness.internal.process.ParentMessage.Reply;
import org.concurrencyharness.internal.process.ParentMessage.Run;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.WorkerResult;

/**
 * The line protocol between a forked exercise's parent and its children: {@link ChildMessage}s and
 * {@link ParentMessage}s as lines of {@link LineJson}, one JSON object each with its type under {@code "t"}. The
 * only place that knows their keys. Reading is strict: a line that is no message of the side it came from, or
 * lacks a part its type needs, is refused with the reason and the line.
 *
 * <p>Children load this class, so it does without lambdas, and tells the kinds of message apart in the order a
 * child meets them: an {@code instanceof} loads its class, each of which costs a child's start-up.
 */
final class ChildProtocol {

    private static final String TYPE = "t";
    private static final String READY = "ready";
    private static final String OUT = "out";
    private static final String ERR = "err";
    private static final String CALL = "call";
    private static final String RESULT = "result";
    private static final String RUN = "run";
    private static final String EXIT = "exit";
    private static final String REPLY = "reply";

    /** How much of a refused line its error quotes. */
    private static final int QUOTED_CHARS = 200;

    private ChildProtocol() {}

    /** The message as one line, without its line break. */
    static String write(ChildMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (message instanceof Ready) {
            json.put(TYPE, READY);
        } else if (message instanceof InvocationResult result) {
            writeResult(result, json);
        } else if (message instanceof PrintedLine printed) {
            json.put(TYPE, printed.onStderr() ? ERR : OUT);
            json.put("line", printed.line());
        } else {
            // the last kind there is: one added without a branch here fails at its first write
            writeCall((SharedCall) message, json);
        }
        return LineJson.write(json);
    }

    /** The message as one line, without its line break. */
    static String write(ParentMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (message instanceof Run run) {
            json.put(TYPE, RUN);
            json.put("inv", run.invocation());
        } else if (message instanceof Exit) {
            json.put(TYPE, EXIT);
        } else {
            // the last kind there is: one added without a branch here fails at its first write
            Reply reply = (Reply) message;
            json.put(TYPE, REPLY);
            json.put("id", reply.id());
            if (reply.error() != null) {
                json.put("error", reply.error());
            } else {
                json.put("value", reply.value());
            }
        }
        return LineJson.write(json);
    }

    private static void writeCall(SharedCall call, Map<String, Object> json) {
        json.put(TYPE, CALL);
        json.put("id", call.id());
        json.put("obj", call.object());
        json.put("name", call.name());
        json.put("op", call.operation());
        json.put("inv", call.invocation());
        json.put("thread", call.thread());
        if (call.frame() != null) {
            json.put("in", call.frame().method());
            json.put("at", call.frame().location());
        }
        json.put("args", call.args());
    }

    private static void writeResult(InvocationResult result, Map<String, Object> json) {
        json.put(TYPE, RESULT);
        json.put("inv", result.invocation());
        List<Object> threads = new ArrayList<>();
        for (WorkerResult thread : result.threads()) {
            threads.add(thread.toJson());
        }
        json.put("threads", threads);
        json.put("returnValue", result.returnValue());
        List<Object> races = new ArrayList<>();
        for (Race race : result.races()) {
            races.add(race.toJson());
        }
        json.put("races", races);
        List<Object> lostUpdates = new ArrayList<>();
        for (LostUpdate lost : result.lostUpdates()) {
            lostUpdates.add(lost.toJson());
        }
        json.put("lostUpdates", lostUpdates);
        json.put("errors", result.errors());
        json.put("start", result.startMillis());
        json.put("end", result.endMillis());
    }

    /** A line a child sent. */
    static ChildMessage readChildMessage(String line) {
        try {
            Map<?, ?> json = object(line);
            String type = text(json, TYPE);
            return switch (type) {
                case READY -> new Ready();
                case OUT -> new PrintedLine(false, text(json, "line"));
                case ERR -> new PrintedLine(true, text(json, "line"));
                case CALL -> readCall(json);
                case RESULT -> readResult(json);
                default -> throw new IllegalArgumentException("a child sends no message of type \"" + type + "\"");
            };
        } catch (IllegalArgumentException e) {
            throw refused("from a child", line, e);
        }
    }

    /** A line the parent sent. */
    static ParentMessage readParentMessage(String line) {
        try {
            Map<?, ?> json = object(line);
            String type = text(json, TYPE);
            return switch (type) {
                case RUN -> new Run(smallWhole(json, "inv"));
                case EXIT -> new Exit();
                case REPLY -> new Reply(whole(json, "id"), json.get("value"), optionalText(json, "error"));
                default -> throw new IllegalArgumentException("the parent sends no message of type \"" + type + "\"");
            };
        } catch (IllegalArgumentException e) {
            throw refused("from the parent", line, e);
        }
    }

    private static SharedCall readCall(Map<?, ?> json) {
        String method = optionalText(json, "in");
        String location = optionalText(json, "at");
        return new SharedCall(
                whole(json, "id"),
                text(json, "obj"),
                text(json, "name"),
                text(json, "op"),
                smallWhole(json, "inv"),
                text(json, "thread"),
                method == null || location == null ? null : new UserFrame(method, location),
                list(json, "args"));
    }

    private static InvocationResult readResult(Map<?, ?> json) {
        List<WorkerResult> threads = new ArrayList<>();
        for (Object thread : list(json, "threads")) {
            threads.add(WorkerResult.fromJson(thread));
        }
        List<Race> races = new ArrayList<>();
        for (Object race : list(json, "races")) {
            races.add(Race.fromJson(race));
        }
        List<LostUpdate> lostUpdates = new ArrayList<>();
        for (Object lost : list(json, "lostUpdates")) {
            lostUpdates.add(LostUpdate.fromJson(lost));
        }
        List<String> errors = new ArrayList<>();
        for (Object error : list(json, "errors")) {
            if (!(error instanceof String text)) {
                throw new IllegalArgumentException("\"errors\" holds " + error + ", not a text");
            }
            errors.add(text);
        }
        return new InvocationResult(
                smallWhole(json, "inv"),
                threads,
                optionalText(json, "returnValue"),
                races,
                lostUpdates,
                errors,
                whole(json, "start"),
                whole(json, "end"));
    }

    private static Map<?, ?> object(String line) {
        if (!(LineJson.parse(line) instanceof Map<?, ?> json)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return json;
    }

    private static String text(Map<?, ?> json, String key) {
        String text = optionalText(json, key);
        if (text == null) {
            throw new IllegalArgumentException("no \"" + key + "\"");
        }
        return text;
    }

    private static String optionalText(Map<?, ?> json, String key) {
        Object value = json.get(key);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("\"" + key + "\" is " + value + ", not a text");
        }
        return (String) value;
    }

    /** The parser reads every whole number as a long, and nothing else as one. */
    private static long whole(Map<?, ?> json, String key) {
        if (!(json.get(key) instanceof Long value)) {
            throw new IllegalArgumentException(
                    json.containsKey(key)
                            ? "\"" + key + "\" is " + json.get(key) + ", not a whole number"
                            : "no \"" + key + "\"");
        }
        return value;
    }

    private static int smallWhole(Map<?, ?> json, String key) {
        long value = whole(json, key);
        if (value != (int) value) {
            throw new IllegalArgumentException("\"" + key + "\" is " + value + ", beyond an int");
        }
        return (int) value;
    }

    private static List<Object> list(Map<?, ?> json, String key) {
        if (!(json.get(key) instanceof List<?> list)) {
            throw new IllegalArgumentException(
                    json.containsKey(key)
                            ? "\"" + key + "\" is " + json.get(key) + ", not a list"
                            : "no \"" + key + "\"");
        }
        return new ArrayList<>(list);
    }

    private static IllegalArgumentException refused(String side, String line, IllegalArgumentException why) {
        String quoted = line.length() > QUOTED_CHARS ? line.substring(0, QUOTED_CHARS) + "..." : line;
        return new IllegalArgumentException("Not a message " + side + " (" + why.getMessage() + "): " + quoted, why);
    }
}
