package bedside.reports.pages;

import static bedside.reports.pages.PageEscapingTest.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bedside.reports.analysis.AttemptRow;
import bedside.reports.analysis.NotApplicableRow;
import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import bedside.reports.analysis.StudyAnalyzer;
import bedside.reports.analysis.TaskWeight;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The composite chart and the per-task small multiples: positions from the analysis' own numbers. */
class IntervalChartTest {
    static final StudyAnalyzer.Options OPT = new StudyAnalyzer.Options(3, 300);

    /**
     * A does T1, T2, T3; B does T1 and T2 (T3 does not apply to it); C's only T2 attempts all crashed. Times differ by
     * candidate, so the time axis is set by the slowest.
     */
    static StudyAnalysis study(String a, String task) {
        List<AttemptRow> rows = new ArrayList<>();
        for (int p = 1; p <= 6; p++) {
            rows.add(AttemptRow.of("P" + p, a, "T1", p != 3, p != 3 ? 20.0 + p : null, 0));
            rows.add(AttemptRow.of("P" + p, a, task, true, 40.0 + 2 * p, 0));
            rows.add(AttemptRow.of("P" + p, a, "T3", p % 3 != 0, p % 3 != 0 ? 50.0 + p : null, 1));
            rows.add(AttemptRow.of("P" + p, "B", "T1", p % 2 == 0, p % 2 == 0 ? 30.0 + p : null, 1));
            rows.add(AttemptRow.of("P" + p, "B", task, true, 95.0 + 7 * p, 0));
        }
        rows.add(AttemptRow.notScored("P1", "C", task, bedside.reports.analysis.Exclusion.SYSTEM_ERROR));
        rows.add(AttemptRow.of("P1", "C", "T1", true, 30.0, 0));
        return StudyAnalyzer.analyze(rows, List.of(), List.of(new TaskWeight("T1", 3), new TaskWeight(task, 1),
                new TaskWeight("T3", 6)), List.of(new NotApplicableRow("B", "T3", "no module")), OPT);
    }

    static double at(IntervalChart c, double value, double axisMax) {
        double x0 = c.ticks().get(0).x();
        double x1 = c.ticks().get(c.ticks().size() - 1).x();
        return x0 + (x1 - x0) * value / axisMax;
    }

    @Test
    void compositeRowsAreTheAnalysisNumbers() {
        StudyAnalysis a = study("A", "T2");
        IntervalChart c = IntervalChart.composite(a);
        assertThat(c.ticks()).extracting(IntervalChart.Tick::label).containsExactly("0", "20", "40", "60", "80", "100");
        assertThat(c.rows()).extracting(IntervalChart.Row::label).containsExactly("A", "B", "C");
        for (int i = 0; i < 2; i++) {
            CandidateAnalysis ca = a.candidates().get(i);
            IntervalChart.Row r = c.rows().get(i);
            double score = ca.composite().score();
            assertThat(r.point()).isCloseTo(at(c, score, 100), within(1e-9));
            assertThat(r.from()).isCloseTo(at(c, ca.composite().ci95().lo(), 100), within(1e-9));
            assertThat(r.to()).isCloseTo(at(c, ca.composite().ci95().hi(), 100), within(1e-9));
            assertThat(r.text()).isEqualTo(Fmt.f(score, 1) + " " + Fmt.ci(ca.composite().ci95(), 1, 1))
                    .matches("\\d+\\.\\d \\[\\d+\\.\\d, \\d+\\.\\d]");
            assertThat(r.textX()).isGreaterThan(c.ticks().get(5).x()).isLessThan(c.width() - 100);
        }
        // C has no composite (its T2 attempt was not scored): a row without a point
        assertThat(c.rows().get(2).point()).isNull();
        assertThat(c.rows().get(2).from()).isNull();
        assertThat(c.rows().get(2).text()).isEqualTo("no composite");
        assertThat(c.width()).isLessThanOrEqualTo(680);

        Svg svg = Svg.parse(Pages.render("chart/intervals.jte", Map.of("chart", c)));
        assertThat(svg.title()).startsWith("Composite score (0–100)");
        assertThat(svg.all("circle")).hasSize(2);
        assertThat(svg.all("text")).extracting(e -> e.getTextContent()).contains("A", "B", "C", "no composite",
                c.rows().get(0).text());
    }

