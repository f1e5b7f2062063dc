package bedside.harness.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.NoSuchWindowException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/**
 * Attaches the in-page recorder to a browser session: a script that runs in every document (new pages, reloads, tabs,
 * frames) before the page's own scripts, streaming events back as they happen ({@link CdpChannel}). Nothing is counted
 * by the script that drives the browser.
 */
public final class Recorder implements AutoCloseable {
    static final String CHANNEL = "bedside-recorder";
    private static final String SOURCE = load();
    /** What replay.js sends starts so; the recorder's own messages start with {@code {"doc":}. */
    static final String REPLAY_MESSAGE = "{\"replay\":1";
    private static final String REPLAY_SOURCE = resource("/bedside/harness/replay.js");
    /** In a source that has replay.js (its first line). */
    private static final String REPLAY_MARK = "// Bedside's DOM replay of an attempt";
    /** rrweb's recorder, from npm at build time, mended (RrwebBundle); null in a build without it. */
    private static final String RRWEB_RECORD = RrwebBundle.SOURCE;

    private final WebDriver driver;
    private final CdpChannel channel;
    private final Recording recording = new Recording();
    private final ReplayCapture replay;

    /** When each document's last batch arrived (nanoTime): documents heard from lately are acknowledged. */
    private final Map<String, Long> lastArrival = new HashMap<>();
    private boolean arrived;
    static final long RECENT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private final ScheduledExecutorService acknowledger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bedside-recorder-acks");
        t.setDaemon(true);
        return t;
    });

    private Recorder(WebDriver driver, String source) {
        this(driver, source, TypedMask.NONE);
    }

    private Recorder(WebDriver driver, String source, TypedMask typed) {
        this.driver = driver;
        this.replay = new ReplayCapture(typed);
        if (!source.contains(REPLAY_MARK)) {
            replay.seal(); // no replay asked for: nothing to wait for, nothing to take
        }
        this.channel = new CdpChannel(driver, source, message -> {
            if (message.startsWith(REPLAY_MESSAGE)) {
                replay.accept(message);
                return;
            }
            String doc = recording.accept(message);
            if (doc != null) {
                synchronized (lastArrival) {
                    lastArrival.put(doc, System.nanoTime());
                    arrived = true;
                }
                if (message.contains("\"type\":\"window-close\"")) {
                    // The window waits for this before it closes (see recorder.js): acknowledge now.
                    acknowledger.execute(this::acknowledge);
                }
            }
        });
        acknowledger.scheduleWithFixedDelay(this::acknowledge, ACK_EVERY_MS, ACK_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts recording every document this browser opens from now on. */
    public static Recorder attach(WebDriver driver) {
        return new Recorder(driver, source(List.of(), List.of()));
    }

    /**
     * As {@link #attach(WebDriver)}, telling the recorder which on-page alerts are the candidate's warnings rather than
     * validation messages (the binding's {@code warnings}: CSS selectors).
     */
    public static Recorder attach(WebDriver driver, List<String> warnings) {
        return attach(driver, warnings, List.of());
    }

    /**
     * As {@link #attach(WebDriver, List)}, with the names of the elements inside the binding's {@code patientData} (CSS
     * selectors) masked in the page, as the replay masks their text: what is recorded of a click on a search result is
     * its role, never the patient's name.
     */
    public static Recorder attach(WebDriver driver, List<String> warnings, List<String> patientData) {
        return new Recorder(driver, source(warnings, List.of(), patientData));
    }

    /**
     * As {@link #attach(WebDriver, List)}, with a DOM replay of every top-level document (rrweb, {@link #replay()}):
     * every input's value masked, and the text of the elements matching {@code patientData} (the binding's CSS
     * selectors of patient data) masked too, in the page; and what the attempt types ({@code typed}) masked wherever
     * it shows up again, in the JVM as each event arrives.
     */
    public static Recorder attachWithReplay(WebDriver driver, List<String> warnings, List<String> patientData,
                                            TypedMask typed) {
        String recorder = source(warnings, List.of(), patientData);
        if (RRWEB_RECORD == null) {
            Recorder r = new Recorder(driver, recorder);
            r.replay.problem("the replay recorder (rrweb) is missing from this build of Bedside");
            return r;
        }
        return new Recorder(driver, withReplay(recorder, patientData), typed);
    }

    /**
     * The recorder's source followed by replay.js, each in its own guard: nothing the replay does can stop the
     * recorder. rrweb's bundle is evaluated in a function of its own, so the page never sees it as a global.
     */
    static String withReplay(String recorder, List<String> patientData) {
        try {
            return "(send) => {\n(" + recorder + "\n)(send);\ntry { (" + REPLAY_SOURCE + "\n)(send, () => {"
                    + " const module = { exports: {} }; const exports = module.exports;\n" + RRWEB_RECORD
                    + "\n; return module.exports; }, " + JSON.writeValueAsString(patientData)
                    + "); } catch (e) { /* the replay is noted as incomplete by the JVM */ }\n}";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * For {@code bedside record}: a recorder that also sends the values typed and chosen and what makes each element
     * findable again (test ids, labels, stable attributes, how many share its role and name), so the evaluator's
     * demonstration can be written as a binding. Never for a measured attempt.
     */
    public static Recorder attachDemonstration(WebDriver driver, List<String> warnings) {
        return new Recorder(driver, source(warnings, List.of()).replace("/*DEMONSTRATION*/false", "true"));
    }

    /**
     * For Bedside's own tests: a recorder whose named handlers fail (recorder.js: FAULTS; e.g. {@code build:click}
     * makes working out a click's details throw, {@code uncaught} throws outside every guard), to prove that its faults
     * are recorded as its own and lose no event.
     */
    static Recorder attachFailing(WebDriver driver, List<String> faults) {
        return new Recorder(driver, source(List.of(), faults));
    }

    /** The recorder's source with the warning selectors and injected faults written in (as JSON array literals). */
    static String source(List<String> warnings, List<String> faults) {
        return source(warnings, faults, List.of());
    }

    /** As above, with the patient data selectors whose elements' names are masked. */
    static String source(List<String> warnings, List<String> faults, List<String> patientData) {
        try {
            return SOURCE.replace("/*WARNINGS*/[]", JSON.writeValueAsString(warnings))
                    .replace("/*FAULTS*/[]", JSON.writeValueAsString(faults))
                    .replace("/*PATIENT_DATA*/[]", JSON.writeValueAsString(patientData));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public Recording recording() {
        return recording;
    }

    /** The DOM replay (empty, with no problem, when it was not asked for). */
    public ReplayCapture replay() {
        return replay;
    }

    /** How long the seal waits for a page still loading when the clock stopped (rrweb snapshots it at its load). */
    static final long PAGE_LOAD_WAIT_MILLIS = 5_000;

    /**
     * Asks the current document for the replay events it still holds (once it has loaded, {@link
     * #PAGE_LOAD_WAIT_MILLIS} at most), waits (at most {@code timeoutMillis}) until they are in, and takes no more: the
     * attempt's clock has stopped. Never fails: what could not be had is noted in the replay as a problem.
     */
    public void sealReplay(long timeoutMillis) {
        if (replay.sealed()) {
            return;
        }
        try {
            // A page the attempt ended by opening is waited for until it has loaded (5 s at most, after the clock
            // stopped), so that the replay holds the screen the attempt ended on: rrweb snapshots a page at its load.
            Object v = ((JavascriptExecutor) driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const until = Date.now() + arguments[0];
                    const answer = () => {
                      const r = window.__bedsideReplay;
                      if (!r) return done(null);
                      r.flush();
                      done([r.doc, r.sent()]);
                    };
                    const tick = () => document.readyState === 'complete' || Date.now() > until
                        ? setTimeout(answer, 0) : setTimeout(tick, 20);
                    tick();
                    """, PAGE_LOAD_WAIT_MILLIS);
            if (v instanceof List<?> answer && answer.size() == 2
                    && !replay.awaitFrom(String.valueOf(answer.get(0)), ((Number) answer.get(1)).longValue(),
                    timeoutMillis)) {
                replay.problem("the page's last replay events did not arrive within " + timeoutMillis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replay.problem("not waited for the page's last replay events: Bedside is stopping");
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            replay.problem("the page could not be asked for its last replay events ("
                    + m.lines().findFirst().orElse(m) + ")");
        } finally {
            replay.seal();
        }
    }

    static final long ACK_EVERY_MS = 250;

    private volatile boolean holdingAcknowledgements;

    /** For tests: acknowledge nothing from now on, so pages keep every batch as when their channel is not listened to. */
    void holdAcknowledgements() {
        holdingAcknowledgements = true;
    }

    /**
     * Tells the pages which batches the JVM now holds, so they stop keeping them for sending again (see recorder.js).
     */
    private void acknowledge() {
        if (holdingAcknowledgements) {
            return;
        }
        List<List<Object>> acks = new ArrayList<>();
        synchronized (lastArrival) {
            if (!arrived) {
                return;
            }
            arrived = false;
            // Every document heard from lately, told to every target: the tab's next document holds its predecessor's
            // last batches until they are acknowledged (see recorder.js), and a page passes them on to its frames.
            long now = System.nanoTime();
            lastArrival.values().removeIf(t -> now - t > RECENT_NANOS);
            for (String doc : lastArrival.keySet()) {
                long upTo = recording.contiguous(doc);
                if (upTo >= 0) {
                    acks.add(List.of(doc, upTo));
                }
            }
        }
        try {
            channel.everywhere("window.__bedsideRecorder && window.__bedsideRecorder.ack && window.__bedsideRecorder.ack("
                    + JSON.writeValueAsString(acks) + ")");
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException gone) {
            // the browser is going away; what was not acknowledged is taken by drain or sent again
        }
    }

    /** The browser's high-resolution clock now (epoch ms), the same clock the page events carry. */
    public double browserNow() {
        Object v = ((JavascriptExecutor) driver).executeScript("return performance.timeOrigin + performance.now();");
        return ((Number) v).doubleValue();
    }

    /**
     * Makes the current document send what it still holds and waits until the JVM has it, so an attempt's
     * record is complete before it is summarised. Returns false if the page could not be asked (a dialog is
     * open, the browser is gone) or did not deliver in time.
     *
     * <p>A task that ends by changing the page may be drained while its document is being replaced: the script then
     * finds no recorder yet, or its context is destroyed under it. The page is asked again (every
     * {@link #DRAIN_RETRY_MS} ms, within the timeout) until a document answers: the one that went left what it had not
     * had acknowledged to the next (recorder.js: outbox), which answers with it.
     */
    public boolean drain(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        while (true) {
            try {
                // What the page has not had acknowledged comes straight back with the answer: the current document's
                // last batch, and what it holds for the tab's previous document (sent again only after a second, see
                // recorder.js). The channel's copies, when they arrive, are dropped as copies.
                Object v = js.executeScript(
                        "const r = window.__bedsideRecorder; if (!r) return null; r.adopt && r.adopt(); r.flush && r.flush();"
                                + " return [r.doc, r.sent, r.pending ? r.pending() : []];");
                if (v instanceof List<?> answer && answer.size() == 3) {
                    String doc = String.valueOf(answer.get(0));
                    long sent = ((Number) answer.get(1)).longValue();
                    if (answer.get(2) instanceof List<?> messages) {
                        messages.forEach(m -> recording.accept(String.valueOf(m)));
                    }
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    return recording.awaitFrom(doc, sent, Math.max(1, left));
                }
                // No recorder in the document (yet): it is being replaced.
            } catch (UnhandledAlertException | NoAlertPresentException e) {
                return false; // a dialog is open: the page cannot be asked until it is answered
            } catch (NoSuchSessionException | NoSuchWindowException e) {
                return false; // the browser or its window is gone
            } catch (WebDriverException e) {
                if (gone(e)) {
                    return false;
                }
                // the document went while it was asked (a navigation): ask the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(DRAIN_RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static final long DRAIN_RETRY_MS = 25;

    /** Whether a WebDriver failure says the browser or its driver is gone (asking again would not help). */
    private static boolean gone(WebDriverException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("disconnected") || m.contains("not reachable") || m.contains("may have died")
                || m.contains("Connection refused") || m.contains("session deleted") || m.contains("invalid session id");
    }

    @Override
    public void close() {
        acknowledger.shutdownNow();
        channel.close();
    }

    private static String load() {
        String s = resource("/bedside/harness/recorder.js");
        if (s == null) {
            throw new IllegalStateException("recorder.js is missing from the harness jar");
        }
        return s;
    }

    /** A resource's text, or null when it is not on the class path. */
    private static String resource(String path) {
        try (InputStream in = Recorder.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
