package bedside.reports.stats;

/**
 * Mean with a Student t confidence interval, used for errors per attempt, task ratings and SUS scores.
 *
 * <p>Formula: x̄ ± t(0.975, n−1)·s/√n, then clipped to the range the measure can take
 * (errors ≥ 0; a rating within 1..scale; SUS within 0..100). With n &lt; 2 no interval is given;
 * with all values equal the interval is the single point x̄.
 *
 * <p>Reference: Sauro, J. &amp; Lewis, J. R., <i>Quantifying the User Experience</i>, 2nd ed. (2016), ch. 3
 * ("Confidence interval for rating scales and other continuous data").
 */
public final class MeanInterval {
    private MeanInterval() {
    }

    /**
     * @param values the observations
     * @param min lowest possible value of the measure (use {@code Double.NEGATIVE_INFINITY} for none)
     * @param max highest possible value of the measure (use {@code Double.POSITIVE_INFINITY} for none)
     */
    public static MeanEstimate estimate(double[] values, double min, double max) {
        int n = values.length;
        if (n == 0) {
            return new MeanEstimate(0, null, null, null);
        }
        double m = Descriptive.mean(values);
        if (n < 2) {
            return new MeanEstimate(1, m, null, null);
        }
        double s = Descriptive.sd(values);
        double half = Dist.tQuantile(0.975, n - 1) * s / Math.sqrt(n);
        return new MeanEstimate(n, m, s, new Interval(m - half, m + half).clip(min, max));
    }
}
