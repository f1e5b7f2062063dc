package bedside.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bedside.reports.stats.CompositeBootstrap.CandidateData;
import bedside.reports.stats.CompositeBootstrap.Result;
import bedside.reports.stats.CompositeBootstrap.TaskData;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The composite bootstrap: reproducibility, ties, joint vs per-candidate resampling, agreement with theory. */
class CompositeBootstrapTest {

    /** A completion-only task (no spec, no ratings, no opportunities): task SUM = 100·x/n. */
    static TaskData completionTask(String task, double weight, boolean[] success) {
        int n = success.length;
        int[] p = new int[n];
        double[] t = new double[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
            t[i] = 10;
            r[i] = Double.NaN;
        }
        return new TaskData(task, weight, p, success, t, new int[n], r, Double.NaN, Double.NaN, Double.NaN);
    }

    static boolean[] successes(int n, int x) {
        boolean[] s = new boolean[n];
        Arrays.fill(s, 0, x, true);
        return s;
    }

    @Test
    void percentileIntervalMatchesBinomialTheory() {
        // 60 of 100: SE of 100·p̂ = 100·√(.6·.4/100) = 4.90; percentile CI ≈ 60 ± 9.6
        CandidateData c = new CandidateData("A", 100, List.of(completionTask("T", 1, successes(100, 60))));
        Result r = CompositeBootstrap.run(List.of(c), false, 20_000, 11).get(0);
        assertThat(r.score()).isCloseTo(60, within(1e-12));
        assertThat(r.ci95().lo()).isCloseTo(60 - 1.96 * 4.899, within(1.0));
        assertThat(r.ci95().hi()).isCloseTo(60 + 1.96 * 4.899, within(1.0));
        assertThat(r.pBest()).isEqualTo(1.0);
    }

    @Test
    void seededAndReproducible() {
        CandidateData a = new CandidateData("A", 30, List.of(completionTask("T", 1, successes(30, 20))));
        CandidateData b = new CandidateData("B", 30, List.of(completionTask("T", 1, successes(30, 18))));
        List<Result> r1 = CompositeBootstrap.run(List.of(a, b), false, 10_000, 5);
        List<Result> r2 = CompositeBootstrap.run(List.of(a, b), false, 10_000, 5);
        assertThat(r1).isEqualTo(r2);
        assertThat(r1.get(0).pBest() + r1.get(1).pBest()).isCloseTo(1.0, within(1e-12));
        List<Result> r3 = CompositeBootstrap.run(List.of(a, b), false, 10_000, 6);
        assertThat(r3.get(0).pBest()).isNotEqualTo(r1.get(0).pBest());
    }

    @Test
    void tiesAreSharedEqually() {
        // identical data resampled jointly: every resample is a tie, so each gets exactly one half
        CandidateData a = new CandidateData("A", 20, List.of(completionTask("T", 1, successes(20, 11))));
        CandidateData b = new CandidateData("B", 20, List.of(completionTask("T", 1, successes(20, 11))));
        List<Result> r = CompositeBootstrap.run(List.of(a, b), true, 10_000, 9);
        assertThat(r.get(0).pBest()).isEqualTo(0.5);
        assertThat(r.get(1).pBest()).isEqualTo(0.5);
    }

    @Test
    void jointResamplingKeepsParticipantsTogether() {
        // B succeeds wherever A does plus on two more participants: jointly, B is never behind, and ties
        // happen only when neither of those two participants is drawn; independently, A often wins.
        boolean[] sa = successes(40, 20);
        boolean[] sb = successes(40, 22);
        CandidateData a = new CandidateData("A", 40, List.of(completionTask("T", 1, sa)));
        CandidateData b = new CandidateData("B", 40, List.of(completionTask("T", 1, sb)));
        List<Result> joint = CompositeBootstrap.run(List.of(a, b), true, 10_000, 1);
        // P(neither of 2 given participants drawn in 40 draws) = (38/40)^40 ≈ 0.1285 → tie shares ≈ 0.064
        assertThat(joint.get(0).pBest()).isCloseTo(0.5 * Math.pow(38.0 / 40, 40), within(0.015));
        List<Result> independent = CompositeBootstrap.run(List.of(a, b), false, 10_000, 1);
        assertThat(independent.get(0).pBest()).isGreaterThan(0.25);
    }

    @Test
    void weightsAndTimeAndRatingComponents() {
        Random rnd = new Random(3);
        int n = 12;
        int[] p = new int[n];
        boolean[] s = new boolean[n];
        double[] t = new double[n];
        double[] r = new double[n];
        int[] e = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
            s[i] = i % 4 != 0;
            t[i] = 20 * Math.exp(0.3 * rnd.nextGaussian());
            r[i] = 3 + rnd.nextInt(5);
            e[i] = rnd.nextInt(3);
        }
        TaskData full = new TaskData("T1", 3, p, s, t, e, r, 25, 8, Sum.satisfactionSpec(7));
        TaskData simple = completionTask("T2", 1, successes(n, 6));
        double point = CompositeBootstrap.pointComposite(new CandidateData("A", n, List.of(full, simple)));
        double[] st = new double[9];
        double[] rt = new double[n];
        int k = 0;
        long errs = 0;
        for (int i = 0; i < n; i++) {
            if (s[i]) {
                st[k++] = t[i];
            }
            rt[i] = r[i];
            errs += e[i];
        }
        double sumT1 = Sum.task(new Sum.Input(n, 9, st, 25.0, errs, 8.0, rt, 7)).score();
        assertThat(point).isCloseTo((3 * sumT1 + 50) / 4, within(1e-9));
    }

    @Test
    void quantileIsNumpyLinear() {
        double[] d = {1, 2, 3, 4, 10};
        assertThat(CompositeBootstrap.quantile(d, 0.025)).isCloseTo(1.1, within(1e-12));
        assertThat(CompositeBootstrap.quantile(d, 0.975)).isCloseTo(9.4, within(1e-12));
    }
}
