package bedside.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bedside.reports.stats.WeightSensitivity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weight sensitivity as the study analysis, OUT.json and the analysis page carry it. */
class SensitivityAnalysisTest {
    static final String B = "<b>B</b>"; // a candidate id the page must escape

    /**
     * 20 participants, within-subjects, completion only (no time limit, ratings or error opportunities), so each task
     * SUM is 100·x/n: A 16/20 = 80 at T1, 12/20 = 60 at T2; B 10/20 = 50 and 17/20 = 85. Weights T1 = 1, T2 = 1.
     */
    static StudyAnalysis study() {
        List<AttemptRow> rows = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            String id = "P" + p;
            rows.add(AttemptRow.of(id, "A", "T1", p < 16, p < 16 ? 30.0 : null, 0));
            rows.add(AttemptRow.of(id, "A", "T2", p < 12, p < 12 ? 30.0 : null, 0));
            rows.add(AttemptRow.of(id, B, "T1", p < 10, p < 10 ? 30.0 : null, 0));
            rows.add(AttemptRow.of(id, B, "T2", p < 17, p < 17 ? 30.0 : null, 0));
        }
        return StudyAnalyzer.analyze(rows, List.of(), List.of(new TaskWeight("T1", 1), new TaskWeight("T2", 1)),
                new StudyAnalyzer.Options(1, 200));
    }

    @Test
    void analysisCarriesTheSensitivityOfItsOwnComposite() {
        StudyAnalysis a = study();
        // Composites A = (80 + 60)/2 = 70, B = (50 + 85)/2 = 67.5; the crossings as in WeightSensitivityTest:
        // T1 at 5/6 (80w + 60 = 50w + 85), T2 at 1.2 (80 + 60w = 50 + 85w).
        assertThat(a.candidates().get(0).composite().score()).isCloseTo(70, within(1e-9));
        List<WeightSensitivity.TaskSensitivity> s = a.sensitivity();
        assertThat(s).extracting(WeightSensitivity.TaskSensitivity::task).containsExactly("T1", "T2");
        assertThat(s.get(0).ranking()).containsExactly("A", B);
        assertThat(s.get(0).atHalf()).containsExactly(B, "A");
        assertThat(s.get(0).topChanges()).isTrue();
        assertThat(s.get(0).flips().get(0).atWeight()).isCloseTo(5.0 / 6, within(1e-9));
        assertThat(s.get(1).atOneAndAHalf()).containsExactly(B, "A");
        assertThat(s.get(1).flips().get(0).atWeight()).isCloseTo(1.2, within(1e-9));
        // the composite WeightSensitivity recomputes is the one the analysis reports
        for (StudyAnalysis.CandidateAnalysis c : a.candidates()) {
            java.util.Map<String, Double> scores = new java.util.LinkedHashMap<>();
            c.tasks().forEach(t -> scores.put(t.task(), t.sum().score()));
            assertThat(WeightSensitivity.composite(new WeightSensitivity.Candidate(c.candidate(), scores),
                    java.util.Map.of("T1", 1.0, "T2", 1.0))).isCloseTo(c.composite().score(), within(1e-9));
        }
    }

    @Test
    void jsonHasTheSensitivityBesideTheExistingFields() throws Exception {
        JsonNode root = new ObjectMapper().readTree(StudyJson.toJson(study()));
        assertThat(StudyFixtureTest.fieldNames(root)).containsExactly("schema", "design", "simulated", "candidates",
                "comparisons", "bootstrap", "sensitivity", "problem_discovery", "warnings");
        JsonNode t1 = root.at("/sensitivity/0");
        assertThat(StudyFixtureTest.fieldNames(t1)).containsExactly("task", "weight", "ranking", "at_half",
                "at_one_and_a_half", "top_changes", "flips");
        assertThat(t1.get("task").asText()).isEqualTo("T1");
        assertThat(t1.get("weight").asDouble()).isEqualTo(1.0);
        assertThat(t1.get("at_half").toString()).isEqualTo("[\"<b>B</b>\",\"A\"]");
        assertThat(t1.get("at_one_and_a_half").toString()).isEqualTo("[\"A\",\"<b>B</b>\"]");
        assertThat(t1.get("top_changes").asBoolean()).isTrue();
        JsonNode flip = t1.at("/flips/0");
        assertThat(flip.get("candidates").toString()).isEqualTo("[\"A\",\"<b>B</b>\"]");
        assertThat(flip.get("at_weight").asDouble()).isCloseTo(5.0 / 6, within(1e-9));
        assertThat(flip.get("factor").asDouble()).isCloseTo(5.0 / 6, within(1e-9));
        assertThat(flip.get("statement").asText()).isEqualTo("swap places at weight 0.833 (0.833 × the plan's 1)");
    }

    @Test
    void neverIsNullWithItsStatement() throws Exception {
        // A better at both tasks: 16/20 and 18/20 against 10/20 and 17/20: never swap
        List<AttemptRow> rows = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            String id = "P" + p;
            rows.add(AttemptRow.of(id, "A", "T1", p < 16, p < 16 ? 30.0 : null, 0));
            rows.add(AttemptRow.of(id, "A", "T2", p < 18, p < 18 ? 30.0 : null, 0));
            rows.add(AttemptRow.of(id, "B", "T1", p < 10, p < 10 ? 30.0 : null, 0));
            rows.add(AttemptRow.of(id, "B", "T2", p < 17, p < 17 ? 30.0 : null, 0));
        }
        StudyAnalysis a = StudyAnalyzer.analyze(rows, List.of(), null, new StudyAnalyzer.Options(1, 100));
        JsonNode flip = new ObjectMapper().readTree(StudyJson.toJson(a)).at("/sensitivity/1/flips/0");
        assertThat(flip.get("at_weight").isNull()).isTrue();
        assertThat(flip.get("factor").isNull()).isTrue();
        assertThat(flip.get("statement").asText()).isEqualTo("never within [0, ∞)");
    }

    @Test
    void pageShowsTheTableEscaped() {
        String html = StudyHtml.render(study());
        assertThat(html).contains("<h2>Weight sensitivity</h2>");
        assertThat(html).contains("A / &lt;b&gt;B&lt;/b&gt;: swap places at weight 0.833 (0.833 × the plan&#39;s 1)");
        assertThat(html).doesNotContain("<b>B</b>");
    }
}
