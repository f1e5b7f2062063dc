package bedside.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Procurement composite with a participant bootstrap and the probability of ranking first.
 *
 * <p><b>Composite</b> of a candidate = Σ_t w_t·SUM_t / Σ_t w_t over the tasks with weight w_t &gt; 0, where
 * SUM_t is the task's Single Usability Metric ({@link Sum}, 0–100) and w_t = criticality × frequency is
 * fixed in advance in the weights file.
 *
 * <p><b>Bootstrap</b> (Efron &amp; Tibshirani 1993, ch. 13 percentile interval): B resamples of participants
 * drawn with replacement — one draw shared by all candidates when the study is within-subjects (every
 * participant used every candidate, so a participant's data on all candidates moves together), one draw
 * per candidate from its own participants when it is between-subjects. In each resample every task's SUM
 * and the composite are recomputed from the drawn participants' attempts (a participant drawn k times
 * counts k times). A task no drawn participant attempted is left out of that resample's composite and the
 * remaining weights renormalised. The 95% interval is the 2.5th and 97.5th percentiles (linear
 * interpolation between order statistics, NumPy's default) of the resampled composites.
 *
 * <p><b>P(best)</b>: the share of resamples in which the candidate has the highest composite; when k
 * candidates tie for the highest, each gets 1/k of that resample (Hall &amp; Miller 2009, "Using the bootstrap
 * to quantify the authority of an empirical ranking", <i>Ann. Statist.</i> 37(6B)). The generator is
 * Commons Math's {@link Well19937c} seeded with the given seed, so a run is reproducible.
 */
public final class CompositeBootstrap {
    private CompositeBootstrap() {
    }

    /**
     * One task's attempts of one candidate, in flat arrays (index i = one attempt).
     *
     * @param task task id
     * @param weight composite weight (criticality × frequency), ≥ 0
     * @param participant participant index of each attempt, in [0, participantCount)
     * @param success whether each attempt succeeded
     * @param time time in seconds of each attempt (used only when successful)
     * @param errors errors of each attempt
     * @param rating rating of each attempt, NaN when not rated
     * @param timeSpec time specification limit in seconds, NaN when none
     * @param opportunities error opportunities per attempt, NaN when none
     * @param ratingSpec satisfaction specification limit, NaN when the task has no ratings
     */
    public record TaskData(String task, double weight, int[] participant, boolean[] success, double[] time,
            int[] errors, double[] rating, double timeSpec, double opportunities, double ratingSpec) {
    }

    /**
     * A candidate's data.
     *
     * @param candidate candidate id
     * @param participantCount size of the candidate's participant index space (the shared one when joint)
     * @param tasks the weighted tasks
     */
    public record CandidateData(String candidate, int participantCount, List<TaskData> tasks) {
    }

    /**
     * Result for one candidate.
     *
     * @param candidate candidate id
     * @param score the composite on the observed data (0–100), null when no task could be scored
     * @param ci95 95% bootstrap percentile interval, null when no resample could be scored
     * @param pBest probability of ranking first
     */
    public record Result(String candidate, Double score, Interval ci95, Double pBest) {
    }

    /** Pre-processed task (log times shifted so equal values give exactly zero variance). */
    private static final class Prepared {
        final double weight;
        final int[] participant;
        final boolean[] success;
        final double[] logTimeDelta;
        final int[] errors;
        final double[] ratingDelta;
        final boolean[] rated;
        final double shiftT;
        final double shiftR;
        final double specLog;
        final double opportunities;
        final double ratingSpec;

        Prepared(TaskData t) {
            weight = t.weight();
            participant = t.participant();
            success = t.success();
            errors = t.errors();
            int n = participant.length;
            logTimeDelta = new double[n];
            ratingDelta = new double[n];
            rated = new boolean[n];
            double st = Double.NaN;
            double sr = Double.NaN;
            for (int i = 0; i < n; i++) {
                if (success[i] && Double.isNaN(st)) {
                    st = Math.log(t.time()[i]);
                }
                if (!Double.isNaN(t.rating()[i]) && Double.isNaN(sr)) {
                    sr = t.rating()[i];
                }
            }
            shiftT = Double.isNaN(st) ? 0 : st;
            shiftR = Double.isNaN(sr) ? 0 : sr;
            for (int i = 0; i < n; i++) {
                logTimeDelta[i] = success[i] ? Math.log(t.time()[i]) - shiftT : 0;
                rated[i] = !Double.isNaN(t.rating()[i]);
                ratingDelta[i] = rated[i] ? t.rating()[i] - shiftR : 0;
            }
            specLog = Double.isNaN(t.timeSpec()) ? Double.NaN : Math.log(t.timeSpec());
            opportunities = t.opportunities();
            ratingSpec = t.ratingSpec();
        }

        /** Task SUM (0–100) with participant multiplicities {@code counts}; NaN when no attempt drawn. */
        double score(int[] counts) {
            double n = 0;
            double x = 0;
            double st = 0;
            double st2 = 0;
            double e = 0;
            double nr = 0;
            double sr = 0;
            double sr2 = 0;
            for (int i = 0; i < participant.length; i++) {
                int c = counts[participant[i]];
                if (c == 0) {
                    continue;
                }
                n += c;
                if (success[i]) {
                    x += c;
                    double d = logTimeDelta[i];
                    st += c * d;
                    st2 += c * d * d;
                }
                e += c * errors[i];
                if (rated[i]) {
                    double d = ratingDelta[i];
                    nr += c;
                    sr += c * d;
                    sr2 += c * d * d;
                }
            }
            if (n == 0) {
                return Double.NaN;
            }
            double sum = Sum.completionPct(n, x);
            int k = 1;
            if (!Double.isNaN(specLog)) {
                double v = x == 0 ? 0 : Sum.timePct(x, shiftT + st / x, sd(x, st, st2), specLog);
                if (!Double.isNaN(v)) {
                    sum += v;
                    k++;
                }
            }
            if (!Double.isNaN(opportunities)) {
                sum += Sum.errorsPct(n, e, opportunities);
                k++;
            }
            if (!Double.isNaN(ratingSpec) && nr > 0) {
                double v = Sum.satisfactionPct(nr, shiftR + sr / nr, sd(nr, sr, sr2), ratingSpec);
                if (!Double.isNaN(v)) {
                    sum += v;
                    k++;
                }
            }
            return sum / k;
        }

        private static double sd(double n, double s, double s2) {
            if (n < 2) {
                return Double.NaN;
            }
            double v = (s2 - s * s / n) / (n - 1);
            return v > 0 ? Math.sqrt(v) : 0;
        }
    }

    private static double composite(Prepared[] tasks, int[] counts) {
        double num = 0;
        double den = 0;
        for (Prepared t : tasks) {
            if (t.weight <= 0) {
                continue;
            }
            double s = t.score(counts);
            if (!Double.isNaN(s)) {
                num += t.weight * s;
                den += t.weight;
            }
        }
        return den > 0 ? num / den : Double.NaN;
    }

    /** The composite on the observed data (every participant counted once). */
    public static double pointComposite(CandidateData c) {
        Prepared[] p = c.tasks().stream().map(Prepared::new).toArray(Prepared[]::new);
        int[] ones = new int[c.participantCount()];
        Arrays.fill(ones, 1);
        return composite(p, ones);
    }

    /**
     * Runs the bootstrap.
     *
     * @param candidates the candidates (when {@code joint}, all must share one participant index space)
     * @param joint true for a within-subjects study (one participant draw for all candidates)
     * @param resamples number of bootstrap resamples B (≥ 1; use ≥ 10,000 for reporting)
     * @param seed generator seed
     */
    public static List<Result> run(List<CandidateData> candidates, boolean joint, int resamples, long seed) {
        int m = candidates.size();
        Prepared[][] prepared = new Prepared[m][];
        double[] point = new double[m];
        int[][] counts = new int[m][];
        for (int c = 0; c < m; c++) {
            CandidateData cd = candidates.get(c);
            prepared[c] = cd.tasks().stream().map(Prepared::new).toArray(Prepared[]::new);
            int[] ones = new int[cd.participantCount()];
            Arrays.fill(ones, 1);
            point[c] = composite(prepared[c], ones);
            counts[c] = new int[cd.participantCount()];
        }
        if (joint) {
            for (int c = 1; c < m; c++) {
                if (candidates.get(c).participantCount() != candidates.get(0).participantCount()) {
                    throw new IllegalArgumentException("joint resampling needs one participant index space");
                }
                counts[c] = counts[0];
            }
        }
        RandomGenerator rng = new Well19937c(seed);
        double[][] draws = new double[m][resamples];
        int[] valid = new int[m];
        double[] best = new double[m];
        int rankedResamples = 0;
        double[] scores = new double[m];
        for (int r = 0; r < resamples; r++) {
            for (int c = 0; c < m; c++) {
                if (c > 0 && joint) {
                    break;
                }
                int[] cnt = counts[c];
                Arrays.fill(cnt, 0);
                int p = cnt.length;
                for (int i = 0; i < p; i++) {
                    cnt[rng.nextInt(p)]++;
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < m; c++) {
                scores[c] = Double.isNaN(point[c]) ? Double.NaN : composite(prepared[c], counts[c]);
                if (!Double.isNaN(scores[c])) {
                    draws[c][valid[c]++] = scores[c];
                    max = Math.max(max, scores[c]);
                }
            }
            if (max > Double.NEGATIVE_INFINITY) {
                rankedResamples++;
                int ties = 0;
                for (int c = 0; c < m; c++) {
                    if (scores[c] == max) {
                        ties++;
                    }
                }
                for (int c = 0; c < m; c++) {
                    if (scores[c] == max) {
                        best[c] += 1.0 / ties;
                    }
                }
            }
        }
        List<Result> out = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            Interval ci = null;
            if (valid[c] > 0) {
                double[] d = Arrays.copyOf(draws[c], valid[c]);
                Arrays.sort(d);
                ci = new Interval(quantile(d, 0.025), quantile(d, 0.975));
            }
            Double pBest = Double.isNaN(point[c]) || rankedResamples == 0 ? null : best[c] / rankedResamples;
            out.add(new Result(candidates.get(c).candidate(), Descriptive.orNull(point[c]), ci, pBest));
        }
        return out;
    }

    /** Quantile of sorted data by linear interpolation between order statistics (Hyndman–Fan type 7). */
    public static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
