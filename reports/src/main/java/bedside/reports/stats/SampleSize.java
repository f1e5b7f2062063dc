package bedside.reports.stats;

/**
 * Sample-size advice and the problem-discovery curve.
 *
 * <p>References: Sauro, J. &amp; Lewis, J. R., <i>Quantifying the User Experience</i>, 2nd ed. (2016),
 * ch. 6 (estimating values: n = (t·s/d)² iterated with df = n − 1; completion rate with the adjusted-Wald
 * interval: n = z²p(1−p)/d² − z²) and ch. 7 (problem discovery 1 − (1 − p)ⁿ; p = .31, n = 5 → .84;
 * Virzi 1992, Nielsen &amp; Landauer 1993).
 */
public final class SampleSize {
    private SampleSize() {
    }

    /**
     * Participants needed so that the 95% t-interval of a mean has half-width {@code margin}.
     * Starts from the normal value (z·s/d)² and iterates n = (t(0.975, n−1)·s/d)² until n is stable,
     * returning the rounded-up value (at least 2).
     *
     * @param sd expected standard deviation (&gt; 0)
     * @param margin wanted half-width d (&gt; 0), same unit as sd
     */
    public static int forMean(double sd, double margin) {
        if (!(sd > 0) || !(margin > 0)) {
            throw new IllegalArgumentException("sd and margin must be > 0");
        }
        double ratio = sd / margin;
        int n = Math.max(2, (int) Math.ceil(Dist.Z95 * Dist.Z95 * ratio * ratio));
        for (int iter = 0; iter < 1000; iter++) {
            double t = Dist.tQuantile(0.975, n - 1);
            int next = Math.max(2, (int) Math.ceil(t * t * ratio * ratio));
            if (next == n) {
                return n;
            }
            n = next;
        }
        return n;
    }

    /**
     * Participants needed so that the adjusted-Wald 95% interval of a completion rate near {@code p}
     * has half-width {@code margin}: n = z²p(1−p)/d² − z², rounded up (at least 1).
     *
     * @param p expected completion rate (0.5 is the conservative choice)
     * @param margin wanted half-width d, 0 &lt; d &lt; 1
     */
    public static int forCompletion(double p, double margin) {
        if (p < 0 || p > 1 || !(margin > 0) || margin >= 1) {
            throw new IllegalArgumentException("need 0 <= p <= 1 and 0 < margin < 1");
        }
        double z2 = Dist.Z95 * Dist.Z95;
        double n = z2 * p * (1 - p) / (margin * margin) - z2;
        return Math.max(1, (int) Math.ceil(n - 1e-9));
    }

    /** Probability that a problem with per-participant occurrence {@code p} is seen at least once in n: 1 − (1 − p)ⁿ. */
    public static double problemDiscovery(double p, int n) {
        return 1 - Math.pow(1 - p, n);
    }

    /** Smallest n with 1 − (1 − p)ⁿ ≥ goal: ⌈ln(1 − goal)/ln(1 − p)⌉. */
    public static int participantsForDiscovery(double p, double goal) {
        if (!(p > 0) || p >= 1 || !(goal > 0) || goal >= 1) {
            throw new IllegalArgumentException("need 0 < p < 1 and 0 < goal < 1");
        }
        return (int) Math.ceil(Math.log(1 - goal) / Math.log(1 - p) - 1e-9);
    }
}
