package bedside.harness.cli;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.journal.Journal;
import bedside.harness.run.AttemptResult;
import bedside.harness.run.CandidateInstances;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.SuiteRunner;
import bedside.harness.run.TaskRunner;
import bedside.harness.study.PlanGate;
import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import bedside.harness.upload.ResultsDestination;
import bedside.harness.upload.Uploader;
import bedside.reports.analysis.NotApplicableRow;
import bedside.scenarios.ReadResult;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import bedside.scenarios.Task;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.UUID;

/**
 * What {@code demo} and {@code run} share: bring candidates up, open the results store, upload what
 * earlier runs left in their journals, run the attempts, store them, write the report, print the table.
 */
final class Runs {
    private Runs() {}

    /**
     * A candidate as the command line names it.
     *
     * @param url      where it is served, or null to start the sample candidate of that id
     * @param resetUrl POSTed before each attempt to put it back into its seeded state, or null
     */
    record CandidateSpec(String id, URI url, URI resetUrl) {
        boolean sample() {
            return url == null;
        }
    }

    /**
     * @param server the results server in team mode (with its token), or null to write to the results database
     * @param fresh  start a new run even if an earlier one with the same plan was cut off (default: resume it)
     * @param a11y   audit the screens of every path that succeeds for accessibility, after its attempt
     * @param replay record a DOM replay of every attempt (on unless {@code --no-replay})
     */
    record Plan(Suite suite, List<Task> tasks, List<CandidateSpec> candidates, String study, String kind, int repeat,
                int parallel, URL grid, boolean screenshots, Path json, Destinations.Team server, boolean fresh,
                Hooks hooks, boolean a11y, boolean replay) {
        /** With a replay of every attempt. */
        Plan(Suite suite, List<Task> tasks, List<CandidateSpec> candidates, String study, String kind, int repeat,
             int parallel, URL grid, boolean screenshots, Path json, Destinations.Team server, boolean fresh,
             Hooks hooks, boolean a11y) {
            this(suite, tasks, candidates, study, kind, repeat, parallel, grid, screenshots, json, server, fresh, hooks,
                    a11y, true);
        }

        Plan(Suite suite, List<Task> tasks, List<CandidateSpec> candidates, String study, String kind, int repeat,
             int parallel, URL grid, boolean screenshots, Path json, Destinations.Team server, boolean fresh) {
            this(suite, tasks, candidates, study, kind, repeat, parallel, grid, screenshots, json, server, fresh, Hooks.NONE,
                    false, true);
        }
    }

    /**
     * What a command adds around its scripted run, on the same candidates and results store: the demo locks a simulated
     * study's plan before the expert paths and runs its simulated panel after them.
     */
    interface Hooks {
        Hooks NONE = new Hooks() { };

        /** Instances of each sample candidate the hooks use at once (the run starts at least as many as its workers). */
        default int instances() {
            return 1;
        }

        /**
         * After the study, its candidates and the suite are registered, before the first attempt.
         *
         * @return null to go on, or why nothing may run (printed; the command exits 1)
         */
        default String beforeAttempts(ResultsDestination destination, PrintStream out) {
            return null;
        }

        /** After the run is stored and its report written: {@link BedsideCli#OK}, or the exit code of what went wrong. */
        default int afterRun(Ran ran) throws IOException {
            return BedsideCli.OK;
        }
    }

    /**
     * A scripted run as stored, with what it ran on, for {@link Hooks#afterRun}.
     *
     * @param store     the results database when the run wrote to it (null in team mode)
     * @param reportDir the run report's folder
     */
    record Ran(Plan plan, List<CandidateInstances> candidates, ResultsDestination destination,
               bedside.results.store.ResultsStore store, Path home, Path reportDir, SuiteRunner.Outcome outcome,
               PrintStream out, PrintStream err, ReportWriter report) {}

    /** Writes the run report again, the same but for the pages linked from its top (those written after it). */
    interface ReportWriter {
        Path withLinks(List<bedside.reports.pages.Pages.Link> related) throws IOException;
    }

    /** A suite read and checked, and the tasks selected from it. */
    record Loaded(Suite suite, List<Task> tasks) {}

