package bedside.reports.stats;

/**
 * SUS summary for one candidate.
 *
 * @param n number of respondents
 * @param mean mean SUS score (0–100; null when n = 0)
 * @param sd sample SD of the scores (null when n &lt; 2)
 * @param ci95 95% t-interval of the mean, clipped to [0, 100] (null when n &lt; 2)
 * @param grade Sauro–Lewis curved grade of the mean (A+ … F; null when n = 0)
 * @param gradePercentileRange the published percentile range of that grade, e.g. [90, 95] (null when n = 0)
 * @param percentile approximate percentile rank of the mean, 100·Φ((mean − 68)/12.5) (null when n = 0)
 */
public record SusSummary(int n, Double mean, Double sd, Interval ci95, String grade, int[] gradePercentileRange,
        Double percentile) {
}
