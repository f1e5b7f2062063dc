package bedside.reports.stats;

/**
 * System Usability Scale scoring, curved grade and percentile rank.
 *
 * <p><b>Scoring</b> (Brooke 1996): responses r₁…r₁₀ on 1–5; odd items contribute r − 1, even items 5 − r;
 * score = 2.5 × sum (0–100). Each respondent is scored, then the scores are averaged; the interval is
 * a 95% t-interval ({@link MeanInterval}) clipped to [0, 100].
 *
 * <p><b>Curved grading scale</b> (Sauro &amp; Lewis, <i>Quantifying the User Experience</i>, 2nd ed. 2016,
 * Table 8.5; applied to the mean): A+ 84.1–100 (percentiles 96–100), A 80.8–84.0 (90–95),
 * A− 78.9–80.7 (85–89), B+ 77.2–78.8 (80–84), B 74.1–77.1 (70–79), B− 72.6–74.0 (65–69),
 * C+ 71.1–72.5 (60–64), C 65.0–71.0 (41–59), C− 62.7–64.9 (35–40), D 51.7–62.6 (15–34), F 0–51.6 (0–14).
 * Grade boundaries are applied to the unrounded mean: a mean in a gap between two published
 * one-decimal bands (e.g. 84.05) takes the lower grade (the next band starts at 84.1).
 *
 * <p><b>Percentile</b>: {@code 100·Φ((mean − 68)/12.5)}, the normal approximation to the norm (mean 68,
 * SD 12.5; Sauro 2011, <i>A Practical Guide to the System Usability Scale</i>). The published curve is
 * skewed, so this is <em>approximate</em> and differs from the curve by several points in the tails
 * (e.g. 51.7 → 9.6 here vs. the 15th percentile of the published curve); the grade's published
 * percentile range is reported beside it.
 */
public final class Sus {
    /** Norm mean of SUS scores. */
    public static final double NORM_MEAN = 68.0;
    /** Norm SD used by the normal approximation. */
    public static final double NORM_SD = 12.5;

    private static final String[] GRADES = {"A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D", "F"};
    private static final double[] LOWER = {84.1, 80.8, 78.9, 77.2, 74.1, 72.6, 71.1, 65.0, 62.7, 51.7, 0};
    private static final int[][] PERCENTILES = {{96, 100}, {90, 95}, {85, 89}, {80, 84}, {70, 79}, {65, 69},
        {60, 64}, {41, 59}, {35, 40}, {15, 34}, {0, 14}};

    private Sus() {
    }

    /**
     * Scores one respondent.
     *
     * @param responses the ten responses q1..q10, each 1–5
     * @return the SUS score 0–100
     */
    public static double score(int[] responses) {
        if (responses.length != 10) {
            throw new IllegalArgumentException("SUS needs 10 responses, got " + responses.length);
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int r = responses[i];
            if (r < 1 || r > 5) {
                throw new IllegalArgumentException("SUS response q" + (i + 1) + " must be 1-5: " + r);
            }
            sum += (i % 2 == 0) ? r - 1 : 5 - r;
        }
        return sum * 2.5;
    }

    /** Index into the grade table for a (mean) score. */
    private static int gradeIndex(double score) {
        for (int i = 0; i < LOWER.length; i++) {
            if (score >= LOWER[i]) {
                return i;
            }
        }
        return LOWER.length - 1;
    }

    /** Sauro–Lewis curved grade (A+ … F) of a SUS score or mean. */
    public static String grade(double score) {
        return GRADES[gradeIndex(score)];
    }

    /** Published percentile range {lo, hi} of the grade that {@code score} falls in. */
    public static int[] gradePercentileRange(double score) {
        return PERCENTILES[gradeIndex(score)].clone();
    }

    /** Approximate percentile rank 100·Φ((score − 68)/12.5) (normal approximation; see class doc). */
    public static double approximatePercentile(double score) {
        return 100 * Dist.phi((score - NORM_MEAN) / NORM_SD);
    }

    /** Summarises respondents' SUS scores (each already scored with {@link #score(int[])}). */
    public static SusSummary summarize(double[] scores) {
        MeanEstimate m = MeanInterval.estimate(scores, 0, 100);
        if (m.n() == 0) {
            return new SusSummary(0, null, null, null, null, null, null);
        }
        double mean = m.mean();
        return new SusSummary(m.n(), mean, m.sd(), m.ci95(), grade(mean), gradePercentileRange(mean),
                approximatePercentile(mean));
    }
}