    /**
     * Reads and validates the suite before anything starts. Null when it is invalid or no task matches, after
     * printing every located problem (errors and warnings) to {@code err}: the command then exits 2.
     */
    static Loaded load(String command, Path path, List<String> taskIds, PrintStream err) {
        return load(command, path, List.of(), taskIds, err);
    }

    /**
     * As above for a run of these candidates (empty: every candidate of the suite): only they need a binding, and only
     * the selected tasks (all when none is selected) need binding in theirs — a task left out may be unbound.
     */
    static Loaded load(String command, Path path, List<String> candidateIds, List<String> taskIds, PrintStream err) {
        ReadResult read = SuiteReader.read(path, new SuiteReader.Selection(candidateIds, taskIds));
        Path base = Path.of("").toAbsolutePath();
        if (read.suite() == null) {
            read.problems().forEach(p -> err.println(p.format(base)));
            err.println("bedside " + command + ": the suite " + path + " is invalid (" + read.errors().size() + " error"
                    + (read.errors().size() == 1 ? "" : "s") + "); nothing was " + (command.startsWith("study")
                    ? "written." : "run."));
            return null;
        }
        read.warnings().forEach(p -> err.println(p.format(base)));
        Suite suite = read.suite();
        List<String> unknown = taskIds.stream().filter(id -> suite.task(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            err.println("bedside " + command + ": no task " + String.join(", ", unknown) + " in suite " + suite.id()
                    + " (its tasks: " + suite.tasks().stream().map(Task::id).toList() + ")");
            return null;
        }
        List<Task> selected = suite.tasks().stream().filter(t -> taskIds.isEmpty() || taskIds.contains(t.id())).toList();
        if (selected.isEmpty()) {
            err.println("bedside " + command + ": the suite " + suite.id() + " has no tasks");
            return null;
        }
        return new Loaded(suite, selected);
    }

    /**
     * The candidates as the command line gives them: each bound by the suite, and either a sample candidate or served
     * at {@code base}. Null after printing why not (the command then exits 2).
     */
    static List<CandidateSpec> candidates(String command, Suite suite, List<String> ids, URI base, URI reset,
                                          PrintStream err) {
        List<CandidateSpec> specs = new ArrayList<>();
        for (String id : ids) {
            if (!suite.bindings().containsKey(id)) {
                err.println("bedside " + command + ": the suite " + suite.id() + " has no binding for candidate \"" + id
                        + "\" (it binds " + suite.bindings().keySet() + ")");
                return null;
            }
            if (base == null && !SampleCandidates.ids().contains(id)) {
                err.println("bedside " + command + ": \"" + id + "\" is not a sample candidate (" + SampleCandidates.ids()
                        + "): say where it is served with --url (and --reset-url)");
                return null;
            }
            specs.add(new CandidateSpec(id, base, reset));
        }
        return specs;
    }

    static int execute(Plan plan, PrintStream out, PrintStream err) throws IOException {
        bedside.harness.run.Stop.install();
        BrowserSettings browser = BrowserSettings.local();
        if (plan.grid() != null) {
            browser = browser.onGrid(plan.grid());
        } else if (browser.problem() != null) {
            throw new BedsideCli.EnvironmentProblem(browser.problem());
        }
        Suite suite = plan.suite();
        Path home = Home.data();
        List<String> candidateIds = plan.candidates().stream().map(CandidateSpec::id).toList();
        List<NotApplicableRow> notApplicable = SuiteRunner.notApplicable(suite, candidateIds, plan.tasks());
        int attempts = plan.tasks().size() * plan.repeat();
        int workers = Math.max(1, Math.min(plan.parallel(), attempts * plan.candidates().size()));
        out.println("Bedside " + plan.kind() + ": suite " + suite.id() + " " + suite.version() + " (" + plan.tasks().size()
                + " task" + (plan.tasks().size() == 1 ? "" : "s") + " × " + plan.repeat() + " on " + plan.candidates().size()
                + " candidate" + (plan.candidates().size() == 1 ? "" : "s")
                + (workers > 1 ? ", " + workers + " at once" : "") + (plan.grid() != null ? ", on the Grid " + plan.grid() : "")
                + "), data in " + home);
        for (NotApplicableRow na : notApplicable) {
            out.println("Not applicable: " + na.candidate() + " / " + na.task() + " (" + na.reason() + "): not attempted");
        }
        List<SampleCandidate> samples = new ArrayList<>();
        Destinations.Opened opened;
        try {
            opened = Destinations.open(plan.server(), home);
        } catch (Destinations.UnreachableServer e) {
            err.println("bedside " + plan.kind() + ": " + e.getMessage() + ". Nothing was run.");
            return BedsideCli.PROBLEM;
        }
        try (opened) {
            ResultsDestination destination = opened.destination();
            // A locked study plan fixes the suite version the expert paths run (they are what sessions are measured by).
            Optional<String> refused = PlanGate.refusal(destination.plan(plan.study()), new PlanGate.Start(plan.study(),
                    suite.contentHash(), plan.candidates().stream().map(CandidateSpec::id).toList(),
                    plan.tasks().stream().map(Task::id).toList(), false, false, false));
            if (refused.isPresent()) {
                err.println("bedside " + plan.kind() + ": " + refused.get() + ". Nothing was run.");
                return BedsideCli.PROBLEM;
            }
            out.println("Results:      " + destination.describe());
            List<CandidateInstances> candidates = new ArrayList<>();
            for (CandidateSpec spec : plan.candidates()) {
                bedside.scenarios.Binding binding = suite.bindings().get(spec.id());
                boolean bindingResets = binding != null && !binding.reset().isEmpty();
                candidates.add(bringUp(spec, Math.max(Math.min(workers, attempts), plan.hooks().instances()), samples,
                        bindingResets, out, err));
            }
            Path journals = home.resolve("journal");
            // Every journal is read once: what earlier runs left unstored is sent, and a cut-off run is resumed.
            List<Journal.Contents> journalled = Journal.unsettled(journals);
            Uploads.replayJournals(destination, journals, journalled, out);
            destination.ensureStudy(plan.study(), plan.kind().equals("demo") ? "Bedside demo study" : plan.study());
            for (CandidateInstances c : candidates) {
                CandidateTarget t = c.target();
                destination.ensureCandidate(plan.study(), t.id(), t.displayName(), t.vendor());
            }
            SuiteRunner.registerSuite(destination, suite);
            destination.saveNotApplicable(plan.study(), SuiteRunner.notApplicable(suite,
                            plan.candidates().stream().map(CandidateSpec::id).toList(), plan.tasks()).stream()
                    .map(m -> new bedside.results.NotApplicableRecord(m.candidate(), suite.contentHash(), m.task(),
                            m.reason())).toList());
            String stopped = plan.hooks().beforeAttempts(destination, out);
            if (stopped != null) {
                err.println("bedside " + plan.kind() + ": " + stopped + ". Nothing was run.");
                return BedsideCli.PROBLEM;
            }

            Journal.Plan journalPlan = new Journal.Plan(plan.study(), suite.contentHash(), plan.kind(),
                    plan.candidates().stream().map(CandidateSpec::id).toList(), plan.tasks().stream().map(Task::id).toList(),
                    plan.repeat(), destination.key());
            SuiteRunner.Resume resume = plan.fresh() ? null : Journal.unfinished(journalled, journalPlan)
                    .map(Runs::resumeFrom).orElse(null);
            UUID runId = resume != null ? resume.run().runId() : UUID.randomUUID();
            if (resume != null) {
                long cutOff = resume.earlier().values().stream().filter(a -> a.attempt().reason() != null
                        && a.attempt().reason().startsWith("cut off")).count();
                out.println("Resuming run " + runId + " (started " + resume.run().startedAt() + ", cut off before it ended): "
                        + resume.earlier().size() + " of " + attempts * plan.candidates().size() + " attempts were made"
                        + (cutOff > 0 ? " (" + cutOff + " cut off midway, kept as a system error)" : "")
                        + "; running the rest. (--fresh starts a new run instead.)");
            }
            Path reportDir = home.resolve("reports").resolve(
                    DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                            + "-" + runId.toString().substring(0, 8));
            TaskRunner tasks = new TaskRunner(browser, plan.screenshots() ? reportDir.resolve("shots") : null);
            if (!plan.replay()) {
                tasks = tasks.withoutReplay();
            }
            if (plan.a11y()) {
                tasks = tasks.withAccessibilityAudit();
            }
            SuiteRunner.Outcome result;
            try (Journal journal = Journal.open(journals, runId)) {
                if (resume == null) {
                    journal.plan(journalPlan);
                }
                result = new SuiteRunner(tasks, destination, journal, plan.study())
                        .run(runId, suite, candidates, plan.tasks(), plan.repeat(), workers, plan.kind(), out, a -> { }, resume);
            }
            List<CandidateTarget> targets = candidates.stream().map(CandidateInstances::target).toList();
            Path report = Reports.writeRunReport(reportDir, result.run(), suite, targets, result.attempts(), notApplicable);
            out.println();
            Tables.printAttempts(out, result.attempts(), notApplicable);
            out.println();
            Uploader.Summary upload = result.upload();
            if (upload.waiting().isEmpty() && upload.refused().isEmpty()) {
                out.println("Stored as run " + runId + " in " + destination.describe());
            } else {
                out.println("Run " + runId + ": " + upload.waiting().size() + " attempt(s) could not be stored in "
                        + destination.describe() + " yet" + (upload.refused().isEmpty() ? "" : " and " + upload.refused().size()
                        + " were refused") + "; they are kept in the journal " + journals.resolve(runId + ".jsonl")
                        + ". 'bedside upload" + (plan.server() != null ? " --server " + plan.server().server() : "")
                        + "' sends them (so does the next run).");
            }
            out.println("Report: " + report);
            if (plan.json() != null) {
                writeJson(plan.json(), result.attempts(), notApplicable);
                out.println("Attempts as JSON: " + plan.json().toAbsolutePath());
            }
            int exit = broken(result.attempts()) || !upload.waiting().isEmpty() || !upload.refused().isEmpty()
                    ? BedsideCli.PROBLEM : BedsideCli.OK;
            int after = plan.hooks().afterRun(new Ran(plan, candidates, destination, opened.store(), home, reportDir, result,
                    out, err, related -> Reports.writeRunReport(reportDir, result.run(), suite, targets, result.attempts(),
                            notApplicable, related)));
            return exit != BedsideCli.OK ? exit : after;
        } finally {
            samples.forEach(SampleCandidate::close);
        }
    }

    /** The cut-off run as the journal holds it: its run, sessions and every attempt it made, by slot. */
    private static SuiteRunner.Resume resumeFrom(Journal.Contents c) {
        Map<Journal.Slot, AttemptResult> earlier = new LinkedHashMap<>();
        for (var e : c.begun().entrySet()) {
            Journal.Stored s = c.attempts().get(e.getKey());
            if (s != null) {
                earlier.put(e.getValue(), new AttemptResult(s.attempt(), s.events(), List.of(), null, true, List.of(),
                        s.replay()));
            }
        }
        return new SuiteRunner.Resume(c.run(), c.sessions(), earlier);
    }

    /** A sample candidate started once per worker (its state is its own), or an external one as given. */
    static CandidateInstances bringUp(CandidateSpec spec, int workers, List<SampleCandidate> samples,
                                              boolean bindingResets, PrintStream out, PrintStream err) {
        if (!spec.sample()) {
            CandidateTarget t = new CandidateTarget(spec.id(), spec.id(), "(external)", spec.url(), spec.resetUrl());
            out.printf(Locale.ROOT, "Candidate:    %-12s %s%n", spec.id(), spec.url());
            if (workers > 1) {
                err.println("warning: " + workers + " attempts at once on " + spec.id() + " share its state (one server at "
                        + spec.url() + "): an attempt may see or change another's data.");
            }
            if (spec.resetUrl() == null && !bindingResets) {
                err.println("warning: no --reset-url for " + spec.id() + " and no `reset` in its binding: attempts start"
                        + " from whatever state the last one left.");
            }
            return CandidateInstances.single(t);
        }
        List<CandidateTarget> instances = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            SampleCandidate c = SampleCandidates.start(spec.id(), 0);
            samples.add(c);
            instances.add(new CandidateTarget(c.id(), c.displayName(), c.vendor(), c.baseUrl(),
                    URI.create(c.baseUrl() + "/admin/reset")));
        }
        // One line a candidate, however many instances (the demo's panel starts one per participant).
        out.printf(Locale.ROOT, "Candidate up: %-12s %s%s%n", spec.id(), instances.get(0).baseUrl(), workers < 2 ? ""
                : " (and " + (workers - 1) + " more instance(s) on ports of their own, one for each attempt at once)");
        return new CandidateInstances(instances.get(0), instances);
    }

