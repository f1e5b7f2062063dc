package bedside.harness.cli;

import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.scenarios.Suite;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job end to end on embedded defaults: sample candidates up, the shipped suite run on each in
 * headless Chromium, results stored, report written.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the shipped suite on the two sample candidate systems end to end: starts them on free "
                + "localhost ports, runs every task's expert path in headless Chromium while recording clicks, keystrokes "
                + "and time, stores the results (embedded PostgreSQL in $BEDSIDE_HOME/pg, or the server named by "
                + "BEDSIDE_DB_URL), and writes an HTML report.",
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
        Runs.Loaded loaded = Runs.load("demo", suitePath == null ? Home.shippedSuite() : suitePath, taskIds, System.err);
        if (loaded == null) {
            return BedsideCli.USAGE;
        }
        Suite suite = loaded.suite();
        var selected = loaded.tasks();

        List<Runs.CandidateSpec> candidates = new ArrayList<>();
        for (String id : suite.candidates()) {
            if (!SampleCandidates.ids().contains(id)) {
                System.err.println("bedside demo: the suite binds candidate \"" + id + "\", which is not a sample candidate; skipped.");
                continue;
            }
            candidates.add(new Runs.CandidateSpec(id, null, null));
        }
        return Runs.execute(new Runs.Plan(suite, selected, candidates, STUDY, "demo", repeat, 1, null, false, null,
                null, false), out,
                System.err);
    }
}
