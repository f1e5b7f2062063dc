package bedside.reports.analysis;

import bedside.reports.analysis.StudyAnalysis.Bootstrap;
import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.Comparison;
import bedside.reports.analysis.StudyAnalysis.Composite;
import bedside.reports.analysis.StudyAnalysis.CriticalErrors;
import bedside.reports.analysis.StudyAnalysis.Deviation;
import bedside.reports.analysis.StudyAnalysis.DiscoveryPoint;
import bedside.reports.analysis.StudyAnalysis.NotScored;
import bedside.reports.analysis.StudyAnalysis.ProblemDiscovery;
import bedside.reports.analysis.StudyAnalysis.Rating;
import bedside.reports.analysis.StudyAnalysis.SampleSizeAdvice;
import bedside.reports.analysis.StudyAnalysis.SumOverall;
import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import bedside.reports.stats.Comparisons;
import bedside.reports.stats.Completion;
import bedside.reports.stats.CompositeBootstrap;
import bedside.reports.stats.Descriptive;
import bedside.reports.stats.MeanEstimate;
import bedside.reports.stats.MeanInterval;
import bedside.reports.stats.SampleSize;
import bedside.reports.stats.Sum;
import bedside.reports.stats.SumComponents;
import bedside.reports.stats.Sus;
import bedside.reports.stats.TaskTime;
import bedside.reports.stats.TestResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Study-level analysis: attempt rows, SUS rows and task weights in, {@link StudyAnalysis} out. Pure (no I/O);
 * the methods are those of package {@code bedside.reports.stats}. See reports/README.md.
 */
public final class StudyAnalyzer {
    /** Default bootstrap resamples. */
    public static final int DEFAULT_RESAMPLES = 10_000;
    /** Default seed when none is given. */
    public static final long DEFAULT_SEED = 1L;
    /** Completion margin used for sample-size advice. */
    public static final double COMPLETION_MARGIN = 0.10;
    /** Relative geometric-mean margin used for sample-size advice (×/÷ 1.20). */
    public static final double TIME_RELATIVE_MARGIN = 0.20;
    /** Rating margin (scale points) used for sample-size advice. */
    public static final double RATING_MARGIN = 0.5;
    /** Problem frequencies shown on the discovery curve. */
    static final double[] DISCOVERY_P = {0.05, 0.10, 0.20, 0.31};

    private StudyAnalyzer() {
    }

    /**
     * Options.
     *
     * @param seed bootstrap seed
     * @param resamples bootstrap resamples (≥ 1)
     */
    public record Options(long seed, int resamples) {
        /** Default options: seed 1, 10,000 resamples. */
        public static Options defaults() {
            return new Options(DEFAULT_SEED, DEFAULT_RESAMPLES);
        }
    }

    /**
     * Analyses a study.
     *
     * @param attempts attempt rows (at most one per participant × candidate × task)
     * @param sus SUS rows (may be empty)
     * @param weights task weights, or null for equal weights on every task
     * @param options seed and resamples
     * @throws IllegalArgumentException on duplicate attempts, inconsistent task constants or weights that do
     *     not match the tasks (the CSV reader reports these with file and line first)
     */
    public static StudyAnalysis analyze(List<AttemptRow> attempts, List<SusRow> sus, List<TaskWeight> weights,
            Options options) {
        return analyze(attempts, sus, weights, List.of(), options);
    }

