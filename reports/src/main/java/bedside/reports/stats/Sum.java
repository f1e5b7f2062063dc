package bedside.reports.stats;

/**
 * Single Usability Metric (SUM) after Sauro, J. &amp; Kindlund, E. (2005), "A method to standardize usability
 * metrics into a single score", <i>Proc. CHI 2005</i>, 401–409. Each metric is standardised against a
 * specification limit and expressed as the percentage of the normal (or binomial) model that meets the
 * limit; the task's SUM is the equal-weight mean of the available percentages.
 *
 * <p>The exact rule implemented (percentages 0–100):
 * <ul>
 * <li><b>completion</b> = 100·x/n (a discrete measure: the proportion of defect-free attempts).</li>
 * <li><b>time</b> (only when a specification limit {@code spec} in seconds is given): over successful
 *   attempts, z = (ln spec − ȳ)/s_y with y = ln t; component = 100·Φ(z), the estimated share of
 *   successful attempts completed within the limit under a log-normal model. Deviation from the 2005
 *   paper, which used raw times: times are analysed on the log scale as everywhere else in this package.
 *   No successful attempt → 0. One successful attempt → null (no spread). s_y = 0 → the limit of Φ:
 *   100 if ȳ &lt; ln spec, 50 if equal, 0 if above.</li>
 * <li><b>errors</b> (only when the number of error opportunities per attempt O is given): defect rate
 *   = Σerrors/(n·O); component = 100·max(0, 1 − rate).</li>
 * <li><b>satisfaction</b> (only when ratings are present): spec = 1 + 0.75·(scale − 1) (4 on a 5-point
 *   scale, as in Sauro &amp; Kindlund; 5.5 on the 7-point SEQ, about its norm mean); z = (r̄ − spec)/s_r;
 *   component = 100·Φ(z). One rating → null; s_r = 0 → the limit of Φ as for time.</li>
 * <li><b>score</b> = mean of the non-null components.</li>
 * </ul>
 * The candidate's overall SUM is the unweighted mean of its task scores (the weighted version is the
 * procurement composite, {@link CompositeBootstrap}).
 */
public final class Sum {
    private Sum() {
    }

    /** Satisfaction specification limit for a rating scale 1..scale: 1 + 0.75·(scale − 1). */
    public static double satisfactionSpec(int scale) {
        return 1 + 0.75 * (scale - 1);
    }

    /**
     * Inputs of one task's SUM.
     *
     * @param attempts n
     * @param successes x
     * @param successTimes times of successful attempts, seconds
     * @param timeSpec time specification limit in seconds, or null
     * @param totalErrors errors summed over all attempts
     * @param errorOpportunities error opportunities per attempt, or null
     * @param ratings task ratings given (may be empty)
     * @param ratingScale the rating scale's top value (5 or 7)
     */
    public record Input(int attempts, int successes, double[] successTimes, Double timeSpec, long totalErrors,
            Double errorOpportunities, double[] ratings, int ratingScale) {
    }

    /** Computes the task SUM; see the class documentation for the rule. */
    public static SumComponents task(Input in) {
        if (in.attempts() == 0) {
            return new SumComponents(null, null, null, null, null, 0);
        }
        double completion = completionPct(in.attempts(), in.successes());
        double time = Double.NaN;
        if (in.timeSpec() != null) {
            double[] y = new double[in.successTimes().length];
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.log(in.successTimes()[i]);
            }
            time = timePct(y.length, Descriptive.mean(y), y.length < 2 ? Double.NaN : Descriptive.sd(y),
                    Math.log(in.timeSpec()));
        }
        double errors = in.errorOpportunities() == null ? Double.NaN
                : errorsPct(in.attempts(), in.totalErrors(), in.errorOpportunities());
        double sat = Double.NaN;
        if (in.ratings().length > 0) {
            double[] r = in.ratings();
            sat = satisfactionPct(r.length, Descriptive.mean(r), r.length < 2 ? Double.NaN : Descriptive.sd(r),
                    satisfactionSpec(in.ratingScale()));
        }
        double sum = 0;
        int k = 0;
        for (double v : new double[] {completion, time, errors, sat}) {
            if (!Double.isNaN(v)) {
                sum += v;
                k++;
            }
        }
        return new SumComponents(completion, Descriptive.orNull(time), Descriptive.orNull(errors),
                Descriptive.orNull(sat), k == 0 ? null : sum / k, k);
    }

    /** 100·x/n. */
    public static double completionPct(double n, double x) {
        return 100 * x / n;
    }

    /** Time component from n successful log times with mean {@code meanLog}, SD {@code sdLog}; NaN = none. */
    public static double timePct(double nSucc, double meanLog, double sdLog, double specLog) {
        if (nSucc == 0) {
            return 0;
        }
        if (nSucc < 2) {
            return Double.NaN;
        }
        return limitPhiPct(specLog - meanLog, sdLog);
    }

    /** Errors component 100·max(0, 1 − E/(n·O)). */
    public static double errorsPct(double attempts, double totalErrors, double opportunities) {
        return 100 * Math.max(0, 1 - totalErrors / (attempts * opportunities));
    }

    /** Satisfaction component from n ratings; NaN = none. */
    public static double satisfactionPct(double n, double mean, double sd, double spec) {
        if (n < 2) {
            return Double.NaN;
        }
        return limitPhiPct(mean - spec, sd);
    }

    /** 100·Φ(diff/sd), with the sd → 0 limit (100, 50 or 0). */
    static double limitPhiPct(double diff, double sd) {
        if (!(sd > 0)) {
            return diff > 0 ? 100 : diff < 0 ? 0 : 50;
        }
        return 100 * Dist.phi(diff / sd);
    }
}
