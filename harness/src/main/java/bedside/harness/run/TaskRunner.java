package bedside.harness.run;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.harness.measure.Measures;
import bedside.harness.record.PageEvent;
import bedside.harness.record.Recorder;
import bedside.harness.record.TypedMask;
import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.scenarios.Binding;
import bedside.scenarios.Check;
import bedside.scenarios.Parameters;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Runs one task's expert path on one candidate, as one attempt: reset the candidate, open a fresh
 * browser with the recorder attached, perform the untimed setup, start the clock, perform the timed
 * steps, stop the clock, then judge the candidate's state by the success criteria and critical checks.
 *
 * <p>Outcomes are never merged. A step that cannot be carried out is a <b>script error</b> (the binding no
 * longer fits the candidate: the evaluator's to fix) unless the recording shows the candidate failing
 * (HTTP 5xx, unreachable) or the browser dying, which is a <b>system error</b>. A violated critical check
 * is a <b>critical use error</b> whatever else happened; unmet success criteria or the time limit make a
 * <b>failure</b>.
 */
public final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Setup (log in, open the start page) must not take forever, but is not the participant's time. */
    static final Duration SETUP_LIMIT = Duration.ofSeconds(60);

    /** How often what the recorder received is handed to the attempt's listener (the journal) while it runs. */
    static final long STREAM_MILLIS = 500;
    /** How long the replay's last events are waited for when the clock stops (never counted in the attempt). */
    static final long REPLAY_SEAL_MILLIS = 1000;

    private final BrowserSettings browser;
    private final Path screenshots;
    private final boolean demonstration;
    private final boolean audit;
    /** Whether each attempt records a DOM replay (rrweb): on unless {@link #withoutReplay()}. */
    private final boolean replay;
    /** The screens audited so far by this runner ("candidate\0screen"): each once per run. */
    private final java.util.Set<String> audited = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public TaskRunner(BrowserSettings browser) {
        this(browser, null);
    }

    /** @param screenshots a folder to put a screenshot after each step into (one sub-folder per attempt), or null */
    public TaskRunner(BrowserSettings browser, Path screenshots) {
        this(browser, screenshots, false);
    }

    private TaskRunner(BrowserSettings browser, Path screenshots, boolean demonstration) {
        this(browser, screenshots, demonstration, false);
    }

    private TaskRunner(BrowserSettings browser, Path screenshots, boolean demonstration, boolean audit) {
        this(browser, screenshots, demonstration, audit, true);
    }

    private TaskRunner(BrowserSettings browser, Path screenshots, boolean demonstration, boolean audit,
                       boolean replay) {
        this.browser = browser;
        this.screenshots = screenshots;
        this.demonstration = demonstration;
        this.audit = audit;
        this.replay = replay && !demonstration;
    }

    /** This runner without the DOM replay of each attempt ({@code run --no-replay}; benchmarks). */
    public TaskRunner withoutReplay() {
        return new TaskRunner(browser, screenshots, demonstration, audit, false);
    }

    /**
     * This runner with an accessibility audit (WCAG 2.2 A/AA) of the screens each attempt reaches, after the attempt and
     * outside its clock, on the screens rebuilt from its DOM replay ({@link ReplayAudit}): a participant's attempt
     * with its detours, a scripted path when it succeeds, nothing run again in the attempt's browser. A path recorded
     * without a replay is done again in a browser of its own, each screen audited as it settles ({@link AuditPass}).
     */
    public TaskRunner withAccessibilityAudit() {
        return new TaskRunner(browser, screenshots, demonstration, true, replay);
    }

    /**
     * A runner for an evaluator's demonstration ({@code bedside record}): its recorder also sends typed values and
     * what finds each element again ({@link Recorder#attachDemonstration}). Its attempts are for writing a binding,
     * never for storing.
     */
    public static TaskRunner demonstrating(BrowserSettings browser) {
        return new TaskRunner(browser, null, true);
    }

    public BrowserSettings browser() {
        return browser;
    }

    /**
     * Performs a task's setup or timed steps in a browser as an attempt does, without recording, judging or
     * resetting anything: for benchmarks. Throws what the steps threw (a step that failed, the time limit).
     */
    public static void performSteps(WebDriver driver, Suite suite, Task task, CandidateTarget candidate, boolean setup)
            throws Exception {
        performSteps(driver, suite, task, candidate, setup, Pace.NONE);
    }

    /** As above, at {@code pace} (a benchmark at a person's pace rather than the candidate's). */
    public static void performSteps(WebDriver driver, Suite suite, Task task, CandidateTarget candidate, boolean setup,
                                    Pace pace) throws Exception {
        Binding binding = suite.bindings().get(candidate.id());
        Binding.TaskBinding path = binding.tasks().get(task.id());
        // A person's pace takes minutes where the candidate's takes seconds.
        Duration limit = pace == Pace.NONE ? SETUP_LIMIT : Duration.ofMinutes(10);
        new StepRunner(driver, candidate, binding.fragments(), System.nanoTime() + limit.toNanos(),
                StepRunner.AfterStep.NONE, pace)
                .run(setup ? path.setup() : path.steps(), Parameters.effectiveValues(suite, task), setup ? "setup " : "");
    }

    public AttemptResult attempt(Suite suite, Task task, CandidateTarget candidate, UUID sessionId, String participant,
                                 int attemptNo) {
        return attempt(suite, task, candidate, sessionId, participant, attemptNo, AttemptListener.NONE);
    }

    public AttemptResult attempt(Suite suite, Task task, CandidateTarget candidate, UUID sessionId, String participant,
                                 int attemptNo, AttemptListener listener) {
        return attempt(suite, task, candidate, sessionId, participant, attemptNo, listener, Performer.EXPERT_PATH);
    }

    /** As above, with the timed part performed by {@code performer} (a participant in a session, or the script). */
    public AttemptResult attempt(Suite suite, Task task, CandidateTarget candidate, UUID sessionId, String participant,
                                 int attemptNo, AttemptListener listener, Performer performer) {
        UUID attemptId = UUID.randomUUID();
        Instant startedAt = Instant.now();
        AttemptListener.Start begun = new AttemptListener.Start(attemptId, sessionId, candidate.id(), task.id(), participant,
                attemptNo, startedAt);
        safely(() -> listener.started(begun));
        Binding binding = suite.bindings().get(candidate.id());
        Binding.TaskBinding path = binding == null ? null : binding.tasks().get(task.id());
        Map<String, Object> values = Parameters.effectiveValues(suite, task);
        UnaryOperator<String> fill = template -> template == null ? null : Parameters.resolve(template, values);

        if (path == null) {
            return unrecorded(attemptId, sessionId, candidate, task, participant, attemptNo, startedAt, Outcome.SCRIPT_ERROR,
                    "the suite has no binding of task " + task.id() + " for candidate " + candidate.id(), null);
        }
        String resetProblem = CandidateServer.reset(candidate, binding.reset());
        if (resetProblem != null) {
            return unrecorded(attemptId, sessionId, candidate, task, participant, attemptNo, startedAt, Outcome.SYSTEM_ERROR,
                    resetProblem, null);
        }

        Browsers.Session session;
        try {
            session = Browsers.start(browser);
        } catch (RuntimeException e) {
            return unrecorded(attemptId, sessionId, candidate, task, participant, attemptNo, startedAt, Outcome.SYSTEM_ERROR,
                    "the browser did not start: " + StepRunner.firstLine(e), null);
        }
        Browsers.Session opened = session;
        safely(() -> listener.browserOpened(attemptId, Camera.of(opened.driver())));
        Recorder attached;
        try {
            attached = demonstration ? Recorder.attachDemonstration(session.driver(), binding.warnings())
                    : replay ? Recorder.attachWithReplay(session.driver(), binding.warnings(), binding.patientData(),
                            new TypedMask(TypedText.of(binding, path, values)))
                    : Recorder.attach(session.driver(), binding.warnings(), binding.patientData());
        } catch (RuntimeException e) {
            session.close();
            return unrecorded(attemptId, sessionId, candidate, task, participant, attemptNo, startedAt, Outcome.SYSTEM_ERROR,
                    "the recorder could not be attached to the browser: " + StepRunner.firstLine(e), null);
        }
        Shots shots = new Shots(session.driver(), screenshots == null ? null : screenshots.resolve(attemptId.toString()));
        try (session; Recorder recorder = attached;
             EventStream stream = new EventStream(attemptId, recorder, listener)) {
            // Untimed setup: bring the candidate to the task's starting screen.
            StepRunner setup = new StepRunner(session.driver(), candidate, binding.fragments(),
                    System.nanoTime() + SETUP_LIMIT.toNanos(), shots::after);
            String phase = "setup";
            try {
                // The binding's reset steps first (the candidate back to its seeded state), then the task's setup.
                phase = "reset";
                setup.run(binding.reset().steps(), values, "reset ");
                phase = "setup";
                setup.run(path.setup(), values, "setup ");
            } catch (StepFailure f) {
                String gone = browserGone(session.driver(), f.suggested());
                return finish(attemptId, sessionId, candidate, task, participant, attemptNo, startedAt, recorder, stream,
                        Double.NaN, gone == null ? f.suggested() : Outcome.SYSTEM_ERROR, phase + " failed at step " + f.step()
                                + ": " + f.getMessage() + (gone == null ? "" : gone), null, List.of(), Double.NaN, null, shots);
            } catch (StepRunner.TimeLimitReached t) {
                return finish(attemptId, sessionId, candidate, task, participant, attemptNo, startedAt, recorder, stream,
                        Double.NaN, Outcome.SYSTEM_ERROR, "setup did not finish within " + SETUP_LIMIT.toSeconds() + " s", null,
                        List.of(), Double.NaN, null, shots);
            }
            if (path.setup().isEmpty()) {
                shots.after("start");
            }
            recorder.drain(2000);

            // The clock: the browser's own high-resolution time, the clock the page events carry. The performer
            // starts it: the script at once, a participant by pressing Start in the session's panel.
            String startUrl = session.driver().getCurrentUrl();
            long deadline = System.nanoTime() + Math.round(task.timeLimitSeconds() * 1e9);
            // When each timed step was done (JVM clock, epoch ms; nothing asked of the page): a path's screens rebuilt
            // from its replay say after which step they came.
            List<ReplayAudit.StepDone> stepsDone = new java.util.concurrent.CopyOnWriteArrayList<>();
            StepRunner timedSteps = new StepRunner(session.driver(), candidate, binding.fragments(), deadline, number -> {
                stepsDone.add(new ReplayAudit.StepDone(number, System.currentTimeMillis()));
                shots.after(number);
            });
            Clock clock = new Clock(attemptId, listener);
            Outcome outcome = null;
            String reason = null;
            Integer failedStep = null;
            Performer.Ending ending = Performer.Ending.NOW;
            try {
                ending = performer.perform(new Timed(attemptId, session.driver(), recorder, task, path.steps(), values,
                        timedSteps, clock, candidate, binding.fragments(), shots));
            } catch (StepFailure f) {
                String gone = browserGone(session.driver(), f.suggested());
                outcome = gone == null ? f.suggested() : Outcome.SYSTEM_ERROR;
                reason = "step " + f.step() + ": " + f.getMessage() + (gone == null ? "" : gone);
                failedStep = topLevel(f.step());
            } catch (StepRunner.TimeLimitReached t) {
                outcome = Outcome.FAILURE;
                reason = "time limit of " + fmt(task.timeLimitSeconds()) + " s reached at step " + t.step;
                failedStep = topLevel(t.step);
            }
            double end = Double.isNaN(ending.end()) ? safeNow(recorder) : ending.end();
            if (Double.isNaN(clock.start)) {
                clock.start(end); // the performer never started it (it failed at once): a zero-length attempt
            }
            double start = clock.start;
            startedAt = clock.startedAt;
            safely(() -> listener.clockStopped(attemptId, end));
            // The replay ends with the clock: the checks that follow may read answers back in a tab of this browser.
            recorder.sealReplay(REPLAY_SEAL_MILLIS);
            String said = ending.participantSaid();
            if (outcome == null && "gave-up".equals(said)) {
                outcome = Outcome.FAILURE;
                reason = "the participant gave up";
            } else if (outcome == null && "timed-out".equals(said)) {
                outcome = Outcome.FAILURE;
                reason = "time limit of " + fmt(task.timeLimitSeconds()) + " s reached";
            }

            // Judge by the candidate's state: critical checks always, success criteria when the path ran.
            List<CheckResult> checks = new ArrayList<>();
            boolean pathRan = outcome == null || outcome == Outcome.FAILURE;
            if (pathRan) {
                CheckRunner checker = new CheckRunner(session.driver(), candidate, binding.readers());
                // A check the binding reads back in the candidate's own UI is answered there; others by their reader.
                java.util.function.BiFunction<Check, Boolean, CheckResult> judge = (c, critical) -> {
                    List<bedside.scenarios.Step> readBack = path.readBack().get(c.description());
                    return readBack == null ? checker.check(c, critical, fill)
                            : checker.readBack(c, critical, readBack, values, binding.fragments(), fill);
                };
                for (Check c : task.criticalChecks()) {
                    checks.add(judge.apply(c, true));
                }
                if (outcome == null) {
                    for (Check c : task.successCriteria()) {
                        checks.add(judge.apply(c, false));
                    }
                }
            }
            AttemptResult done = finish(attemptId, sessionId, candidate, task, participant, attemptNo, startedAt, recorder,
                    stream, start, outcome, reason, failedStep, checks, end, startUrl, shots);
            done = done.withMoreEvents(AttemptEvidence.after(done, session.driver(), candidate, binding,
                    end - start));
            boolean expert = performer == Performer.EXPERT_PATH;
            if (audit && (!expert || done.attempt().outcome() == Outcome.SUCCESS)) {
                // On the screens rebuilt from the replay when there is one (nothing done again); a path without one
                // (run --no-replay) is done again in a browser of its own.
                done = done.withMoreEvents(done.replay() != null
                        ? ReplayAudit.events(browser, done, candidate, end - start, audited,
                                expert ? ReplayAudit.afterStep(stepsDone) : ReplayAudit.PARTICIPANT_TIME)
                        : expert ? AuditPass.events(browser, done, candidate, binding, path, values, end - start, audited)
                        : List.of());
            }
            return said == null ? done : done.said(said);
        }
    }

    /** The attempt's clock, started once by its performer and journalled at once. */
    private static final class Clock {
        private final UUID attemptId;
        private final AttemptListener listener;
        private double start = Double.NaN;
        private Instant startedAt = Instant.now();
        private volatile long startedNanos;

        Clock(UUID attemptId, AttemptListener listener) {
            this.attemptId = attemptId;
            this.listener = listener;
        }

        synchronized void start(double browserTime) {
            if (!Double.isNaN(start)) {
                throw new IllegalStateException("the attempt's clock was started twice");
            }
            start = browserTime;
            startedAt = Instant.now();
            startedNanos = System.nanoTime();
            safely(() -> listener.clockStarted(attemptId, browserTime));
        }
    }

    private record Timed(UUID attemptId, WebDriver driver, Recorder recorder, Task task, List<bedside.scenarios.Step> path,
                         Map<String, Object> values, StepRunner steps, Clock clock, CandidateTarget candidate,
                         Map<String, Binding.Fragment> fragments, Shots shots) implements Performer.Timed {
        @Override
        public void startClock(double browserTime) {
            clock.start(browserTime);
        }

        @Override
        public void performPath(Pace pace) throws StepFailure {
            long started = clock.startedNanos;
            if (started == 0) {
                throw new IllegalStateException("the clock has not started: the path is done once the participant starts");
            }
            long deadline = started + Math.round(task.timeLimitSeconds() * 1e9);
            try {
                new StepRunner(driver, candidate, fragments, deadline, shots::after, pace).run(path, values, "");
            } catch (StepRunner.TimeLimitReached t) {
                throw new StepFailure(t.step, "time limit of " + fmt(task.timeLimitSeconds()) + " s reached at step "
                        + t.step, Outcome.FAILURE, t);
            }
        }
    }

    private AttemptResult finish(UUID attemptId, UUID sessionId, CandidateTarget candidate, Task task, String participant,
                                 int attemptNo, Instant startedAt, Recorder recorder, EventStream stream, double start,
                                 Outcome outcome, String reason, Integer failedStep, List<CheckResult> checks, double end,
                                 String startUrl, Shots shots) {
        boolean complete = recorder.drain(2000);
        recorder.sealReplay(REPLAY_SEAL_MILLIS);
        stream.flush();
        List<PageEvent> all = recorder.recording().events();
        if (Double.isNaN(end)) {
            end = all.isEmpty() ? start : all.get(all.size() - 1).t();
        }
        double clockStart = Double.isNaN(start) ? end : start;
        final double endT = end;
        List<PageEvent> timed = all.stream().filter(e -> e.t() >= clockStart && e.t() <= endT).toList();
        Measures measures = Measures.of(timed, clockStart, endT, startUrl);
        long recorderErrors = all.stream().filter(e -> e.type().equals("recorder-error")).count();
        if (recorderErrors > 0) {
            // Bedside's own fault, never the candidate's: kept with the events, counted in no measure.
            LOG.warn("The in-page recorder had {} fault(s) of its own in attempt {} of {} on {} (first: {}); the events"
                            + " are kept as recorder-error, and the measures may miss details", recorderErrors, attemptNo,
                    task.id(), candidate.id(), all.stream().filter(e -> e.type().equals("recorder-error"))
                            .map(e -> e.text("where") + ": " + e.text("message")).findFirst().orElse(""));
        }

        // The candidate failing (5xx, unreachable) turns a failed step or check into a system error.
        String systemFault = systemFault(timed);
        if (outcome == Outcome.SCRIPT_ERROR) {
            // A step that could not be done may be the candidate going down without the page showing it
            // (a request that hangs, a server that stopped between two steps): ask the candidate directly.
            // Unreachable now says more than what the page showed on the way down.
            String now = CandidateServer.probe(candidate);
            if (now != null) {
                systemFault = now;
            }
        }
        if (outcome == Outcome.SCRIPT_ERROR && systemFault != null) {
            outcome = Outcome.SYSTEM_ERROR;
            reason = reason + " — the candidate failed: " + systemFault;
        }
        if (Stop.requested()) {
            // Whatever happened after a stop signal is Bedside's, not the candidate's or the binding's.
            reason = "Bedside was stopped during the attempt" + (reason == null ? "" : " (" + reason + ")");
            outcome = Outcome.SYSTEM_ERROR;
        }
        if (outcome == null || outcome == Outcome.FAILURE) {
            // Every check is named, not just the first: the evaluator sees all that was wrong at once.
            List<CheckResult> violated = checks.stream().filter(c -> c.critical() && !c.passed() && !c.unanswered()).toList();
            List<CheckResult> unmet = checks.stream().filter(c -> !c.critical() && !c.passed() && !c.unanswered()).toList();
            List<CheckResult> unanswered = checks.stream().filter(CheckResult::unanswered).toList();
            String notChecked = unanswered.isEmpty() ? null : "could not be checked: " + list(unanswered);
            if (!violated.isEmpty()) {
                outcome = Outcome.CRITICAL_USE_ERROR;
                reason = "critical check violated: " + list(violated) + (unmet.isEmpty() ? ""
                        : "; success criteria not met: " + list(unmet)) + (notChecked == null ? "" : "; " + notChecked)
                        + (reason == null ? "" : "; " + reason);
            } else if (outcome == null && !unmet.isEmpty()) {
                outcome = Outcome.FAILURE;
                reason = "success criteria not met: " + list(unmet) + (notChecked == null ? "" : "; " + notChecked);
            } else if (outcome == null && notChecked != null) {
                // No valid answer about the candidate's state: not scored. The candidate being down is a system
                // error; otherwise the reader (an endpoint, a page) could not answer: could not be checked.
                String down = systemFault != null ? systemFault : CandidateServer.probe(candidate);
                outcome = down != null ? Outcome.SYSTEM_ERROR : Outcome.NOT_CHECKED;
                reason = notChecked + (down != null ? " — the candidate failed: " + down : "");
            } else if (outcome == null) {
                outcome = Outcome.SUCCESS;
            } else if (notChecked != null) {
                reason = reason + "; " + notChecked;
            }
        }
        if (reason != null && (failedStep != null || reason.startsWith("setup failed") || reason.startsWith("reset failed"))) {
            // A step that failed: what the page itself reported may say why (an exception in the app's code).
            String errors = pageErrors(all);
            if (errors != null) {
                reason = reason + " — " + errors;
            }
        }
        if (!complete && reason != null) {
            reason = reason + " (the page could not be asked for its last events)";
        }

        List<EventRecord> events = new ArrayList<>(all.size());
        long seq = 0;
        for (PageEvent e : all) {
            ObjectNode json = e.data().deepCopy();
            json.put("doc", e.doc());
            json.put("top", e.top());
            json.put("phase", e.t() < clockStart ? "setup" : e.t() <= endT ? "task" : "after");
            events.add(new EventRecord(attemptId, seq++, e.t() - clockStart, e.type(), e.url(), json.toString()));
        }
        AttemptRecord record = new AttemptRecord(attemptId, sessionId, candidate.id(), task.id(), participant,
                attemptNo, outcome, reason, failedStep, startedAt, measures.timeMs(), measures.clicks(), measures.keystrokes(),
                measures.screens(), measures.pageLoads(), measures.scrollPx(), measures.dialogs(), measures.validationErrors(),
                measures.systemResponseMs(), measures.klmMs());
        AttemptReplay replayed = replay ? AttemptReplay.of(attemptId, recorder.replay(), seq, endT - clockStart)
                : AttemptReplay.NONE;
        events.addAll(replayed.notes());
        return new AttemptResult(record, events, checks, measures, complete, shots.taken(), replayed.replay());
    }

    private static String list(List<CheckResult> checks) {
        return String.join("; ", checks.stream().map(CheckResult::shown).toList());
    }

    /**
     * Whether a step failed because the browser or its driver died (crashed, killed, the session lost) rather than
     * because the binding does not fit: asks the browser something any live one answers. Null when it is alive (or
     * the failure is not a script error to begin with), else what it said — the attempt is then a system error.
     */
    static String browserGone(org.openqa.selenium.WebDriver driver, Outcome suggested) {
        if (suggested != Outcome.SCRIPT_ERROR) {
            return null;
        }
        try {
            driver.getWindowHandles();
            return null;
        } catch (org.openqa.selenium.WebDriverException e) {
            return " — the browser is gone: " + StepRunner.firstLine(e);
        }
    }

    /** An attempt that ended before a browser recorded anything (no binding, candidate down, no browser). */
    private static AttemptResult unrecorded(UUID attemptId, UUID sessionId, CandidateTarget candidate, Task task,
                                            String participant, int attemptNo, Instant startedAt, Outcome outcome,
                                            String reason, Integer failedStep) {
        AttemptRecord record = new AttemptRecord(attemptId, sessionId, candidate.id(), task.id(), participant, attemptNo,
                outcome, reason, failedStep, startedAt, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return new AttemptResult(record, List.of(), List.of(), null, true);
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("An attempt listener failed: {}", e.toString());
        }
    }

    /**
     * Hands what the recorder received to the listener every {@link #STREAM_MILLIS} ms while the attempt runs,
     * and once more when it ends.
     */
    static final class EventStream implements AutoCloseable {
        private final UUID attemptId;
        private final Recorder recorder;
        private final AttemptListener listener;
        private final ScheduledExecutorService timer;

        EventStream(UUID attemptId, Recorder recorder, AttemptListener listener) {
            this.attemptId = attemptId;
            this.recorder = recorder;
            this.listener = listener;
            if (listener == AttemptListener.NONE) {
                timer = null;
                return;
            }
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bedside-journal-" + attemptId.toString().substring(0, 8));
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::flush, STREAM_MILLIS, STREAM_MILLIS, TimeUnit.MILLISECONDS);
        }

        synchronized void flush() {
            if (listener == AttemptListener.NONE) {
                return;
            }
            List<PageEvent> fresh = recorder.recording().takeNew();
            if (!fresh.isEmpty()) {
                safely(() -> listener.events(attemptId, fresh));
            }
            List<bedside.harness.record.ReplayCapture.Event> replayed = recorder.replay().takeNew();
            if (!replayed.isEmpty()) {
                safely(() -> listener.replay(attemptId, replayed));
            }
        }

        @Override
        public void close() {
            if (timer != null) {
                timer.shutdownNow();
                flush();
            }
        }
    }

    /** Screenshots after each step, when asked for; never fails the attempt. */
    static final class Shots {
        private final WebDriver driver;
        private final Path dir;
        private final List<Shot> taken = new ArrayList<>();

        Shots(WebDriver driver, Path dir) {
            this.driver = driver;
            this.dir = dir;
        }

        void after(String step) {
            if (dir == null) {
                return;
            }
            try {
                Object doc = null;
                try {
                    // A step that navigated may return before the new page has loaded and its recorder started, or
                    // even before the navigation began (a submitted form's: the browser starts it after the click has
                    // returned): wait a little for it, or the shot would show the page before and the new page's
                    // clicks would have no picture.
                    long until = System.nanoTime() + 2_000_000_000L;
                    do {
                        doc = ((JavascriptExecutor) driver).executeScript("const r = window.__bedsideRecorder;"
                                + " return document.readyState === 'complete' && r && !r.leaving() ? r.doc : null;");
                        if (doc == null) {
                            Thread.sleep(25);
                        }
                    } while (doc == null && System.nanoTime() < until);
                } catch (WebDriverException ignored) {
                    // a dialog is open: the screenshot still shows the page under it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
                Files.createDirectories(dir);
                Path file = dir.resolve(String.format(Locale.ROOT, "%02d-%s.png", taken.size() + 1,
                        step.replace(' ', '-').replace('.', '_')));
                Files.write(file, png);
                int w = 0;
                int h = 0;
                if (png.length > 24) { // the PNG header's IHDR chunk: width and height, big-endian
                    w = ByteBuffer.wrap(png, 16, 8).getInt();
                    h = ByteBuffer.wrap(png, 20, 4).getInt();
                }
                taken.add(new Shot(step, file, doc == null ? null : doc.toString(), driver.getCurrentUrl(), w, h));
            } catch (IOException | RuntimeException e) {
                LOG.debug("No screenshot after step {}: {}", step, e.toString());
            }
        }

        List<Shot> taken() {
            return List.copyOf(taken);
        }
    }

    /** The first sign in the recording that the candidate itself failed, or null. */
    /** The page's own errors (uncaught exceptions, rejected promises), the last three distinct; null when none. */
    static String pageErrors(List<PageEvent> events) {
        java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
        for (PageEvent e : events) {
            if (e.type().equals("js-error")) {
                String where = e.data().hasNonNull("source") ? " (" + e.data().get("source").asText()
                        + (e.data().hasNonNull("line") ? ":" + e.data().get("line").asText() : "") + ")" : "";
                seen.remove(e.text("message") + where);
                seen.add(e.text("message") + where);
            }
        }
        if (seen.isEmpty()) {
            return null;
        }
        List<String> last = new ArrayList<>(seen).subList(Math.max(0, seen.size() - 3), seen.size());
        return "the page reported " + (seen.size() == 1 ? "an error: " : seen.size() + " errors, the last: ")
                + String.join("; ", last);
    }

    static String systemFault(List<PageEvent> events) {
        for (PageEvent e : events) {
            if (e.type().equals("network-error") && e.data().path("status").asInt(0) >= 500) {
                return "HTTP " + e.data().get("status").asInt() + " for " + e.text("url");
            }
            if (e.type().equals("page-start") && e.url() != null && e.url().startsWith("chrome-error:")) {
                return "the page could not be loaded (the candidate is unreachable)";
            }
        }
        return null;
    }

    private static double safeNow(Recorder recorder) {
        try {
            return recorder.browserNow();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static Integer topLevel(String step) {
        String s = step.replace("setup ", "");
        int dot = s.indexOf('.');
        try {
            return Integer.valueOf(dot < 0 ? s : s.substring(0, dot));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }
}
