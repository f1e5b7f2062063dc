package bedside.harness.cli;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.harness.journal.Journal;
import bedside.harness.run.AttemptResult;
import bedside.harness.run.CandidateInstances;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.Stop;
import bedside.harness.run.SuiteRunner;
import bedside.harness.run.TaskRunner;
import bedside.harness.session.ObserverPage;
import bedside.harness.session.ParticipantCode;
import bedside.harness.session.SessionPanel;
import bedside.harness.session.SessionRunner;
import bedside.harness.study.PlanGate;
import bedside.harness.upload.ResultsDestination;
import bedside.reports.stats.Sus;
import bedside.results.AttemptRecord;
import bedside.results.TaskRatingRecord;
import bedside.candidates.SampleCandidate;
import bedside.scenarios.Suite;
import bedside.scenarios.TaskOrder;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A moderated session: a participant takes the suite's tasks on candidates, timing them from the task panel. */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = {"Runs a moderated usability session: one participant (a pseudonymous code, never a name) takes the "
                + "suite's tasks on one or more candidates in a real Chromium window, the way NISTIR 7742 / ISO 25062 "
                + "tests are run.",
                "",
                "A task panel opens in a window of its own (never inside the candidate's pages). It asks for consent "
                + "and — once per study — the participant's role, experience, age band and assistive technology; then "
                + "shows each task's text with a Start button. The clock runs from Start to Done or Give up (or the "
                + "task's time limit). The candidate is reset and brought to the task's start screen before each task, "
                + "as in a scripted run, and its state is judged by the binding's checks, not by the participant's word. "
                + "After each task the Single Ease Question; after the last task on a candidate the ten SUS items.",
                "",
                "The study's plan must be locked first ('bedside study plan', 'bedside study lock'), with this suite "
                + "version, these candidates and tasks in it; --pilot runs a rehearsal that is stored but never scored.",
                "",
                "Everything is journalled before it is stored (embedded PostgreSQL, BEDSIDE_DB_URL, or --server): a "
                + "crash loses at most the event in flight, and the same command resumes the session at the next "
                + "unfinished task (the interrupted attempt is kept, not counted, and never given again). A participant "
                + "takes a candidate's tasks once: a second session is refused. Path and time deviation are measured "
                + "against the candidate's expert path in the same study: run 'bedside run SUITE --candidate ID "
                + "--study S' first."},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  the session ended and everything was stored",
                "  1  the study's plan does not let the session start (not locked, another",
                "     suite version, a candidate, task or accessibility audit outside it;",
                "     nothing was run), an attempt ended in a script or system error, or",
                "     something could not be stored yet (it is kept in the journal: 'bedside",
                "     upload' sends it)",
                "  2  usage error: an invalid suite, participant code, candidate or option",
                "  3  the machine lacks something (browser, database, a display for the",
                "     headed browser)"})
