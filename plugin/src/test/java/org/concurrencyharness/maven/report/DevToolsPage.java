package org.concurrencyharness.maven.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.concurrencyharness.internal.result.Json;

/**
 * A page in headless Chromium, used as a person uses it: a click is the mouse's, pressed where the
 * element is drawn, and what the page then shows is read back. It drives the browser over the
 * DevTools protocol on the loopback interface, with the JDK's own WebSocket client.
 */
final class DevToolsPage implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 60;

    private final Process browser;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<?, ?>>> pending = new ConcurrentHashMap<>();

    private DevToolsPage(Process browser, Path profile, URI debuggerUrl) {
        this.browser = browser;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(debuggerUrl, new Replies())
                .join();
    }

    /** Opens the page in a new headless browser, on a screen of that size, and waits until it has loaded. */
    static DevToolsPage open(Path chromium, URI page, int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        Process browser = new ProcessBuilder(
                        chromium.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile,
                        "--remote-debugging-address=127.0.0.1",
                        "--remote-debugging-port=0",
                        "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            DevToolsPage opened = new DevToolsPage(browser, profile, debuggerUrl(profile));
            // a headless window is at least 500 pixels wide: a phone's narrower screen is emulated
            Map<String, Object> screen = new LinkedHashMap<>();
            screen.put("width", width);
            screen.put("height", height);
            screen.put("deviceScaleFactor", 1);
            screen.put("mobile", true);
            opened.send("Emulation.setDeviceMetricsOverride", screen);
            opened.send("Page.navigate", Map.of("url", page.toString()));
            // the blank page it started with is complete too: the load awaited is the page's own
            opened.await(
                    "the page to load",
                    () -> Boolean.TRUE.equals(opened.evaluate(
                            "document.readyState === 'complete' && location.href === " + Json.write(page.toString()))));
            return opened;
        } catch (Exception | Error e) {
            end(browser, profile);
            throw e;
        }
    }

    /** The value of a JavaScript expression, as plain JSON values. */
    Object evaluate(String expression) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("expression", expression);
        params.put("returnByValue", true);
        Map<?, ?> result = send("Runtime.evaluate", params);
        if (result.get("exceptionDetails") != null) {
            throw new AssertionError("the page threw on " + expression + ": " + result.get("exceptionDetails"));
        }
        return ((Map<?, ?>) result.get("result")).get("value");
    }

    /**
     * Scrolls the element into view, as a person would, then presses and releases the mouse's button on the middle
     * of its first line: a link that wraps has nothing of its own in the middle of its whole box.
     */
    void click(String selector) {
        List<?> centre = (List<?>) evaluate("(() => { const e = document.querySelector(" + Json.write(selector)
                + "); e.scrollIntoView({block: 'center'}); const r = e.getClientRects()[0];"
                + " return [r.left + r.width / 2, r.top + r.height / 2]; })()");
        for (String type : List.of("mousePressed", "mouseReleased")) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("type", type);
            params.put("x", centre.get(0));
            params.put("y", centre.get(1));
            params.put("button", "left");
            params.put("clickCount", 1);
            send("Input.dispatchMouseEvent", params);
        }
    }

    /** Waits until the condition holds, and fails saying what was awaited if it does not within a minute. */
    void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + TIMEOUT_SECONDS + " s for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        socket.abort();
        end(browser, profile);
    }

    private Map<?, ?> send(String method, Map<String, ?> params) {
        int id = nextId.incrementAndGet();
        CompletableFuture<Map<?, ?>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(Json.write(Map.of("id", id, "method", method, "params", params)), true)
                .join();
        try {
            Map<?, ?> message = reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (message.get("error") != null) {
                throw new AssertionError(method + " failed: " + message.get("error"));
            }
            return (Map<?, ?>) message.get("result");
        } catch (Exception e) {
            throw new AssertionError(method + " had no answer: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    /** The browser names its DevTools port in the profile once it listens; the page's target is listed there. */
    private static URI debuggerUrl(Path profile) throws IOException, InterruptedException {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        List<String> lines = List.of();
        while (lines.size() < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("chromium did not open its DevTools port in " + TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(50);
            lines = Files.exists(portFile) ? Files.readAllLines(portFile, StandardCharsets.UTF_8) : List.of();
        }
        HttpResponse<String> targets = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + lines.get(0).strip() + "/json/list"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        for (Object target : (List<?>) Json.parse(targets.body())) {
            Map<?, ?> described = (Map<?, ?>) target;
            if ("page".equals(described.get("type"))) {
                return URI.create(described.get("webSocketDebuggerUrl").toString());
            }
        }
        throw new AssertionError("no page among " + targets.body());
    }

    private static void end(Process browser, Path profile) {
        browser.descendants().forEach(ProcessHandle::destroyForcibly);
        browser.destroyForcibly();
        try {
            browser.waitFor(10, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | InterruptedException e) {
            // a profile left in the temporary directory harms nothing
        }
    }

    /** Hands each reply to the call that waits for it; the protocol's events are not asked for here. */
    private final class Replies implements WebSocket.Listener {
        private final List<CharSequence> parts = new ArrayList<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.add(data);
            if (last) {
                Map<?, ?> message = (Map<?, ?>) Json.parse(String.join("", parts));
                parts.clear();
                if (message.get("id") instanceof Number id) {
                    CompletableFuture<Map<?, ?>> reply = pending.get(id.intValue());
                    if (reply != null) {
                        reply.complete(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
