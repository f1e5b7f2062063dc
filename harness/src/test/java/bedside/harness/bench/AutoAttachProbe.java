package bedside.harness.bench;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;
import org.openqa.selenium.json.Json;

/**
 * A probe for the CDP transport (see {@link TransportProbe} and BENCHMARKS.md): with browser-level
 * {@code Target.setAutoAttach} (paused at start, flattened sessions), do new windows and cross-site iframes get the
 * recorder's binding and script before their own inline scripts run? Prints each attached target, each binding call
 * (with whether the page's inline script had already run) and each window at the end. Found: yes for the top page,
 * a cross-site iframe and a target=_blank popup — provided a paused target's set-up commands are sent without
 * waiting for their answers, then {@code Runtime.runIfWaitingForDebugger} (waiting for {@code Page.enable}'s answer
 * on a paused popup times out).
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) bedside.harness.bench.AutoAttachProbe
 * </pre>
 */
public final class AutoAttachProbe {
    public static void main(String[] args) throws Exception {
        Javalin app = Javalin.create(c -> { c.startup.showJavalinBanner = false; }).start("127.0.0.1", 0);
        int port = app.port();
        app.unsafe.routes.get("/a", ctx -> ctx.html("<a id=pop target=_blank href='/b'>pop</a><iframe src='http://localhost:" + port + "/f'></iframe><script>window.__inline = 1</script>"));
        app.unsafe.routes.get("/b", ctx -> ctx.html("<p>popup<script>window.__inline = 1</script>"));
        app.unsafe.routes.get("/f", ctx -> ctx.html("<p>frame<script>window.__inline = 1</script>"));
        String source = "(() => { if (typeof window.__send === 'function') window.__send(JSON.stringify({url: location.href, inlineRanFirst: !!window.__inline})); })();";
        try (Browsers.Session s = Browsers.start(BrowserSettings.local(), false)) {
            Connection conn = SeleniumCdpConnection.create(s.driver()).orElseThrow();
            conn.addListener(new Event<Map<String, Object>>("Runtime.bindingCalled", in -> in.read(Json.MAP_TYPE)),
                    (seq, m) -> System.out.println("BINDING " + m.get("payload")));
            conn.addListener(new Event<Map<String, Object>>("Target.attachedToTarget", in -> in.read(Json.MAP_TYPE)), (seq, m) -> {
                String sid = String.valueOf(m.get("sessionId"));
                Map<String, Object> info = (Map<String, Object>) m.get("targetInfo");
                System.out.println("ATTACHED " + info.get("type") + " " + info.get("url") + " waiting=" + m.get("waitingForDebugger"));
                new Thread(() -> {
                    SessionID id = new SessionID(sid);
                    Duration t = Duration.ofSeconds(5);
                    try {
                        var futures = List.of(
                                conn.send(id, new Command<Void>("Runtime.enable", Map.of())),
                                conn.send(id, new Command<Void>("Page.enable", Map.of())),
                                conn.send(id, new Command<Void>("Runtime.addBinding", Map.of("name", "__send"))),
                                conn.send(id, new Command<Void>("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source, "runImmediately", true))),
                                conn.send(id, new Command<Void>("Target.setAutoAttach", Map.of("autoAttach", true, "waitForDebuggerOnStart", true, "flatten", true))),
                                conn.send(id, new Command<Void>("Runtime.runIfWaitingForDebugger", Map.of())));
                        for (var f : futures) f.get(5, java.util.concurrent.TimeUnit.SECONDS);
                        System.out.println("SETUP DONE " + info.get("type") + " " + sid);
                    } catch (Exception e) {
                        System.out.println("SETUP FAILED " + e);
                    }
                }).start();
            });
            conn.sendAndWait(null, new Command<Void>("Target.setAutoAttach", Map.of("autoAttach", true, "waitForDebuggerOnStart", true,
                    "flatten", true, "filter", List.of(Map.of("type", "page", "exclude", false), Map.of("type", "iframe", "exclude", false)))), Duration.ofSeconds(5));
            Thread.sleep(500);
            s.driver().get("http://127.0.0.1:" + port + "/a");
            Thread.sleep(1000);
            s.driver().findElement(By.id("pop")).click();
            Thread.sleep(4000);
            for (String h : s.driver().getWindowHandles()) { s.driver().switchTo().window(h); System.out.println("WINDOW " + s.driver().getCurrentUrl() + " inline=" + ((org.openqa.selenium.JavascriptExecutor) s.driver()).executeScript("return window.__inline + ' send=' + typeof window.__send")); }
        }
        app.stop();
        System.exit(0);
    }
}
