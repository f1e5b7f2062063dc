package bedside.harness.session.simulation;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.harness.run.Pace;
import bedside.harness.run.Performer;
import bedside.harness.run.StepFailure;
import bedside.harness.session.ParticipantWatcher;
import bedside.harness.session.SessionPanel;
import bedside.harness.session.simulation.PanelModel.Hand;
import bedside.scenarios.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * A simulated participant: takes one participant's session through the task panel in a headless browser of its own,
 * as a person would — consent and details, Start, the task on the candidate, Done or Give up, the SEQ, the SUS — with
 * every decision the {@link PanelModel}'s: the binding's expert path done at the participant's pace (each KLM operator's
 * drawn time really waited), a press beside the target now and then (really pressed, in the candidate's page), giving
 * up before the time limit, and its answers.
 *
 * <p>It writes no outcome anywhere: the session stores what the panel's clock, the recorder and the binding's checks
 * say, exactly as for a person. It keeps what it did ({@link #did()}), so a test can compare the stored session with
 * it and draw the same plan again from the same seed.
 */
public final class SimulatedParticipant implements ParticipantWatcher, AutoCloseable {
    /** How long a participant looks for a step's target to show before doing the step anyway (the page is slow). */
    private static final long LOOK_MILLIS = 5000;
    /** How long one wait in the panel page for its next screen lasts before it is asked again. */
    private static final long PANEL_WAIT_MILLIS = 10_000;
    /** How long a screen may take to come (the candidate reset, the checks, another participant consenting). */
    private static final long PANEL_PATIENCE_MILLIS = TimeUnit.MINUTES.toMillis(10);
    /** The steps done with the pointer on a target, which a press may miss. */
    private static final List<Class<? extends Step>> POINTED = List.of(Step.Click.class, Step.Check.class,
            Step.Select.class, Step.Choose.class);

    /**
     * One press aimed at a step's target.
     *
     * @param targets the actionable elements on the screen when it was aimed
     * @param missed  the model's draw: a press beside the target first
     * @param pressed the press beside it was made (false when the screen had no place beside the target that is not
     *                actionable)
     */
    public record Press(String step, int targets, boolean missed, boolean pressed) {}

    /**
     * One step at the participant's pace: the KLM operators it took (a misclick's and its recovery's added), how long
     * they were waited, and how long the participant looked for the step's target first (the page still responding).
     */
    public record Paced(String step, String operators, double seconds, long lookedMillis) {}

    /**
     * What the participant did on one task.
     *
     * @param start, stop the panel clock's readings of Start and of Done or Give up (as the page sent them)
     * @param said             done, gave-up or timed-out
     * @param misclicks        presses made beside a target
     * @param predictedSeconds the KLM's time for the steps done, and the press of Done (no misclicks, speed 1)
     * @param why              why the participant gave up, or null
     */
    public record Did(String candidate, String task, double start, double stop, String said, int misclicks,
                      double predictedSeconds, List<Press> presses, List<Paced> paced, String why, int seq) {
        public double seconds() {
            return (stop - start) / 1000;
        }

        public double timeRatio() {
            return seconds() / predictedSeconds;
        }

        public boolean failed() {
            return !said.equals("done");
        }
    }

    /** The SUS answers given about a candidate. */
    public record Answered(String candidate, List<Integer> sus) {}

    private final PanelModel.Participant model;
    private final String code;
    private final Browsers.Session panelBrowser;
    private final BlockingQueue<Started> started = new LinkedBlockingQueue<>();
    private final List<Did> did = new CopyOnWriteArrayList<>();
    private final List<Answered> answered = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    /** The first task of the candidate being worked on: the SUS is about the tasks since. */
    private int susFrom;

    private record Started(SessionPanel.TaskView view, Performer.Timed timed) {}

    /** Thrown from the pace when the participant decides to give up: the next action would pass the time limit. */
    private static final class GiveUp extends RuntimeException {
        GiveUp(String why) {
            super(why, null, false, false);
        }
    }

    /** Starts the participant's own headless browser, for the task panel. */
    public SimulatedParticipant(PanelModel.Participant model, String code, BrowserSettings browser) {
        this.model = model;
        this.code = code;
        this.panelBrowser = Browsers.start(new BrowserSettings(browser.chromium(), browser.chromedriver(), true, null));
    }

    public String code() {
        return code;
    }

    public PanelModel.Participant model() {
        return model;
    }

    /** The tasks done, in the order done. */
    public List<Did> did() {
        return List.copyOf(did);
    }

    /** The SUS questionnaires answered, in order. */
    public List<Answered> answered() {
        return List.copyOf(answered);
    }

    @Override
    public void started(SessionPanel.TaskView task, Performer.Timed timed) {
        started.add(new Started(task, timed));
    }

    /** Stops the participant where it is (its session ended otherwise). */
    public void stop() {
        stopped = true;
    }

    /** Takes the session whose panel is at {@code panelUrl}, on the calling thread, until the panel's last screen. */
    public void take(String panelUrl) throws InterruptedException {
        WebDriver panel = panelBrowser.driver();
        panel.manage().timeouts().scriptTimeout(java.time.Duration.ofMillis(PANEL_WAIT_MILLIS + 20_000));
        panel.get(panelUrl);
        String version = "";
        Pending pending = null;
        while (true) {
            String[] now = awaitScreenAfter(panel, version);
            version = now[1];
            switch (now[0]) {
                case "consent" -> consent(panel);
                case "task" -> {
                    long pressed = System.nanoTime();
                    click(panel, "start");
                    pending = work(panel, pressed);
                }
                case "seq" -> {
                    if (pending == null) {
                        throw new IllegalStateException(code + ": the panel asks for an SEQ and no task was done");
                    }
                    int seq = model.seq(pending.predicted, pending.timeRatio(), pending.misclicks, pending.failed(),
                            pending.candidate + "/" + pending.task);
                    panel.findElement(By.cssSelector("input[name='rating'][value='" + seq + "']")).click();
                    click(panel, "next");
                    did.add(pending.did(seq));
                    pending = null;
                }
                case "sus" -> {
                    List<Did> part = did().subList(susFrom, did.size());
                    susFrom = did.size();
                    String candidate = part.isEmpty() ? "?" : part.get(part.size() - 1).candidate();
                    double lnKlm = part.stream().mapToDouble(d -> Math.log(d.predictedSeconds())).average().orElse(0);
                    double lnRatio = part.stream().mapToDouble(d -> Math.log(Math.max(d.timeRatio(), 1e-3))).average().orElse(0);
                    double errors = part.stream().mapToInt(Did::misclicks).average().orElse(0);
                    double failed = part.stream().filter(Did::failed).count() / (double) Math.max(1, part.size());
                    List<Integer> sus = model.sus(lnKlm, lnRatio, errors, failed, candidate);
                    for (int i = 0; i < sus.size(); i++) {
                        panel.findElement(By.cssSelector("input[name='sus" + (i + 1) + "'][value='" + sus.get(i) + "']")).click();
                    }
                    click(panel, "submit");
                    answered.add(new Answered(candidate, sus));
                }
                case "end" -> {
                    return;
                }
                default -> { } // a screen to wait on
            }
        }
    }

    private void consent(WebDriver panel) {
        if (!panel.findElements(By.id("role")).isEmpty()) {
            PanelModel.Details d = model.details();
            panel.findElement(By.id("role")).sendKeys(d.role());
            panel.findElement(By.id("yearsInRole")).sendKeys(Integer.toString(d.yearsInRole()));
            panel.findElement(By.id("ehrExperienceYears")).sendKeys(Integer.toString(d.ehrExperienceYears()));
            panel.findElement(By.id("ehrSystemsUsed")).sendKeys(d.ehrSystemsUsed());
            new Select(panel.findElement(By.id("ageBand"))).selectByValue(d.ageBand());
            panel.findElement(By.id("assistiveTechnology")).sendKeys(d.assistiveTechnology());
        }
        panel.findElement(By.id("consent")).click();
        click(panel, "continue");
    }

    /** What the participant knows of a task it worked on, until it rates it. */
    private static final class Pending {
        String candidate;
        String task;
        double start;
        double stop;
        String said;
        int misclicks;
        double predicted;
        List<Press> presses = new ArrayList<>();
        List<Paced> paced = new ArrayList<>();
        String why;

        double timeRatio() {
            return (stop - start) / 1000 / predicted;
        }

        boolean failed() {
            return !said.equals("done");
        }

        Did did(int seq) {
            return new Did(candidate, task, start, stop, said, misclicks, predicted, List.copyOf(presses), List.copyOf(paced),
                    why, seq);
        }
    }

    /** The task on the candidate, from Start to Done or Give up. */
    private Pending work(WebDriver panel, long pressedNanos) throws InterruptedException {
        Started s = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (s == null) {
            if (stopped || System.nanoTime() > until) {
                throw new IllegalStateException(code + ": the candidate's window never came after Start");
            }
            s = started.poll(250, TimeUnit.MILLISECONDS);
        }
        Performer.Timed timed = s.timed();
        Pending p = new Pending();
        p.candidate = timed.candidate().id();
        p.task = timed.task().id();
        TaskPace pace = new TaskPace(p, timed.driver(), pressedNanos, s.view().timeLimitSeconds());
        p.said = "done";
        try {
            timed.performPath(pace);
            // Seeing the task is done, and pressing Done on the panel.
            pace.waitFor(PanelModel.DONE, p.candidate + "/" + p.task + "/done", true);
        } catch (GiveUp g) {
            p.said = "gave-up";
            p.why = g.getMessage();
        } catch (StepFailure f) {
            p.said = "gave-up";
            p.why = "could not do step " + f.step() + ": " + f.getMessage();
        } catch (WebDriverException e) {
            // The candidate's window went away under the participant: the session's time limit, or a fault.
            p.said = "gave-up";
            p.why = "the candidate's window stopped answering: " + e.getMessage().lines().findFirst().orElse("");
        }
        p.predicted += model.model().nominalSeconds(PanelModel.DONE);
        String button = p.said.equals("done") ? "done" : "give-up";
        String[] now = screen(panel);
        if (now != null && now[0].equals("running")) {
            click(panel, button);
            p.stop = stamp(panel, button);
        } else {
            // The session's own time limit stopped the clock first.
            p.said = "timed-out";
            p.stop = stamp(panel, "start") + s.view().timeLimitSeconds() * 1000;
        }
        p.start = stamp(panel, "start");
        return p;
    }

    /** The participant's pace on one task: the model's waits, really waited, and its misclicks, really pressed. */
    private final class TaskPace implements Pace {
        private final Pending p;
        private final WebDriver driver;
        private final long startNanos;
        private final double limitSeconds;
        private Hand hand = Hand.MOUSE;
        private String typingKey;

        TaskPace(Pending p, WebDriver driver, long startNanos, double limitSeconds) {
            this.p = p;
            this.driver = driver;
            this.startNanos = startNanos;
            this.limitSeconds = limitSeconds;
        }

        @Override
        public void before(Action action) {
            if (stopped) {
                throw new GiveUp("the session was ended");
            }
            Step step = action.step();
            String key = p.candidate + "/" + p.task + "/" + action.number();
            long looking = System.nanoTime();
            WebElement target = action.locator() == null ? null : look(action);
            long looked = (System.nanoTime() - looking) / 1_000_000;
            boolean focused = target != null && (step instanceof Step.Type || step instanceof Step.SetDate)
                    && isActive(target);
            PanelModel.StepOperators ops = PanelModel.operators(step, action.text(), focused, hand);
            p.predicted += model.model().nominalSeconds(ops.operators());
            hand = ops.after();
            if (target != null && POINTED.stream().anyMatch(c -> c.isInstance(step))) {
                int targets = targets();
                boolean missed = targets > 0 && model.misclicks(key, targets);
                long[] beside = missed ? beside(target) : null;
                boolean pressed = false;
                try {
                    if (beside != null) {
                        // Aimed, pressed beside the target; noticed, and aimed again (M P B B), then the step's own press.
                        double aimed = waitFor(ops.operators(), key + "/miss", false);
                        new Actions(driver).moveToLocation((int) beside[0], (int) beside[1]).click().perform();
                        pressed = true;
                        p.misclicks++;
                        double again = waitFor(PanelModel.RECOVERY, key, false);
                        p.paced.add(new Paced(action.number(), ops.operators() + " " + PanelModel.RECOVERY, aimed + again,
                                looked));
                        return;
                    }
                } finally {
                    // The draw is kept even when the participant gave up before it could press.
                    p.presses.add(new Press(action.number(), targets, missed, pressed));
                }
            }
            boolean byKey = step instanceof Step.Type;
            typingKey = key;
            String now = byKey ? ops.beforeTyping() : ops.operators();
            p.paced.add(new Paced(action.number(), ops.operators(), waitFor(now, key, false), looked));
        }

        @Override
        public boolean keyByKey() {
            return true;
        }

        @Override
        public void beforeKey(int index, String text) {
            double k = model.seconds('K', typingKey + "/k" + index);
            sleep(k, false);
            // The keys belong to their step's pacing.
            Paced last = p.paced.remove(p.paced.size() - 1);
            p.paced.add(new Paced(last.step(), last.operators(), last.seconds() + k, last.lookedMillis()));
        }

        /** Waits the drawn time of {@code operators} (returned); gives up instead when that would pass the time limit. */
        double waitFor(String operators, String key, boolean last) {
            if (operators.isEmpty()) {
                return 0;
            }
            double seconds = model.seconds(operators, key);
            sleep(seconds, last);
            return seconds;
        }

        private void sleep(double seconds, boolean last) {
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            if (!last && model.model().givesUp(elapsed, seconds, limitSeconds)) {
                throw new GiveUp(String.format(java.util.Locale.ROOT, "at %.0f s the next action would take it past %.0f%%"
                        + " of the %.0f s time limit", elapsed, 100 * model.model().parameters().giveUpShare(), limitSeconds));
            }
            try {
                Thread.sleep(Math.round(seconds * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GiveUp("interrupted");
            }
        }

        /** The step's target, once it shows (a person looks for it while the page responds), or null. */
        private WebElement look(Action action) {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOOK_MILLIS);
            while (true) {
                var found = action.target();
                if (found.isPresent() || System.nanoTime() > until) {
                    return found.orElse(null);
                }
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }

        private boolean isActive(WebElement el) {
            try {
                return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                        "return arguments[0] === document.activeElement;", el));
            } catch (WebDriverException e) {
                return false;
            }
        }

        /** How many things on the screen could be pressed (as the recorder judges a press), each counted once. */
        private int targets() {
            try {
                Object n = ((JavascriptExecutor) driver).executeScript(TARGETS);
                return n instanceof Number x ? x.intValue() : 0;
            } catch (WebDriverException e) {
                return 0;
            }
        }

        /** The nearest point beside the target that is not actionable (viewport coordinates), or null. */
        private long[] beside(WebElement target) {
            try {
                Object r = ((JavascriptExecutor) driver).executeScript(BESIDE, target);
                if (r instanceof List<?> l && l.size() == 2) {
                    return new long[] {((Number) l.get(0)).longValue(), ((Number) l.get(1)).longValue()};
                }
            } catch (WebDriverException e) {
                // no place found: no misclick here
            }
            return null;
        }
    }

    private static final String TARGETS = """
            const r = window.__bedsideRecorder;
            if (!r || !r.actionable) return 0;
            let n = 0;
            for (const el of document.querySelectorAll('body *')) {
              if (!r.actionable(el)) continue;
              const up = el.parentElement;
              if (up && up !== document.body && r.actionable(up)) continue; // inside a target already counted
              const b = el.getBoundingClientRect();
              if (b.width < 1 || b.height < 1) continue;
              const s = getComputedStyle(el);
              if (s.visibility === 'hidden' || s.display === 'none') continue;
              n++;
            }
            return n;
            """;

    private static final String BESIDE = """
            const t = arguments[0], r = window.__bedsideRecorder;
            if (!r || !r.actionable) return null;
            let b = t.getBoundingClientRect();
            if (b.bottom < 0 || b.top > innerHeight || b.right < 0 || b.left > innerWidth) {
              t.scrollIntoView({block: 'center'});
              b = t.getBoundingClientRect();
            }
            // Stay in the menu, dialog or form the target is in: a press outside an open menu or a modal closes it, which
            // is more than a slip the participant recovers from by pressing the target.
            const scope = t.closest('nav,[role=menu],[role=menubar],[role=listbox],dialog,[role=dialog],[role=alertdialog],'
              + '[aria-modal=true],form');
            const cx = Math.round(b.left + b.width / 2), cy = Math.round(b.top + b.height / 2);
            for (let d = 4; d <= 240; d += 4) {
              let best = null, bestD = Infinity;
              const l = Math.round(b.left) - d, rt = Math.round(b.right) + d, tp = Math.round(b.top) - d, bt = Math.round(b.bottom) + d;
              for (const [x, y] of [[l, cy], [rt, cy], [cx, tp], [cx, bt], [l, tp], [rt, tp], [l, bt], [rt, bt]]) {
                if (x < 2 || y < 2 || x > innerWidth - 3 || y > innerHeight - 3) continue;
                const el = document.elementFromPoint(x, y);
                if (!el || el === t || t.contains(el) || el.tagName === 'IFRAME' || r.actionable(el)) continue;
                if (scope && !scope.contains(el)) continue;
                const dist = Math.hypot(x - cx, y - cy);
                if (dist < bestD) { best = [x, y]; bestD = dist; }
              }
              if (best) return best;
            }
            return null;
            """;

    private void click(WebDriver panel, String id) {
        panel.findElement(By.id(id)).click();
    }

    /** The panel clock's reading the page sent with the press of a button. */
    private static double stamp(WebDriver panel, String button) {
        Object v = ((JavascriptExecutor) panel).executeScript("return window.__bedsideStamps && window.__bedsideStamps['"
                + button + "'];");
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("the panel did not note when " + button + " was pressed");
        }
        return n.doubleValue();
    }

    /** The panel's screen and version now, or null while it has none. */
    private static String[] screen(WebDriver panel) {
        return screen(((JavascriptExecutor) panel).executeScript(READ_SCREEN + "return read();"));
    }

    private static String[] screen(Object r) {
        if (!(r instanceof List<?> l)) {
            return null;
        }
        if (l.get(2) != null) {
            throw new IllegalStateException("the panel refused an answer: " + l.get(2));
        }
        return new String[] {(String) l.get(0), String.valueOf(l.get(1))};
    }

    /**
     * Waits until the panel shows a screen other than the one of {@code version} and other than a wait: its name and
     * version. The wait is in the page (a mutation observer on the screen, a few seconds at a time), not a poll from
     * here: a dozen panels polling through their drivers would take a core of a small machine between them.
     */
    private String[] awaitScreenAfter(WebDriver panel, String version) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PANEL_PATIENCE_MILLIS);
        while (true) {
            if (stopped) {
                throw new IllegalStateException(code + ": stopped");
            }
            Object r = ((JavascriptExecutor) panel).executeAsyncScript(AWAIT_SCREEN, version, PANEL_WAIT_MILLIS);
            String[] now = screen(r);
            if (now != null && !now[1].equals(version) && !now[0].equals("wait")) {
                return now;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException(code + ": the panel showed nothing new for "
                        + TimeUnit.MILLISECONDS.toMinutes(PANEL_PATIENCE_MILLIS) + " minutes");
            }
        }
    }

    /** The screen's name, version and problem, as the panel page shows them (null while it has none). */
    private static final String READ_SCREEN = """
            const read = () => {
              const s = document.getElementById('screen');
              const p = document.querySelector('.problem');
              return s && s.dataset.screen ? [s.dataset.screen, s.dataset.version, p ? p.textContent : null] : null;
            };
            """;

    /** Answers when the screen is a new one (not {@code arguments[0]}'s version, not a wait) or has a problem, or after {@code arguments[1]} ms. */
    private static final String AWAIT_SCREEN = READ_SCREEN + """
            const [version, patience, done] = arguments;
            const ready = (r) => r && ((r[1] !== version && r[0] !== 'wait') || r[2] !== null);
            const first = read();
            if (ready(first)) { done(first); return; }
            let timer = null;
            const seen = new MutationObserver(() => {
              const r = read();
              if (ready(r)) { seen.disconnect(); clearTimeout(timer); done(r); }
            });
            seen.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
            timer = setTimeout(() => { seen.disconnect(); done(read()); }, patience);
            """;

    @Override
    public void close() {
        stopped = true;
        panelBrowser.close();
    }
}
