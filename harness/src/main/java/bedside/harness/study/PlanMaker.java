package bedside.harness.study;

import bedside.reports.analysis.InputError;
import bedside.reports.analysis.StudyCsv;
import bedside.reports.analysis.TaskWeight;
import bedside.results.StudyPlan;
import bedside.scenarios.Check;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes a study's plan from the suite it runs and what the evaluator decides before the first session: the
 * candidates, the weights (from a WEIGHTS.csv, or criticality × frequency as the suite states them) and the analysis.
 * Pure apart from reading the weights file; it never stores anything.
 */
public final class PlanMaker {
    private PlanMaker() {
    }

    /**
     * What the evaluator decides.
     *
     * @param candidates               the candidates' codes, each bound by the suite
     * @param weights                  a WEIGHTS.csv ({@code task,weight} or {@code task,criticality,frequency}), or null
     *                                 for the suite's criticality × frequency
     * @param participantsPerCandidate the target sample per candidate
     * @param design                   {@code within} or {@code between}
     * @param resamples                bootstrap resamples of the composite
     * @param seed                     the bootstrap's seed
     * @param simulated                whether the study is a simulation (the demo's simulated panel)
     * @param auditSessions            whether every session of the study audits its screens for accessibility
     */
    public record Settings(List<String> candidates, Path weights, int participantsPerCandidate, String design,
                           int resamples, long seed, boolean simulated, boolean auditSessions) {
        public Settings {
            candidates = List.copyOf(candidates);
        }

        /** Settings of a study whose sessions are not audited for accessibility. */
        public Settings(List<String> candidates, Path weights, int participantsPerCandidate, String design,
                        int resamples, long seed, boolean simulated) {
            this(candidates, weights, participantsPerCandidate, design, resamples, seed, simulated, false);
        }
    }

    /** The bootstrap resamples of a plan's composite unless the evaluator says otherwise. */
    public static final int DEFAULT_RESAMPLES = 10_000;

    /** A plan, or every located problem that stopped it (nothing is made then). */
    public record Made(StudyPlan plan, List<String> problems) {
        public boolean ok() {
            return plan != null;
        }
    }

    /** The weight factor of a task's criticality: high 3, medium 2, low 1 (weight = factor × frequency). */
    public static double criticalityFactor(Task.Criticality c) {
        return switch (c) {
            case HIGH -> 3;
            case MEDIUM -> 2;
            case LOW -> 1;
        };
    }

    /**
     * Makes the plan of {@code study} over {@code tasks} of {@code suite}.
     *
     * @param weightsLabel how to name the weights file in messages (as the command line gave it)
     */
    public static Made make(String study, Suite suite, List<Task> tasks, Settings s, String weightsLabel) {
        List<String> problems = new ArrayList<>();
        if (s.candidates().isEmpty()) {
            problems.add("the plan names no candidates: give --candidates a,b");
        }
        for (String c : s.candidates()) {
            if (!suite.bindings().containsKey(c)) {
                problems.add("candidate \"" + c + "\" has no binding in suite " + suite.id() + " (bound: "
                        + String.join(", ", suite.bindings().keySet()) + ")");
            }
        }
        Map<String, Double> given = s.weights() == null ? null : weights(suite, tasks, s.weights(), weightsLabel,
                problems);
        if (!problems.isEmpty()) {
            return new Made(null, List.copyOf(problems));
        }
        List<StudyPlan.PlanTask> planned = new ArrayList<>();
        for (Task t : tasks) {
            Double w = given == null ? null : given.get(t.id());
            double c = criticalityFactor(t.criticality());
            planned.add(new StudyPlan.PlanTask(t.id(), w != null ? w : c * t.frequency(), w != null ? null : c,
                    w != null ? null : t.frequency(), t.timeLimitSeconds(), descriptions(t.successCriteria()),
                    descriptions(t.criticalChecks()), t.timeSpecSeconds()));
        }
        try {
            return new Made(new StudyPlan(StudyPlan.SCHEMA, study,
                    new StudyPlan.PlanSuite(suite.id(), suite.version(), suite.contentHash()), s.candidates(), planned,
                    new StudyPlan.Analysis(StudyPlan.Analysis.MEASURES, "sum", 0.95, s.resamples(), s.seed(), s.design(),
                            s.participantsPerCandidate()), s.simulated(), s.auditSessions()), List.of());
        } catch (IllegalArgumentException e) {
            return new Made(null, List.of(e.getMessage()));
        }
    }

    /** The weights file's weights by task; every problem located in it is added to {@code problems}. */
    private static Map<String, Double> weights(Suite suite, List<Task> tasks, Path file, String label,
            List<String> problems) {
        StudyCsv.Parsed<TaskWeight> read = StudyCsv.readWeights(file, label);
        read.errors().forEach(e -> problems.add(e.toString()));
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> planned = tasks.stream().map(Task::id).toList();
        for (int i = 0; i < read.rows().size(); i++) {
            TaskWeight w = read.rows().get(i);
            if (!planned.contains(w.task())) {
                problems.add(new InputError(label, read.lines().get(i), "task \"" + w.task() + "\" is not "
                        + (suite.task(w.task()).isPresent() ? "one of the planned tasks" : "a task of suite " + suite.id())
                        + " (tasks: " + String.join(", ", planned) + ")").toString());
            }
            out.put(w.task(), w.weight());
        }
        if (read.errors().isEmpty()) {
            List<String> missing = planned.stream().filter(t -> !out.containsKey(t)).toList();
            if (!missing.isEmpty()) {
                problems.add(new InputError(label, 0, "no weight for task(s) " + String.join(", ", missing)
                        + " (every planned task needs a row; weight 0 leaves a task out of the composite)").toString());
            }
        }
        return out;
    }

    private static List<String> descriptions(List<Check> checks) {
        return checks.stream().map(Check::description).filter(Objects::nonNull).toList();
    }
}
