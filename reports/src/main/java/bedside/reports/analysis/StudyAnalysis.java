package bedside.reports.analysis;

import bedside.reports.stats.Interval;
import bedside.reports.stats.MeanEstimate;
import bedside.reports.stats.ProportionEstimate;
import bedside.reports.stats.SumComponents;
import bedside.reports.stats.SusSummary;
import bedside.reports.stats.TestResult;
import bedside.reports.stats.TimeEstimate;
import bedside.reports.stats.WeightSensitivity;
import java.util.List;

/**
 * The result of {@link StudyAnalyzer#analyze}: what OUT.json holds (see reports/README.md for every field).
 * Values that cannot be computed are null.
 *
 * @param design "within" (every participant used every candidate) or "between"
 * @param candidates per-candidate results, in order of first appearance in the attempts
 * @param comparisons pairwise comparisons per task (time and completion), with Holm-adjusted p-values
 * @param bootstrap the bootstrap settings used for the composite
 * @param problemDiscovery problem-discovery curve for the study's participant count
 * @param warnings non-fatal remarks (e.g. equal weights used because no weights were given)
 * @param simulated whether the attempts come from a simulated panel (see {@link #asSimulated()})
 */
public record StudyAnalysis(String design, List<CandidateAnalysis> candidates, List<Comparison> comparisons,
        Bootstrap bootstrap, ProblemDiscovery problemDiscovery, List<String> warnings, boolean simulated) {

    public StudyAnalysis(String design, List<CandidateAnalysis> candidates, List<Comparison> comparisons,
            Bootstrap bootstrap, ProblemDiscovery problemDiscovery, List<String> warnings) {
        this(design, candidates, comparisons, bootstrap, problemDiscovery, warnings, false);
    }

    /**
     * The same analysis of simulated data (the demo's panel): flagged in the JSON and under a banner on every page, with
     * a first warning saying so. Simulated data can never pass as real.
     */
    public StudyAnalysis asSimulated() {
        if (simulated) {
            return this;
        }
        List<String> w = new java.util.ArrayList<>();
        w.add(SIMULATED_WARNING);
        w.addAll(warnings);
        return new StudyAnalysis(design, candidates, comparisons, bootstrap, problemDiscovery, List.copyOf(w), true);
    }

    /**
     * How the ranking of the candidates by composite depends on each task's weight ({@link WeightSensitivity}): per
     * positively weighted task, the ranking with its weight × 0.5 and × 1.5 (the others as the plan fixed them),
     * whether the first candidate changes, and the weights at which adjacent candidates swap places. Derived from
     * what this analysis holds — each candidate's composite tasks ({@code composite.tasksUsed}), their SUM scores
     * and the weights ({@code bootstrap.weights}) — so it is the composite's own formula; candidates without a
     * composite are left out.
     */
    public List<WeightSensitivity.TaskSensitivity> sensitivity() {
        return WeightSensitivity.analyze(sensitivityCandidates(), planWeights());
    }

    /**
     * What {@link #sensitivity()} is computed from: each candidate with a composite, in candidate order, with the SUM
     * score of each task its composite is over ({@code composite.tasksUsed}, in task order). With
     * {@link #planWeights()}, {@link WeightSensitivity#composite} of one of them is its composite score.
     */
    public List<WeightSensitivity.Candidate> sensitivityCandidates() {
        List<WeightSensitivity.Candidate> in = new java.util.ArrayList<>();
        for (CandidateAnalysis c : candidates) {
            if (c.composite().score() == null) {
                continue;
            }
            java.util.Map<String, Double> scores = new java.util.LinkedHashMap<>();
            for (String task : c.composite().tasksUsed()) {
                c.tasks().stream().filter(t -> t.task().equals(task) && t.sum().score() != null).findFirst()
                        .ifPresent(t -> scores.put(task, t.sum().score()));
            }
            in.add(new WeightSensitivity.Candidate(c.candidate(), scores));
        }
        return List.copyOf(in);
    }

    /** The task weights the composite used ({@code bootstrap.weights}), task → weight in task order. */
    public java.util.Map<String, Double> planWeights() {
        java.util.Map<String, Double> w = new java.util.LinkedHashMap<>();
        bootstrap.weights().forEach(t -> w.put(t.task(), t.weight()));
        return java.util.Collections.unmodifiableMap(w);
    }

    /**
     * A flip as a person reads it: "swap places at weight 0.833 (0.833 × the plan's 1)", or "never within [0, ∞)".
     */
    public static String flipStatement(WeightSensitivity.Flip f, double planWeight) {
        if (f.atWeight() == null) {
            return "never within [0, \u221e)";
        }
        return "swap places at weight " + short3(f.atWeight()) + " (" + short3(f.atWeight() / planWeight)
                + " \u00d7 the plan's " + short3(planWeight) + ")";
    }

    /** Three decimals, trailing zeros dropped: 0.833, 1.2, 3. */
    private static String short3(double v) {
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.3f", v)).stripTrailingZeros()
                .toPlainString();
    }

    /** The warning every simulated analysis starts with. */
    public static final String SIMULATED_WARNING = "SIMULATED DATA: every participant is a simulated participant (the "
            + "demo's panel model), not a person; these figures show what Bedside computes, not any system's usability";

    /**
     * @param candidate candidate id
     * @param participants distinct participants with attempts on this candidate
     * @param tasks per-task results in order of first appearance
     * @param sus SUS summary (n = 0 when no questionnaires)
     * @param sum overall SUM
     * @param composite procurement composite
     * @param notScored attempts left out of every measure, per task and reason (empty when all were scored)
     * @param notApplicable the tasks that do not apply to this candidate, with why (empty when all apply): no
     *     measure, no place in its composite (the other weights renormalised), no comparison
     */
    public record CandidateAnalysis(String candidate, int participants, List<TaskAnalysis> tasks, SusSummary sus,
            SumOverall sum, Composite composite, List<NotScored> notScored, List<NotApplicable> notApplicable) {

        public CandidateAnalysis(String candidate, int participants, List<TaskAnalysis> tasks, SusSummary sus,
                SumOverall sum, Composite composite, List<NotScored> notScored) {
            this(candidate, participants, tasks, sus, sum, composite, notScored, List.of());
        }

        /** Whether this candidate's sample is large enough (see {@link SampleAdequacy}). */
        public SampleAdequacy adequacy() {
            return SampleAdequacy.of(participants);
        }

        /** Why the task does not apply to this candidate, or null when it does. */
        public String notApplicableReason(String task) {
            return notApplicable.stream().filter(n -> n.task().equals(task)).map(NotApplicable::reason).findFirst()
                    .orElse(null);
        }

        /** Every attempt of this candidate that was not scored, one entry per attempt. */
        public List<Exclusion> excluded() {
            return notScored.stream().flatMap(n -> java.util.Collections.nCopies(n.attempts(), n.reason()).stream())
                    .toList();
        }

        /** What was not scored at one task (empty when everything was). */
        public List<Exclusion> excluded(String task) {
            return notScored.stream().filter(n -> n.task().equals(task))
                    .flatMap(n -> java.util.Collections.nCopies(n.attempts(), n.reason()).stream()).toList();
        }

        /** E.g. "2 attempts not scored: system error", or "" when every attempt was scored. */
        public String notScoredSummary() {
            return Exclusion.summary(excluded());
        }
    }

    /**
     * Whether a candidate's participants are enough for a summative test, stated beside every figure: ONC's
     * certification criterion 170.315(g)(3) (safety-enhanced design, per NISTIR 7804) accepts no fewer than
     * {@value #MINIMUM} participants, and {@value #ADVISED} are advised (NISTIR 7804-1; Sauro &amp; Lewis 2016,
     * ch. 6-7: about 15 for a completion margin near ±20 points at 95 %).
     *
     * @param n distinct participants with attempts on the candidate
     */
    public record SampleAdequacy(int n) {
        public static final int MINIMUM = 10;
        public static final int ADVISED = 15;

        public static SampleAdequacy of(int n) {
            return new SampleAdequacy(n);
        }

        /** {@code below-minimum}, {@code below-advised} or {@code adequate}. */
        public String level() {
            return n < MINIMUM ? "below-minimum" : n < ADVISED ? "below-advised" : "adequate";
        }

        /** One sentence for a page or a table, e.g. "n = 8: under 10, the minimum for certified health IT". */
        public String statement() {
            return switch (level()) {
                case "below-minimum" -> "n = " + n + ": under " + MINIMUM + ", the minimum for a certified-health-IT "
                        + "summative test (170.315(g)(3)); under " + ADVISED + ", the advised sample";
                case "below-advised" -> "n = " + n + ": at least the minimum of " + MINIMUM + ", but under "
                        + ADVISED + ", the advised sample";
                default -> "n = " + n + ": at least the advised " + ADVISED;
            };
        }
    }

    /**
     * A task that does not apply to the candidate.
     *
     * @param task task id
     * @param reason why, as the evaluator wrote it
     */
    public record NotApplicable(String task, String reason) {
    }

    /**
     * Attempts of one candidate at one task that are not scored, for one reason.
     *
     * @param task task id
     * @param reason why they are not scored
     * @param attempts how many
     */
    public record NotScored(String task, Exclusion reason, int attempts) {
    }

    /**
     * @param task task id
     * @param attempts number of attempts
     * @param completion completion rate and adjusted-Wald interval
     * @param time successful-attempt times
     * @param errors errors per attempt (all attempts), interval clipped at 0
     * @param criticalErrors critical use errors, counted apart
     * @param rating task rating, or null when no attempt was rated
     * @param pathDeviation observed ÷ optimal steps, or null when not given
     * @param timeDeviation observed mean time ÷ optimal time, or null when not given
     * @param sum the task's SUM components and score
     * @param sampleSize sample-size advice from this task's data
     */
    public record TaskAnalysis(String task, int attempts, ProportionEstimate completion, TimeEstimate time,
            MeanEstimate errors, CriticalErrors criticalErrors, Rating rating, Deviation pathDeviation,
            Deviation timeDeviation, SumComponents sum, SampleSizeAdvice sampleSize) {
    }

    /**
     * @param total critical use errors summed over attempts (null when the column was not given)
     * @param attemptsWith attempts with at least one critical use error (null when not given)
     */
    public record CriticalErrors(Integer total, Integer attemptsWith) {
    }

    /**
     * @param scale top of the scale (5 or 7)
     * @param estimate mean, SD and t-interval clipped to [1, scale]
     * @param top2box share of ratings in the top two points
     */
    public record Rating(int scale, MeanEstimate estimate, Double top2box) {
    }

    /**
     * NISTIR 7742 deviation ratio over successful attempts.
     *
     * @param n successful attempts with an observation
     * @param observedMean mean observed steps / seconds (null when n = 0)
     * @param optimal optimal steps / expert seconds
     * @param ratio observedMean ÷ optimal (null when n = 0)
     */
    public record Deviation(int n, Double observedMean, double optimal, Double ratio) {
    }

    /**
     * @param completionMargin half-width used for completion (0.10)
     * @param completionN participants for that margin, planning with the adjusted-Wald centre
     *     p' = (x + z²/2)/(n + z²) of the observed data
     * @param timeRelativeMargin relative half-width used for the geometric mean (0.20 → ×/÷ 1.20)
     * @param timeN participants for that margin with the observed SD of ln t (null when n &lt; 2 or SD 0)
     * @param ratingMargin half-width used for the rating mean in scale points (0.5)
     * @param ratingN participants for that margin with the observed rating SD (null when n &lt; 2 or SD 0)
     */
    public record SampleSizeAdvice(double completionMargin, Integer completionN, double timeRelativeMargin,
            Integer timeN, double ratingMargin, Integer ratingN) {
    }

    /**
     * @param score mean of the task SUM scores (0–100), null when none
     * @param tasks number of tasks with a SUM score
     */
    public record SumOverall(Double score, int tasks) {
    }

    /**
     * @param score weighted composite 0–100 on the observed data
     * @param ci95 bootstrap percentile interval
     * @param pBest probability of ranking first
     * @param tasksUsed the weighted tasks the composite is computed over, in task order (empty when there is none)
     * @param renormalised true when a weighted task does not apply to the candidate: the composite is over its
     *     applicable tasks, their weights renormalised to sum to 1 (a warning says so)
     */
    public record Composite(Double score, Interval ci95, Double pBest, List<String> tasksUsed, boolean renormalised) {
        public Composite(Double score, Interval ci95, Double pBest) {
            this(score, ci95, pBest, List.of(), false);
        }
    }

    /**
     * @param task task id
     * @param a first candidate
     * @param b second candidate
     * @param measure "time" or "completion"
     * @param result the test
     * @param pHolm Holm-adjusted p across all of the study's comparisons with a p-value
     */
    public record Comparison(String task, String a, String b, String measure, TestResult result, Double pHolm) {
    }

    /**
     * @param seed generator seed
     * @param resamples number of resamples
     * @param resampling "joint" (within) or "per_candidate" (between)
     * @param weights the task weights used, in task order
     */
    public record Bootstrap(long seed, int resamples, String resampling, List<TaskWeight> weights) {
    }

    /**
     * @param participants the smallest number of participants any candidate had
     * @param curve P(problem seen at least once) for several problem frequencies p
     */
    public record ProblemDiscovery(int participants, List<DiscoveryPoint> curve) {
    }

    /**
     * @param p per-participant probability of meeting the problem
     * @param discovered 1 − (1 − p)ⁿ with the study's n
     * @param nFor85 participants needed to see it with probability ≥ 0.85
     */
    public record DiscoveryPoint(double p, double discovered, int nFor85) {
    }
}
