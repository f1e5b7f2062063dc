package bedside.reports.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Two-candidate comparisons and the Holm correction. References for every method: Sauro, J. &amp; Lewis,
 * J. R., <i>Quantifying the User Experience</i>, 2nd ed. (2016), ch. 5 ("Is there a statistical difference
 * between designs?").
 */
public final class Comparisons {
    /** Tables whose smallest expected cell count is below this go to Fisher's exact test (Sauro &amp; Lewis ch. 5). */
    public static final double MIN_EXPECTED_FOR_N_MINUS_1 = 1.0;

    private Comparisons() {
    }

    private static double[] logs(double[] t) {
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            if (!(t[i] > 0)) {
                throw new IllegalArgumentException("times must be > 0");
            }
            y[i] = Math.log(t[i]);
        }
        return y;
    }

    /**
     * Between-subjects time comparison: Welch's unequal-variance t-test on ln(time).
     * t = (ȳ_a − ȳ_b)/√(s_a²/n_a + s_b²/n_b), df by Welch–Satterthwaite; effect = exp(ȳ_a − ȳ_b)
     * (ratio of geometric means), Cohen's d = (ȳ_a − ȳ_b)/s_pooled. Needs n ≥ 2 in each group and a
     * non-zero standard error, else statistic and p are null.
     */
    public static TestResult welchLogTime(double[] a, double[] b) {
        double[] ya = logs(a);
        double[] yb = logs(b);
        int na = ya.length;
        int nb = yb.length;
        Double ratio = na > 0 && nb > 0 ? Math.exp(Descriptive.mean(ya) - Descriptive.mean(yb)) : null;
        if (na < 2 || nb < 2) {
            return new TestResult("welch_t_log", null, null, null, ratio, "geomean_ratio_a_over_b", null, na, nb);
        }
        double ma = Descriptive.mean(ya);
        double mb = Descriptive.mean(yb);
        double va = Math.pow(Descriptive.sd(ya), 2);
        double vb = Math.pow(Descriptive.sd(yb), 2);
        double se2 = va / na + vb / nb;
        double pooled = Math.sqrt(((na - 1) * va + (nb - 1) * vb) / (na + nb - 2));
        Double d = pooled > 0 ? (ma - mb) / pooled : null;
        if (!(se2 > 0)) {
            return new TestResult("welch_t_log", null, null, null, ratio, "geomean_ratio_a_over_b", d, na, nb);
        }
        double t = (ma - mb) / Math.sqrt(se2);
        double df = se2 * se2 / ((va / na) * (va / na) / (na - 1) + (vb / nb) * (vb / nb) / (nb - 1));
        return new TestResult("welch_t_log", t, df, Dist.twoSidedTP(t, df), ratio, "geomean_ratio_a_over_b", d,
                na, nb);
    }

    /**
     * Within-subjects time comparison: paired t-test on ln(time). With dᵢ = ln aᵢ − ln bᵢ over participants
     * who succeeded on both: t = d̄/(s_d/√n), df = n − 1; effect = exp(d̄); d_z = d̄/s_d. Needs n ≥ 2 pairs
     * and s_d &gt; 0, else statistic and p are null.
     */
    public static TestResult pairedLogTime(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples must have equal length");
        }
        double[] ya = logs(a);
        double[] yb = logs(b);
        int n = ya.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = ya[i] - yb[i];
        }
        Double ratio = n > 0 ? Math.exp(Descriptive.mean(d)) : null;
        if (n < 2) {
            return new TestResult("paired_t_log", null, null, null, ratio, "geomean_ratio_a_over_b", null, n, n);
        }
        double md = Descriptive.mean(d);
        double sd = Descriptive.sd(d);
        if (!(sd > 0)) {
            return new TestResult("paired_t_log", null, null, null, ratio, "geomean_ratio_a_over_b", null, n, n);
        }
        double t = md / (sd / Math.sqrt(n));
        return new TestResult("paired_t_log", t, (double) (n - 1), Dist.twoSidedTP(t, n - 1), ratio,
                "geomean_ratio_a_over_b", md / sd, n, n);
    }

    /**
     * Within-subjects completion comparison: exact McNemar test. Over the n pairs, b = a succeeded and b
     * failed, c = a failed and b succeeded; p = min(1, 2·P(X ≤ min(b, c))) with X ~ Bin(b + c, ½)
     * (p = 1 when b + c = 0). Effect = (b − c)/n, the paired difference of rates.
     *
     * @param bothSucceeded pairs where both succeeded
     * @param onlyA pairs where only a succeeded (b)
     * @param onlyB pairs where only b succeeded (c)
     * @param neither pairs where both failed
     */
    public static TestResult mcnemarExact(int bothSucceeded, int onlyA, int onlyB, int neither) {
        int n = bothSucceeded + onlyA + onlyB + neither;
        int disc = onlyA + onlyB;
        int k = Math.min(onlyA, onlyB);
        double p = disc == 0 ? 1.0 : Math.min(1.0, 2 * new BinomialDistribution(null, disc, 0.5).cumulativeProbability(k));
        Double effect = n > 0 ? (double) (onlyA - onlyB) / n : null;
        Double h = n > 0 ? cohensH((double) (bothSucceeded + onlyA) / n, (double) (bothSucceeded + onlyB) / n) : null;
        return new TestResult("mcnemar_exact", (double) k, null, n > 0 ? p : null, effect,
                "rate_difference_a_minus_b", h, n, n);
    }

    /** Cohen's h = 2·asin√p₁ − 2·asin√p₂. */
    public static double cohensH(double p1, double p2) {
        return 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
    }

    /**
     * Between-subjects completion comparison. Uses the N−1 two-proportion test (Campbell 2007; Richardson
     * 2011) when every expected cell count of the 2×2 table is at least {@link #MIN_EXPECTED_FOR_N_MINUS_1},
     * otherwise Fisher's exact test ({@link #fisherExact}).
     *
     * <p>N−1 test: z = (p̂₁ − p̂₂)·√((N − 1)/N) / √(P·Q·(1/n₁ + 1/n₂)), P = (x₁ + x₂)/N, Q = 1 − P,
     * two-sided p from the standard normal.
     */
    public static TestResult twoProportions(int x1, int n1, int x2, int n2) {
        if (n1 <= 0 || n2 <= 0) {
            return new TestResult("n_minus_1_two_proportion", null, null, null, null, "rate_difference_a_minus_b",
                    null, Math.max(n1, 0), Math.max(n2, 0));
        }
        int nTot = n1 + n2;
        int s = x1 + x2;
        int f = nTot - s;
        double minExpected = Math.min(Math.min((double) n1 * s / nTot, (double) n1 * f / nTot),
                Math.min((double) n2 * s / nTot, (double) n2 * f / nTot));
        if (minExpected < MIN_EXPECTED_FOR_N_MINUS_1) {
            return fisherExact(x1, n1, x2, n2);
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pp = (double) s / nTot;
        double z = (p1 - p2) * Math.sqrt((nTot - 1.0) / nTot) / Math.sqrt(pp * (1 - pp) * (1.0 / n1 + 1.0 / n2));
        return new TestResult("n_minus_1_two_proportion", z, null, Dist.twoSidedNormalP(z), p1 - p2,
                "rate_difference_a_minus_b", cohensH(p1, p2), n1, n2);
    }

    /**
     * Fisher's exact test, two-sided: the sum of the hypergeometric probabilities of all tables with the
     * observed margins that are no more probable than the observed one (relative tolerance 1e−7, as in
     * SciPy's {@code fisher_exact}).
     */
    public static TestResult fisherExact(int x1, int n1, int x2, int n2) {
        int nTot = n1 + n2;
        int s = x1 + x2;
        HypergeometricDistribution h = new HypergeometricDistribution(null, nTot, s, n1);
        double pObs = h.probability(x1);
        double p = 0;
        for (int k = Math.max(0, n1 - (nTot - s)); k <= Math.min(n1, s); k++) {
            double pk = h.probability(k);
            if (pk <= pObs * (1 + 1e-7)) {
                p += pk;
            }
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        return new TestResult("fisher_exact", null, null, Math.min(1.0, p), p1 - p2, "rate_difference_a_minus_b",
                cohensH(p1, p2), n1, n2);
    }

    /**
     * Holm's step-down adjustment (Holm 1979). With the m non-null p-values sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎,
     * p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎). NaN entries (no test) stay NaN and do not count in m.
     */
    public static double[] holm(double[] p) {
        Integer[] idx = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        int m = idx.length;
        double running = 0;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1.0, (m - j) * p[idx[j]]));
            out[idx[j]] = running;
        }
        return out;
    }
}
