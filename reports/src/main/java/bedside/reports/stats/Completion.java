package bedside.reports.stats;

/**
 * Completion rate with the adjusted-Wald (Agresti–Coull) interval.
 *
 * <p>Formula (z = z(0.975) = 1.959964): n' = n + z², p' = (x + z²/2)/n',
 * CI = p' ± z·√(p'(1 − p')/n'), clipped to [0, 1]. The point estimate reported is the observed x/n.
 *
 * <p>Reference: Agresti, A. &amp; Coull, B. A. (1998), "Approximate is better than 'exact' for interval
 * estimation of binomial proportions", <i>The American Statistician</i> 52(2), 119–126; Sauro, J. &amp; Lewis,
 * J. R., <i>Quantifying the User Experience</i>, 2nd ed. (2016), ch. 3 (7/10 → 39%–90%; 3/10 → 10%–61%).
 * Commons Math's {@code AgrestiCoullInterval} computes the same bounds without the clipping.
 */
public final class Completion {
    private Completion() {
    }

    /**
     * Observed rate and adjusted-Wald 95% interval.
     *
     * @param successes x, 0 ≤ x ≤ n
     * @param n attempts, ≥ 0; n = 0 gives null rate and interval
     */
    public static ProportionEstimate estimate(int successes, int n) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + "/" + n);
        }
        if (n == 0) {
            return new ProportionEstimate(0, 0, null, null, null);
        }
        double p = (double) successes / n;
        Double sd = n < 2 ? null : Math.sqrt(n * p * (1 - p) / (n - 1));
        return new ProportionEstimate(successes, n, p, adjustedWald(successes, n, Dist.Z95), sd);
    }

    /** The adjusted-Wald interval for confidence quantile {@code z}, clipped to [0, 1]. */
    public static Interval adjustedWald(int successes, int n, double z) {
        double z2 = z * z;
        double nAdj = n + z2;
        double pAdj = (successes + z2 / 2) / nAdj;
        double half = z * Math.sqrt(pAdj * (1 - pAdj) / nAdj);
        return new Interval(pAdj - half, pAdj + half).clip(0, 1);
    }
}
