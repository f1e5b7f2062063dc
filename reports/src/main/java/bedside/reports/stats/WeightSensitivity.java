package bedside.reports.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the board's ranking depends on each task's weight: a one-at-a-time sensitivity analysis of the procurement
 * composite — a "one factor at a time" design (Saltelli et al. 2008, <i>Global Sensitivity Analysis: The Primer</i>),
 * solved exactly rather than sampled.
 *
 * <p><b>The composite</b> is the one {@link CompositeBootstrap} computes on the observed data: for candidate c,
 * C_c = Σ_u w_u·S_cu / Σ_u w_u over the tasks u with w_u &gt; 0 that c's composite is over (a task that does not
 * apply to c is not among them: its other weights are renormalised), S_cu the task's SUM (0–100, {@link Sum}).
 *
 * <p><b>One weight moved.</b> Hold every weight but task t's fixed and write A_c = Σ_{u≠t} w_u·S_cu,
 * D_c = Σ_{u≠t} w_u over c's tasks, e_c = 1 when t is among c's tasks (else 0) and s_c = S_ct. Then
 * C_c(w) = (A_c + e_c·s_c·w) / (D_c + e_c·w), a ratio of linear functions of w, defined where D_c + e_c·w &gt; 0.
 * For two candidates a, b both denominators are positive there, so C_a(w) = C_b(w) exactly when
 * N(w) = (A_a + e_a s_a w)(D_b + e_b w) − (A_b + e_b s_b w)(D_a + e_a w) = 0, i.e.
 * <pre>
 *   N(w) = e_a e_b (s_a − s_b)·w² + (e_b A_a + e_a s_a D_b − e_a A_b − e_b s_b D_a)·w + (A_a D_b − A_b D_a)
 * </pre>
 * When a and b are over the same tasks (D_a = D_b = D, e_a = e_b = 1) this factors as
 * (w + D)·((s_a − s_b)·w + (A_a − A_b)): the only crossing at w ≥ 0 is w* = (A_b − A_a)/(s_a − s_b), the
 * familiar break-even weight of a weighted mean. In general (renormalised candidates) N is a quadratic with at
 * most two roots, taken with the numerically stable form q = −(a₁ + sign(a₁)·√Δ)/2, roots q/a₂ and a₀/q (Press et
 * al., <i>Numerical Recipes</i>, 3rd ed., §5.6). A crossing is reported when it is a simple root (N changes sign:
 * the two swap places) at a weight w ≥ 0 where both composites are defined; a double root (the two touch without
 * swapping) and identical composites (N ≡ 0) are not crossings.
 *
 * <p>Pure: plain values in, records out.
 */
public final class WeightSensitivity {
    /** The factors the plan's weight is multiplied by: ×0.5 and ×1.5, every other weight unchanged. */
    public static final double HALF = 0.5;
    public static final double ONE_AND_A_HALF = 1.5;

    private WeightSensitivity() {
    }