    /**
     * Analyses a study in which some tasks do not apply to some candidates.
     *
     * @param notApplicable the n/a marks (candidate, task, reason): such a task gets no measures for that candidate,
     *     is left out of its composite (the other weighted tasks' weights renormalised, with a warning and
     *     {@code composite.renormalised}) and out of every comparison with it; it never counts as a failure or 0.
     *     A mark on a candidate without attempts is ignored; a mark beside
     *     scored attempts of the same candidate and task is ignored with a warning (the attempts count)
     * @throws IllegalArgumentException also on a repeated mark
     */
    public static StudyAnalysis analyze(List<AttemptRow> attempts, List<SusRow> sus, List<TaskWeight> weights,
            List<NotApplicableRow> notApplicable, Options options) {
        Objects.requireNonNull(attempts, "attempts");
        if (attempts.isEmpty()) {
            throw new IllegalArgumentException("no attempts");
        }
        List<String> warnings = new ArrayList<>();
        // Every candidate with an attempt, scored or not, in first-appearance order; what is not scored is set
        // aside here, before any measure sees it, and reported per candidate, task and reason.
        Map<String, Map<String, Map<Exclusion, Integer>>> excluded = new LinkedHashMap<>();
        Set<String> allTasks = new LinkedHashSet<>();
        for (AttemptRow r : attempts) {
            Map<String, Map<Exclusion, Integer>> mine = excluded.computeIfAbsent(r.candidate(), k -> new LinkedHashMap<>());
            allTasks.add(r.task());
            if (!r.scored()) {
                mine.computeIfAbsent(r.task(), k -> new java.util.EnumMap<>(Exclusion.class)).merge(r.excluded(), 1,
                        Integer::sum);
            }
        }
        List<AttemptRow> scored = attempts.stream().filter(AttemptRow::scored).toList();
        long notScored = attempts.size() - scored.size();
        if (notScored > 0) {
            warnings.add(Exclusion.summary(attempts.stream().filter(r -> !r.scored()).map(AttemptRow::excluded)
                    .toList()) + " (left out of every measure; see not_scored per candidate)");
        }
        // candidate -> task -> rows, both in first-appearance order
        Map<String, Map<String, List<AttemptRow>>> byCandidate = new LinkedHashMap<>();
        Set<String> taskOrder = new LinkedHashSet<>();
        Map<String, Set<String>> participantsByCandidate = new LinkedHashMap<>();
        Set<String> keys = new java.util.HashSet<>();
        for (AttemptRow r : scored) {
            if (!keys.add(r.participant() + "\u0000" + r.candidate() + "\u0000" + r.task())) {
                throw new IllegalArgumentException("duplicate attempt: " + r.participant() + ", " + r.candidate()
                        + ", " + r.task());
            }
            byCandidate.computeIfAbsent(r.candidate(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.task(), k -> new ArrayList<>()).add(r);
            taskOrder.add(r.task());
            participantsByCandidate.computeIfAbsent(r.candidate(), k -> new LinkedHashSet<>()).add(r.participant());
        }
        // n/a marks: candidate -> task -> reason, for candidates with attempts and tasks the study knows
        Map<String, Map<String, String>> na = new LinkedHashMap<>();
        for (NotApplicableRow m : notApplicable == null ? List.<NotApplicableRow>of() : notApplicable) {
            // A mark counts for a candidate with attempts, whether or not anyone attempted that task (a one-candidate
            // run with a task n/a shows it as n/a with its reason).
            if (!excluded.containsKey(m.candidate())) {
                continue;
            }
            Map<String, String> mine = na.computeIfAbsent(m.candidate(), k -> new LinkedHashMap<>());
            if (mine.containsKey(m.task())) {
                throw new IllegalArgumentException("task '" + m.task() + "' is marked not applicable twice for candidate '"
                        + m.candidate() + "'");
            }
            if (byCandidate.getOrDefault(m.candidate(), Map.of()).containsKey(m.task())) {
                warnings.add("candidate '" + m.candidate() + "' has attempts on task '" + m.task()
                        + "', which is marked not applicable: the attempts are used and the mark ignored");
                continue;
            }
            mine.put(m.task(), m.reason());
        }
        Set<String> allKnown = new LinkedHashSet<>(allTasks);
        na.values().forEach(m -> allKnown.addAll(m.keySet()));
        String design = detectDesign(participantsByCandidate, warnings);
        boolean within = design.equals("within");

        List<TaskWeight> usedWeights = resolveWeights(weights, taskOrder, allKnown, warnings);
        Map<String, Double> weightOf = new HashMap<>();
        usedWeights.forEach(w -> weightOf.put(w.task(), w.weight()));

        // per-candidate task analysis
        Map<String, List<TaskAnalysis>> taskResults = new LinkedHashMap<>();
        for (var e : byCandidate.entrySet()) {
            List<TaskAnalysis> list = new ArrayList<>();
            for (var t : e.getValue().entrySet()) {
                list.add(analyzeTask(e.getKey(), t.getKey(), t.getValue()));
            }
            taskResults.put(e.getKey(), list);
        }

        // composite bootstrap
        List<String> globalParticipants = new ArrayList<>(new LinkedHashSet<>(
                scored.stream().map(AttemptRow::participant).toList()));
        List<CompositeBootstrap.CandidateData> eligible = new ArrayList<>();
        Map<String, List<String>> tasksUsed = new HashMap<>();
        Set<String> renormalised = new java.util.HashSet<>();
        for (var e : byCandidate.entrySet()) {
            String cand = e.getKey();
            Map<String, String> notHere = na.getOrDefault(cand, Map.of());
            List<String> missing = usedWeights.stream().filter(w -> w.weight() > 0 && !e.getValue().containsKey(w.task())
                    && !notHere.containsKey(w.task())).map(TaskWeight::task).toList();
            List<String> skipped = usedWeights.stream().filter(w -> w.weight() > 0 && notHere.containsKey(w.task()))
                    .map(TaskWeight::task).toList();
            List<String> used = usedWeights.stream().filter(w -> w.weight() > 0 && e.getValue().containsKey(w.task()))
                    .map(TaskWeight::task).toList();
            if (missing.isEmpty() && !used.isEmpty()) {
                tasksUsed.put(cand, used);
                if (!skipped.isEmpty()) {
                    double all = usedWeights.stream().filter(w -> w.weight() > 0).mapToDouble(TaskWeight::weight).sum();
                    double kept = usedWeights.stream().filter(w -> used.contains(w.task())).mapToDouble(TaskWeight::weight).sum();
                    renormalised.add(cand);
                    warnings.add("candidate '" + cand + "': task(s) " + skipped + " do not apply to it; its composite is over "
                            + "its applicable tasks " + used + ", their weights renormalised (they carry "
                            + String.format(java.util.Locale.ROOT, "%.1f", 100 * kept / all) + "% of the total weight)");
                }
            }
            if (!missing.isEmpty()) {
                warnings.add("candidate '" + cand + "' has no attempts on weighted task(s) " + missing
                        + "; no composite for it");
                continue;
            }
            List<String> idx = within ? globalParticipants : new ArrayList<>(participantsByCandidate.get(cand));
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < idx.size(); i++) {
                index.put(idx.get(i), i);
            }
            List<CompositeBootstrap.TaskData> tasks = new ArrayList<>();
            for (var t : e.getValue().entrySet()) {
                double w = weightOf.getOrDefault(t.getKey(), 0.0);
                if (w > 0) {
                    tasks.add(taskData(t.getKey(), w, t.getValue(), index));
                }
            }
            eligible.add(new CompositeBootstrap.CandidateData(cand, idx.size(), tasks));
        }
        Map<String, CompositeBootstrap.Result> composites = new HashMap<>();
        if (usedWeights.stream().noneMatch(t -> t.weight() > 0)) {
            eligible.clear(); // nothing scored carries weight: no composite to bootstrap
        }
        for (CompositeBootstrap.Result r : CompositeBootstrap.run(eligible, within, options.resamples(),
                options.seed())) {
            composites.put(r.candidate(), r);
        }

        // SUS
        Map<String, List<Double>> susScores = new LinkedHashMap<>();
        for (SusRow s : sus == null ? List.<SusRow>of() : sus) {
            if (!excluded.containsKey(s.candidate())) {
                throw new IllegalArgumentException("SUS for candidate '" + s.candidate() + "' which has no attempts");
            }
            susScores.computeIfAbsent(s.candidate(), k -> new ArrayList<>()).add(Sus.score(s.responseArray()));
        }

        List<CandidateAnalysis> candidates = new ArrayList<>();
        for (String cand : excluded.keySet()) {
            List<TaskAnalysis> tasks = taskResults.getOrDefault(cand, List.of());
            double sumTotal = 0;
            int sumN = 0;
            for (TaskAnalysis t : tasks) {
                if (t.sum().score() != null) {
                    sumTotal += t.sum().score();
                    sumN++;
                }
            }
            CompositeBootstrap.Result cr = composites.get(cand);
            Composite comp = cr == null ? new Composite(null, null, null)
                    : new Composite(cr.score(), cr.ci95(), cr.pBest(), tasksUsed.getOrDefault(cand, List.of()),
                            renormalised.contains(cand));
            List<StudyAnalysis.NotApplicable> notHere = new ArrayList<>();
            na.getOrDefault(cand, Map.of()).forEach((task, why) -> notHere.add(new StudyAnalysis.NotApplicable(task, why)));
            double[] scores = susScores.getOrDefault(cand, List.of()).stream().mapToDouble(Double::doubleValue).toArray();
            List<NotScored> left = new ArrayList<>();
            excluded.get(cand).forEach((task, reasons) -> reasons.forEach((why, n) -> left.add(new NotScored(task, why, n))));
            candidates.add(new CandidateAnalysis(cand, participantsByCandidate.getOrDefault(cand, Set.of()).size(), tasks,
                    Sus.summarize(scores), new SumOverall(sumN == 0 ? null : sumTotal / sumN, sumN), comp,
                    List.copyOf(left), List.copyOf(notHere)));
        }

        List<Comparison> comparisons = compare(byCandidate, taskOrder, within);
        for (CandidateAnalysis c : candidates) {
            if (!c.adequacy().level().equals("adequate")) {
                warnings.add("candidate '" + c.candidate() + "': " + c.adequacy().statement());
            }
        }

        int minParticipants = participantsByCandidate.values().stream().mapToInt(Set::size).min().orElse(0);
        List<DiscoveryPoint> curve = new ArrayList<>();
        for (double p : DISCOVERY_P) {
            curve.add(new DiscoveryPoint(p, SampleSize.problemDiscovery(p, minParticipants),
                    SampleSize.participantsForDiscovery(p, 0.85)));
        }
        return new StudyAnalysis(design, candidates, comparisons,
                new Bootstrap(options.seed(), options.resamples(), within ? "joint" : "per_candidate", usedWeights),
                new ProblemDiscovery(minParticipants, curve), warnings);
    }

