package bedside.harness.cli;

import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.run.Stop;
import bedside.harness.session.simulation.PanelModel;
import bedside.harness.session.simulation.SimulatedPanel;
import bedside.harness.session.simulation.SimulatedStudy;
import bedside.harness.upload.ResultsDestination;
import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.pages.Pages;
import bedside.results.StoredPlan;
import bedside.results.server.Scores;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job end to end on embedded defaults: sample candidates up, a simulated study's plan locked, the shipped
 * suite's expert paths run on each in headless Chromium, a simulated participant panel through the session path,
 * results stored, statistics computed, reports written, the board's result printed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
        description = {"Runs Bedside end to end on the two sample candidate systems: starts them on free localhost ports, "
                + "makes and locks a new study's plan (study demo-<UTC time>, marked simulated), runs every task's expert "
                + "path in headless Chromium while recording clicks, keystrokes and time (and audits the screens each path "
                + "reaches for accessibility afterwards), then runs a panel of SIMULATED "
                + "participants through the same session path a clinician takes (consent, tasks on both candidates in a "
                + "Latin square order, SEQ, SUS), stores everything (embedded PostgreSQL in $BEDSIDE_HOME/pg, or the "
                + "server named by BEDSIDE_DB_URL), scores the sessions as the locked plan says and prints the board's "
                + "result and where the reports are.",
                "The simulated participants follow the model in harness/src/main/resources/bedside/harness/session/"
                        + "simulation/panel.yaml (KLM operator times with log-normal variability, misclicks that grow with "
                        + "the targets on the screen, giving up near the time limit, SEQ and SUS that follow their own time "
                        + "and errors). Their data is flagged simulated in the database, on every page and in every "
                        + "export: it shows what Bedside measures, never anything about a candidate.",
                "Each demo is a new study; earlier ones are kept as they were.",
                "Exit codes: 0 done, 1 an attempt or session broke or something could not be stored, 2 bad options, "
                        + "3 the machine lacks Chromium or chromedriver."})
public final class DemoCommand implements Callable<Integer> {
    /** Every demo's study code starts so, then its UTC start time. */
    static final String STUDY_PREFIX = "demo-";
    /** The panel's task when the demo runs it (short on both candidates, so the panel stays within minutes). */
    static final String PANEL_TASK = "review-results";

    @Option(names = "--suite", paramLabel = "PATH", description = "The suite file or folder (default: the shipped sed-core suite).")
    Path suitePath;

    @Option(names = "--task", paramLabel = "ID", description = "Run only these tasks' expert paths (repeatable; default: all).")
    List<String> taskIds = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Expert-path attempts per task and candidate (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2",
            description = "Expert-path attempts at once, each on a candidate instance of its own (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--participants", paramLabel = "N", defaultValue = "12",
            description = "Simulated participants in the panel, each taking every panel task on every candidate (default: "
                    + "${DEFAULT-VALUE}; 0 runs the expert paths only).")
    int participants;