    @Test
    void taskCompletionHasEveryCandidateWithTheTaskAndNaAndNotScoredRowsWithoutAPoint() {
        StudyAnalysis a = study("A", "T2");
        IntervalChart t3 = IntervalChart.taskCompletion(a, "T3");
        assertThat(t3.rows()).extracting(IntervalChart.Row::label).containsExactly("A", "B (n/a)");
        assertThat(t3.ticks()).extracting(IntervalChart.Tick::label).containsExactly("0%", "25%", "50%", "75%", "100%");
        assertThat(t3.ticks().get(0).x()).isEqualTo(110);
        assertThat(t3.ticks().get(4).x()).isEqualTo(310);
        TaskAnalysis at3 = a.candidates().get(0).tasks().get(2);
        assertThat(at3.completion().rate()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(t3.rows().get(0).point()).isCloseTo(110 + 200 * 4.0 / 6, within(1e-9));
        assertThat(t3.rows().get(0).from()).isCloseTo(110 + 200 * at3.completion().ci95().lo(), within(1e-9));
        assertThat(t3.rows().get(0).title()).isEqualTo("A: 67% " + Fmt.ci(at3.completion().ci95(), 0, 100) + " (4/6)");
        assertThat(t3.rows().get(1).point()).isNull();
        assertThat(t3.rows().get(1).from()).isNull();
        assertThat(t3.rows().get(1).title()).isEqualTo("B: does not apply (no module)");

        IntervalChart t2 = IntervalChart.taskCompletion(a, "T2");
        assertThat(t2.rows()).extracting(IntervalChart.Row::label).containsExactly("A", "B", "C (not scored)");
        assertThat(t2.width()).isEqualTo(326);
        Svg.parse(Pages.render("chart/intervals.jte", Map.of("chart", t2)));
    }

    @Test
    void taskTimeRunsFromZeroToTheLargestUpperBound() {
        StudyAnalysis a = study("A", "T2");
        IntervalChart c = IntervalChart.taskTime(a, "T2");
        TaskAnalysis ta = a.candidates().get(0).tasks().get(1);
        TaskAnalysis tb = a.candidates().get(1).tasks().get(1);
        double hi = Math.max(ta.time().geomeanCi95().hi(), tb.time().geomeanCi95().hi());
        assertThat(tb.time().geomeanCi95().hi()).isEqualTo(hi); // B is the slow one
        IntervalChart.Tick last = c.ticks().get(c.ticks().size() - 1);
        assertThat(last.x()).isEqualTo(310);
        double axisMax = Double.parseDouble(last.label().replace(" s", ""));
        double step = axisMax / (c.ticks().size() - 1);
        assertThat(axisMax).isGreaterThanOrEqualTo(hi).isLessThan(hi + step);
        assertThat(c.ticks().get(0).label()).isEqualTo("0 s");
        assertThat(c.rows().get(0).point()).isCloseTo(at(c, ta.time().geomean(), axisMax), within(1e-9));
        assertThat(c.rows().get(1).to()).isCloseTo(at(c, hi, axisMax), within(1e-9));
        assertThat(c.rows().get(1).title()).startsWith("B: " + Fmt.f(tb.time().geomean(), 1) + " s [");
        assertThat(c.rows().get(2).label()).isEqualTo("C (not scored)");
        assertThat(c.rows().get(2).point()).isNull();
        Svg svg = Svg.parse(Pages.render("chart/intervals.jte", Map.of("chart", c)));
        assertThat(svg.title()).isEqualTo("Task time of task T2 per candidate: geometric mean of successful attempts "
                + "with its 95% interval");
        assertThat(svg.titles()).contains(c.rows().get(0).title());
    }

    @Test
    void longNamesAreShortenedAndKeptWholeInTheTooltip() {
        String longName = "a-candidate-with-a-very-long-name";
        IntervalChart c = IntervalChart.taskCompletion(study(longName, "T2"), "T3");
        assertThat(c.rows().get(0).label()).hasSize(16).endsWith("…").startsWith("a-candidate");
        assertThat(c.rows().get(0).title()).startsWith(longName + ": ");
    }

    @Test
    void theExistingChartsStillDrawAndHaveATitle() {
        StudyAnalysis a = study("A", "T2");
        IntervalChart c = IntervalChart.completion(a);
        assertThat(c.rows()).hasSize(6);
        assertThat(c.rows().get(0).text()).isNull();
        Svg svg = Svg.parse(Pages.render("chart/intervals.jte", Map.of("chart", c)));
        assertThat(svg.title()).startsWith("Completion rate per candidate and task");
        assertThat(Svg.parse(Pages.render("chart/intervals.jte", Map.of("chart", IntervalChart.time(a)))).title())
                .startsWith("Task time per candidate and task");
    }

    @Test
    void everyLabelIsEscaped() {
        StudyAnalysis a = study(HOSTILE, HOSTILE);
        for (IntervalChart c : List.of(IntervalChart.composite(a), IntervalChart.taskCompletion(a, HOSTILE),
                IntervalChart.taskTime(a, HOSTILE), IntervalChart.taskCompletion(a, "T3"))) {
            String html = Pages.render("chart/intervals.jte", Map.of("chart", c));
            PageEscapingTest.assertEscaped(html);
            Svg.parse(html);
        }
    }
}
