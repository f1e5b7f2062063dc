package bedside.harness.run;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.results.EventRecord;
import bedside.results.server.ReplayAssets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The accessibility audit of the screens an attempt reached, rebuilt from its DOM replay after its clock stopped: a
 * participant's (in a study planned with {@code --audit-sessions}), a detour the expert path never takes included, and
 * a scripted path's ({@code bedside run --a11y}, the demo). Nothing runs in the attempt's browser and nothing is done
 * again. Each screen (a new page, a new route of a single-page app, a dialog) is rebuilt as it stood when it was first
 * acted on ({@link #seen}), in rrweb's replayer in a browser of the audit's own, and audited there with axe-core
 * ({@link AccessibilityAudit}).
 *
 * <p>What the rebuild cannot show is said here rather than guessed: the replay masks every input's value and the
 * binding's patient data (so the audit sees asterisks, with the same styles), scripts do not run in it, and a
 * screen's fonts and images still come from the candidate's address.
 */
final class ReplayAudit {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The rebuilt screen's frame: rrweb's replayer in the player, at the size the screen was recorded. */
    private static final By FRAME = By.cssSelector(".replayer-wrapper iframe");

    private ReplayAudit() {
    }

    /**
     * A screen the attempt reached: when (epoch ms), its address, until when it stayed (epoch ms), tMs of when, and
     * whether it came as a new page (then the replay's own snapshot of that page says when it was shown).
     */
    record Visit(long at, String url, long until, double tMs, boolean load) {
    }

    /** A timed step of a path done, and when (epoch ms, the JVM's clock). */
    record StepDone(String number, long at) {
    }

    /** Where a participant's screen was reached, for the reports: the time into the task, no participant's code. */
    static final java.util.function.Function<Visit, String> PARTICIPANT_TIME = v -> String.format(Locale.ROOT, "%s%.1f s",
            bedside.reports.documents.Accessibility.PARTICIPANT, Math.max(0, v.tMs) / 1000);

    /**
     * Where a path's screen was reached, as a path's own audit says it: the step whose doing brought it (the first step
     * done when or after it came), or {@code start} for the screen the clock started on.
     */
    static java.util.function.Function<Visit, String> afterStep(List<StepDone> steps) {
        return v -> {
            if (v.tMs <= 0 || steps.isEmpty()) return "start";
            for (StepDone s : steps) {
                if (s.at >= v.at) return s.number;
            }
            return steps.get(steps.size() - 1).number;
        };
    }

    /**
     * The audit's events, after the attempt's own; none when the attempt has no replay or every screen it reached was
     * audited already in this run.
     *
     * @param audited the screens of each candidate audited so far in this run ("candidate\0screen")
     * @param reached where each screen was reached, for the reports ({@link #afterStep}, {@link #PARTICIPANT_TIME})
     */
    static List<EventRecord> events(BrowserSettings browser, AttemptResult done, CandidateTarget candidate,
                                    double atMs, Set<String> audited, java.util.function.Function<Visit, String> reached) {
        if (done.replay() == null) {
            return List.of();
        }
        UUID id = done.attempt().attemptId();
        long seq = done.events().stream().mapToLong(EventRecord::seq).max().orElse(-1) + 1;
        double t = Double.isFinite(atMs) ? Math.max(0, atMs) : 0;
        String text = new String(done.replay().json(), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode events;
        try {
            events = JSON.readTree(text);
        } catch (java.io.IOException e) {
            return AuditPass.events(id, seq, t, List.of(), "the replay could not be read: " + e.getMessage(), "replay");
        }
        long last = events.size() == 0 ? 0 : events.get(events.size() - 1).path("timestamp").asLong();
        List<Visit> visits = visits(done.attempt().startedAt().toEpochMilli(), done.events(), last);
        if (visits.stream().allMatch(v -> audited.contains(candidate.id() + "\u0000" + AccessibilityAudit.screenOf(v.url)))
                && done.events().stream().noneMatch(e -> e.type().equals("dialog-open"))) {
            return List.of();
        }
        List<AccessibilityAudit.Screen> screens = new ArrayList<>();
        String problem = screens(browser, text, events, visits, candidate, screens, audited, reached);
        return AuditPass.events(id, seq, t, screens, problem, "replay");
    }

    /**
     * The screens the attempt's events say it reached, in order: the screen its clock started on, then each top-level
     * page, route and in-page dialog after that, from when it came until just before the next one (the last until the
     * replay ends).
     *
     * @param zero the attempt's clock start (epoch ms): events' {@code tMs} count from it
     */
    static List<Visit> visits(long zero, List<EventRecord> events, long end) {
        List<EventRecord> came = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        String current = null;
        for (EventRecord e : events) {
            JsonNode d = data(e);
            String phase = d.path("phase").asText("");
            if (phase.equals("after") || phase.equals("audit") || !d.path("top").asBoolean(true)) {
                continue;
            }
            String url = switch (e.type()) {
                case "page-start" -> e.page();
                case "route" -> d.path("to").asText(e.page());
                case "dialog-open" -> "modal".equals(d.path("kind").asText()) ? current : null;
                default -> null;
            };
            if (url == null || !(url.startsWith("http:") || url.startsWith("https:"))) {
                continue; // the browser's own pages are not the candidate's and are never replayed
            }
            current = url;
            if (e.tMs() <= 0 && !came.isEmpty() && came.get(came.size() - 1).tMs() <= 0) {
                came.remove(came.size() - 1); // the setup's screens (a sign-in) are not the task's: only the start screen
                urls.remove(urls.size() - 1);
            }
            came.add(e);
            urls.add(url);
        }
        List<Visit> out = new ArrayList<>();
        for (int i = 0; i < came.size(); i++) {
            long at = zero + Math.round(came.get(i).tMs());
            long until = i + 1 < came.size() ? zero + Math.round(came.get(i + 1).tMs()) - 1 : end;
            out.add(new Visit(at, urls.get(i), Math.max(at, until), came.get(i).tMs(),
                    came.get(i).type().equals("page-start")));
        }
        return out;
    }

    /** @param text the replay's events as stored (given to the replayer as they are), {@code events} the same read */
    private static String screens(BrowserSettings browser, String text, JsonNode events, List<Visit> visits,
                                  CandidateTarget candidate, List<AccessibilityAudit.Screen> screens,
                                  Set<String> audited, java.util.function.Function<Visit, String> reached) {
        long first = events.size() == 0 ? 0 : events.get(0).path("timestamp").asLong();
        int width = 1280;
        int height = 800;
        for (JsonNode e : events) {
            if (e.path("type").asInt() == 4) { // Meta: the recorded window's size
                width = Math.max(320, Math.min(3840, e.path("data").path("width").asInt(width)));
                height = Math.max(240, Math.min(2160, e.path("data").path("height").asInt(height)));
                break;
            }
        }
        Browsers.Session session;
        try {
            session = Browsers.start(browser.windowless());
        } catch (RuntimeException e) {
            return "the browser did not start: " + StepRunner.firstLine(e);
        }
        try (session) {
            WebDriver driver = session.driver();
            driver.manage().window().setSize(new Dimension(width, height + 200));
            driver.get("about:blank");
            Object problem = ((JavascriptExecutor) driver).executeScript(REBUILD,
                    ReplayAssets.playerJs(), ReplayAssets.playerCss(), text, width, height);
            if (problem != null) {
                return "the replay could not be rebuilt: " + problem;
            }
            List<Long> acts = interactions(events);
            java.util.Set<String> unseen = new java.util.LinkedHashSet<>();
            for (Visit v : shownScreens(visits, events, unseen)) {
                String page = AccessibilityAudit.screenOf(v.url);
                Object shown = ((JavascriptExecutor) driver).executeScript(
                        "try { window.__bedsideReplayer.pause(arguments[0]); return null; }"
                                + " catch (e) { return String(e && e.message || e); }", Math.max(0, seen(v, acts) - first));
                if (shown != null) {
                    return "the screen " + page + " could not be rebuilt: " + shown;
                }
                org.openqa.selenium.WebElement frame = driver.findElement(FRAME);
                org.openqa.selenium.Rectangle shownAt = frame.getRect();
                driver.switchTo().frame(frame);
                try {
                    String screen = page + AccessibilityAudit.dialogOf(driver);
                    if (audited.add(candidate.id() + "\u0000" + screen)) {
                        settle(driver);
                        screens.add(AccessibilityAudit.audit(driver, screen, reached.apply(v),
                                () -> Camera.view(driver, shownAt)));
                    }
                } finally {
                    driver.switchTo().defaultContent();
                }
            }
            unseen.removeIf(page -> audited.contains(candidate.id() + "\u0000" + page));
            return unseen.isEmpty() ? null : "not audited: the replay holds no snapshot of "
                    + String.join(", ", unseen) + " (left before it was shown, or its replay events were lost)";
        } catch (RuntimeException e) {
            return "the audit of the replay stopped: " + StepRunner.firstLine(e);
        }
    }

    /**
     * The screens to audit, each from when the replay shows it ({@link #shown}), in order; the pages the replay holds no
     * snapshot of are added to {@code unseen} instead (never audited as whatever the replay showed before them).
     *
     * <p>A page first shown with a later screen of its document (it opened a dialog or changed its route before rrweb's
     * snapshot at its load) is audited as that screen, and nothing of that document is shown before its snapshot: a
     * screen that came before the snapshot is taken from the snapshot on, and one that was also left before it (a
     * participant who answered the dialog before the page had loaded) is shown with the screen after it.
     */
    static List<Visit> shownScreens(List<Visit> visits, JsonNode events, java.util.Set<String> unseen) {
        List<Visit> out = new ArrayList<>();
        long snapshot = Long.MIN_VALUE; // of a page first shown later: nothing of its document is shown before it
        for (int i = 0; i < visits.size(); i++) {
            Visit v = visits.get(i);
            Visit shown = shown(v, events, documentUntil(visits, i));
            if (shown == null) {
                unseen.add(AccessibilityAudit.screenOf(v.url));
            } else if (shown.load && shown.at > shown.until) {
                snapshot = shown.at; // first shown later: audited as the screen of its document shown then
            } else if (shown.until >= snapshot) {
                out.add(shown.at >= snapshot ? shown : new Visit(snapshot, shown.url, shown.until, shown.tMs, shown.load));
            }
        }
        return out;
    }

    /**
     * The visit from when the replay shows it: a new page from the replay's own snapshot of it (its Meta event with the
     * page's address, then the snapshot), not from the recorder's page-start, which comes as the old page is left, while
     * the replay still shows the old page (on a loaded machine the click that left it can come after); null when the
     * replay holds no snapshot of that page before the screen was left. Another visit as it is.
     *
     * <p>{@code documentUntil}: until when the page's document lasts, its dialogs and routes included. A page that
     * opened a dialog or changed its route before rrweb took its snapshot (rrweb takes it at the page's load; a page may
     * open a modal while it loads) is first shown with that next screen: it is returned from its snapshot on, with its
     * own end, before that ({@code at > until}); {@link #shownScreens} audits it as the screen shown then.
     */
    static Visit shown(Visit v, JsonNode events, long documentUntil) {
        if (!v.load) {
            return v;
        }
        String screen = AccessibilityAudit.screenOf(v.url);
        long slack = 2_000; // the recorder's and the replay's clocks are the page's, read at different moments
        for (int i = 0; i + 1 < events.size(); i++) {
            JsonNode meta = events.get(i);
            long at = meta.path("timestamp").asLong();
            if (meta.path("type").asInt() != 4 || at < v.at - slack || at > Math.max(v.until, documentUntil)) continue;
            if (!AccessibilityAudit.screenOf(meta.path("data").path("href").asText("")).equals(screen)) continue;
            for (int j = i + 1; j < events.size(); j++) {
                JsonNode e = events.get(j);
                if (e.path("type").asInt() == 2) {
                    long snapshot = e.path("timestamp").asLong();
                    return new Visit(snapshot, v.url, at > v.until ? v.until : Math.max(snapshot, v.until), v.tMs, true);
                }
                if (e.path("type").asInt() == 4) break;
            }
        }
        return null;
    }

    /** Until when the document of visit {@code i} lasts: through the dialogs and routes after it, to the next page. */
    static long documentUntil(List<Visit> visits, int i) {
        int last = i;
        while (last + 1 < visits.size() && !visits.get(last + 1).load) {
            last++;
        }
        return visits.get(last).until;
    }

    /**
     * When a screen is audited (epoch ms): as it stood just before the participant first acted on it (a press or a
     * click, or typing), its own loading done, as a path's screen is audited once it settles after the step that
     * reached it; a screen left without being acted on, as it was just before the next one came. It is the time to pause
     * rrweb's replayer at, which shows the events strictly before it: a pause at the snapshot's own millisecond would
     * not show the snapshot (rrweb-player 2.1.6), and an act can come a millisecond after it.
     */
    static long seen(Visit v, List<Long> interactions) {
        for (long at : interactions) {
            if (at > v.at && at <= v.until) {
                return at;
            }
        }
        return Math.max(v.until, v.at + 1);
    }

    /** The times (epoch ms, in order) of the replay's presses, clicks, touches and typing. */
    static List<Long> interactions(JsonNode events) {
        List<Long> out = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.path("type").asInt() != 3) continue; // incremental snapshots only
            int source = e.path("data").path("source").asInt(-1);
            int kind = e.path("data").path("type").asInt(-1);
            // rrweb's MouseInteraction (2): MouseDown 1, Click 2, TouchStart 7; its Input (5)
            if (source == 2 && (kind == 1 || kind == 2 || kind == 7) || source == 5) {
                out.add(e.path("timestamp").asLong());
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * Waits (3 s at most) for the rebuilt screen's style sheets to load and its transitions and animations to end. A
     * style sheet the page had not loaded when rrweb took its snapshot is kept as a link to the candidate, so the
     * rebuilt screen loads it again (without it, contrast and scrolling cannot be judged); and the rebuild inserts the
     * screen's nodes at once, so a dialog fading in starts fading again, and its text would be audited half transparent.
     */
    private static void settle(WebDriver driver) {
        try {
            ((JavascriptExecutor) driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const until = performance.now() + 3000;
                    const tick = () => {
                      const sheets = [...document.querySelectorAll('link[rel~="stylesheet"]')].filter((l) => !l.sheet);
                      const running = document.getAnimations ? document.getAnimations().filter((a) => a.playState === 'running') : [];
                      if (!sheets.length && !running.length || performance.now() > until) done(); else setTimeout(tick, 50);
                    };
                    tick();
                    """);
        } catch (RuntimeException e) {
            // audited as it is
        }
    }

    private static JsonNode data(EventRecord e) {
        try {
            return JSON.readTree(e.json());
        } catch (java.io.IOException | RuntimeException unreadable) {
            return JSON.createObjectNode();
        }
    }

    /**
     * Puts rrweb's replayer into the blank page at the recorded size (scale 1, no controls) with the replay's events.
     * Scripts are allowed in its frame only so that axe-core can run there: the rebuilt page holds none of the
     * candidate's (rrweb records a script element without its code), and this browser is the audit's alone.
     */
    private static final String REBUILD = """
            const [js, css, eventsJson, width, height] = arguments;
            try {
              (0, eval)(js);
              const style = document.createElement('style');
              style.textContent = css + ' body { margin: 0; }';
              document.head.append(style);
              const events = JSON.parse(eventsJson);
              if (!events.length) return 'it holds no events';
              const Player = window.rrwebPlayer.Player || window.rrwebPlayer.default || window.rrwebPlayer;
              const target = document.createElement('div');
              document.body.append(target);
              const player = new Player({ target, props: { events, width, height, autoPlay: false,
                showController: false, mouseTail: false, skipInactive: false, UNSAFE_replayCanvas: true } });
              window.__bedsideReplayer = player.getReplayer();
              return null;
            } catch (e) {
              return String(e && e.message || e);
            }
            """;
}