    /**
     * The browser a person works in (a session's participant, an evaluator demonstrating a task): headed unless
     * {@code headless}; an {@link BedsideCli.EnvironmentProblem} without Chromium, or without a display for a headed one.
     *
     * @param noDisplay what to say when there is no display (why a window is needed, and what to do instead)
     */
    static bedside.harness.browser.BrowserSettings personsBrowser(boolean headless, String noDisplay) {
        bedside.harness.browser.BrowserSettings local = bedside.harness.browser.BrowserSettings.local();
        bedside.harness.browser.BrowserSettings shown = new bedside.harness.browser.BrowserSettings(local.chromium(),
                local.chromedriver(), headless, null);
        if (shown.problem() != null) {
            throw new BedsideCli.EnvironmentProblem(shown.problem());
        }
        if (!headless && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new BedsideCli.EnvironmentProblem(noDisplay);
        }
        return shown;
    }

    /** The task panel's own window (never the candidate's, so nothing of it is recorded), or null when none is wanted. */
    static bedside.harness.browser.Browsers.Session panelWindow(bedside.harness.browser.BrowserSettings browser,
                                                                bedside.harness.session.SessionPanel panel, boolean open) {
        if (!open) {
            return null;
        }
        bedside.harness.browser.Browsers.Session window = bedside.harness.browser.Browsers.start(browser);
        window.driver().get(panel.url());
        bedside.harness.session.SessionPanel.placeAsPanel(window.driver());
        return window;
    }