    /**
     * A candidate's composite inputs.
     *
     * @param candidate candidate id
     * @param taskScores the SUM score (0–100) of each task its composite is over (tasks that do not apply to it are
     *     absent); tasks without a positive weight are ignored
     */
    public record Candidate(String candidate, Map<String, Double> taskScores) {
        public Candidate {
            Objects.requireNonNull(candidate, "candidate");
            // insertion order kept (not Map.copyOf, whose order varies between JVM runs): sums are taken in task
            // order, so the same inputs always give the same bits
            taskScores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(taskScores));
        }
    }

    /**
     * Where two candidates adjacent in the ranking at the plan's weights swap places as one task's weight moves.
     *
     * @param higher the candidate ranked higher at the plan's weights
     * @param lower the candidate ranked just below it
     * @param atWeight the task weight (others fixed) at which their composites are equal and they swap, or null
     *     when they never swap within [0, ∞)
     */
    public record Flip(String higher, String lower, Double atWeight) {
    }

    /**
     * One task's sensitivity.
     *
     * @param task task id
     * @param weight the plan's weight
     * @param ranking candidates by composite at the plan's weights, best first (ties keep the given order)
     * @param atHalf the ranking with this task's weight × 0.5 (candidates tied there keep their order in
     *     {@code ranking}: a tie is not a change)
     * @param atOneAndAHalf the ranking with this task's weight × 1.5 (ties as for {@code atHalf})
     * @param topChanges whether the first candidate at × 0.5 or at × 1.5 differs from the first at the plan's weights
     * @param flips per pair of adjacent candidates in {@code ranking}, in ranking order: each weight at which they swap
     *     (ascending; at most two), or one entry with a null weight when they never do
     */
    public record TaskSensitivity(String task, double weight, List<String> ranking, List<String> atHalf,
            List<String> atOneAndAHalf, boolean topChanges, List<Flip> flips) {
    }

    /**
     * The sensitivity of the ranking to each positively weighted task's weight.
     *
     * @param candidates the candidates with a composite (a candidate whose composite is undefined, with no
     *     positively weighted task, is left out of every ranking)
     * @param weights every task's weight, in task order (tasks with weight 0 get no entry: they are out of the
     *     composite by the plan's choice)
     * @return one entry per task with a positive weight, in the order of {@code weights}
     */
    public static List<TaskSensitivity> analyze(List<Candidate> candidates, Map<String, Double> weights) {
        List<Candidate> given = candidates.stream().filter(c -> !Double.isNaN(composite(c, weights))).toList();
        List<String> base = ranking(given, weights);
        // the candidates in the plan's ranking order, so that a tie at a moved weight keeps that order: only a
        // candidate that strictly overtakes another changes a ranking
        Map<String, Candidate> byId = new LinkedHashMap<>();
        given.forEach(c -> byId.put(c.candidate(), c));
        List<Candidate> ranked = base.stream().map(byId::get).toList();
        List<TaskSensitivity> out = new ArrayList<>();
        for (var e : weights.entrySet()) {
            String task = e.getKey();
            double w = e.getValue();
            if (!(w > 0)) {
                continue;
            }
            List<String> half = ranking(ranked, with(weights, task, w * HALF));
            List<String> more = ranking(ranked, with(weights, task, w * ONE_AND_A_HALF));
            boolean topChanges = !base.isEmpty()
                    && (!half.get(0).equals(base.get(0)) || !more.get(0).equals(base.get(0)));
            List<Flip> flips = new ArrayList<>();
            for (int i = 0; i + 1 < base.size(); i++) {
                Candidate a = byId.get(base.get(i));
                Candidate b = byId.get(base.get(i + 1));
                List<Double> at = crossings(a, b, task, weights);
                if (at.isEmpty()) {
                    flips.add(new Flip(a.candidate(), b.candidate(), null));
                }
                at.forEach(x -> flips.add(new Flip(a.candidate(), b.candidate(), x)));
            }
            out.add(new TaskSensitivity(task, w, base, half, more, topChanges, List.copyOf(flips)));
        }
        return List.copyOf(out);
    }

    /** C_c = Σ w_u·S_cu / Σ w_u over c's tasks with w_u &gt; 0 (as {@link CompositeBootstrap}); NaN when none. */
    public static double composite(Candidate c, Map<String, Double> weights) {
        double num = 0;
        double den = 0;
        for (var s : c.taskScores().entrySet()) {
            double w = weights.getOrDefault(s.getKey(), 0.0);
            if (w > 0 && s.getValue() != null && !s.getValue().isNaN()) {
                num += w * s.getValue();
                den += w;
            }
        }
        return den > 0 ? num / den : Double.NaN;
    }

    /**
     * C_c with {@code task}'s weight multiplied by {@code factor}, every other weight as given: the composite a
     * {@link TaskSensitivity}'s {@code atHalf} ({@value #HALF}) and {@code atOneAndAHalf} ({@value #ONE_AND_A_HALF})
     * rankings are ordered by. NaN when undefined there.
     */
    public static double compositeWithFactor(Candidate c, Map<String, Double> weights, String task, double factor) {
        return composite(c, with(weights, task, weights.getOrDefault(task, 0.0) * factor));
    }

    /**
     * The weights w ≥ 0 of {@code task} (others fixed) at which a and b swap places, ascending: the simple roots of
     * N(w) (class documentation) where both composites are defined.
     */
    public static List<Double> crossings(Candidate a, Candidate b, String task, Map<String, Double> weights) {
        double[] pa = parts(a, task, weights);
        double[] pb = parts(b, task, weights);
        double aA = pa[0];
        double dA = pa[1];
        double eA = pa[2];
        double sA = pa[3];
        double aB = pb[0];
        double dB = pb[1];
        double eB = pb[2];
        double sB = pb[3];
        // N(w) = a2·w² + a1·w + a0, expanded from (A_a + e_a s_a w)(D_b + e_b w) − (A_b + e_b s_b w)(D_a + e_a w)
        double a2 = eA * eB * (sA - sB);
        double a1 = eB * aA + eA * sA * dB - eA * aB - eB * sB * dA;
        double a0 = aA * dB - aB * dA;
        List<Double> roots = new ArrayList<>();
        if (a2 == 0) {
            if (a1 != 0) {
                roots.add(-a0 / a1); // linear: one simple root
            }
            // a1 = 0: N is constant, either never zero or zero everywhere (identical composites): no swap
        } else {
            double disc = a1 * a1 - 4 * a2 * a0;
            if (disc > 0) {
                double q = -0.5 * (a1 + Math.copySign(Math.sqrt(disc), a1));
                roots.add(q / a2);
                if (q != 0) {
                    roots.add(a0 / q);
                }
            }
            // disc = 0: a double root, the two touch without swapping; disc < 0: never equal
        }
        List<Double> out = new ArrayList<>();
        for (double w : roots) {
            double x = w == 0 ? 0.0 : w; // −0.0 → 0.0
            if (Double.isFinite(x) && x >= 0 && dA + eA * x > 0 && dB + eB * x > 0 && !out.contains(x)) {
                out.add(x);
            }
        }
        out.sort(Comparator.naturalOrder());
        return List.copyOf(out);
    }

    /** {A_c, D_c, e_c, s_c} for candidate c and task t (class documentation). */
    private static double[] parts(Candidate c, String task, Map<String, Double> weights) {
        double num = 0;
        double den = 0;
        double e = 0;
        double s = 0;
        for (var x : c.taskScores().entrySet()) {
            if (x.getValue() == null || x.getValue().isNaN()) {
                continue;
            }
            if (x.getKey().equals(task)) {
                e = 1;
                s = x.getValue();
                continue;
            }
            double w = weights.getOrDefault(x.getKey(), 0.0);
            if (w > 0) {
                num += w * x.getValue();
                den += w;
            }
        }
        return new double[] {num, den, e, s};
    }

    /** Candidates by composite, best first; a stable sort, so ties keep the given order. */
    static List<String> ranking(List<Candidate> candidates, Map<String, Double> weights) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        Map<String, Double> score = new LinkedHashMap<>();
        candidates.forEach(c -> score.put(c.candidate(), composite(c, weights)));
        // NaN (no composite at these weights, e.g. its only task weighted 0) ranks last
        sorted.sort(Comparator.comparingDouble((Candidate c) -> {
            double v = score.get(c.candidate());
            return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
        }).reversed());
        return sorted.stream().map(Candidate::candidate).toList();
    }

    private static Map<String, Double> with(Map<String, Double> weights, String task, double w) {
        Map<String, Double> m = new LinkedHashMap<>(weights);
        m.put(task, w);
        return m;
    }
}
