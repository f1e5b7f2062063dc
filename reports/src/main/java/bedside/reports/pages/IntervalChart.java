package bedside.reports.pages;

import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import bedside.reports.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Point estimates with their 95% intervals, one row per item, as positions for the template
 * {@code chart/intervals.jte}: the completion rate (0–100%) or the geometric-mean time of successful attempts (0 s
 * to the largest upper bound) per candidate and task; the composite (0–100) per candidate; and compact small
 * multiples of one task's completion or time per candidate (two fit side by side on A4).
 *
 * @param gridBottom where the grid lines end (the tick labels are under them)
 * @param title      what the chart shows (the SVG's {@code <title>}), or null
 */
public record IntervalChart(int width, int height, int gridBottom, List<Tick> ticks, List<Row> rows, String title) {

    /** A chart without a title. */
    public IntervalChart(int width, int height, int gridBottom, List<Tick> ticks, List<Row> rows) {
        this(width, height, gridBottom, ticks, rows, null);
    }

    public record Tick(double x, String label) {
    }

    /**
     * @param labelX where the label ends (right-aligned)
     * @param from   the interval's left end, or null when there is none; {@code to} its right end
     * @param point  the estimate, or null when there is none
     * @param text   written right of the plot at {@code textX} (e.g. "84.9 [80.1, 89.6]"), or null
     * @param title  the row's tooltip (the whole label and its figures), or null
     */
    public record Row(double labelX, double y, String label, Double from, Double to, Double point, String text,
                      double textX, String title) {

        /** A row without text or tooltip. */
        public Row(double labelX, double y, String label, Double from, Double to, Double point) {
            this(labelX, y, label, from, to, point, null, 0, null);
        }
    }

    private static final int ROW = 18;
    private static final int LEFT = 220;
    private static final int PLOT = 420;
    /** The composite chart: as wide as the others, with room for the figures on the right. */
    private static final int COMPOSITE_WIDTH = 660;
    private static final int TEXT_GAP = 12;
    private static final int TEXT_WIDTH = 110;
    /** The compact charts of one task. */
    static final int SMALL_LEFT = 110;
    static final int SMALL_PLOT = 200;
    private static final double CHAR = 6.1;       // mean advance of an 11 px sans-serif character

    /** Completion rate and adjusted-Wald interval per candidate and task. */
    public static IntervalChart completion(StudyAnalysis a) {
        return of(a, true);
    }

    /** Geometric-mean time of successful attempts and its interval per candidate and task. */
    public static IntervalChart time(StudyAnalysis a) {
        return of(a, false);
    }

    /**
     * The composite score (0–100) and its bootstrap interval per candidate, in the analysis' order, with the figures
     * ("84.9 [80.1, 89.6]") right of the plot; a candidate without a composite gets a row without a point.
     */
    public static IntervalChart composite(StudyAnalysis a) {
        // In the ranking's order (highest composite first), as the board's table lists them.
        List<CandidateAnalysis> cs = a.candidates().stream().sorted(java.util.Comparator.comparing(
                (CandidateAnalysis c) -> c.composite().score() == null ? Double.NEGATIVE_INFINITY : c.composite().score())
                .reversed()).toList();
        int longest = cs.stream().mapToInt(c -> Math.min(c.candidate().length(), MAX_LABEL)).max().orElse(0);
        int left = (int) Math.max(60, Math.min(220, Math.ceil(14 + longest * CHAR)));
        int plot = COMPOSITE_WIDTH - left - TEXT_GAP - TEXT_WIDTH;
        int height = cs.size() * ROW + 30;
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            ticks.add(new Tick(left + plot * i / 5.0, String.valueOf(20 * i)));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            CandidateAnalysis c = cs.get(i);
            Double score = c.composite().score();
            Interval ci = c.composite().ci95();
            String text = score == null ? "no composite" : ci == null ? Fmt.f(score, 1)
                    : Fmt.f(score, 1) + " " + Fmt.ci(ci, 1, 1);
            rows.add(new Row(left - 6, i * ROW + ROW / 2, fit(c.candidate(), "", MAX_LABEL),
                    ci == null ? null : left + plot * clamp(ci.lo(), 100) / 100,
                    ci == null ? null : left + plot * clamp(ci.hi(), 100) / 100,
                    score == null ? null : left + plot * clamp(score, 100) / 100,
                    text, left + plot + TEXT_GAP, c.candidate() + ": composite " + text));
        }
        return new IntervalChart(COMPOSITE_WIDTH, height, height - 20, ticks, rows,
                "Composite score (0–100) per candidate with its 95% bootstrap interval");
    }

    /**
     * One task's completion rate (0–100%) and adjusted-Wald interval per candidate, compact (110 px of labels, a
     * 200 px plot, 326 px in all): one row per candidate with the task, in the analysis' order; a candidate to which
     * the task does not apply gets a row without a point labelled "candidate (n/a)", one whose every attempt at it
     * was left unscored "candidate (not scored)"; other candidates without the task get no row.
     */
    public static IntervalChart taskCompletion(StudyAnalysis a, String task) {
        return small(a, task, true);
    }

    /**
     * One task's geometric-mean time of successful attempts and its interval per candidate, compact and with rows as
     * {@link #taskCompletion}; the axis runs from 0 s to the largest upper bound (or estimate) of this task across
     * candidates, rounded up to the next tick.
     */
    public static IntervalChart taskTime(StudyAnalysis a, String task) {
        return small(a, task, false);
    }

    private static final int MAX_LABEL = 30;
    private static final int SMALL_LABEL = (int) ((SMALL_LEFT - 10) / CHAR);

    private static IntervalChart small(StudyAnalysis a, String task, boolean completion) {
        record Item(String label, String title, Double point, Interval ci) {
        }
        List<Item> items = new ArrayList<>();
        for (CandidateAnalysis c : a.candidates()) {
            TaskAnalysis t = c.tasks().stream().filter(x -> x.task().equals(task)).findFirst().orElse(null);
            if (t != null) {
                items.add(completion
                        ? new Item(fit(c.candidate(), "", SMALL_LABEL), c.candidate() + ": " + completionText(t),
                                t.completion().rate(), t.completion().ci95())
                        : new Item(fit(c.candidate(), "", SMALL_LABEL), c.candidate() + ": " + timeText(t),
                                t.time().geomean(), t.time().geomeanCi95()));
            } else if (c.notApplicableReason(task) != null) {
                items.add(new Item(fit(c.candidate(), " (n/a)", SMALL_LABEL),
                        c.candidate() + ": does not apply (" + c.notApplicableReason(task) + ")", null, null));
            } else if (!c.excluded(task).isEmpty()) {
                items.add(new Item(fit(c.candidate(), " (not scored)", SMALL_LABEL),
                        c.candidate() + ": " + c.excluded(task).size() + " attempt(s) not scored", null, null));
            }
        }
        double max = 1;
        double step = 0.25;
        if (!completion) {
            double hi = items.stream().mapToDouble(x -> x.ci() != null ? x.ci().hi() : x.point() != null ? x.point() : 0)
                    .max().orElse(0);
            step = niceStep(hi > 0 ? hi : 1, 4);
            max = Math.max(1, Math.ceil((hi > 0 ? hi : 1) / step - 1e-9)) * step;
        }
        int height = items.size() * ROW + 30;
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i * step <= max + step / 1e6; i++) {
            double v = i * step;
            ticks.add(new Tick(SMALL_LEFT + SMALL_PLOT * v / max,
                    completion ? Math.round(100 * v) + "%" : number(v, step) + " s"));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            double m = max;
            rows.add(new Row(SMALL_LEFT - 6, i * ROW + ROW / 2, it.label(),
                    it.ci() == null ? null : SMALL_LEFT + SMALL_PLOT * clamp(it.ci().lo(), m) / m,
                    it.ci() == null ? null : SMALL_LEFT + SMALL_PLOT * clamp(it.ci().hi(), m) / m,
                    it.point() == null ? null : SMALL_LEFT + SMALL_PLOT * clamp(it.point(), m) / m, null, 0, it.title()));
        }
        String title = completion
                ? "Completion rate of task " + task + " per candidate with its 95% adjusted-Wald interval"
                : "Task time of task " + task + " per candidate: geometric mean of successful attempts with its 95% interval";
        return new IntervalChart(SMALL_LEFT + SMALL_PLOT + 16, height, height - 20, ticks, rows, title);
    }

    private static String completionText(TaskAnalysis t) {
        var p = t.completion();
        return p.rate() == null ? "no attempts"
                : Fmt.f(100 * p.rate(), 0) + "% " + Fmt.ci(p.ci95(), 0, 100) + " (" + p.successes() + "/" + p.n() + ")";
    }

    private static String timeText(TaskAnalysis t) {
        var x = t.time();
        return x.geomean() == null ? "no successful attempt"
                : Fmt.f(x.geomean(), 1) + " s " + Fmt.ci(x.geomeanCi95(), 1, 1) + " (n = " + x.n() + ")";
    }

    /** {@code name + suffix}, the name shortened with "…" so that the whole is at most {@code max} characters. */
    static String fit(String name, String suffix, int max) {
        int room = Math.max(1, max - suffix.length());
        return (name.length() <= room ? name : name.substring(0, room - 1) + "…") + suffix;
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }

    /** A step of 1, 2, 2.5 or 5 times a power of ten giving at most about {@code ticks} intervals up to {@code max}. */
    static double niceStep(double max, int ticks) {
        double raw = max / ticks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / magnitude;
        double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    static String number(double v, double step) {
        int digits = step >= 1 && step == Math.rint(step) ? 0 : step * 10 == Math.rint(step * 10) ? 1 : 2;
        return String.format(Locale.ROOT, "%." + digits + "f", v);
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
        return new IntervalChart(LEFT + PLOT + 20, height, height - 20, ticks, rows,
                completion ? "Completion rate per candidate and task with its 95% adjusted-Wald interval"
                        : "Task time per candidate and task: geometric mean of successful attempts with its 95% interval");
    }
}
