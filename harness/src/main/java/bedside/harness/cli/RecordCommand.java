package bedside.harness.cli;

import bedside.candidates.SampleCandidate;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.harness.demonstrate.BindingFile;
import bedside.harness.demonstrate.Demonstration;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.CheckResult;
import bedside.harness.run.Stop;
import bedside.harness.session.ParticipantWatcher;
import bedside.harness.session.SessionPanel;
import bedside.results.Outcome;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A binding written by demonstration: the evaluator does the task once, Bedside writes its steps and replays them. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Writes a task's steps into a candidate's binding by watching you do the task once.",
                "",
                "The candidate opens in a Chromium window, already at the task's starting screen (the binding's setup "
                + "for the task runs first: log-on, the start page); the task panel opens beside it with the task's "
                + "text. Press Start, do the task in the candidate's window as a clinician would, press Done. Bedside "
                + "then writes what you did as the task's `steps:` in the binding file (the old file is kept beside it "
                + "as FILE.before-record; every other line stays as it was) and replays the new steps once, headless, "
                + "with the suite's checks.",
                "",
                "Each element is found again by a test id, its role and accessible name, its label, a stable attribute "
                + "or its text — never by its place in the page or by class names. What you type is written as the "
                + "suite's parameter where it equals one ($${patient.nhsNumber}), so patient data is not copied into "
                + "the binding. Clicks on nothing, and screens you visit and leave, are not steps. Read the steps "
                + "through: a comment marks any that could not be found robustly.",
                "",
                "The task must have an entry in the binding with its setup, e.g.",
                "  record-allergy:",
                "    setup:",
                "      - use: log-on",
                "        with: {user: \"$${clinician.user}\", password: \"$${clinician.password}\"}",
                "    steps: []"},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  the steps were written and the replay met every check",
                "  1  nothing was written (nothing was done, setup failed), or the replay",
                "     did not succeed (the file is written: fix the steps it names, then",
                "     'bedside run' the task)",
                "  2  usage error: an invalid suite, an unknown candidate or task, a task",
                "     with no entry in the binding",
                "  3  the machine lacks something (browser, a display for the headed window)"})
public final class RecordCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SUITE", description = "The suite: a folder (suite.yaml + bindings/) or a single file.")
    Path suitePath;

    @Option(names = "--candidate", paramLabel = "ID", required = true, description = "The candidate whose binding is written.")
    String candidate;

    @Option(names = "--task", paramLabel = "ID", required = true, description = "The task to demonstrate.")
    String task;

    @Option(names = "--url", paramLabel = "URL", description = "Where the candidate is served (default for a sample "
            + "candidate: started on a free port).")
    String url;

    @Option(names = "--reset-url", paramLabel = "URL", description = "POSTed before the demonstration and the replay to "
            + "reset the candidate.")
    String resetUrl;

    @Option(names = "--panel-port", paramLabel = "N", defaultValue = "0",
            description = "The port of the task panel on 127.0.0.1 (default: any free port).")
    int panelPort;

    @Option(names = "--no-panel-window", description = "Do not open the task panel's window: open the printed address "
            + "yourself.")
    boolean noPanelWindow;

    @Option(names = "--headless", description = "Run the candidate's browser headless and open no panel window (to try "
            + "the command without a display; a demonstration needs the headed window).")
    boolean headless;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        URI base;
        URI reset;
        try {
            base = url == null ? null : RunCommand.absolute(url, "--url");
            reset = resetUrl == null ? null : RunCommand.absolute(resetUrl, "--reset-url");
        } catch (URISyntaxException | IllegalArgumentException e) {
            err.println("bedside record: " + e.getMessage());
            return BedsideCli.USAGE;
        }
        Runs.Loaded loaded = Runs.load("record", suitePath, List.of(candidate), List.of(task), err);
        if (loaded == null) {
            return BedsideCli.USAGE;
        }
        Suite suite = loaded.suite();
        Task t = loaded.tasks().get(0);
        List<Runs.CandidateSpec> specs = Runs.candidates("record", suite, List.of(candidate), base, reset, err);
        if (specs == null) {
            return BedsideCli.USAGE;
        }
        if (!suite.bindings().get(candidate).tasks().containsKey(task)) {
            err.println("bedside record: the binding of " + candidate + " (" + suite.bindings().get(candidate).at().file()
                    + ") has no entry for task " + task + ": add one with its setup and `steps: []` (see --help)");
            return BedsideCli.USAGE;
        }
        BrowserSettings shown = Runs.personsBrowser(headless, "a demonstration needs a browser window you can work in,"
                + " and there is no display here (DISPLAY is not set); --headless runs it without one (the panel's address"
                + " is printed, but nobody can work in a headless window)");
        BrowserSettings local = BrowserSettings.local();
        Stop.install();
        List<SampleCandidate> samples = new ArrayList<>();
        try (SessionPanel panel = SessionPanel.start(panelPort)) {
            var binding = suite.bindings().get(candidate);
            CandidateTarget target = Runs.bringUp(specs.get(0), 1, samples, !binding.reset().isEmpty(), out, err).target();
            out.println("Task panel:   " + panel.url());
            out.println("Press Start in the panel, do \"" + t.title() + "\" in the candidate's window, then press Done.");
            Browsers.Session panelWindow = Runs.panelWindow(shown, panel, !noPanelWindow && !headless);
            Demonstration.Result r;
            try {
                SessionPanel.TaskView view = SessionPanel.TaskView.of(suite, t, 1, 1);
                r = new Demonstration(shown, local).record(suitePath, suite, t, target,
                        panel.performer(view, ParticipantWatcher.NONE));
                panel.finished(r.problem() == null ? "Thank you: the steps are written and being replayed. See the"
                        + " terminal." : "Nothing was written: see the terminal.");
            } finally {
                if (panelWindow != null) {
                    panelWindow.close();
                }
            }
            return report(r, out, err);
        } finally {
            samples.forEach(SampleCandidate::close);
        }
    }

    private int report(Demonstration.Result r, PrintStream out, PrintStream err) {
        if (r.written() == null) {
            err.println("bedside record: " + r.problem());
            return BedsideCli.PROBLEM;
        }
        out.println();
        out.println("Wrote " + r.steps().size() + " step(s) of " + task + " into " + r.written() + " (it was kept as "
                + r.backup() + "):");
        BindingFile.stepLines(r.steps(), 2).forEach(out::println);
        if (r.problem() != null) {
            r.invalid().forEach(err::println);
            err.println("bedside record: " + r.problem());
            return BedsideCli.PROBLEM;
        }
        var a = r.replay().attempt();
        out.println();
        out.println("Replayed headless: " + a.outcome().code() + (a.reason() == null ? "" : " — " + a.reason()));
        for (CheckResult c : r.replay().checks()) {
            out.println("  " + (c.passed() ? "met        " + c.description()
                    : (c.unanswered() ? "unchecked  " : "NOT MET    ") + c.shown()));
        }
        if (a.outcome() != Outcome.SUCCESS) {
            err.println("bedside record: the written steps did not pass the suite's checks on replay: read them through,"
                    + " fix what the replay names, and try 'bedside run " + suitePath + " --candidate " + candidate
                    + " --task " + task + "'");
            return BedsideCli.PROBLEM;
        }
        return BedsideCli.OK;
    }
}
