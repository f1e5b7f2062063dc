package bedside.harness.cli;

import bedside.harness.study.PlanMaker;
import bedside.harness.upload.ResultsDestination;
import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bedside study plan|lock|show}: a study's plan, written before the first session and locked so that nobody
 * can say the scoring moved after the results came in. The plan is made by {@link PlanMaker}; storing and locking it
 * is the destination's (the database, or the results server in team mode).
 */
final class StudyPlanCommands {
    private StudyPlanCommands() {
    }

    @Command(name = "plan", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = {"Writes the study's plan: the suite version (its content hash), the candidates, each task's "
                    + "success criteria, time limit and weight, and the analysis. An unlocked plan can be written again; "
                    + "a locked one never changes. Lock it with 'bedside study lock STUDY' before the first session.",
                    "Weights: --weights W.csv (task,weight or task,criticality,frequency; every planned task needs a row, "
                            + "weight 0 leaves a task out of the composite), or each task's criticality (high 3, medium 2, "
                            + "low 1) × frequency as the suite states them."},
            footerHeading = "%nExit codes:%n",
            footer = {"  0  written",
                    "  1  a problem in the weights file or the study, a candidate or task the suite",
                    "     does not have (located), or the plan is locked; nothing was written",
                    "  2  usage error, or the suite is invalid (its problems are printed, nothing is",
                    "     written)"})
    static final class Plan implements Callable<Integer> {
        @Parameters(paramLabel = "STUDY", description = "The study's code (made if it does not exist).")
        String study;

        @Option(names = "--suite", paramLabel = "PATH", required = true, description = "The suite the study runs.")
        Path suitePath;

        @Option(names = "--candidates", paramLabel = "ID", required = true, split = ",",
                description = "The candidates compared, each bound by the suite (comma-separated).")
        List<String> candidates = new ArrayList<>();

        @Option(names = "--task", paramLabel = "ID", description = "Plan only these tasks (repeatable; default: all).")
        List<String> taskIds = new ArrayList<>();

        @Option(names = "--weights", paramLabel = "W.csv", description = "The task weights (default: criticality × "
                + "frequency).")
        Path weights;

        @Option(names = "--participants", paramLabel = "N", defaultValue = "15",
                description = "Target participants per candidate (default: ${DEFAULT-VALUE}; 10 is the certified-health-IT "
                        + "minimum).")
        int participants;

        @Option(names = "--design", paramLabel = "within|between", defaultValue = "within",
                description = "within: every participant uses every candidate; between: one each (default: "
                        + "${DEFAULT-VALUE}).")
        String design;

        @Option(names = "--resamples", paramLabel = "N", defaultValue = "" + PlanMaker.DEFAULT_RESAMPLES,
                description = "Bootstrap resamples of the composite (default: ${DEFAULT-VALUE}).")
        int resamples;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "The bootstrap's seed (default: "
                + "${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--audit-sessions", description = {"Audit every session's screens for accessibility (WCAG 2.2 "
                + "A/AA with axe-core): after each task's clock stops, the screens the participant reached, detours "
                + "included, rebuilt from the attempt's replay. Every session of the study is then audited, and none "
                + "can be without it (default: sessions are not audited; the expert paths can be, with 'bedside run "
                + "--a11y')."})
        boolean auditSessions;

        @Option(names = "--simulated", description = {"A simulation, never a real study: its participants are stand-ins "
                + "(a program given the participant's mouse and keyboard, a rehearsal; 'bedside session ... --simulated'),"
                + " its reports say SIMULATED, and no person's session can join it, nor a stand-in's a real study."})
        boolean simulated;

        @Mixin
        Destinations.TeamOptions team = new Destinations.TeamOptions();

