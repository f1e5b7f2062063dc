package bedside.harness.cli;

import bedside.scenarios.Suite;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a suite's tasks on candidates: the evaluator's everyday command. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a suite's tasks (their scripted expert paths) on candidate systems in headless Chromium, "
                + "recording clicks, keystrokes, screens, dialogs, validation messages and time from inside the page. "
                + "The suite is validated first; an invalid suite runs nothing. Results are journalled (a crash loses "
                + "nothing: the next run uploads it), stored (embedded PostgreSQL in $BEDSIDE_HOME/pg, or the server "
                + "named by BEDSIDE_DB_URL) and written as an HTML report; a table of the attempts ends the output.",
                "",
                "A candidate id that names a sample candidate (streamlined, legacy) starts that sample on a free port "
                + "(one per --parallel session) unless --url is given; any other candidate needs --url and usually "
                + "--reset-url."},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  every attempt ran (whatever its outcome: success, failure, critical use",
                "     error)",
                "  1  at least one attempt ended in a script error or a system error, or could",
                "     not be stored yet (it is kept in the journal: 'bedside upload' sends it),",
                "     or the results server cannot be reached",
                "  2  usage error, or the suite is invalid (its problems are printed, nothing",
                "     is run)",
                "  3  the machine lacks something (browser, database): the message says what",
                "     to install"})
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUITE", description = "The suite: a folder (suite.yaml + bindings/) or a single file.")
    Path suitePath;

    @Option(names = "--candidate", paramLabel = "ID", required = true,
            description = "The candidate to run on, as the suite binds it (repeatable).")
    List<String> candidateIds = new ArrayList<>();

    @Option(names = "--url", paramLabel = "URL", description = "Where the candidate is served (one --candidate only).")
    String url;

    @Option(names = "--reset-url", paramLabel = "URL",
            description = "POSTed before each attempt to put the candidate back into its seeded state.")
    String resetUrl;

    @Option(names = "--task", paramLabel = "ID", description = "Run only these tasks (repeatable; default: all). Only they need a binding for the candidate; tasks its binding marks notApplicable are shown as n/a, never attempted.")
    List<String> taskIds = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Attempts per task and candidate (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Browser sessions at once (default: ${DEFAULT-VALUE}). A sample candidate gets one instance per session.")
    int parallel;

    @Option(names = "--grid", paramLabel = "URL", description = "Run the browsers on this Selenium Grid instead of locally.")
    String grid;

    @Option(names = "--screenshots", description = {"A screenshot after each step (in the report folder) and a click map per screen in the report.",
                    "Each screenshot takes some 30-80 ms, which the task time then includes (KLM does not change)."})
    boolean screenshots;

    @Option(names = "--a11y", description = {"Audit every screen each successful path reaches for accessibility (WCAG 2.2 "
            + "A/AA, Deque's axe-core): after the attempt, outside its clock, on the screens rebuilt from the attempt's "
            + "replay in a browser of the audit's own (with --no-replay the path is done again there instead), each "
            + "screen once per run. The report lists the faults by impact and WCAG criterion.",
            "About a second per new screen, and a browser's start per path that reaches one."})
    boolean a11y;

    @Option(names = "--no-replay", description = {"Record no DOM replay of the attempts (by default each attempt keeps "
            + "one, stored with it and played at GET /api/studies/S/attempts/ID/replay; inputs and the binding's "
            + "patient data masked)."})
    boolean noReplay;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every attempt's summary to FILE as JSON.")
    Path json;

    @Option(names = "--study", paramLabel = "CODE", defaultValue = "default",
            description = "The study the results belong to (default: ${DEFAULT-VALUE}).")
    String study;

    @Option(names = "--fresh", description = {"Start a new run even if the last run of this very command was cut off "
            + "(killed, crashed). By default such a run is resumed: the attempts it never began are run, under the same run."})
    boolean fresh;

    @Mixin
    Destinations.TeamOptions team = new Destinations.TeamOptions();

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (repeat < 1 || parallel < 1) {
            err.println("bedside run: --repeat and --parallel must be at least 1");
            return BedsideCli.USAGE;
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(candidateIds));
        if ((url != null || resetUrl != null) && ids.size() != 1) {
            err.println("bedside run: --url and --reset-url go with exactly one --candidate");
            return BedsideCli.USAGE;
        }
        URI base;
        URI reset;
        URL gridUrl;
        try {
            base = url == null ? null : absolute(url, "--url");
            reset = resetUrl == null ? null : absolute(resetUrl, "--reset-url");
            gridUrl = grid == null ? null : absolute(grid, "--grid").toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            err.println("bedside run: " + e.getMessage());
            return BedsideCli.USAGE;
        }
        Destinations.Team server;
        try {
            server = team.resolve();
        } catch (IllegalArgumentException e) {
            err.println("bedside run: " + e.getMessage());
            return BedsideCli.USAGE;
        }
        if (reset != null && base == null) {
            err.println("bedside run: --reset-url needs --url");
            return BedsideCli.USAGE;
        }

        Runs.Loaded loaded = Runs.load("run", suitePath, ids, taskIds, err);
        if (loaded == null) {
            return BedsideCli.USAGE;
        }
        Suite suite = loaded.suite();
        List<Runs.CandidateSpec> candidates = Runs.candidates("run", suite, ids, base, reset, err);
        if (candidates == null) {
            return BedsideCli.USAGE;
        }
        return Runs.execute(new Runs.Plan(suite, loaded.tasks(), candidates, study, "run", repeat, parallel, gridUrl,
                screenshots, json, server, fresh, Runs.Hooks.NONE, a11y, !noReplay), out, err);
    }

    /** An http or https URL with a host, or IllegalArgumentException naming the option. */
    static URI absolute(String text, String option) throws URISyntaxException {
        URI u = new URI(text);
        if (u.getScheme() == null || u.getHost() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
            throw new IllegalArgumentException(option + " must be an http or https URL, not \"" + text + "\"");
        }
        return u;
    }
}