    @Option(names = "--at-once", paramLabel = "N", defaultValue = "12",
            description = "Simulated sessions at the same time, each on candidate instances of its own (default: ${DEFAULT-VALUE}).")
    int atOnce;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "The panel model's seed and the bootstrap's: the same seed draws the same participants (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--panel-task", paramLabel = "ID",
            description = "The tasks the simulated participants take and the plan scores (repeatable; each among the tasks "
                    + "run; default: " + PANEL_TASK + " when it is run, else the first task run).")
    List<String> panelTaskIds = new ArrayList<>();

    @Option(names = "--no-a11y",
            description = "Skip the accessibility audit of the expert paths' screens (WCAG 2.2 A/AA with axe-core, after "
                    + "each attempt and outside its clock; on by default, as in `bedside run --a11y`).")
    boolean noA11y;

    @Option(names = "--panel-model", paramLabel = "FILE",
            description = "The simulated participants' model (default: the shipped panel.yaml; copy it to change a value).")
    Path panelModel;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        BrowserSettings browser = BrowserSettings.local();
        if (browser.problem() != null) {
            throw new BedsideCli.EnvironmentProblem(browser.problem());
        }
        if (repeat < 1 || parallel < 1 || participants < 0 || atOnce < 1) {
            err.println("bedside demo: --repeat, --parallel and --at-once must be at least 1, --participants at least 0");
            return BedsideCli.USAGE;
        }
        Runs.Loaded loaded = Runs.load("demo", suitePath == null ? Home.shippedSuite() : suitePath, taskIds, err);
        if (loaded == null) {
            return BedsideCli.USAGE;
        }
        Suite suite = loaded.suite();
        List<Task> selected = loaded.tasks();
        List<String> selectedIds = selected.stream().map(Task::id).toList();
        List<String> unknown = panelTaskIds.stream().filter(id -> !selectedIds.contains(id)).toList();
        if (!unknown.isEmpty()) {
            err.println("bedside demo: --panel-task " + String.join(", ", unknown) + " is not among the tasks run ("
                    + String.join(", ", selectedIds) + "): the panel's paths are measured against the expert paths");
            return BedsideCli.USAGE;
        }
        List<Task> panelTasks = !panelTaskIds.isEmpty()
                ? selected.stream().filter(t -> panelTaskIds.contains(t.id())).toList()
                : selected.stream().filter(t -> t.id().equals(PANEL_TASK)).findFirst().map(List::of)
                        .orElse(List.of(selected.get(0)));
        PanelModel model;
        try {
            model = panelModel == null ? PanelModel.shipped() : PanelModel.read(panelModel);
        } catch (PanelModel.BadParameters e) {
            e.problems().forEach(err::println);
            err.println("bedside demo: the panel model " + panelModel + " is invalid; nothing was run.");
            return BedsideCli.USAGE;
        }

        List<Runs.CandidateSpec> candidates = new ArrayList<>();
        for (String id : suite.candidates()) {
            if (!SampleCandidates.ids().contains(id)) {
                err.println("bedside demo: the suite binds candidate \"" + id + "\", which is not a sample candidate; skipped.");
                continue;
            }
            candidates.add(new Runs.CandidateSpec(id, null, null));
        }
        String study = STUDY_PREFIX + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Runs.Hooks panel = participants > 0 ? new Panel(suite, panelTasks, candidates.stream()
                .map(Runs.CandidateSpec::id).toList(), study, model) : new Runs.Hooks() {
                    @Override
                    public String beforeAttempts(ResultsDestination destination, PrintStream out) {
                        out.println("Study:        " + study + " (expert paths only: no plan, no panel)");
                        return null;
                    }
                };
        return Runs.execute(new Runs.Plan(suite, selected, candidates, study, "demo", repeat, parallel, null, false, null,
                null, false, panel, !noA11y), out, err);
    }

    /** The simulated study around the expert paths: its plan locked before them, its panel after them. */
    private final class Panel implements Runs.Hooks {
        private final Suite suite;
        private final List<Task> tasks;
        private final List<String> candidateIds;
        private final String study;
        private final PanelModel model;
        private StoredPlan plan;

        Panel(Suite suite, List<Task> tasks, List<String> candidateIds, String study, PanelModel model) {
            this.suite = suite;
            this.tasks = tasks;
            this.candidateIds = candidateIds;
            this.study = study;
            this.model = model;
        }

        @Override
        public int instances() {
            return Math.min(atOnce, participants);
        }

        @Override
        public String beforeAttempts(ResultsDestination destination, PrintStream out) {
            try {
                // The panel's sessions are not audited: it would add about a third to the panel (BENCHMARKS.md, demo).
                plan = SimulatedStudy.lockPlan(destination, study, suite, tasks, candidateIds, participants, seed);
            } catch (RuntimeException e) {
                return "the simulated study's plan could not be locked: " + e.getMessage();
            }
            out.println("Study:        " + study + " (simulated), its plan locked as " + plan.hash() + ": "
                    + tasks.stream().map(Task::id).toList() + " on " + candidateIds + ", " + participants
                    + " simulated participants");
            return null;
        }

        @Override
        public int afterRun(Runs.Ran ran) throws IOException {
            PrintStream out = ran.out();
            if (Stop.requested()) {
                return BedsideCli.PROBLEM;
            }
            out.println();
            out.println(SimulatedPanel.BANNER);
            out.printf(Locale.ROOT, "Simulated panel: %d participants, %d at once, seed %d, tasks %s, model %s%n",
                    participants, instances(), seed, tasks.stream().map(Task::id).toList(),
                    panelModel == null ? PanelModel.SHIPPED_SOURCE : panelModel);
            SimulatedPanel.Outcome outcome = new SimulatedPanel(model, BrowserSettings.local(), ran.destination(),
                    ran.home().resolve("journal")).run(new SimulatedPanel.Plan(suite, tasks, ran.candidates(), study,
                    participants, instances(), seed), out);
            long broke = outcome.participants().stream().filter(t -> t.failure() != null).count();
            out.printf(Locale.ROOT, "Simulated panel: %d session(s) in %.0f s%s%n", outcome.participants().size(),
                    outcome.took().toMillis() / 1000.0, broke == 0 ? "" : "; " + broke + " broke off (above)");
            if (ran.store() == null) {
                out.println("The scores are at /api/studies/" + study + "/scores on the results server.");
                return outcome.complete() ? BedsideCli.OK : BedsideCli.PROBLEM;
            }
            StudyAnalysis analysis;
            try {
                analysis = new Scores(ran.store()).analyze(study, null);
            } catch (bedside.results.server.ApiProblem e) {
                ran.err().println("bedside demo: study " + study + " cannot be scored: " + e.getMessage());
                return BedsideCli.PROBLEM;
            }
            out.println();
            Tables.printBoard(out, analysis, plan.hash());
            analysis.warnings().forEach(w -> out.println("  warning: " + w));
            Path page = ran.reportDir().resolve("study").resolve("index.html");
            Files.createDirectories(page.getParent());
            StudyReports.Written written = StudyReports.write(ran.store(), study, page.getParent(), out);
            // The evaluator's pages link one another (the vendors' reports link nothing: each goes to its vendor alone).
            List<Pages.Link> studyPages = new ArrayList<>();
            studyPages.add(new Pages.Link("Board's decision page", "board.html"));
            written.candidates().forEach((c, p) -> studyPages.add(new Pages.Link("Report for " + c,
                    p.getFileName().toString())));
            List<Pages.Link> fromStudy = new ArrayList<>();
            fromStudy.add(new Pages.Link("Run report (expert paths)", "../index.html"));
            fromStudy.addAll(studyPages);
            Files.writeString(page, bedside.reports.analysis.StudyHtml.render(analysis, "Scored as the locked plan "
                    + plan.hash() + " says", fromStudy));
            List<Pages.Link> fromRun = new ArrayList<>();
            fromRun.add(new Pages.Link("Study analysis", "study/index.html"));
            studyPages.forEach(l -> fromRun.add(new Pages.Link(l.label(), "study/" + l.href())));
            ran.report().withLinks(fromRun);
            out.println("Study analysis: " + page);
            out.println("Board's decision page: " + written.board()
                    + (written.pdfs() ? " (and " + StudyReports.Written.pdfOf(written.board()).getFileName() + ")" : ""));
            written.candidates().forEach((c, p) -> out.println("Report for " + c + ": " + p
                    + (written.pdfs() ? " (and " + StudyReports.Written.pdfOf(p).getFileName() + ")" : "")));
            Path chpl = page.resolveSibling("chpl.csv");
            Files.writeString(chpl, new Scores(ran.store()).chplCsvOf(study, analysis));
            out.println("As ONC's certified product list has it (170.315(g)(3)): " + chpl);
            // Every attempt's replay: the paths' are linked from the run report; the panel's are found by this.
            out.println("Replays of every attempt, the panel's too: ./bedside replay " + study + " lists them");
            return outcome.complete() ? BedsideCli.OK : BedsideCli.PROBLEM;
        }
    }
}