        @Override
        public Integer call() {
            PrintStream out = System.out;
            PrintStream err = System.err;
            if (!design.equals("within") && !design.equals("between")) {
                err.println("bedside study plan: --design must be within or between, not " + design);
                return BedsideCli.USAGE;
            }
            List<String> ids = new ArrayList<>(new LinkedHashSet<>(candidates));
            Runs.Loaded loaded = Runs.load("study plan", suitePath, ids, taskIds, err);
            if (loaded == null) {
                return BedsideCli.USAGE;
            }
            PlanMaker.Made made = PlanMaker.make(study, loaded.suite(), loaded.tasks(), new PlanMaker.Settings(ids,
                    weights, participants, design, resamples, seed, simulated, auditSessions),
                    weights == null ? null : weights.toString());
            if (!made.ok()) {
                made.problems().forEach(p -> err.println(p.startsWith(String.valueOf(weights)) ? p
                        : "bedside study plan: " + p));
                err.println("bedside study plan: nothing was written.");
                return BedsideCli.PROBLEM;
            }
            return withDestination("study plan", team, err, d -> {
                d.ensureStudy(study, study);
                for (String c : ids) {
                    // Named as a run names it, so the run's own ensureCandidate finds the same candidate.
                    var sample = bedside.candidates.SampleCandidates.describe(c);
                    d.ensureCandidate(study, c, sample == null ? c : sample.displayName(),
                            sample == null ? "(external)" : sample.vendor());
                }
                StoredPlan stored = d.savePlan(made.plan());
                describe(stored, out);
                out.println("Not locked yet: lock it before the first session with  bedside study lock " + study);
                return BedsideCli.OK;
            });
        }
    }

    @Command(name = "lock", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = {"Locks the study's plan: hashes it (SHA-256 over its canonical JSON), puts the hash into the "
                    + "study's evidence chain and prints it. From then on the plan cannot change, sessions may start, and "
                    + "every score and report names this hash. (Closing a study's evidence is a different thing: "
                    + "POST /api/studies/STUDY/lock on the results server.)"},
            footerHeading = "%nExit codes:%n",
            footer = {"  0  locked",
                    "  1  refused (no plan, already locked, simulated data in a real study),",
                    "     nothing changed",
                    "  2  usage error"})
    static final class Lock implements Callable<Integer> {
        @Parameters(paramLabel = "STUDY", description = "The study's code.")
        String study;

        @Mixin
        Destinations.TeamOptions team = new Destinations.TeamOptions();

        @Override
        public Integer call() {
            PrintStream out = System.out;
            return withDestination("study lock", team, System.err, d -> {
                StoredPlan locked = d.lockPlan(study);
                out.println("Locked the plan of study " + study + ": " + locked.hash());
                out.println("Sessions may start now; the plan cannot change. Check it any time with  bedside verify "
                        + study);
                return BedsideCli.OK;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = "Prints the study's plan: whether it is locked, its hash, the tasks with their weights and the "
                    + "analysis (--json: the plan's canonical JSON, the bytes its hash is taken over).",
            footerHeading = "%nExit codes:%n",
            footer = {"  0  printed", "  1  the study has no plan, or cannot be reached", "  2  usage error"})
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "STUDY", description = "The study's code.")
        String study;

        @Option(names = "--json", description = "Print the canonical JSON only.")
        boolean json;

        @Mixin
        Destinations.TeamOptions team = new Destinations.TeamOptions();

        @Override
        public Integer call() {
            PrintStream out = System.out;
            PrintStream err = System.err;
            return withDestination("study show", team, err, d -> {
                Optional<StoredPlan> plan = d.plan(study);
                if (plan.isEmpty()) {
                    err.println("bedside study show: study " + study + " has no plan: write one with  bedside study plan "
                            + study + " --suite SUITE --candidates a,b");
                    return BedsideCli.PROBLEM;
                }
                if (json) {
                    out.println(plan.get().json());
                } else {
                    describe(plan.get(), out);
                }
                return BedsideCli.OK;
            });
        }
    }

    /** The plan as a person reads it. */
    static void describe(StoredPlan stored, PrintStream out) {
        StudyPlan p = stored.plan();
        out.println("Plan of study " + p.study() + (p.simulated() ? " (SIMULATED)" : "") + ": "
                + (stored.locked() ? "locked " + stored.lockedAt() : "not locked"));
        out.println("  hash        " + stored.hash());
        out.println("  suite       " + p.suite().id() + (p.suite().version() == null ? "" : " " + p.suite().version())
                + " (" + p.suite().hash() + ")");
        out.println("  candidates  " + String.join(", ", p.candidates()));
        StudyPlan.Analysis a = p.analysis();
        out.println("  analysis    " + a.design() + "-subjects, " + a.participantsPerCandidate() + " participants per "
                + "candidate; composite " + a.composite() + " with " + a.resamples() + " bootstrap resamples (seed "
                + a.seed() + "), " + Math.round(a.confidence() * 100) + "% intervals");
        out.println("  sessions    " + (p.auditSessions() ? "audited for accessibility (WCAG 2.2 A/AA), every one"
                : "not audited for accessibility"));
        out.println(String.format("  %-28s %7s %8s %10s  %s", "TASK", "WEIGHT", "SPEC (s)", "LIMIT (s)",
                "SUCCESS CRITERIA"));
        for (StudyPlan.PlanTask t : p.tasks()) {
            out.println(String.format("  %-28s %7s %8s %10s  %s", t.id(), number(t.weight()),
                    t.timeSpecSeconds() == null ? "-" : number(t.timeSpecSeconds()), number(t.timeLimitSeconds()),
                    String.join("; ", t.successCriteria())));
        }
    }

    /** 9.0 as 9, 0.5 as 0.5. */
    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /**
     * Opens the destination (the database, or the results server in team mode), runs {@code work}, closes it. A refusal
     * (an unknown study, a locked plan, the server's problem) is printed as {@code bedside <command>: …}, exit 1.
     */
    static int withDestination(String command, Destinations.TeamOptions team, PrintStream err,
            Function<ResultsDestination, Integer> work) {
        Destinations.Team server;
        try {
            server = team.resolve();
        } catch (IllegalArgumentException e) {
            err.println("bedside " + command + ": " + e.getMessage());
            return BedsideCli.USAGE;
        }
        try (Destinations.Opened opened = Destinations.open(server, Home.data())) {
            return work.apply(opened.destination());
        } catch (RuntimeException e) { // a refusal of the store or the server: its message says what and why
            err.println("bedside " + command + ": " + e.getMessage());
            return BedsideCli.PROBLEM;
        }
    }
}
