package bedside.harness.session;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.Performer;
import bedside.harness.run.TaskRunner;
import bedside.scenarios.Suite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test-only participant: it takes a session through the task panel in its own browser — consent and details,
 * Start, a given way through each task on the candidate, Done or Give up, the SEQ, the SUS — and writes down what it
 * did (the panel's clock readings of Start and Done, the clicks it made) so the test can compare the stored session
 * with it exactly.
 */
final class ScriptedParticipant implements ParticipantWatcher, AutoCloseable {
    /** A way through a task. */
    enum Way {
        /** The binding's expert path, then Done. */
        EXPERT,
        /** One click on nothing actionable, a detour to another screen and back, then the expert path, then Done. */
        DETOUR,
        /** One click on nothing actionable, then Give up. */
        GIVE_UP,
        /** Done at once, without doing the task. */
        WRONG
    }

    /** What the participant did on one task. */
    record Did(String candidate, String task, Way way, double start, double stop, int seq, String comment, int misclicks) {}

    private final Suite suite;
    private final Map<String, CandidateTarget> candidates;
    private final Map<String, Way> ways;
    private final Map<String, Integer> seq;
    private final List<Integer> sus;
    private final long waitBeforeDoneMillis;
    private final Browsers.Session panelBrowser;
    private final BlockingQueue<Performer.Timed> started = new LinkedBlockingQueue<>();
    final List<Did> did = new ArrayList<>();
    final Map<String, String> consentGiven = new ConcurrentHashMap<>();
    private Thread thread;
    private volatile Throwable failure;
    /** Markers an observer puts on a task while the participant works on it: by "candidate/task", {kind, note}. */
    private Map<String, List<String[]>> marks = Map.of();
    private String observerUrl;
    final List<String> markAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** While working on these tasks, an observer marks them on the observer's page (through its HTTP endpoint). */
    ScriptedParticipant observedBy(String observerUrl, Map<String, List<String[]>> marks) {
        this.observerUrl = observerUrl;
        this.marks = marks;
        return this;
    }

    /**
     * @param ways by "candidate/task"; @param seq the SEQ rating to give, by "candidate/task"
     */
    ScriptedParticipant(Suite suite, List<CandidateTarget> candidates, Map<String, Way> ways, Map<String, Integer> seq,
                        List<Integer> sus, long waitBeforeDoneMillis) {
        this.suite = suite;
        this.candidates = new java.util.HashMap<>();
        candidates.forEach(c -> this.candidates.put(c.id(), c));
        this.ways = ways;
        this.seq = seq;
        this.sus = sus;
        this.waitBeforeDoneMillis = waitBeforeDoneMillis;
        this.panelBrowser = Browsers.start(BrowserSettings.local());
    }

    @Override
    public void started(SessionPanel.TaskView task, Performer.Timed timed) {
        started.add(timed);
    }

    /** Opens the panel and works through the session on a thread of its own. */
    void begin(SessionPanel panel) {
        thread = new Thread(() -> {
            try {
                take(panel.url());
            } catch (Throwable t) {
                failure = t;
                screenshot();
                panel.end("the scripted participant failed: " + t);
            }
        }, "scripted-participant");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the participant to reach the panel's last screen; rethrows what went wrong. */
    void finish() throws Throwable {
        thread.join(TimeUnit.MINUTES.toMillis(5));
        if (failure != null) {
            throw failure;
        }
    }

    private void take(String panelUrl) throws Exception {
        WebDriver panel = panelBrowser.driver();
        panel.get(panelUrl);
        String lastVersion = "";
        String candidate = null;
        while (true) {
            String[] now = awaitScreenAfter(panel, lastVersion);
            String screen = now[0];
            lastVersion = now[1];
            switch (screen) {
                case "consent" -> {
                    if (!panel.findElements(By.id("role")).isEmpty()) {
                        panel.findElement(By.id("role")).sendKeys("nurse");
                        panel.findElement(By.id("yearsInRole")).sendKeys("12");
                        panel.findElement(By.id("ehrExperienceYears")).sendKeys("9");
                        panel.findElement(By.id("ehrSystemsUsed")).sendKeys("EMIS Web, SystmOne");
                        new org.openqa.selenium.support.ui.Select(panel.findElement(By.id("ageBand"))).selectByValue("40-49");
                        panel.findElement(By.id("assistiveTechnology")).sendKeys("none");
                        consentGiven.put("details", "yes");
                    }
                    panel.findElement(By.id("consent")).click();
                    panel.findElement(By.id("continue")).click();
                }
                case "task" -> panel.findElement(By.id("start")).click();
                case "running" -> {
                    Performer.Timed timed = started.poll(60, TimeUnit.SECONDS);
                    if (timed == null) {
                        throw new AssertionError("the candidate's window never came after Start");
                    }
                    String task = timed.task().id();
                    candidate = candidateOf(timed);
                    Way way = ways.getOrDefault(candidate + "/" + task, Way.EXPERT);
                    int misclicks = act(timed, candidate, way);
                    for (String[] m : marks.getOrDefault(candidate + "/" + task, List.of())) {
                        markAnswers.add(observe(m[0], m[1]));
                    }
                    Thread.sleep(waitBeforeDoneMillis);
                    panel.findElement(By.id(way == Way.GIVE_UP ? "give-up" : "done")).click();
                    double start = stamp(panel, "start");
                    double stop = stamp(panel, way == Way.GIVE_UP ? "give-up" : "done");
                    did.add(new Did(candidate, task, way, start, stop, seq.getOrDefault(candidate + "/" + task, 5),
                            "comment on " + task, misclicks));
                }
                case "seq" -> {
                    Did last = did.get(did.size() - 1);
                    panel.findElement(By.cssSelector("input[name='rating'][value='" + last.seq() + "']")).click();
                    panel.findElement(By.id("comment")).sendKeys(last.comment());
                    panel.findElement(By.id("next")).click();
                }
                case "sus" -> {
                    for (int i = 0; i < sus.size(); i++) {
                        panel.findElement(By.cssSelector("input[name='sus" + (i + 1) + "'][value='" + sus.get(i) + "']")).click();
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

    /** Does the task the given way in the candidate's window; returns how many clicks on nothing it made. */
    private int act(Performer.Timed timed, String candidate, Way way) throws Exception {
        WebDriver driver = timed.driver();
        CandidateTarget target = candidates.get(candidate);
        int misclicks = 0;
        if (way == Way.DETOUR || way == Way.GIVE_UP) {
            clickOnNothing(driver);
            misclicks++;
        }
        if (way == Way.DETOUR) {
            String here = driver.getCurrentUrl();
            driver.get(target.baseUrl() + (candidate.equals("legacy") ? "/help/about.do" : "/"));
            driver.get(here);
        }
        if (way == Way.EXPERT || way == Way.DETOUR) {
            TaskRunner.performSteps(driver, suite, timed.task(), target, false);
        }
        return misclicks;
    }

    private String observe(String kind, String note) throws Exception {
        String body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("kind", kind)
                .put("note", note).toString();
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(observerUrl + "marker")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() + " " + kind;
    }

    /** A press on a heading or paragraph: text, nothing to act on. */
    private static void clickOnNothing(WebDriver driver) {
        WebElement text = (WebElement) ((JavascriptExecutor) driver).executeScript(
                "for (const e of document.querySelectorAll('h1, h2, p')) {"
                        + " const r = e.getBoundingClientRect();"
                        + " if (r.width > 20 && r.height > 5 && !e.closest('a,button,label,[role],[onclick],[tabindex]')"
                        + "     && getComputedStyle(e).cursor !== 'pointer') return e; }"
                        + " return null;");
        if (text == null) {
            throw new AssertionError("no text to click on at " + driver.getCurrentUrl());
        }
        new Actions(driver).moveToElement(text, 1 - text.getRect().getWidth() / 2 + 2, 0).click().perform();
    }

    private String candidateOf(Performer.Timed timed) {
        String url = timed.driver().getCurrentUrl();
        return candidates.values().stream().filter(c -> url.startsWith(c.baseUrl().toString())).map(CandidateTarget::id)
                .findFirst().orElseThrow(() -> new AssertionError("no candidate serves " + url));
    }

    /** The panel clock's reading the page sent with the press of a button. */
    private static double stamp(WebDriver panel, String button) {
        Object v = ((JavascriptExecutor) panel).executeScript("return window.__bedsideStamps && window.__bedsideStamps['"
                + button + "'];");
        if (v == null) {
            throw new AssertionError("the panel did not note when " + button + " was pressed");
        }
        return ((Number) v).doubleValue();
    }

    /** Waits until the panel shows a screen other than the one of {@code version}: its name and version. */
    private static String[] awaitScreenAfter(WebDriver panel, String version) {
        String[] seen = new String[2];
        new WebDriverWait(panel, Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(50)).until(d -> {
            Object r = ((JavascriptExecutor) d).executeScript("const s = document.getElementById('screen');"
                    + " return s && s.dataset.screen && s.dataset.screen !== 'wait' ? [s.dataset.screen, s.dataset.version] : null;");
            if (r instanceof List<?> l && !l.get(1).equals(version) && !hasProblem(d)) {
                seen[0] = (String) l.get(0);
                seen[1] = (String) l.get(1);
                return true;
            }
            return false;
        });
        return seen;
    }

    private static boolean hasProblem(WebDriver d) {
        List<WebElement> p = d.findElements(By.cssSelector(".problem"));
        if (!p.isEmpty()) {
            throw new AssertionError("the panel refused an answer: " + p.get(0).getText());
        }
        return false;
    }

    /** What the panel showed when the participant failed, for the test's output. */
    private void screenshot() {
        try {
            java.nio.file.Path f = java.nio.file.Path.of("target", "scripted-participant-failure.png");
            java.nio.file.Files.write(f, ((org.openqa.selenium.TakesScreenshot) panelBrowser.driver())
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            System.out.println("The panel when the scripted participant failed: " + f.toAbsolutePath());
        } catch (Exception | AssertionError ignored) {
            // the failure itself is what the test reports
        }
    }

    @Override
    public void close() {
        panelBrowser.close();
    }
}