    /**
     * Design detection. "within" when every participant used every candidate (trivially so with one candidate),
     * and also when at least half of the participants used every candidate and the rest are dropouts (a
     * warning names them; paired tests then use the complete pairs). "between" when no participant used more
     * than one candidate, and otherwise (incidental overlap) with a warning that the overlapping participants'
     * attempts are treated as independent.
     */
    static String detectDesign(Map<String, Set<String>> participantsByCandidate, List<String> warnings) {
        int m = participantsByCandidate.size();
        Map<String, Integer> uses = new java.util.TreeMap<>();
        participantsByCandidate.values().forEach(set -> set.forEach(p -> uses.merge(p, 1, Integer::sum)));
        long complete = uses.values().stream().filter(u -> u == m).count();
        List<String> incomplete = uses.entrySet().stream().filter(e -> e.getValue() < m).map(Map.Entry::getKey)
                .toList();
        if (incomplete.isEmpty()) {
            return "within";
        }
        if (m > 1 && 2 * complete >= uses.size()) {
            warnings.add("within-subjects study with participants " + incomplete + " not using every candidate;"
                    + " paired tests use complete pairs, the bootstrap draws participants jointly");
            return "within";
        }
        List<String> shared = uses.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        if (!shared.isEmpty()) {
            warnings.add("participants " + shared + " used more than one candidate but not every candidate; analysed"
                    + " as between-subjects, which treats their attempts as independent");
        }
        return "between";
    }

