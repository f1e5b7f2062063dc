package bedside.reports.stats;

/**
 * A mean with its 95% t-interval.
 *
 * @param n number of values
 * @param mean the arithmetic mean (null when n = 0)
 * @param sd sample standard deviation (null when n &lt; 2)
 * @param ci95 95% t-interval, clipped to the measure's possible range (null when n &lt; 2)
 */
public record MeanEstimate(int n, Double mean, Double sd, Interval ci95) {
}
