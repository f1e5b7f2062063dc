package bedside.reports.stats;

/**
 * Task time: geometric mean with a t-interval on log times, plus median, mean and SD.
 *
 * <p>Formula: with y = ln t, ȳ and s_y the mean and sample SD of y,
 * geometric mean = exp(ȳ), 95% CI = exp(ȳ ± t(0.975, n−1)·s_y/√n).
 *
 * <p>Reference: Sauro, J. &amp; Lewis, J. R., <i>Quantifying the User Experience</i>, 2nd ed. (2016), ch. 3
 * ("Confidence interval for task-time data"): times 55, 65, 75, 62, 45, 135 s → geometric mean 68 s,
 * 95% CI (46, 101). Cordes, R. E. (1993) on the log-normality of task times.
 */
public final class TaskTime {
    private TaskTime() {
    }

    /**
     * Summarises task times (seconds, each &gt; 0).
     *
     * @throws IllegalArgumentException if a time is not finite and positive
     */
    public static TimeEstimate estimate(double[] times) {
        int n = times.length;
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(times[i] > 0) || Double.isInfinite(times[i])) {
                throw new IllegalArgumentException("task time must be finite and > 0: " + times[i]);
            }
            logs[i] = Math.log(times[i]);
        }
        if (n == 0) {
            return new TimeEstimate(0, null, null, null, null, null);
        }
        double my = Descriptive.mean(logs);
        Interval ci = null;
        if (n >= 2) {
            double half = Dist.tQuantile(0.975, n - 1) * Descriptive.sd(logs) / Math.sqrt(n);
            ci = new Interval(Math.exp(my - half), Math.exp(my + half));
        }
        return new TimeEstimate(n, Math.exp(my), ci, Descriptive.median(times), Descriptive.mean(times),
                Descriptive.orNull(Descriptive.sd(times)));
    }
}
