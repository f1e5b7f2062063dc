package bedside.reports.stats;

/**
 * Task-time summary over successful attempts. Any value that cannot be computed is null.
 *
 * @param n number of times
 * @param geomean geometric mean exp(mean ln t) in seconds (null when n = 0)
 * @param geomeanCi95 95% t-interval on ln t, back-transformed (null when n &lt; 2)
 * @param median median in seconds (null when n = 0)
 * @param mean arithmetic mean in seconds (null when n = 0)
 * @param sd sample standard deviation in seconds (null when n &lt; 2)
 */
public record TimeEstimate(int n, Double geomean, Interval geomeanCi95, Double median, Double mean, Double sd) {
}
