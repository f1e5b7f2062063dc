package bedside.harness.session;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.harness.run.Performer;
import bedside.harness.run.TaskRunner;
import bedside.harness.upload.ResultsDestination;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test-only participant for measuring the session's clock against ground truth (the timing benchmark
 * {@code bedside.harness.bench.SessionTiming} and {@code SessionTimingIT}). Per task it presses the panel's Start,
 * waits a known interval, presses the mouse on plain text in the candidate's window, waits, presses a key (Shift: it
 * changes nothing on the page), waits, and presses the panel's Done.
 *
 * <p>Every input is dispatched as a real browser input over Chrome DevTools ({@code Input.dispatchMouseEvent},
 * {@code Input.dispatchKeyEvent}) on a DevTools connection of its own, straight to the browser (not through
 * chromedriver's HTTP), each with an explicit {@code timestamp}: the JVM's monotonic clock ({@link System#nanoTime})
 * read just before sending. That is what the operating system's input timestamp is for a person's real mouse or key:
 * Chromium makes it the event's time ({@code event.timeStamp}), so the delivery to the browser is left out exactly as
 * the operating system's is for real input. The intervals are waited on the JVM's clock (sleep, then spin to the
 * instant); the ground truth is the JVM clock's interval between the stamps sent, independent of every browser clock
 * under test. The commands' round trips (sent → answered, once the page has handled the input) are kept as well.
 */
public final class TimingParticipant implements ParticipantWatcher, AutoCloseable {
    /** One input sent over DevTools: the JVM's monotonic clock just before sending it and when it was answered. */
    public record Dispatch(long sentNanos, long answeredNanos) {
        public double roundTripMs() {
            return (answeredNanos - sentNanos) / 1e6;
        }

        /** From this dispatch to {@code later}'s, on the JVM's clock, in ms. */
        public double toMs(Dispatch later) {
            return (later.sentNanos - sentNanos) / 1e6;
        }
    }

    /**
     * One cross-browser clock comparison: the candidate page's clock minus the panel page's clock at the same JVM
     * instant (each read by a DevTools {@code Runtime.evaluate}, mapped to the middle of its round trip), in ms, and
     * the uncertainty of that figure (half of both round trips).
     */
    public record ClockGap(double gapMs, double uncertaintyMs) {}

    /**
     * What the participant did on one task.
     *
     * @param attemptId       the attempt Bedside recorded
     * @param planned         the intervals it meant to inject (Start → press, press → key, key → Done), ms
     * @param start           the release of the mouse on Start (the panel reads its click)
     * @param press           the mouse press on the candidate's page (the recorder's pointer-down)
     * @param key             the key press on the candidate's page (the recorder's key)
     * @param done            the release of the mouse on Done
     * @param panelStart      the panel's reading of Start (epoch ms, page clock), as it sent it
     * @param panelDone       the panel's reading of Done
     * @param eventStamps     the candidate page's own readings of the press and the key by a listener of this
     *                        participant's (diagnosis): [press timeOrigin+timeStamp, press at handler, key timeOrigin+
     *                        timeStamp, key at handler], epoch ms; empty when they could not be read
     * @param clockGap        the candidate page's clock minus the panel page's, or null when it could not be measured
     */
    public record Trial(UUID attemptId, String task, double[] planned, Dispatch start, Dispatch press, Dispatch key,
                        Dispatch done, double panelStart, double panelDone, double[] eventStamps, ClockGap clockGap) {}

    private final Browsers.Session panelBrowser;
    private final IntFunction<double[]> intervals;
    private final BlockingQueue<Performer.Timed> started = new LinkedBlockingQueue<>();
    private final List<Trial> trials = Collections.synchronizedList(new ArrayList<>());
    private Cdp panelCdp;
    private Thread thread;
    private volatile Throwable failure;

    /** @param intervals the three intervals (ms) to inject in the n-th task this participant takes (0-based) */
    public TimingParticipant(IntFunction<double[]> intervals) {
        this.intervals = intervals;
        this.panelBrowser = Browsers.start(BrowserSettings.local());
    }

    /**
     * The suite with its tasks' checks left out (and a 120 s time limit): this participant does not do the tasks, and
     * the checks, run after the clock has stopped, would only retry their unmet criteria until their timeouts.
     */
    public static bedside.scenarios.Suite withoutChecks(bedside.scenarios.Suite s) {
        List<bedside.scenarios.Task> tasks = s.tasks().stream().map(t -> new bedside.scenarios.Task(t.id(), t.title(),
                t.capability(), t.instruction(), t.dataSet(), t.parameters(), t.criticality(), t.frequency(),
                t.timeSpecSeconds(), 120, List.of(), List.of(), t.at())).toList();
        return new bedside.scenarios.Suite(s.id(), s.title(), s.version(), s.description(), s.candidates(),
                s.defaultDataSet(), s.order(), s.dataSets(), tasks, s.bindings(), s.source(), s.contentHash());
    }

    /** The session runner that tells this participant when the candidate's window is ready. */
    public SessionRunner runner(TaskRunner tasks, ResultsDestination destination, Path journals, SessionPanel panel) {
        return new SessionRunner(tasks, destination, journals, panel, this);
    }

    /** What it did so far, task by task. */
    public List<Trial> trials() {
        synchronized (trials) {
            return List.copyOf(trials);
        }
    }

    @Override
    public void started(SessionPanel.TaskView task, Performer.Timed timed) {
        started.add(timed);
    }

    /** Opens the panel (a new session's) and works through the session on a thread of its own. */
    public void begin(SessionPanel panel) {
        failure = null;
        started.clear();
        thread = new Thread(() -> {
            try {
                take(panel.url());
            } catch (Throwable t) {
                failure = t;
                panel.end("the timing participant failed: " + t);
            }
        }, "timing-participant");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the participant to reach the panel's last screen; rethrows what went wrong. */
    public void finish() throws Throwable {
        thread.join(TimeUnit.MINUTES.toMillis(30));
        if (failure != null) {
            throw failure;
        }
    }

    private void take(String panelUrl) throws Exception {
        WebDriver panel = panelBrowser.driver();
        panel.get(panelUrl);
        if (panelCdp == null) {
            panelCdp = Cdp.of(panel);
        }
        String lastVersion = "";
        Dispatch start = null;
        while (true) {
            String[] now = awaitScreenAfter(panel, lastVersion);
            lastVersion = now[1];
            if (Boolean.getBoolean("timing.trace")) {
                System.err.printf("%.3f screen %s%n", System.nanoTime() / 1e9, now[0]);
            }
            switch (now[0]) {
                case "consent" -> {
                    if (!panel.findElements(By.id("role")).isEmpty()) {
                        panel.findElement(By.id("role")).sendKeys("nurse");
                        panel.findElement(By.id("yearsInRole")).sendKeys("12");
                        panel.findElement(By.id("ehrExperienceYears")).sendKeys("9");
                        panel.findElement(By.id("ehrSystemsUsed")).sendKeys("none");
                        new org.openqa.selenium.support.ui.Select(panel.findElement(By.id("ageBand"))).selectByValue("40-49");
                        panel.findElement(By.id("assistiveTechnology")).sendKeys("none");
                    }
                    panel.findElement(By.id("consent")).click();
                    panel.findElement(By.id("continue")).click();
                }
                case "task" -> start = panelCdp.click(center(panel, "start"));
                case "running" -> trials.add(perform(panel, start));
                case "seq" -> {
                    panel.findElement(By.cssSelector("input[name='rating'][value='5']")).click();
                    panel.findElement(By.id("next")).click();
                }
                case "sus" -> {
                    for (int i = 1; i <= 10; i++) {
                        panel.findElement(By.cssSelector("input[name='sus" + i + "'][value='3']")).click();
                    }
                    panel.findElement(By.id("submit")).click();
                }
                case "end" -> {
                    return;
                }
                default -> { } // wait
            }
        }
    }

    private Trial perform(WebDriver panel, Dispatch start) throws Exception {
        Performer.Timed timed = started.poll(60, TimeUnit.SECONDS);
        if (timed == null) {
            throw new AssertionError("the candidate's window never came after Start");
        }
        double[] planned = intervals.apply(trials.size());
        trace("got window");
        WebDriver candidate = timed.driver();
        try (Cdp page = Cdp.of(candidate)) {
            // Untimed preparation, within the first interval: where to press, and a listener of our own that notes the
            // page's readings of the two inputs (timeOrigin + event.timeStamp, and the clock in the handler).
            trace("cdp");
            double[] spot = neutralSpot(candidate);
            trace("spot");
            page.evaluate("window.__timingStamps = [];"
                    + " for (const type of ['pointerdown', 'keydown']) addEventListener(type, e => { if (e.isTrusted)"
                    + "   window.__timingStamps.push(performance.timeOrigin + e.timeStamp,"
                    + "     performance.timeOrigin + performance.now()); }, true); 0");
            Dispatch press = at(start.sentNanos() + nanos(planned[0]), () -> page.mouse("mousePressed", spot));
            page.mouse("mouseReleased", spot);
            trace("pressed");
            Dispatch key = at(press.sentNanos() + nanos(planned[1]), () -> page.key("rawKeyDown"));
            page.key("keyUp");
            trace("key");
            // Untimed again, within the last interval: the two page clocks compared, Done's place on the panel.
            ClockGap gap = null;
            try {
                gap = gap(page, panelCdp);
            } catch (RuntimeException ignored) {
                // a diagnosis only
            }
            double[] stamps = page.numbers("window.__timingStamps");
            trace("gap");
            double[] doneAt = center(panel, "done");
            trace("done spot");
            Dispatch done = at(key.sentNanos() + nanos(planned[2]), () -> panelCdp.click(doneAt));
            return new Trial(timed.attemptId(), timed.task().id(), planned, start, press, key, done,
                    stamp(panel, "start"), stamp(panel, "done"), stamps, gap);
        }
    }

    private static void trace(String what) {
        if (Boolean.getBoolean("timing.trace")) {
            System.err.printf("%.3f %s%n", System.nanoTime() / 1e9, what);
        }
    }

    private static long nanos(double ms) {
        return Math.round(ms * 1e6);
    }

    private interface Input {
        Dispatch send();
    }

    /** Waits until {@code instant} on the JVM's monotonic clock (sleeps, then spins the last 2 ms), then sends. */
    private static Dispatch at(long instant, Input input) throws InterruptedException {
        long left;
        while ((left = instant - System.nanoTime()) > 3_000_000) {
            Thread.sleep((left - 2_000_000) / 1_000_000);
        }
        while (System.nanoTime() < instant) {
            Thread.onSpinWait();
        }
        return input.send();
    }

    /** The candidate page's clock minus the panel page's at one JVM instant, each read by DevTools. */
    private static ClockGap gap(Cdp candidate, Cdp panel) {
        String clock = "performance.timeOrigin + performance.now()";
        long c0 = System.nanoTime();
        double c = candidate.number(clock);
        long c1 = System.nanoTime();
        double p = panel.number(clock);
        long p1 = System.nanoTime();
        // The panel's reading, moved to the candidate reading's JVM instant along the JVM's clock.
        double pAtC = p - ((c1 + p1) / 2.0 - (c0 + c1) / 2.0) / 1e6;
        return new ClockGap(c - pAtC, ((c1 - c0) + (p1 - c1)) / 2e6);
    }

    /** The middle of an element of the panel, in CSS pixels of its viewport. */
    private static double[] center(WebDriver panel, String id) {
        new WebDriverWait(panel, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(20))
                .until(d -> !d.findElements(By.id(id)).isEmpty());
        return point(((JavascriptExecutor) panel).executeScript("const r = document.getElementById('" + id
                + "').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];"));
    }

    /** A point on plain text of the candidate's page (a heading or a paragraph: nothing to act on). */
    private static double[] neutralSpot(WebDriver driver) {
        Object r = ((JavascriptExecutor) driver).executeScript(
                "for (const e of document.querySelectorAll('h1, h2, p')) {"
                        + " const r = e.getBoundingClientRect();"
                        + " if (r.width > 20 && r.height > 5 && r.top >= 0 && r.bottom <= innerHeight"
                        + "     && !e.closest('a,button,label,[role],[onclick],[tabindex]')"
                        + "     && getComputedStyle(e).cursor !== 'pointer') return [r.left + 3, r.top + r.height / 2]; }"
                        + " return null;");
        if (r == null) {
            throw new AssertionError("no plain text to press on at " + driver.getCurrentUrl());
        }
        return point(r);
    }

    private static double[] point(Object r) {
        List<?> l = (List<?>) r;
        return new double[] {((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue()};
    }

    /** The panel clock's reading the page sent with the press of a button. */
    private static double stamp(WebDriver panel, String button) {
        Object v = new WebDriverWait(panel, Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(10)).until(d ->
                ((JavascriptExecutor) d).executeScript("return window.__bedsideStamps && window.__bedsideStamps['" + button
                        + "'];"));
        return ((Number) v).doubleValue();
    }

    /** Waits until the panel shows a screen other than the one of {@code version}: its name and version. */
    private static String[] awaitScreenAfter(WebDriver panel, String version) {
        String[] seen = new String[2];
        new WebDriverWait(panel, Duration.ofSeconds(180)).pollingEvery(Duration.ofMillis(20)).until(d -> {
            Object r = ((JavascriptExecutor) d).executeScript("const s = document.getElementById('screen');"
                    + " return s && s.dataset.screen && s.dataset.screen !== 'wait' ? [s.dataset.screen, s.dataset.version] : null;");
            if (r instanceof List<?> l && !l.get(1).equals(version)) {
                List<WebElement> p = d.findElements(By.cssSelector(".problem"));
                if (!p.isEmpty()) {
                    throw new AssertionError("the panel refused an answer: " + p.get(0).getText());
                }
                seen[0] = (String) l.get(0);
                seen[1] = (String) l.get(1);
                return true;
            }
            return false;
        });
        return seen;
    }

    @Override
    public void close() {
        if (panelCdp != null) {
            panelCdp.close();
        }
        panelBrowser.close();
    }

    /**
     * The JVM's monotonic clock put on the epoch once (a wall-clock reading with microseconds, taken between two
     * monotonic readings). Only intervals between stamps count, and those are the monotonic clock's exactly; the
     * offset just puts the stamps within the browser's idea of now.
     */
    record Epoch(long nanos, double epochMs) {
        static Epoch now() {
            long a = System.nanoTime();
            java.time.Instant i = java.time.Instant.now();
            long b = System.nanoTime();
            return new Epoch((a + b) / 2, i.getEpochSecond() * 1e3 + i.getNano() / 1e6);
        }

        double seconds(long nanoTime) {
            return (epochMs + (nanoTime - nanos) / 1e6) / 1e3;
        }
    }

    static final Epoch EPOCH = Epoch.now();

    /** A DevTools connection of our own to a browser, attached to the driver's current page. */
    static final class Cdp implements AutoCloseable {
        private static final Duration WAIT = Duration.ofSeconds(10);
        private final Connection connection;
        private final SessionID session;

        private Cdp(Connection connection, SessionID session) {
            this.connection = connection;
            this.session = session;
        }

        static Cdp of(WebDriver driver) {
            Connection c = SeleniumCdpConnection.create(driver).orElseThrow(() -> new IllegalStateException("no DevTools"));
            // chromedriver's window handle is the page's DevTools target id.
            Map<String, Object> r = c.sendAndWait(null, new Command<Map<String, Object>>("Target.attachToTarget",
                    Map.of("targetId", driver.getWindowHandle(), "flatten", true), in -> in.read(Json.MAP_TYPE)), WAIT);
            return new Cdp(c, new SessionID(String.valueOf(r.get("sessionId"))));
        }

        /**
         * Sends an input stamped with the instant it is sent: {@code timestamp} (epoch seconds) is the JVM's monotonic
         * clock read just before sending, put on the epoch by one reading of the wall clock ({@link #EPOCH}).
         */
        Dispatch send(String method, Map<String, Object> params) {
            Map<String, Object> stamped = new java.util.HashMap<>(params);
            long t0 = System.nanoTime();
            stamped.put("timestamp", EPOCH.seconds(t0));
            connection.sendAndWait(session, new Command<Void>(method, stamped), WAIT);
            return new Dispatch(t0, System.nanoTime());
        }

        Dispatch mouse(String type, double[] at) {
            return send("Input.dispatchMouseEvent", Map.of("type", type, "x", at[0], "y", at[1], "button", "left",
                    "buttons", type.equals("mousePressed") ? 1 : 0, "clickCount", 1));
        }

        /** A press and release; what counts is the release (the click). */
        Dispatch click(double[] at) {
            mouse("mousePressed", at);
            return mouse("mouseReleased", at);
        }

        Dispatch key(String type) {
            return send("Input.dispatchKeyEvent", Map.of("type", type, "key", "Shift", "code", "ShiftLeft",
                    "windowsVirtualKeyCode", 16, "modifiers", type.equals("keyUp") ? 0 : 8));
        }

        void evaluate(String expression) {
            connection.sendAndWait(session, new Command<Void>("Runtime.evaluate", Map.of("expression", expression)), WAIT);
        }

        @SuppressWarnings("unchecked")
        private Object value(String expression) {
            Map<String, Object> r = connection.sendAndWait(session, new Command<Map<String, Object>>("Runtime.evaluate",
                    Map.of("expression", expression, "returnByValue", true), in -> in.read(Json.MAP_TYPE)), WAIT);
            return ((Map<String, Object>) r.get("result")).get("value");
        }

        double number(String expression) {
            return ((Number) value(expression)).doubleValue();
        }

        double[] numbers(String expression) {
            Object v = value(expression);
            if (!(v instanceof List<?> l)) {
                return new double[0];
            }
            return l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (RuntimeException ignored) {
                // the browser is gone
            }
        }
    }
}
