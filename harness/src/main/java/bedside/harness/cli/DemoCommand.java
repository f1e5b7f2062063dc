package bedside.harness.cli;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.journal.Journal;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.SuiteRunner;
import bedside.harness.run.TaskRunner;
import bedside.reports.run.RunReport;
import bedside.results.Outcome;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import bedside.scenarios.ReadResult;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job end to end on embedded defaults: sample candidates up, the shipped suite run on each in
 * headless Chromium, results stored, report written.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the shipped suite on the two sample candidate systems end to end:",
                "starts them on free localhost ports, runs every task's expert path in headless Chromium while",
                "recording clicks, keystrokes and time, stores the results (embedded PostgreSQL in",
                "$BEDSIDE_HOME/pg, or the server named by BEDSIDE_DB_URL), and writes an HTML report.",
                "Each run adds a new run; earlier runs are kept as they were."})
public final class DemoCommand implements Callable<Integer> {
    static final String STUDY = "demo";

    @Option(names = "--suite", paramLabel = "PATH", description = "The suite file or folder (default: the shipped sed-core suite).")
    Path suitePath;

    @Option(names = "--task", paramLabel = "ID", description = "Run only these tasks (repeatable; default: all).")
    List<String> taskIds = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Attempts per task and candidate (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        BrowserSettings browser = BrowserSettings.local();
        if (browser.problem() != null) {
            throw new BedsideCli.EnvironmentProblem(browser.problem());
        }
        if (repeat < 1) {
            System.err.println("bedside demo: --repeat must be at least 1");
            return BedsideCli.USAGE;
        }
        Path path = suitePath == null ? Home.shippedSuite() : suitePath;
        ReadResult read = SuiteReader.read(path);
        if (read.suite() == null) {
            read.problems().forEach(p -> System.err.println(p));
            System.err.println("bedside demo: the suite " + path + " is invalid; nothing was run.");
            return BedsideCli.USAGE;
        }
        Suite suite = read.suite();
        var selected = suite.tasks().stream().filter(t -> taskIds.isEmpty() || taskIds.contains(t.id())).toList();
        if (selected.isEmpty()) {
            System.err.println("bedside demo: no task of " + suite.id() + " matches " + taskIds);
            return BedsideCli.USAGE;
        }

        Path home = Home.data();
        out.println("Bedside demo: suite " + suite.id() + " " + suite.version() + " (" + selected.size() + " task"
                + (selected.size() == 1 ? "" : "s") + "), data in " + home);
        List<SampleCandidate> samples = new ArrayList<>();
        try (Database db = Database.open(DatabaseConfig.fromEnvironment(home))) {
            out.println("Results database: " + db.config().describe());
            List<CandidateTarget> targets = new ArrayList<>();
            for (String id : suite.candidates()) {
                if (!SampleCandidates.ids().contains(id)) {
                    System.err.println("bedside demo: the suite binds candidate \"" + id + "\", which is not a sample candidate; skipped.");
                    continue;
                }
                SampleCandidate c = SampleCandidates.start(id, 0);
                samples.add(c);
                targets.add(new CandidateTarget(c.id(), c.displayName(), c.vendor(), c.baseUrl(),
                        URI.create(c.baseUrl() + "/admin/reset")));
                out.printf(Locale.ROOT, "Candidate up: %-12s %s%n", c.id(), c.baseUrl());
            }

            ResultsStore store = new ResultsStore(db);
            Uploads.replayJournals(store, home.resolve("journal"), out);
            store.ensureStudy(STUDY, "Bedside demo study");
            for (CandidateTarget t : targets) {
                store.ensureCandidate(STUDY, t.id(), t.displayName(), t.vendor());
            }
            SuiteRunner.registerSuite(store, suite);

            UUID runId = UUID.randomUUID();
            SuiteRunner.Outcome result;
            try (Journal journal = Journal.open(home.resolve("journal"), runId)) {
                result = new SuiteRunner(new TaskRunner(browser), store, journal, STUDY)
                        .run(runId, suite, targets, selected, repeat, "demo", out, a -> { });
            }

            Path reportDir = home.resolve("reports").resolve(
                    DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(result.run().startedAt())
                            + "-" + runId.toString().substring(0, 8));
            Path report = Reports.writeRunReport(reportDir, result.run(), suite, targets, result.attempts());
            out.println();
            Tables.printAttempts(out, result.attempts());
            out.println();
            out.println("Stored as run " + runId + " in " + db.config().describe());
            out.println("Report: " + report);
            boolean broken = result.attempts().stream().map(a -> a.attempt().outcome())
                    .anyMatch(o -> o == Outcome.SCRIPT_ERROR || o == Outcome.SYSTEM_ERROR);
            return broken ? BedsideCli.PROBLEM : BedsideCli.OK;
        } finally {
            samples.forEach(SampleCandidate::close);
        }
    }
}