    /**
     * The weights of the scored tasks. A weight may name a task whose attempts were all left out (not scored): it
     * is dropped with a warning, and the composite uses the other tasks.
     */
    private static List<TaskWeight> resolveWeights(List<TaskWeight> weights, Set<String> tasks, Set<String> allTasks,
            List<String> warnings) {
        if (weights == null) {
            warnings.add("no weights given: every task weighted 1 in the composite");
            return tasks.stream().map(t -> new TaskWeight(t, 1.0)).toList();
        }
        Map<String, Double> w = new LinkedHashMap<>();
        List<String> unscored = new ArrayList<>();
        for (TaskWeight tw : weights) {
            if (w.put(tw.task(), tw.weight()) != null) {
                throw new IllegalArgumentException("duplicate weight for task '" + tw.task() + "'");
            }
            if (!allTasks.contains(tw.task())) {
                throw new IllegalArgumentException("weight for task '" + tw.task() + "' which has no attempts");
            }
            if (!tasks.contains(tw.task())) {
                unscored.add(tw.task());
            }
        }
        if (!unscored.isEmpty()) {
            warnings.add("task(s) " + unscored + " have no scored attempt; their weights are left out of the composite");
        }
        if (tasks.isEmpty()) {
            return List.of();
        }
        for (String t : tasks) {
            if (!w.containsKey(t)) {
                throw new IllegalArgumentException("no weight for task '" + t + "'");
            }
        }
        if (w.values().stream().noneMatch(v -> v > 0)) {
            throw new IllegalArgumentException("every weight is zero");
        }
        List<TaskWeight> used = tasks.stream().map(t -> new TaskWeight(t, w.get(t))).toList();
        if (used.stream().noneMatch(t -> t.weight() > 0)) {
            warnings.add("no scored task has a positive weight: no composite");
        }
        return used;
    }

