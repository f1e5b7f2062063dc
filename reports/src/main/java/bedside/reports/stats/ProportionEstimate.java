package bedside.reports.stats;

/**
 * A completion rate with its 95% adjusted-Wald interval.
 *
 * @param successes x, the number of successful attempts
 * @param n the number of attempts
 * @param rate the observed rate x/n, or null when n = 0
 * @param ci95 the adjusted-Wald 95% interval clipped to [0, 1], or null when n = 0
 * @param sd sample SD of the 0/1 outcomes, √(n·p(1−p)/(n−1)), as NISTIR 7742 task tables report it (null when
 *     n &lt; 2)
 */
public record ProportionEstimate(int successes, int n, Double rate, Interval ci95, Double sd) {
}
