package bedside.harness.record;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;
import org.openqa.selenium.json.Json;

/**
 * Puts a script into every document of a Chromium browser before the document's own scripts run, and carries what the
 * script sends back to the JVM, over the Chrome DevTools Protocol: {@code Runtime.addBinding} (a function the page
 * calls; each call is an event on the connection) and {@code Page.addScriptToEvaluateOnNewDocument}. Every target is
 * reached by browser-level {@code Target.setAutoAttach}, paused at its start until the binding and script are in:
 * the first tab, new windows and tabs, and cross-site iframes (their own processes); same-site iframes are documents
 * of their page's target. Works through a Selenium Grid too (its {@code se:cdp} endpoint).
 *
 * <p>Why CDP and not WebDriver BiDi's preload script and channel: in Chrome, BiDi runs through a mapper in the
 * browser that alone slows a scripted path by about 4 % (BENCHMARKS.md, recorder section), and its channel needed
 * acknowledgements to lose nothing; the binding's events have no such middleman.
 */
final class CdpChannel implements AutoCloseable {
    static final String BINDING = "__bedsideSend";
    /** The name the recorder's code has in the page's stack traces and error events (recorder.js: SELF). */
    static final String SOURCE_NAME = "bedside-recorder.js";

    private final Connection connection;
    private final Set<SessionID> sessions = ConcurrentHashMap.newKeySet();
    private final ExecutorService setUp = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bedside-cdp-setup");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param script    a JavaScript function expression {@code (send) => ...}, called in every document with a function
     *                  that sends a string to {@code onMessage}
     * @param onMessage called with each string a document sends, on the connection's thread
     */
    CdpChannel(WebDriver driver, String script, Consumer<String> onMessage) {
        this.connection = SeleniumCdpConnection.create(driver).orElseThrow(() -> new IllegalStateException(
                "the browser offers no Chrome DevTools connection (se:cdp): the recorder needs Chromium"));
        // The binding is taken into the script's closure and removed from the page's view at once. The script is named
        // (sourceURL), so that its own errors can be told from the page's (recorder.js: recorder-error, not js-error).
        String source = "((b) => { try { delete window." + BINDING + "; } catch (e) { /* kept */ }"
                + " if (typeof b !== 'function') return; (" + script + ")((m) => b(m)); })(window." + BINDING + ");"
                + "\n//# sourceURL=" + SOURCE_NAME + "\n";
        connection.addListener(new Event<Map<String, Object>>("Runtime.bindingCalled", in -> in.read(Json.MAP_TYPE)),
                (seq, e) -> {
                    if (BINDING.equals(e.get("name"))) {
                        onMessage.accept(String.valueOf(e.get("payload")));
                    }
                });
        connection.addListener(new Event<Map<String, Object>>("Target.attachedToTarget", in -> in.read(Json.MAP_TYPE)),
                (seq, e) -> {
                    SessionID id = new SessionID(String.valueOf(e.get("sessionId")));
                    sessions.add(id);
                    // Not on the connection's own thread, which delivers the answers the set-up is sent for.
                    setUp.execute(() -> setUp(id, source));
                });
        connection.addListener(new Event<Map<String, Object>>("Target.detachedFromTarget", in -> in.read(Json.MAP_TYPE)),
                (seq, e) -> sessions.remove(new SessionID(String.valueOf(e.get("sessionId")))));
        connection.sendAndWait(null, new Command<Void>("Target.setAutoAttach", Map.of("autoAttach", true,
                "waitForDebuggerOnStart", true, "flatten", true, "filter",
                List.of(Map.of("type", "page", "exclude", false), Map.of("type", "iframe", "exclude", false)))),
                java.time.Duration.ofSeconds(10));
    }

    /**
     * A target paused at its start answers its set-up commands only once it runs: they are sent all at once, then it
     * is let go (waiting for each answer first would wait for ever on a new window).
     */
    private void setUp(SessionID id, String source) {
        List<CompletableFuture<Void>> sent = List.of(
                connection.send(id, new Command<Void>("Runtime.enable", Map.of())),
                connection.send(id, new Command<Void>("Page.enable", Map.of())),
                connection.send(id, new Command<Void>("Runtime.addBinding", Map.of("name", BINDING))),
                connection.send(id, new Command<Void>("Page.addScriptToEvaluateOnNewDocument",
                        Map.of("source", source, "runImmediately", true))),
                connection.send(id, new Command<Void>("Target.setAutoAttach", Map.of("autoAttach", true,
                        "waitForDebuggerOnStart", true, "flatten", true))),
                connection.send(id, new Command<Void>("Runtime.runIfWaitingForDebugger", Map.of())));
        for (CompletableFuture<Void> f : sent) {
            f.exceptionally(gone -> null); // a target that closed meanwhile
        }
    }

    /** Runs {@code expression} in the top document of every target (answers are not awaited). */
    void everywhere(String expression) {
        for (SessionID id : sessions) {
            connection.send(id, new Command<Void>("Runtime.evaluate", Map.of("expression", expression)))
                    .exceptionally(gone -> null);
        }
    }

    @Override
    public void close() {
        setUp.shutdownNow();
        try {
            connection.close();
        } catch (RuntimeException ignored) {
            // the browser may already be gone
        }
    }
}
