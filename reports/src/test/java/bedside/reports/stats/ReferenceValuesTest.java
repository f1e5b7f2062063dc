package bedside.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every method against values computed independently with SciPy 1.17 / NumPy by
 * src/test/resources/reference/compute_reference.py (kept with its output reference.json). Tolerance 1e−9
 * unless stated (the brief asks for ≥ 3 decimals).
 */
class ReferenceValuesTest {
    static final double TOL = 1e-9;
    static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ReferenceValuesTest.class.getResourceAsStream("/reference/reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    static double[] arr(JsonNode n) {
        double[] d = new double[n.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = n.get(i).asDouble();
        }
        return d;
    }

    @Test
    void adjustedWald() {
        for (JsonNode c : ref.get("adjusted_wald")) {
            ProportionEstimate e = Completion.estimate(c.get("x").asInt(), c.get("n").asInt());
            assertThat(e.ci95().lo()).as(c.toString()).isCloseTo(c.get("ci").get(0).asDouble(), within(TOL));
            assertThat(e.ci95().hi()).as(c.toString()).isCloseTo(c.get("ci").get(1).asDouble(), within(TOL));
        }
    }

    @Test
    void geometricMean() {
        for (JsonNode c : ref.get("geomean")) {
            TimeEstimate t = TaskTime.estimate(arr(c.get("times")));
            assertThat(t.geomean()).isCloseTo(c.get("geomean").asDouble(), within(TOL));
            assertThat(t.median()).isCloseTo(c.get("median").asDouble(), within(TOL));
            assertThat(t.mean()).isCloseTo(c.get("mean").asDouble(), within(TOL));
            assertThat(t.sd()).isCloseTo(c.get("sd").asDouble(), within(TOL));
            assertThat(t.geomeanCi95().lo()).isCloseTo(c.get("ci").get(0).asDouble(), within(1e-7));
            assertThat(t.geomeanCi95().hi()).isCloseTo(c.get("ci").get(1).asDouble(), within(1e-7));
        }
    }

    @Test
    void meanTInterval() {
        JsonNode errors = ref.get("t_interval").get(0);
        MeanEstimate e = MeanInterval.estimate(arr(errors.get("values")), 0, Double.POSITIVE_INFINITY);
        assertThat(e.mean()).isCloseTo(errors.get("mean").asDouble(), within(TOL));
        assertThat(e.sd()).isCloseTo(errors.get("sd").asDouble(), within(TOL));
        assertThat(e.ci95().lo()).isCloseTo(errors.get("ci").get(0).asDouble(), within(1e-7));
        assertThat(e.ci95().hi()).isCloseTo(errors.get("ci").get(1).asDouble(), within(1e-7));
        JsonNode ratings = ref.get("t_interval").get(1);
        MeanEstimate r = MeanInterval.estimate(arr(ratings.get("values")), 1, 7);
        assertThat(r.ci95().lo()).isCloseTo(ratings.get("ci").get(0).asDouble(), within(1e-7));
        assertThat(r.ci95().hi()).isCloseTo(ratings.get("ci").get(1).asDouble(), within(1e-7));
    }

    @Test
    void normalCdfMatchesScipyAndCommonsMath() {
        for (JsonNode c : ref.get("normal_cdf")) {
            assertThat(Dist.phi(c.get("x").asDouble())).isCloseTo(c.get("p").asDouble(), within(1e-15));
        }
        NormalDistribution n = new NormalDistribution();
        for (double x = -40; x <= 40; x += 0.0137) {
            assertThat(Dist.phi(x)).as("x=%s", x).isCloseTo(n.cumulativeProbability(x), within(1e-15));
        }
    }

    @Test
    void welchOnLogTimes() {
        JsonNode c = ref.get("welch_log");
        TestResult r = Comparisons.welchLogTime(arr(c.get("a")), arr(c.get("b")));
        assertThat(r.statistic()).isCloseTo(c.get("t").asDouble(), within(TOL));
        assertThat(r.df()).isCloseTo(c.get("df").asDouble(), within(TOL));
        assertThat(r.p()).isCloseTo(c.get("p").asDouble(), within(1e-7));
        assertThat(r.effect()).isCloseTo(c.get("ratio").asDouble(), within(TOL));
    }

    @Test
    void pairedOnLogTimes() {
        JsonNode c = ref.get("paired_log");
        TestResult r = Comparisons.pairedLogTime(arr(c.get("a")), arr(c.get("b")));
        assertThat(r.statistic()).isCloseTo(c.get("t").asDouble(), within(TOL));
        assertThat(r.p()).isCloseTo(c.get("p").asDouble(), within(1e-7));
        assertThat(r.effect()).isCloseTo(c.get("ratio").asDouble(), within(TOL));
    }

    @Test
    void mcnemarExact() {
        for (JsonNode c : ref.get("mcnemar_exact")) {
            TestResult r = Comparisons.mcnemarExact(3, c.get("only_a").asInt(), c.get("only_b").asInt(), 2);
            assertThat(r.p()).as(c.toString()).isCloseTo(c.get("p").asDouble(), within(1e-9));
        }
    }

    @Test
    void fisherExact() {
        for (JsonNode c : ref.get("fisher_exact")) {
            TestResult r = Comparisons.fisherExact(c.get("x1").asInt(), c.get("n1").asInt(), c.get("x2").asInt(),
                    c.get("n2").asInt());
            assertThat(r.p()).as(c.toString()).isCloseTo(c.get("p").asDouble(), within(1e-9));
        }
    }

    @Test
    void nMinusOneTwoProportion() {
        for (JsonNode c : ref.get("n_minus_1")) {
            TestResult r = Comparisons.twoProportions(c.get("x1").asInt(), c.get("n1").asInt(), c.get("x2").asInt(),
                    c.get("n2").asInt());
            assertThat(r.test()).isEqualTo("n_minus_1_two_proportion");
            assertThat(r.statistic()).isCloseTo(c.get("z").asDouble(), within(TOL));
            assertThat(r.p()).isCloseTo(c.get("p").asDouble(), within(1e-12));
        }
    }

    @Test
    void holm() {
        JsonNode c = ref.get("holm");
        assertThat(Comparisons.holm(arr(c.get("p")))).containsExactly(arr(c.get("adjusted")), within(1e-12));
    }

    @Test
    void susScoresAndPercentile() {
        for (JsonNode c : ref.get("sus")) {
            int[] q = new int[10];
            for (int i = 0; i < 10; i++) {
                q[i] = c.get("q").get(i).asInt();
            }
            assertThat(Sus.score(q)).isEqualTo(c.get("score").asDouble());
        }
        for (JsonNode c : ref.get("sus_percentile")) {
            assertThat(Sus.approximatePercentile(c.get("score").asDouble()))
                    .isCloseTo(c.get("percentile").asDouble(), within(1e-9));
        }
    }

    @Test
    void sampleSizes() {
        for (JsonNode c : ref.get("sample_size_mean")) {
            assertThat(SampleSize.forMean(c.get("sd").asDouble(), c.get("margin").asDouble())).as(c.toString())
                    .isEqualTo(c.get("n").asInt());
        }
        for (JsonNode c : ref.get("sample_size_completion")) {
            assertThat(SampleSize.forCompletion(c.get("p").asDouble(), c.get("margin").asDouble())).as(c.toString())
                    .isEqualTo(c.get("n").asInt());
        }
        for (JsonNode c : ref.get("problem_discovery")) {
            assertThat(SampleSize.problemDiscovery(c.get("p").asDouble(), c.get("n").asInt()))
                    .isCloseTo(c.get("discovered").asDouble(), within(1e-12));
        }
    }
}