    /** Per-task constant (optimal steps etc.): the first value given; must agree across rows. */
    private static <T> T constant(List<AttemptRow> rows, java.util.function.Function<AttemptRow, T> f, String what) {
        T v = null;
        for (AttemptRow r : rows) {
            T x = f.apply(r);
            if (x != null) {
                if (v != null && !v.equals(x)) {
                    throw new IllegalArgumentException(what + " differs between attempts of candidate '"
                            + r.candidate() + "', task '" + r.task() + "'");
                }
                v = x;
            }
        }
        return v;
    }

    static TaskAnalysis analyzeTask(String candidate, String task, List<AttemptRow> rows) {
        int n = rows.size();
        int x = (int) rows.stream().filter(AttemptRow::success).count();
        double[] times = rows.stream().filter(AttemptRow::success).mapToDouble(AttemptRow::timeS).toArray();
        double[] errors = rows.stream().mapToDouble(AttemptRow::errors).toArray();
        int scale = constant(rows, AttemptRow::ratingScale, "rating_scale");
        double[] ratings = rows.stream().filter(r -> r.rating() != null).mapToDouble(AttemptRow::rating).toArray();

        CriticalErrors crit = rows.stream().allMatch(r -> r.criticalErrors() == null) ? new CriticalErrors(null, null)
                : new CriticalErrors(rows.stream().mapToInt(r -> r.criticalErrors() == null ? 0 : r.criticalErrors()).sum(),
                        (int) rows.stream().filter(r -> r.criticalErrors() != null && r.criticalErrors() > 0).count());
        Rating rating = null;
        if (ratings.length > 0) {
            long top = java.util.Arrays.stream(ratings).filter(v -> v >= scale - 1).count();
            rating = new Rating(scale, MeanInterval.estimate(ratings, 1, scale), (double) top / ratings.length);
        }

        Integer optSteps = constant(rows, AttemptRow::optimalSteps, "optimal_steps");
        Double optTime = constant(rows, AttemptRow::optimalTimeS, "optimal_time_s");
        Double spec = constant(rows, AttemptRow::timeSpecS, "time_spec_s");
        Integer opp = constant(rows, AttemptRow::errorOpportunities, "error_opportunities");
        Deviation path = null;
        if (optSteps != null) {
            double[] steps = rows.stream().filter(r -> r.success() && r.steps() != null).mapToDouble(AttemptRow::steps)
                    .toArray();
            Double mean = steps.length == 0 ? null : Descriptive.mean(steps);
            path = new Deviation(steps.length, mean, optSteps, mean == null ? null : mean / optSteps);
        }
        Deviation timeDev = null;
        if (optTime != null) {
            Double mean = times.length == 0 ? null : Descriptive.mean(times);
            timeDev = new Deviation(times.length, mean, optTime, mean == null ? null : mean / optTime);
        }
        long totalErrors = rows.stream().mapToLong(AttemptRow::errors).sum();
        SumComponents sum = Sum.task(new Sum.Input(n, x, times, spec, totalErrors,
                opp == null ? null : opp.doubleValue(), ratings, scale));

        // sample-size advice
        Integer timeN = null;
        if (times.length >= 2) {
            double[] logs = java.util.Arrays.stream(times).map(Math::log).toArray();
            double sd = Descriptive.sd(logs);
            if (sd > 0) {
                timeN = SampleSize.forMean(sd, Math.log(1 + TIME_RELATIVE_MARGIN));
            }
        }
        Integer ratingN = null;
        if (ratings.length >= 2 && Descriptive.sd(ratings) > 0) {
            ratingN = SampleSize.forMean(Descriptive.sd(ratings), RATING_MARGIN);
        }
        SampleSizeAdvice advice = new SampleSizeAdvice(COMPLETION_MARGIN,
                SampleSize.forCompletion(planningRate(x, n), COMPLETION_MARGIN), TIME_RELATIVE_MARGIN, timeN,
                RATING_MARGIN, ratingN);

        MeanEstimate err = MeanInterval.estimate(errors, 0, Double.POSITIVE_INFINITY);
        return new TaskAnalysis(task, n, Completion.estimate(x, n), TaskTime.estimate(times), err, crit, rating, path,
                timeDev, sum, advice);
    }

