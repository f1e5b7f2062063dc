package bedside.reports.pages;

import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import bedside.reports.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Point estimates with their 95% intervals, one row per candidate and task, as positions for the template
 * {@code chart/intervals.jte}: the completion rate (0–100%) or the geometric-mean time of successful attempts (0 s
 * to the largest upper bound).
 *
 * @param gridBottom where the grid lines end (the tick labels are under them)
 */
public record IntervalChart(int width, int height, int gridBottom, List<Tick> ticks, List<Row> rows) {

    public record Tick(double x, String label) {
    }

    /**
     * @param labelX where the label ends (right-aligned)
     * @param from   the interval's left end, or null when there is none; {@code to} its right end
     * @param point  the estimate, or null when there is none
     */
    public record Row(double labelX, double y, String label, Double from, Double to, Double point) {
    }

    private static final int ROW = 18;
    private static final int LEFT = 220;
    private static final int PLOT = 420;

    /** Completion rate and adjusted-Wald interval per candidate and task. */
    public static IntervalChart completion(StudyAnalysis a) {
        return of(a, true);
    }

    /** Geometric-mean time of successful attempts and its interval per candidate and task. */
    public static IntervalChart time(StudyAnalysis a) {
        return of(a, false);
    }

    private static IntervalChart of(StudyAnalysis a, boolean completion) {
        record Bar(String label, Double point, Interval ci) {
        }
        List<Bar> bars = new ArrayList<>();
        for (CandidateAnalysis c : a.candidates()) {
            for (TaskAnalysis t : c.tasks()) {
                String label = c.candidate() + " · " + t.task();
                bars.add(completion ? new Bar(label, t.completion().rate(), t.completion().ci95())
                        : new Bar(label, t.time().geomean(), t.time().geomeanCi95()));
            }
        }
        double max = 1;
        if (!completion) {
            max = bars.stream().mapToDouble(x -> x.ci() != null ? x.ci().hi() : x.point() != null ? x.point() : 0)
                    .max().orElse(1);
            max = max <= 0 ? 1 : max * 1.05;
        }
        int height = bars.size() * ROW + 30;
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            ticks.add(new Tick(LEFT + PLOT * i / 4.0,
                    completion ? (25 * i) + "%" : String.format(Locale.ROOT, "%.0f s", max * i / 4)));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double m = max;
            rows.add(new Row(LEFT - 6, i * ROW + ROW / 2, bar.label(),
                    bar.ci() == null ? null : LEFT + PLOT * bar.ci().lo() / m,
                    bar.ci() == null ? null : LEFT + PLOT * bar.ci().hi() / m,
                    bar.point() == null ? null : LEFT + PLOT * bar.point() / m));
        }
        return new IntervalChart(LEFT + PLOT + 20, height, height - 20, ticks, rows);
    }
}
