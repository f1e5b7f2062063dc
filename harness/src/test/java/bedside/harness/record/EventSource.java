package bedside.harness.record;

import io.javalin.Javalin;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test site whose every document makes a known number of events and says so first: before making them, the
 * page reports its token and count to this server with a synchronous request, so the server's count is the
 * page side's count even for documents that navigate away or close their window right after. Each event is
 * named {@code gen:<token>:<i>} (a click on a button or a key in a field, labelled so the recorder reports the
 * name), so the JVM side can check every single one arrived exactly once.
 *
 * <p>{@code /p} query: {@code n} events; {@code then} = {@code next} (navigate at once to {@code next}),
 * {@code close} (close the window at once), {@code reload} (reload once at once); {@code when} = {@code load}
 * (make the events once the page has loaded, not while it is parsed); {@code frames} = 1 (one
 * same-origin iframe) or 2 (plus one cross-site iframe, on {@code localhost} instead of {@code 127.0.0.1}).
 */
final class EventSource implements AutoCloseable {
    final Javalin app;
    final Map<String, Integer> reported = new ConcurrentHashMap<>();
    final AtomicLong documents = new AtomicLong();
    /** What the test is doing now, to tell which kind of navigation made each document. */
    volatile String doing = "start";
    final Map<String, String> madeDuring = new ConcurrentHashMap<>();
    /** The address of the page that made each token's events (its report request's Referer). */
    final Map<String, String> pageOf = new ConcurrentHashMap<>();

    EventSource() {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.defaultContentType = "text/html; charset=utf-8";
            cfg.routes.post("/count", ctx -> {
                reported.put(ctx.queryParam("token"), Integer.parseInt(ctx.queryParam("n")));
                madeDuring.put(ctx.queryParam("token"), doing);
                String page = ctx.header("Referer");
                if (page != null) {
                    pageOf.put(ctx.queryParam("token"), page);
                }
                documents.incrementAndGet();
                ctx.status(204);
            });
            cfg.routes.get("/gen.js", ctx -> ctx.contentType("text/javascript").result(SCRIPT));
            cfg.routes.get("/p", ctx -> {
                int frames = Integer.parseInt(ctx.queryParamAsClass("frames", String.class).getOrDefault("0"));
                StringBuilder f = new StringBuilder();
                if (frames >= 1) {
                    f.append("<iframe src=\"/p?n=7&f=same\" width=\"300\" height=\"100\"></iframe>");
                }
                if (frames >= 2) {
                    f.append("<iframe src=\"http://localhost:").append(port()).append("/p?n=9&f=cross\" width=\"300\" height=\"100\"></iframe>");
                }
                ctx.html("<!DOCTYPE html><html><head><title>gen</title></head><body><h1>Generator</h1>"
                        + "<button id=\"b\">b</button><input id=\"k\">"
                        + "<a id=\"next\" href=\"/p?n=12\">next</a> "
                        + "<a id=\"blank\" target=\"_blank\" href=\"/p?n=11&then=close&when=load\">blank</a> "
                        + "<a id=\"blank-stay\" target=\"_blank\" href=\"/p?n=8&when=load\">blank-stay</a>"
                        + f + "<script src=\"/gen.js\"></script></body></html>");
            });
        }).start("127.0.0.1", 0);
    }

    int port() {
        return app.port();
    }

    String url(String query) {
        return "http://127.0.0.1:" + port() + "/p?" + query;
    }

    long total() {
        return reported.values().stream().mapToLong(Integer::longValue).sum();
    }

    static final String SCRIPT = """
            (function () {
              const q = new URLSearchParams(location.search);
              if (q.get('when') === 'load' && document.readyState !== 'complete') {
                window.addEventListener('load', () => setTimeout(arguments.callee, 0));
                return;
              }
              const n = Number(q.get('n') || 10);
              const token = (q.get('f') || 'top') + '-' + Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
              const x = new XMLHttpRequest();
              x.open('POST', '/count?token=' + token + '&n=' + n, false);
              x.send();
              const b = document.getElementById('b'), k = document.getElementById('k');
              for (let i = 0; i < n; i++) {
                const name = 'gen:' + token + ':' + i;
                if (i % 2 === 0) {
                  b.setAttribute('aria-label', name);
                  b.dispatchEvent(new MouseEvent('click', { bubbles: true }));
                } else {
                  k.setAttribute('aria-label', name);
                  k.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
                }
              }
              document.body.dataset.done = '1';
              const then = q.get('then');
              if (then === 'close') window.close();
              else if (then === 'next') location.href = q.get('next');
              else if (then === 'reload' && !sessionStorage.getItem('reloaded:' + location.search)) {
                sessionStorage.setItem('reloaded:' + location.search, '1');
                location.reload();
              }
            })();
            """;

    @Override
    public void close() {
        app.stop();
    }
}