public final class SessionCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUITE", description = "The suite: a folder (suite.yaml + bindings/) or a single file.")
    Path suitePath;

    @Option(names = "--candidate", paramLabel = "ID", required = true, split = ",",
            description = "The candidate(s) the participant uses (a,b or repeated). With several, their order is "
                    + "counterbalanced like the tasks' (--order).")
    List<String> candidateIds = new ArrayList<>();

    @Option(names = "--participant", paramLabel = "CODE", required = true,
            description = "The participant's pseudonymous code, e.g. P07 (no names, no e-mail addresses).")
    String participant;

    @Option(names = "--study", paramLabel = "CODE", defaultValue = "default",
            description = "The study the session belongs to (default: ${DEFAULT-VALUE}).")
    String study;

    @Option(names = "--order", paramLabel = "MODE", defaultValue = "latin",
            description = {"Task order: fixed (the suite's), random (seeded per participant) or latin (a balanced Latin "
                    + "square row from the participant's place in the study). Default: ${DEFAULT-VALUE}."})
    String order;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of a random order (default: derived from the study's code).")
    Long seed;

    @Option(names = "--task", paramLabel = "ID", description = "Give only these tasks (repeatable; default: all).")
    List<String> taskIds = new ArrayList<>();

    @Option(names = "--url", paramLabel = "URL", description = "Where the candidate is served (one --candidate only; "
            + "default for a sample candidate: started on a free port).")
    String url;

    @Option(names = "--reset-url", paramLabel = "URL", description = "POSTed before each task to reset the candidate.")
    String resetUrl;

    @Option(names = "--panel-port", paramLabel = "N", defaultValue = "0",
            description = "The port of the task panel on 127.0.0.1 (default: any free port).")
    int panelPort;

    @Option(names = "--observer-port", paramLabel = "N",
            description = "Also serve the observer's live page on this port (0: any free port), on every interface: the "
                    + "task, the elapsed time, the participant's screens and clicks as they happen, and buttons that mark "
                    + "use errors, assists and notes on the session. Its address carries a one-time key.")
    Integer observerPort;

    @Option(names = "--no-panel-window", description = "Do not open the task panel's window: open the printed address "
            + "yourself (say, on a second screen).")
    boolean noPanelWindow;

    @Option(names = "--headless", description = "Run the candidate's browser headless and open no panel window (for "
            + "trying a session without a display: open the printed panel address yourself; a participant needs the "
            + "headed windows).")
    boolean headless;

    @Option(names = "--a11y", description = {"For a pilot: audit the screens the participant reached for accessibility "
            + "(WCAG 2.2 A/AA with axe-core), detours included: after each task's clock stops, on the screens rebuilt "
            + "from the attempt's DOM replay in a browser of the audit's own, so nothing runs in the participant's "
            + "browser. Each screen is audited once per session; the SEQ waits for it (about a second per new screen). "
            + "A participant's session is audited when, and only when, the study's locked plan says so ('bedside study "
            + "plan ... --audit-sessions'): all of a study's sessions are run alike, so --a11y against the plan is "
            + "refused."})
    boolean a11y;

    @Option(names = "--pilot", description = {"A pilot session: a rehearsal of the study's procedure, stored and chained "
            + "but kept out of every score, so it needs no locked plan."})
    boolean pilot;

    @Option(names = "--simulated", description = {"The participant is a stand-in, not a person: a program given the "
            + "participant's mouse and keyboard, or the team rehearsing. Stored and labelled SIMULATED everywhere, and "
            + "only in a study whose plan is a simulation ('bedside study plan ... --simulated'): a stand-in's times and "
            + "ratings can never pass as a participant's."})
    boolean simulated;

    @Mixin
    Destinations.TeamOptions team = new Destinations.TeamOptions();

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Optional<String> badCode = ParticipantCode.problem(participant);
        if (badCode.isPresent()) {
            err.println("bedside session: --participant: " + badCode.get() + ". Nothing was stored.");
            return BedsideCli.USAGE;
        }
        TaskOrder.Mode mode;
        try {
            mode = TaskOrder.Mode.of(order);
        } catch (IllegalArgumentException e) {
            err.println("bedside session: --order: " + e.getMessage());
            return BedsideCli.USAGE;
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(candidateIds));
        if ((url != null || resetUrl != null) && ids.size() != 1) {
            err.println("bedside session: --url and --reset-url go with exactly one --candidate");
            return BedsideCli.USAGE;
        }
        URI base;
        URI reset;
        Destinations.Team server;
        try {
            base = url == null ? null : RunCommand.absolute(url, "--url");
            reset = resetUrl == null ? null : RunCommand.absolute(resetUrl, "--reset-url");
            server = team.resolve();
        } catch (URISyntaxException | IllegalArgumentException e) {
            err.println("bedside session: " + e.getMessage());
            return BedsideCli.USAGE;
        }
        Runs.Loaded loaded = Runs.load("session", suitePath, ids, taskIds, err);
        if (loaded == null) {
            return BedsideCli.USAGE;
        }
        Suite suite = loaded.suite();
        List<Runs.CandidateSpec> specs = Runs.candidates("session", suite, ids, base, reset, err);
        if (specs == null) {
            return BedsideCli.USAGE;
        }
        BrowserSettings browser = Runs.personsBrowser(headless, "a session shows the candidate to the participant in a"
                + " browser window, and there is no display here (DISPLAY is not set). Run it on the machine the participant"
                + " uses, or try it with --headless and open the printed panel address.");
        Stop.install();
        Path home = Home.data();
        List<SampleCandidate> samples = new ArrayList<>();
        Destinations.Opened opened;
        try {
            opened = Destinations.open(server, home);
        } catch (Destinations.UnreachableServer e) {
            err.println("bedside session: " + e.getMessage() + ". Nothing was run.");
            return BedsideCli.PROBLEM;
        }
        // Before any browser opens: does the study's plan let this session start, and is it audited?
        Optional<String> refused;
        boolean audited;
        try {
            var plan = opened.destination().plan(study);
            refused = PlanGate.refusal(plan, new PlanGate.Start(study,
                    suite.contentHash(), ids, loaded.tasks().stream().map(bedside.scenarios.Task::id).toList(), true,
                    pilot, simulated)).or(() -> PlanGate.auditRefusal(plan, study, pilot, a11y));
            audited = PlanGate.auditsSession(plan, pilot, a11y);
        } catch (RuntimeException e) {
            opened.close();
            err.println("bedside session: cannot read study " + study + "'s plan: " + e.getMessage() + ". Nothing was "
                    + "run.");
            return BedsideCli.PROBLEM;
        }
        if (refused.isPresent()) {
            opened.close();
            err.println("bedside session: " + refused.get() + ". Nothing was run.");
            return BedsideCli.PROBLEM;
        }
        try (opened; SessionPanel panel = SessionPanel.start(panelPort);
             ObserverPage observer = observerPort == null ? null : ObserverPage.start(observerPort)) {
            ResultsDestination destination = opened.destination();
            out.println("Bedside session: participant " + participant.strip()
                    + (simulated ? " (SIMULATED: a stand-in, not a person)" : "") + ", suite " + suite.id() + " "
                    + suite.version()
                    + " (" + loaded.tasks().size() + " tasks), study " + study + ", results in " + destination.describe());
            List<CandidateTarget> targets = new ArrayList<>();
            for (Runs.CandidateSpec spec : specs) {
                var binding = suite.bindings().get(spec.id());
                CandidateInstances c = Runs.bringUp(spec, 1, samples, binding != null && !binding.reset().isEmpty(), out,
                        err);
                targets.add(c.target());
            }
            Path journals = home.resolve("journal");
            Uploads.replayJournals(destination, journals, Journal.unsettled(journals), out);
            destination.ensureStudy(study, study);
            for (CandidateTarget t : targets) {
                destination.ensureCandidate(study, t.id(), t.displayName(), t.vendor());
            }
            SuiteRunner.registerSuite(destination, suite);
            destination.saveNotApplicable(study, SuiteRunner.notApplicable(suite, ids, loaded.tasks()).stream()
                    .map(m -> new bedside.results.NotApplicableRecord(m.candidate(), suite.contentHash(), m.task(),
                            m.reason())).toList());

            out.println("Task panel:   " + panel.url());
            if (observer != null) {
                out.println("Observer:     " + observer.networkUrl() + "  (on this machine: " + observer.url() + ")");
            }
            Browsers.Session panelWindow = Runs.panelWindow(browser, panel, !noPanelWindow && !headless);
            SessionRunner.Outcome result;
            try {
                SessionRunner runner = new SessionRunner(audited ? new TaskRunner(browser).withAccessibilityAudit()
                        : new TaskRunner(browser), destination, journals, panel);
                if (observer != null) {
                    runner.observe(observer);
                }
                result = runner.run(new SessionRunner.Plan(suite, loaded.tasks(), targets, study, participant, mode, seed,
                        pilot, simulated), out);
            } finally {
                if (panelWindow != null) {
                    panelWindow.close();
                }
            }
            out.println();
            print(out, result);
            boolean broken = result.parts().stream().flatMap(p -> p.attempts().stream()).map(AttemptResult::attempt)
                    .anyMatch(a -> a.outcome() == bedside.results.Outcome.SCRIPT_ERROR
                            || a.outcome() == bedside.results.Outcome.SYSTEM_ERROR);
            boolean waiting = !result.upload().waiting().isEmpty() || !result.upload().refused().isEmpty()
                    || !result.answersStored();
            if (!waiting) {
                out.println("Stored as run " + result.run().runId() + " in " + destination.describe());
            }
            return broken || waiting ? BedsideCli.PROBLEM : BedsideCli.OK;
        } catch (SessionRunner.Refused e) {
            err.println("bedside session: " + e.getMessage());
            return BedsideCli.USAGE;
        } catch (SessionPanel.Stopped | IllegalStateException e) {
            err.println("bedside session: " + e.getMessage());
            return BedsideCli.PROBLEM;
        } finally {
            samples.forEach(SampleCandidate::close);
        }
    }

    private static void print(PrintStream out, SessionRunner.Outcome result) {
        out.println("Participant " + result.participant().code() + " (index " + result.participantIndex() + " in the study)");
        for (SessionRunner.CandidatePart part : result.parts()) {
            out.println("Candidate " + part.session().candidate() + " (tasks in " + part.session().order().mode() + " order)");
            out.printf(Locale.ROOT, "  %-22s %-19s %-10s %8s %4s %6s %6s%n", "task", "outcome", "said", "time s", "SEQ",
                    "path×", "time×");
            for (AttemptResult r : part.attempts()) {
                AttemptRecord a = r.attempt();
                Integer seq = part.ratings().stream().filter(t -> t.task().equals(a.task())).map(TaskRatingRecord::rating)
                        .findFirst().orElse(null);
                out.printf(Locale.ROOT, "  %-22s %-19s %-10s %8.1f %4s %6s %6s%n", a.task(), a.outcome().code(),
                        a.session() == null ? "-" : a.session().participantSaid(), a.timeMs() / 1000.0,
                        seq == null ? "-" : seq, ratio(a.session() == null ? null : a.session().pathDeviation()),
                        ratio(a.session() == null ? null : a.session().timeDeviation()));
            }
            out.printf(Locale.ROOT, "  SUS: %.1f%n", Sus.score(part.sus().answers().stream().mapToInt(Integer::intValue).toArray()));
        }
    }

    private static String ratio(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