    static boolean broken(List<AttemptResult> attempts) {
        return attempts.stream().map(a -> a.attempt().outcome())
                .anyMatch(o -> o == Outcome.SCRIPT_ERROR || o == Outcome.SYSTEM_ERROR);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Every attempt's summary, one object each, in the run's order; then each task not attempted on a candidate because
     * it does not apply to it: {@code {"candidate", "task", "outcome": "n/a", "reason"}} and no measures.
     */
    static void writeJson(Path file, List<AttemptResult> attempts, List<NotApplicableRow> notApplicable) throws IOException {
        ArrayNode list = JSON.createArrayNode();
        for (AttemptResult r : attempts) {
            AttemptRecord a = r.attempt();
            ObjectNode o = list.addObject();
            o.put("attempt_id", a.attemptId().toString());
            o.put("candidate", a.candidate());
            o.put("task", a.task());
            o.put("attempt_no", a.attemptNo());
            o.put("outcome", a.outcome().code());
            o.put("reason", a.reason());
            if (a.failedStep() == null) {
                o.putNull("failed_step");
            } else {
                o.put("failed_step", a.failedStep());
            }
            o.put("time_ms", a.timeMs());
            o.put("clicks", a.clicks());
            o.put("keystrokes", a.keystrokes());
            o.put("screens", a.screens());
            o.put("page_loads", a.pageLoads());
            o.put("validation_errors", a.validationErrors());
            o.put("system_response_ms", a.systemResponseMs());
            o.put("klm_ms", a.klmMs());
        }
        for (NotApplicableRow na : notApplicable) {
            ObjectNode o = list.addObject();
            o.put("candidate", na.candidate());
            o.put("task", na.task());
            o.put("outcome", "n/a");
            o.put("reason", na.reason());
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), list);
    }
}
