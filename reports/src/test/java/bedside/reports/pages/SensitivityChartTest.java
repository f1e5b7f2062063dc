package bedside.reports.pages;

import static bedside.reports.pages.PageEscapingTest.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bedside.reports.analysis.AttemptRow;
import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalyzer;
import bedside.reports.analysis.TaskWeight;
import bedside.reports.stats.WeightSensitivity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weight-sensitivity chart: the composite at each task's weight × 0.5, × 1, × 1.5, per candidate. */
class SensitivityChartTest {

    /**
     * As SensitivityAnalysisTest: 20 participants, completion only, so each task SUM is 100·x/n. A: T1 80, T2 60;
     * {@code b}: T1 50, T2 85 (both weights 1), or T1 50, T2 55 when {@code bWorse} (A is then first whatever the
     * weights).
     */
    static StudyAnalysis study(String b, String t2, boolean bWorse) {
        List<AttemptRow> rows = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            String id = "P" + p;
            rows.add(AttemptRow.of(id, "A", "T1", p < 16, p < 16 ? 30.0 : null, 0));
            rows.add(AttemptRow.of(id, "A", t2, p < 12, p < 12 ? 30.0 : null, 0));
            rows.add(AttemptRow.of(id, b, "T1", p < 10, p < 10 ? 30.0 : null, 0));
            rows.add(AttemptRow.of(id, b, t2, p < (bWorse ? 11 : 17), p < (bWorse ? 11 : 17) ? 30.0 : null, 0));
        }
        return StudyAnalyzer.analyze(rows, List.of(), List.of(new TaskWeight("T1", 1), new TaskWeight(t2, 1)),
                new StudyAnalyzer.Options(1, 200));
    }

    @Test
    void eachPanelHoldsTheCompositesWithThatTasksWeightMovedAndTheLinesCross() {
        StudyAnalysis a = study("B", "T2", false);
        SensitivityChart c = SensitivityChart.of(a);
        assertThat(c.isEmpty()).isFalse();
        assertThat(c.panels()).extracting(SensitivityChart.Panel::task).containsExactly("T1", "T2");
        assertThat(c.legend()).extracting(SensitivityChart.Key::label).containsExactly("A", "B");
        assertThat(c.legend()).extracting(SensitivityChart.Key::color).containsExactly("#0072B2", "#D55E00");

        SensitivityChart.Panel t1 = c.panels().get(0);
        assertThat(t1.levels()).extracting(SensitivityChart.Level::label).containsExactly("×0.5", "×1", "×1.5");
        assertThat(t1.lines()).extracting(SensitivityChart.Line::candidate).containsExactly("A", "B");
        // by hand: T1 weight 0.5 → A (40 + 60)/1.5, B (25 + 85)/1.5; × 1 → 70, 67.5; × 1.5 → A (120 + 60)/2.5 = 72,
        // B (75 + 85)/2.5 = 64
        assertThat(values(t1.lines().get(0))).containsExactly(new double[] {100 / 1.5, 70, 72}, within(1e-9));
        assertThat(values(t1.lines().get(1))).containsExactly(new double[] {110 / 1.5, 67.5, 64}, within(1e-9));
        // T2 weight 0.5 → A (80 + 30)/1.5, B (50 + 42.5)/1.5; × 1.5 → A (80 + 90)/2.5 = 68, B (50 + 127.5)/2.5 = 71
        SensitivityChart.Panel t2 = c.panels().get(1);
        assertThat(values(t2.lines().get(0))).containsExactly(new double[] {110 / 1.5, 70, 68}, within(1e-9));
        assertThat(values(t2.lines().get(1))).containsExactly(new double[] {92.5 / 1.5, 67.5, 71}, within(1e-9));
        // ... which is WeightSensitivity's composite with that weight changed, and × 1 the analysis' composite
        Map<String, Double> w = a.planWeights();
        for (int i = 0; i < 2; i++) {
            WeightSensitivity.Candidate in = a.sensitivityCandidates().get(i);
            assertThat(t2.lines().get(i).marks().get(2).value()).isEqualTo(
                    WeightSensitivity.composite(in, Map.of("T1", 1.0, "T2", 1.5)));
            assertThat(t1.lines().get(i).marks().get(0).value())
                    .isEqualTo(WeightSensitivity.compositeWithFactor(in, w, "T1", 0.5));
            assertThat(t1.lines().get(i).marks().get(1).value())
                    .isCloseTo(a.candidates().get(i).composite().score(), within(1e-9));
        }
        assertThat(t1.topChanges()).isTrue();
        assertThat(t2.topChanges()).isTrue();
        assertThat(t1.title()).isEqualTo("T1, weight 1: first at ×0.5 B, at ×1 A, at ×1.5 A (the top candidate changes)");

        // positions: one axis for all panels, from the first tick to the last
        double lo = Double.parseDouble(c.ticks().get(0).label());
        double hi = Double.parseDouble(c.ticks().get(c.ticks().size() - 1).label());
        assertThat(lo).isLessThanOrEqualTo(92.5 / 1.5);
        assertThat(hi).isGreaterThanOrEqualTo(110 / 1.5).isLessThanOrEqualTo(100);
        assertThat(c.ticks().get(0).x()).isEqualTo(c.plotLeft());
        for (SensitivityChart.Panel p : c.panels()) {
            for (SensitivityChart.Line l : p.lines()) {
                for (int f = 0; f < 3; f++) {
                    SensitivityChart.Mark m = l.marks().get(f);
                    assertThat(m.x()).isCloseTo(c.plotLeft() + c.plotWidth() * (m.value() - lo) / (hi - lo), within(1e-9));
                    assertThat(m.y()).isEqualTo(p.levels().get(f).y());
                }
            }
        }
        // the lines cross: A left of B at × 0.5, right of it at × 1 and × 1.5
        assertThat(t1.lines().get(0).marks().get(0).x()).isLessThan(t1.lines().get(1).marks().get(0).x());
        assertThat(t1.lines().get(0).marks().get(2).x()).isGreaterThan(t1.lines().get(1).marks().get(2).x());
        assertThat(t1.lines().get(0).points()).isEqualTo(t1.lines().get(0).marks().stream()
                .map(m -> Fmt.px(m.x()) + "," + Fmt.px(m.y())).reduce((x, y) -> x + " " + y).orElseThrow());
        // panels stack without overlapping
        assertThat(t2.top()).isEqualTo(t1.top() + t1.height());
        assertThat(c.plotBottom()).isEqualTo(t2.top() + t2.height()).isLessThan(c.height());

        Svg svg = Svg.parse(Pages.render("chart/sensitivity.jte", Map.of("chart", c)));
        assertThat(svg.all("polyline")).hasSize(4);
        assertThat(svg.all("circle")).hasSize(2 + 12); // legend and marks
        assertThat(svg.all("text")).extracting(e -> e.getTextContent()).contains("T1", "weight 1", "top changes",
                "×0.5", "Composite (0–100)");
        assertThat(svg.titles()).contains(t1.title(), "A: composite 66.7 with T1's weight ×0.5 (0.5)");
    }

    @Test
    void aTaskWhoseTopCandidateStaysIsNotMarked() {
        SensitivityChart c = SensitivityChart.of(study("B", "T2", true));
        assertThat(c.panels()).extracting(SensitivityChart.Panel::topChanges).containsExactly(false, false);
        String html = Pages.render("chart/sensitivity.jte", Map.of("chart", c));
        Svg.parse(html);
        assertThat(html).doesNotContain("top changes");
    }

    @Test
    void emptyWithOneCandidate() {
        List<AttemptRow> rows = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            rows.add(AttemptRow.of("P" + p, "A", "T1", true, 30.0, 0));
            rows.add(AttemptRow.of("P" + p, "A", "T2", p < 3, p < 3 ? 30.0 : null, 0));
        }
        StudyAnalysis a = StudyAnalyzer.analyze(rows, List.of(), null, new StudyAnalyzer.Options(1, 50));
        assertThat(a.sensitivity()).hasSize(2);
        SensitivityChart c = SensitivityChart.of(a);
        assertThat(c.isEmpty()).isTrue();
        assertThat(c.panels()).isEmpty();
        assertThat(Pages.render("chart/sensitivity.jte", Map.of("chart", c))).isBlank();
    }

    @Test
    void everyLabelIsEscaped() {
        String html = Pages.render("chart/sensitivity.jte", Map.of("chart", SensitivityChart.of(study(HOSTILE, HOSTILE, false))));
        PageEscapingTest.assertEscaped(html);
        Svg.parse(html);
    }

    static double[] values(SensitivityChart.Line l) {
        return l.marks().stream().mapToDouble(SensitivityChart.Mark::value).toArray();
    }
}
