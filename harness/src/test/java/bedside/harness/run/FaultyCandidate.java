package bedside.harness.run;

import io.javalin.Javalin;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny candidate that fails on purpose, for the fault tests: a page answering HTTP 500, a server that
 * stops itself mid-task, a page that kills the browser showing it, a page that takes too long. Its reset
 * lives on a separate control server that stays up, so it can bring the candidate back after it went down.
 */
final class FaultyCandidate implements AutoCloseable {
    private final Javalin control;
    private volatile Javalin app;
    private final int port;
    final AtomicInteger resets = new AtomicInteger();

    FaultyCandidate() {
        app = candidate(0);
        port = app.port();
        control = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.routes.post("/reset", ctx -> {
                resets.incrementAndGet();
                synchronized (this) {
                    if (app == null) {
                        app = candidate(port);
                    }
                }
                ctx.status(204);
            });
        }).start("127.0.0.1", 0);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    URI resetUrl() {
        return URI.create("http://127.0.0.1:" + control.port() + "/reset");
    }

    CandidateTarget target() {
        return new CandidateTarget("faulty", "Faulty test candidate", "Bedside tests", baseUrl(), resetUrl());
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + body
                + "</body></html>";
    }

    private Javalin candidate(int onPort) {
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.defaultContentType = "text/html; charset=utf-8";
            var r = cfg.routes;
            r.get("/", ctx -> ctx.html(page("Start", "<h1>Start</h1><ul>"
                    + "<li><a href=\"/next\">Continue</a></li>"
                    + "<li><a href=\"/broken\">Break</a></li>"
                    + "<li><a href=\"/down\">Stop server</a></li>"
                    + "<li><a href=\"/kill\">Kill browser</a></li>"
                    + "<li><a href=\"/kill-driver\">Kill driver</a></li>"
                    + "<li><a href=\"/slow\">Slow</a></li></ul>"
                    + "<label>Note <input id=\"note\"></label>")));
            r.get("/next", ctx -> ctx.html(page("Next", "<h1>Next</h1><a href=\"/done\">Done</a>")));
            r.get("/done", ctx -> ctx.html(page("Done", "<h1>Done</h1>")));
            r.get("/broken", ctx -> ctx.status(500).html(page("Error", "<h1>Internal error</h1>")));
            r.get("/down", ctx -> {
                // The way on appears a second after the server has stopped (200 ms), so the next step always finds
                // the candidate gone.
                ctx.html(page("Going down", "<h1>Going down</h1><div id=\"later\"></div><script>setTimeout(() => {"
                        + " document.getElementById('later').innerHTML = '<a href=\"/next\">Continue</a>'; }, 1000);</script>"));
                Thread t = new Thread(() -> {
                    sleep(200);
                    stopApp();
                });
                t.setDaemon(true);
                t.start();
            });
            r.get("/kill", ctx -> {
                ctx.html(page("Killing", "<h1>Killing the browser</h1>"));
                Thread t = new Thread(() -> {
                    sleep(500);
                    killBrowsers();
                });
                t.setDaemon(true);
                t.start();
            });
            r.get("/kill-driver", ctx -> {
                ctx.html(page("Killing", "<h1>Killing the driver</h1>"));
                Thread t = new Thread(() -> {
                    sleep(300);
                    killDrivers();
                });
                t.setDaemon(true);
                t.start();
            });
            r.get("/slow", ctx -> ctx.html(page("Slow", "<h1>Slow</h1><div id=\"later\"></div><script>"
                    + "setTimeout(() => { document.getElementById('later').innerHTML = '<h2>Finally</h2>'; }, 8000);</script>")));
        }).start("127.0.0.1", onPort);
    }

    private synchronized void stopApp() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    /** Kills (SIGKILL) the main process of every Chromium this JVM started, as a crash or the OOM killer would. */
    static int killBrowsers() {
        List<ProcessHandle> browsers = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("chromium") && c.contains("--user-data-dir")
                        && !c.contains("--type=") && !c.contains("chromedriver")).orElse(false))
                .toList();
        browsers.forEach(ProcessHandle::destroyForcibly);
        return browsers.size();
    }

    /**
     * Kills (SIGKILL) every chromedriver this JVM started: the WebDriver session is lost under the step, which then
     * fails with "Error communicating with the remote browser. It may have died." (issue 16's case).
     */
    static int killDrivers() {
        List<ProcessHandle> drivers = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("chromedriver")).orElse(false)).toList();
        drivers.forEach(ProcessHandle::destroyForcibly);
        return drivers.size();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopApp();
        control.stop();
    }
}
