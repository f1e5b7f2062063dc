package bedside.reports.stats;

/**
 * Outcome of one two-sample comparison. Values that cannot be computed (too few observations, zero
 * variance) are null.
 *
 * @param test the test used: {@code welch_t_log}, {@code paired_t_log}, {@code mcnemar_exact},
 *     {@code n_minus_1_two_proportion} or {@code fisher_exact}
 * @param statistic t (t-tests), z (N−1 test), min(b, c) (exact McNemar), or null (Fisher's exact test)
 * @param df degrees of freedom for t-tests, else null
 * @param p two-sided p-value
 * @param effect the effect: for time the ratio of geometric means a/b; for completion the difference of
 *     rates a − b
 * @param effectMeasure {@code geomean_ratio_a_over_b} or {@code rate_difference_a_minus_b}
 * @param standardizedEffect Cohen's d on log times (pooled SD, between) or d_z (SD of differences, within);
 *     Cohen's h = 2·asin√p_a − 2·asin√p_b for completion
 * @param nA observations of a used (pairs for paired tests)
 * @param nB observations of b used (pairs for paired tests)
 */
public record TestResult(String test, Double statistic, Double df, Double p, Double effect, String effectMeasure,
        Double standardizedEffect, int nA, int nB) {
}
