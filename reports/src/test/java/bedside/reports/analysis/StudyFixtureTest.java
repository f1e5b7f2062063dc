package bedside.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the fixture CSVs through {@link AnalyzeTool} to OUT.json, compared with what
 * compute_reference.py computed from the same CSVs with SciPy (reference.json, "fixtures").
 */
class StudyFixtureTest {
    static JsonNode ref;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = StudyFixtureTest.class.getResourceAsStream("/reference/reference.json")) {
            ref = new ObjectMapper().readTree(in).get("fixtures");
        }
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(StudyFixtureTest.class.getResource("/reference/" + name).toURI());
    }

    JsonNode analyze(String attempts, String sus, String weights) throws Exception {
        Path json = tmp.resolve("out.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AnalyzeTool.run(resource(attempts), sus == null ? null : resource(sus),
                weights == null ? null : resource(weights), 42L, json, tmp.resolve("report"), 2000,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(json.toFile());
    }

    static void close(JsonNode actual, JsonNode expected, String what) {
        assertThat(actual.isNumber()).as(what + " is a number: " + actual).isTrue();
        assertThat(actual.asDouble()).as(what).isCloseTo(expected.asDouble(), within(1e-7));
    }

    static void checkStudy(JsonNode out, JsonNode exp) {
        assertThat(out.get("design").asText()).isEqualTo(exp.get("design").asText());
        assertThat(out.get("candidates")).hasSize(exp.get("candidates").size());
        for (int c = 0; c < exp.get("candidates").size(); c++) {
            JsonNode ec = exp.get("candidates").get(c);
            JsonNode oc = out.get("candidates").get(c);
            assertThat(oc.get("candidate").asText()).isEqualTo(ec.get("candidate").asText());
            for (int t = 0; t < ec.get("tasks").size(); t++) {
                JsonNode et = ec.get("tasks").get(t);
                JsonNode ot = oc.get("tasks").get(t);
                String w = ec.get("candidate").asText() + "/" + et.get("task").asText() + " ";
                assertThat(ot.get("task").asText()).isEqualTo(et.get("task").asText());
                assertThat(ot.get("attempts").asInt()).isEqualTo(et.get("attempts").asInt());
                assertThat(ot.at("/completion/successes").asInt()).isEqualTo(et.get("successes").asInt());
                close(ot.at("/completion/rate"), et.get("rate"), w + "rate");
                close(ot.at("/completion/ci95/0"), et.at("/completion_ci/0"), w + "completion lo");
                close(ot.at("/completion/ci95/1"), et.at("/completion_ci/1"), w + "completion hi");
                close(ot.at("/time/geomean_s"), et.at("/time/geomean"), w + "geomean");
                close(ot.at("/time/ci95_s/0"), et.at("/time/ci/0"), w + "time lo");
                close(ot.at("/time/ci95_s/1"), et.at("/time/ci/1"), w + "time hi");
                close(ot.at("/time/median_s"), et.at("/time/median"), w + "median");
                close(ot.at("/time/mean_s"), et.at("/time/mean"), w + "mean");
                close(ot.at("/time/sd_s"), et.at("/time/sd"), w + "sd");
                close(ot.at("/errors/mean"), et.at("/errors/mean"), w + "errors mean");
                close(ot.at("/errors/sd"), et.at("/errors/sd"), w + "errors sd");
                close(ot.at("/errors/ci95/0"), et.at("/errors/ci/0"), w + "errors lo");
                close(ot.at("/errors/ci95/1"), et.at("/errors/ci/1"), w + "errors hi");
                close(ot.at("/rating/mean"), et.at("/rating/mean"), w + "rating mean");
                close(ot.at("/rating/ci95/0"), et.at("/rating/ci/0"), w + "rating lo");
                close(ot.at("/rating/ci95/1"), et.at("/rating/ci/1"), w + "rating hi");
                close(ot.at("/rating/top2box"), et.get("top2box"), w + "top2box");
                close(ot.at("/critical_errors/total"), et.get("critical_total"), w + "critical");
                close(ot.at("/path_deviation/ratio"), et.get("path_ratio"), w + "path deviation");
                close(ot.at("/time_deviation/ratio"), et.get("time_ratio"), w + "time deviation");
                for (String k : new String[] {"completion", "time", "errors", "satisfaction", "score"}) {
                    close(ot.at("/sum/" + k), et.at("/sum/" + k), w + "sum " + k);
                }
            }
            close(oc.at("/sum/score"), ec.get("sum_score"), "candidate sum");
        }
        JsonNode comps = out.get("comparisons");
        assertThat(comps).hasSize(exp.get("comparisons").size());
        for (int i = 0; i < comps.size(); i++) {
            JsonNode o = comps.get(i);
            JsonNode e = exp.get("comparisons").get(i);
            for (String k : new String[] {"task", "a", "b", "measure", "test"}) {
                assertThat(o.get(k).asText()).as(k).isEqualTo(e.get(k).asText());
            }
            if (e.get("statistic").isNull()) {
                assertThat(o.get("statistic").isNull()).isTrue();
            } else {
                close(o.get("statistic"), e.get("statistic"), "statistic " + i);
            }
            close(o.get("p"), e.get("p"), "p " + i);
            close(o.get("p_holm"), e.get("p_holm"), "p_holm " + i);
        }
    }

    @Test
    void withinSubjectsStudyMatchesScipy() throws Exception {
        JsonNode out = analyze("attempts_within.csv", "sus_within.csv", "weights_within.csv");
        checkStudy(out, ref.get("within"));
        for (int c = 0; c < 3; c++) {
            JsonNode es = ref.at("/within/candidates/" + c + "/sus");
            JsonNode os = out.at("/candidates/" + c + "/sus");
            assertThat(os.get("n").asInt()).isEqualTo(10);
            close(os.get("mean"), es.get("mean"), "sus mean");
            close(os.at("/ci95/0"), es.at("/ci/0"), "sus lo");
            close(os.at("/ci95/1"), es.at("/ci/1"), "sus hi");
            close(os.get("percentile"), es.get("percentile"), "sus percentile");
            assertThat(os.get("grade").asText()).matches("A\\+|A|A-|B\\+|B|B-|C\\+|C|C-|D|F");
        }
        assertThat(out.at("/bootstrap/resampling").asText()).isEqualTo("joint");
        assertThat(out.at("/bootstrap/seed").asLong()).isEqualTo(42);
        assertThat(out.at("/bootstrap/weights/0/weight").asDouble()).isEqualTo(9.0);
        double pSum = 0;
        for (JsonNode c : out.get("candidates")) {
            JsonNode comp = c.get("composite");
            assertThat(comp.get("ci95").get(0).asDouble()).isLessThanOrEqualTo(comp.get("ci95").get(1).asDouble());
            pSum += comp.get("p_best").asDouble();
        }
        assertThat(pSum).isCloseTo(1.0, within(1e-9));
        assertThat(Files.readString(tmp.resolve("report/index.html"))).contains("<svg", "Alpha", "Gamma");
    }

    @Test
    void betweenSubjectsStudyWithColumnsInAnotherOrderMatchesScipy() throws Exception {
        JsonNode out = analyze("attempts_between.csv", null, null);
        checkStudy(out, ref.get("between"));
        assertThat(out.at("/bootstrap/resampling").asText()).isEqualTo("per_candidate");
        assertThat(out.at("/candidates/0/sus/n").asInt()).isZero();
        assertThat(out.at("/candidates/0/sus/mean").isNull()).isTrue();
        assertThat(out.get("warnings").toString()).contains("no weights given");
    }

    @Test
    void compositeEqualsWeightedMeanOfTaskSums() throws Exception {
        JsonNode out = analyze("attempts_within.csv", null, "weights_within.csv");
        double[] w = {9, 3, 2};
        for (JsonNode c : out.get("candidates")) {
            double num = 0;
            for (int t = 0; t < 3; t++) {
                num += w[t] * c.at("/tasks/" + t + "/sum/score").asDouble();
            }
            assertThat(c.at("/composite/score").asDouble()).isCloseTo(num / 14, within(1e-9));
        }
    }

    /**
     * The composite and its bootstrap against an independent NumPy implementation of the same method
     * (compute_reference.py, "composite_within": joint participant resampling, 10,000 resamples, its own RNG).
     * Point scores must agree exactly; interval ends and P(best) within Monte Carlo error (the SE of a 2.5%
     * percentile with 10,000 resamples is about 0.1 points here, of P(best) about 0.005).
     */
    @Test
    void compositeBootstrapAgreesWithAnIndependentNumpyBootstrap() throws Exception {
        Path json = tmp.resolve("boot.json");
        int code = AnalyzeTool.run(resource("attempts_within.csv"), null, resource("weights_within.csv"), 1L, json, null,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        assertThat(code).isZero();
        JsonNode out = new ObjectMapper().readTree(json.toFile());
        JsonNode exp;
        try (InputStream in = StudyFixtureTest.class.getResourceAsStream("/reference/reference.json")) {
            exp = new ObjectMapper().readTree(in).get("composite_within");
        }
        assertThat(out.at("/bootstrap/resamples").asInt()).isEqualTo(10_000);
        for (int c = 0; c < 3; c++) {
            JsonNode comp = out.at("/candidates/" + c + "/composite");
            assertThat(comp.get("score").asDouble()).isCloseTo(exp.at("/score/" + c).asDouble(), within(1e-9));
            assertThat(comp.at("/ci95/0").asDouble()).isCloseTo(exp.at("/ci_lo/" + c).asDouble(), within(1.0));
            assertThat(comp.at("/ci95/1").asDouble()).isCloseTo(exp.at("/ci_hi/" + c).asDouble(), within(1.0));
            assertThat(comp.get("p_best").asDouble()).isCloseTo(exp.at("/p_best/" + c).asDouble(), within(0.03));
        }
    }

    @Test
    void everyDocumentedFieldIsPresent() throws Exception {
        JsonNode out = analyze("attempts_within.csv", "sus_within.csv", "weights_within.csv");
        assertThat(fieldNames(out)).contains("schema", "design", "candidates", "comparisons", "bootstrap",
                "problem_discovery", "warnings");
        JsonNode c = out.at("/candidates/0");
        assertThat(fieldNames(c)).contains("candidate", "participants", "tasks", "sus", "sum", "composite", "not_applicable");
        assertThat(fieldNames(c.at("/tasks/0"))).contains("task", "attempts", "completion", "time", "errors",
                "critical_errors", "rating", "path_deviation", "time_deviation", "sum", "sample_size");
        assertThat(fieldNames(c.at("/tasks/0/time"))).containsExactly("n", "geomean_s", "ci95_s", "median_s",
                "mean_s", "sd_s");
        assertThat(fieldNames(c.get("sus"))).contains("n", "mean", "ci95", "grade", "percentile");
        assertThat(fieldNames(c.get("composite"))).containsExactly("score", "ci95", "p_best", "tasks_used", "renormalised");
        assertThat(fieldNames(out.at("/comparisons/0"))).contains("task", "a", "b", "measure", "test", "statistic", "p",
                "p_holm", "effect");
    }

    static java.util.List<String> fieldNames(JsonNode n) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