    /**
     * Planning value for completion sample-size advice: the adjusted-Wald centre p' = (x + z²/2)/(n + z²),
     * which is 0.5 with no data and never 0 or 1 (where n = z²p(1−p)/d² − z² would say "one participant").
     */
    static double planningRate(int x, int n) {
        double z2 = bedside.reports.stats.Dist.Z95 * bedside.reports.stats.Dist.Z95;
        return (x + z2 / 2) / (n + z2);
    }

    private static CompositeBootstrap.TaskData taskData(String task, double weight, List<AttemptRow> rows,
            Map<String, Integer> index) {
        int n = rows.size();
        int[] p = new int[n];
        boolean[] s = new boolean[n];
        double[] t = new double[n];
        int[] e = new int[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            AttemptRow a = rows.get(i);
            p[i] = index.get(a.participant());
            s[i] = a.success();
            t[i] = a.success() ? a.timeS() : Double.NaN;
            e[i] = a.errors();
            r[i] = a.rating() == null ? Double.NaN : a.rating();
        }
        Double spec = constant(rows, AttemptRow::timeSpecS, "time_spec_s");
        Integer opp = constant(rows, AttemptRow::errorOpportunities, "error_opportunities");
        boolean anyRating = rows.stream().anyMatch(a -> a.rating() != null);
        int scale = constant(rows, AttemptRow::ratingScale, "rating_scale");
        return new CompositeBootstrap.TaskData(task, weight, p, s, t, e, r, spec == null ? Double.NaN : spec,
                opp == null ? Double.NaN : opp, anyRating ? Sum.satisfactionSpec(scale) : Double.NaN);
    }

    private static List<Comparison> compare(Map<String, Map<String, List<AttemptRow>>> byCandidate,
            Set<String> taskOrder, boolean within) {
        List<String> cands = new ArrayList<>(byCandidate.keySet());
        List<String> tasksList = new ArrayList<>();
        List<String> aList = new ArrayList<>();
        List<String> bList = new ArrayList<>();
        List<String> measures = new ArrayList<>();
        List<TestResult> results = new ArrayList<>();
        for (String task : taskOrder) {
            for (int i = 0; i < cands.size(); i++) {
                for (int j = i + 1; j < cands.size(); j++) {
                    List<AttemptRow> ra = byCandidate.get(cands.get(i)).get(task);
                    List<AttemptRow> rb = byCandidate.get(cands.get(j)).get(task);
                    if (ra == null || rb == null) {
                        continue;
                    }
                    TestResult time;
                    TestResult completion;
                    if (within) {
                        Map<String, AttemptRow> mb = new HashMap<>();
                        rb.forEach(r -> mb.put(r.participant(), r));
                        List<double[]> pairs = new ArrayList<>();
                        int both = 0;
                        int onlyA = 0;
                        int onlyB = 0;
                        int neither = 0;
                        for (AttemptRow a : ra) {
                            AttemptRow b = mb.get(a.participant());
                            if (b == null) {
                                continue;
                            }
                            if (a.success() && b.success()) {
                                both++;
                                pairs.add(new double[] {a.timeS(), b.timeS()});
                            } else if (a.success()) {
                                onlyA++;
                            } else if (b.success()) {
                                onlyB++;
                            } else {
                                neither++;
                            }
                        }
                        time = Comparisons.pairedLogTime(pairs.stream().mapToDouble(d -> d[0]).toArray(),
                                pairs.stream().mapToDouble(d -> d[1]).toArray());
                        completion = Comparisons.mcnemarExact(both, onlyA, onlyB, neither);
                    } else {
                        double[] ta = ra.stream().filter(AttemptRow::success).mapToDouble(AttemptRow::timeS).toArray();
                        double[] tb = rb.stream().filter(AttemptRow::success).mapToDouble(AttemptRow::timeS).toArray();
                        time = Comparisons.welchLogTime(ta, tb);
                        completion = Comparisons.twoProportions(ta.length, ra.size(), tb.length, rb.size());
                    }
                    for (TestResult tr : List.of(time, completion)) {
                        tasksList.add(task);
                        aList.add(cands.get(i));
                        bList.add(cands.get(j));
                        measures.add(tr == time ? "time" : "completion");
                        results.add(tr);
                    }
                }
            }
        }
        double[] p = results.stream().mapToDouble(r -> r.p() == null ? Double.NaN : r.p()).toArray();
        double[] holm = Comparisons.holm(p);
        List<Comparison> out = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            out.add(new Comparison(tasksList.get(k), aList.get(k), bList.get(k), measures.get(k), results.get(k),
                    Descriptive.orNull(holm[k])));
        }
        return out;
    }
}
