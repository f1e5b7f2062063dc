package bedside.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Every method against a published worked example (source cited on each test). */
class PublishedExamplesTest {

    /** Sauro &amp; Lewis, Quantifying the User Experience, 2nd ed. (2016), ch. 3, adjusted-Wald examples: 7/10 → 39%–90%. */
    @Test
    void adjustedWaldSevenOfTen() {
        ProportionEstimate e = Completion.estimate(7, 10);
        assertThat(e.rate()).isEqualTo(0.7);
        assertThat(100 * e.ci95().lo()).isCloseTo(39, within(0.5));
        assertThat(100 * e.ci95().hi()).isCloseTo(90, within(0.5));
    }

    /** Same source: 3/10 → 10%–61%. */
    @Test
    void adjustedWaldThreeOfTen() {
        ProportionEstimate e = Completion.estimate(3, 10);
        assertThat(100 * e.ci95().lo()).isCloseTo(10, within(0.5));
        assertThat(100 * e.ci95().hi()).isCloseTo(61, within(0.5));
    }

    /**
     * Sauro &amp; Lewis (2016), ch. 3, task-time example: 55, 65, 75, 62, 45, 135 s → geometric mean 68 s,
     * 95% CI (46, 101).
     */
    @Test
    void geometricMeanTaskTime() {
        TimeEstimate t = TaskTime.estimate(new double[] {55, 65, 75, 62, 45, 135});
        assertThat(t.geomean()).isCloseTo(68, within(0.5));
        assertThat(t.geomeanCi95().lo()).isCloseTo(46, within(0.5));
        assertThat(t.geomeanCi95().hi()).isCloseTo(101, within(0.5));
        assertThat(t.median()).isEqualTo(63.5);
    }

    /** Sauro &amp; Lewis (2016), ch. 7 (after Nielsen &amp; Landauer 1993): p = .31, n = 5 → .84. */
    @Test
    void problemDiscovery() {
        assertThat(SampleSize.problemDiscovery(0.31, 5)).isCloseTo(0.84, within(0.005));
        // and the inverse: 5 participants are enough to see a p = .31 problem with 84% probability
        assertThat(SampleSize.participantsForDiscovery(0.31, 0.84)).isEqualTo(5);
        assertThat(SampleSize.participantsForDiscovery(0.31, 0.85)).isEqualTo(6);
    }

    /** Brooke (1996), "SUS: a quick and dirty usability scale": the scoring rule's extremes and midpoint. */
    @Test
    void susScoringRule() {
        assertThat(Sus.score(new int[] {5, 1, 5, 1, 5, 1, 5, 1, 5, 1})).isEqualTo(100);
        assertThat(Sus.score(new int[] {1, 5, 1, 5, 1, 5, 1, 5, 1, 5})).isEqualTo(0);
        assertThat(Sus.score(new int[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3})).isEqualTo(50);
    }

    /**
     * Sauro &amp; Lewis (2016), Table 8.5, curved grading scale (boundaries as in the reference file; norm mean 68
     * is a C, 80.8 starts the A range).
     */
    @Test
    void susCurvedGrades() {
        assertThat(Sus.grade(68)).isEqualTo("C");
        assertThat(Sus.grade(84.1)).isEqualTo("A+");
        assertThat(Sus.grade(84.0)).isEqualTo("A");
        assertThat(Sus.grade(80.8)).isEqualTo("A");
        assertThat(Sus.grade(80.7)).isEqualTo("A-");
        assertThat(Sus.grade(78.9)).isEqualTo("A-");
        assertThat(Sus.grade(77.2)).isEqualTo("B+");
        assertThat(Sus.grade(74.1)).isEqualTo("B");
        assertThat(Sus.grade(72.6)).isEqualTo("B-");
        assertThat(Sus.grade(71.1)).isEqualTo("C+");
        assertThat(Sus.grade(65.0)).isEqualTo("C");
        assertThat(Sus.grade(62.7)).isEqualTo("C-");
        assertThat(Sus.grade(51.7)).isEqualTo("D");
        assertThat(Sus.grade(51.6)).isEqualTo("F");
        assertThat(Sus.grade(0)).isEqualTo("F");
        assertThat(Sus.grade(100)).isEqualTo("A+");
        assertThat(Sus.gradePercentileRange(68)).containsExactly(41, 59);
        // the normal approximation puts the norm mean at the 50th percentile
        assertThat(Sus.approximatePercentile(68)).isCloseTo(50, within(1e-12));
    }

    /**
     * Fisher (1935), The Design of Experiments, the lady tasting tea: table [[3, 1], [1, 3]] gives the two-sided
     * p = 34/70 = 0.486.
     */
    @Test
    void fisherLadyTastingTea() {
        TestResult r = Comparisons.fisherExact(3, 4, 1, 4);
        assertThat(r.p()).isCloseTo(34.0 / 70, within(1e-12));
        assertThat(r.test()).isEqualTo("fisher_exact");
    }

    /**
     * Holm (1979): with m = 4 and p = .01, .02, .03, .04 the step-down multipliers are 4, 3, 2, 1 and monotonicity
     * gives .04, .06, .06, .06.
     */
    @Test
    void holmStepDown() {
        double[] adj = Comparisons.holm(new double[] {0.03, 0.01, 0.04, 0.02});
        assertThat(adj).containsExactly(new double[] {0.06, 0.04, 0.06, 0.06}, within(1e-12));
    }

    /**
     * Exact McNemar as defined in the reference (Sauro &amp; Lewis 2016, ch. 5): 1 of 7 discordant pairs favour B →
     * p = 2·P(X ≤ 1 | Bin(7, ½)) = 2·8/128 = 0.125.
     */
    @Test
    void mcnemarExactSmall() {
        assertThat(Comparisons.mcnemarExact(5, 6, 1, 2).p()).isCloseTo(0.125, within(1e-12));
    }

    /**
     * Sample size for a completion rate (Sauro &amp; Lewis 2016, ch. 6 formula n = z²p(1−p)/d² − z²): p = .5,
     * d = .2 → 24.01 − 3.84 = 20.17 → 21.
     */
    @Test
    void sampleSizeCompletion() {
        assertThat(SampleSize.forCompletion(0.5, 0.2)).isEqualTo(21);
    }
}
