package bedside.reports.pages;

import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.stats.WeightSensitivity;
import bedside.reports.stats.WeightSensitivity.TaskSensitivity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The weight sensitivity of the composite ({@link StudyAnalysis#sensitivity()}) as positions for the template
 * {@code chart/sensitivity.jte}: one panel per positively weighted task of the plan, in the plan's task order, and in
 * it one line per candidate through its composite with that task's weight × 0.5, × 1 and × 1.5 (every other weight as
 * the plan fixed it; {@link WeightSensitivity#compositeWithFactor}). The three weights are three levels of the panel
 * (× 0.5 at the top), the composite is across, so two candidates whose lines cross swap places as that weight moves.
 * A panel whose top candidate changes at × 0.5 or × 1.5 ({@link TaskSensitivity#topChanges()}) is marked. One colour
 * per candidate, in the analysis' candidate order, with a legend; one value axis shared by every panel.
 *
 * @param title      what the chart shows (the SVG's {@code <title>})
 * @param axisLabel  under the value axis
 * @param plotLeft   the value axis' left end; {@code plotWidth} its length
 * @param plotTop    where the first panel starts; {@code plotBottom} where the last one ends (the tick labels are under it)
 * @param ticks      value-axis ticks, each with a grid line through every panel
 * @param legend     one key per candidate
 * @param panels     one per task; none when there is only one candidate with a composite or no sensitivity
 */
public record SensitivityChart(String title, String axisLabel, int width, int height, double plotLeft, double plotWidth,
                               double plotTop, double plotBottom, List<Tick> ticks, List<Key> legend, List<Panel> panels) {

    public record Tick(double x, String label) {
    }

    /** A candidate's colour: a short line with a dot at (x, y), the label after it. */
    public record Key(double x, double y, String color, String label) {
    }

    /**
     * One task.
     *
     * @param label       the task id as shown (shortened when long; {@code title} has it whole)
     * @param weightLabel e.g. "weight 1.5"
     * @param topChanges  whether the first candidate at × 0.5 or × 1.5 differs from the first at the plan's weights
     * @param title       tooltip: the task, its weight and the first candidate at each level
     * @param levels      the three weight levels, top to bottom
     * @param lines       one per candidate, in the legend's order
     */
    public record Panel(String task, double weight, double top, double height, String label, String weightLabel,
                        boolean topChanges, String title, List<Level> levels, List<Line> lines) {
    }

    /** A weight level: {@code factor} × the plan's weight, drawn at {@code y}, labelled e.g. "×0.5". */
    public record Level(double factor, double y, String label) {
    }

    /** One candidate's composites at the three levels, joined by a line. */
    public record Line(String candidate, String color, List<Mark> marks) {
        /** The marks as SVG polyline points: "x,y x,y x,y". */
        public String points() {
            StringBuilder b = new StringBuilder();
            for (Mark m : marks) {
                b.append(b.isEmpty() ? "" : " ").append(Fmt.px(m.x())).append(',').append(Fmt.px(m.y()));
            }
            return b.toString();
        }
    }

    /** @param value the composite (0–100) at {@code factor} × the task's weight; {@code title} a tooltip saying so */
    public record Mark(double factor, double value, double x, double y, String title) {
    }

    /** Colours per candidate (Okabe &amp; Ito's colour-blind-safe palette), repeated after eight. */
    public static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
            "#56B4E9", "#000000", "#999999");
    /** The three levels: the plan's weight of the task × 0.5, × 1 and × 1.5. */
    private static final double[] FACTORS = {WeightSensitivity.HALF, 1, WeightSensitivity.ONE_AND_A_HALF};

    static final int WIDTH = 660;
    static final double PLOT_LEFT = 176;
    static final double PLOT_WIDTH = 460;
    static final double LEVEL = 15;     // between two weight levels
    static final double PAD = 10;       // above the first level and below the last, in a panel
    static final double PANEL = 2 * PAD + 2 * LEVEL;
    private static final double CHAR = 6.1;
    private static final int MAX_TASK = 20;

    /** No panels: nothing to draw. */
    public boolean isEmpty() {
        return panels.isEmpty();
    }

    /** The chart of {@code a}'s weight sensitivity (see the class documentation). */
    public static SensitivityChart of(StudyAnalysis a) {
        List<TaskSensitivity> sensitivity = a.sensitivity();
        Map<String, Double> weights = a.planWeights();
        List<WeightSensitivity.Candidate> candidates = a.sensitivityCandidates().stream()
                .filter(c -> !Double.isNaN(WeightSensitivity.composite(c, weights))).toList();
        String title = "Weight sensitivity: each candidate's composite with one task's weight × 0.5, × 1 and × 1.5";
        String axisLabel = "Composite (0–100)";
        if (sensitivity.isEmpty() || candidates.size() < 2) {
            return new SensitivityChart(title, axisLabel, WIDTH, 0, PLOT_LEFT, PLOT_WIDTH, 0, 0, List.of(), List.of(),
                    List.of());
        }

        // the values first: one axis for every panel
        double[][][] values = new double[sensitivity.size()][candidates.size()][FACTORS.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < sensitivity.size(); t++) {
            for (int c = 0; c < candidates.size(); c++) {
                for (int f = 0; f < FACTORS.length; f++) {
                    double v = WeightSensitivity.compositeWithFactor(candidates.get(c), weights,
                            sensitivity.get(t).task(), FACTORS[f]);
                    values[t][c][f] = v;
                    if (!Double.isNaN(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        double step = IntervalChart.niceStep(Math.max(hi - lo, 2), 5);
        double axisLo = Math.max(0, Math.floor(lo / step + 1e-9) * step);
        double axisHi = Math.ceil(hi / step - 1e-9) * step;
        if (axisHi <= axisLo) {
            axisHi = axisLo + step;
        }

        // the legend, wrapped to the width
        List<Key> legend = new ArrayList<>();
        double x = 8;
        double y = 12;
        for (int c = 0; c < candidates.size(); c++) {
            String name = candidates.get(c).candidate();
            double w = 26 + Math.min(name.length(), 40) * CHAR + 18;
            if (x > 8 && x + w > WIDTH) {
                x = 8;
                y += 16;
            }
            legend.add(new Key(x, y, PALETTE.get(c % PALETTE.size()), IntervalChart.fit(name, "", 40)));
            x += w;
        }
        double plotTop = y + 14;

        List<Panel> panels = new ArrayList<>();
        for (int t = 0; t < sensitivity.size(); t++) {
            TaskSensitivity s = sensitivity.get(t);
            double top = plotTop + t * PANEL;
            List<Level> levels = new ArrayList<>();
            for (int f = 0; f < FACTORS.length; f++) {
                levels.add(new Level(FACTORS[f], top + PAD + f * LEVEL, "×" + factor(FACTORS[f])));
            }
            List<Line> lines = new ArrayList<>();
            for (int c = 0; c < candidates.size(); c++) {
                String name = candidates.get(c).candidate();
                List<Mark> marks = new ArrayList<>();
                for (int f = 0; f < FACTORS.length; f++) {
                    double v = values[t][c][f];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    marks.add(new Mark(FACTORS[f], v, PLOT_LEFT + PLOT_WIDTH * (v - axisLo) / (axisHi - axisLo),
                            levels.get(f).y(), name + ": composite " + Fmt.f(v, 1) + " with " + s.task()
                                    + "'s weight ×" + factor(FACTORS[f]) + " (" + number(s.weight() * FACTORS[f]) + ")"));
                }
                lines.add(new Line(name, PALETTE.get(c % PALETTE.size()), List.copyOf(marks)));
            }
            String panelTitle = s.task() + ", weight " + number(s.weight()) + ": first at ×0.5 " + first(s.atHalf())
                    + ", at ×1 " + first(s.ranking()) + ", at ×1.5 " + first(s.atOneAndAHalf())
                    + (s.topChanges() ? " (the top candidate changes)" : "");
            panels.add(new Panel(s.task(), s.weight(), top, PANEL, IntervalChart.fit(s.task(), "", MAX_TASK),
                    "weight " + number(s.weight()), s.topChanges(), panelTitle, List.copyOf(levels), List.copyOf(lines)));
        }
        double plotBottom = plotTop + sensitivity.size() * PANEL;
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; axisLo + i * step <= axisHi + step / 1e6; i++) {
            double v = axisLo + i * step;
            ticks.add(new Tick(PLOT_LEFT + PLOT_WIDTH * (v - axisLo) / (axisHi - axisLo), IntervalChart.number(v, step)));
        }
        return new SensitivityChart(title, axisLabel, WIDTH, (int) Math.ceil(plotBottom + 34), PLOT_LEFT, PLOT_WIDTH,
                plotTop, plotBottom, List.copyOf(ticks), List.copyOf(legend), List.copyOf(panels));
    }

    private static String first(List<String> ranking) {
        return ranking.isEmpty() ? Fmt.NONE : ranking.get(0);
    }

    private static String factor(double f) {
        return f == Math.rint(f) ? String.format(Locale.ROOT, "%.0f", f) : String.format(Locale.ROOT, "%.1f", f);
    }

    /** Up to three decimals, trailing zeros dropped. */
    private static String number(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3f", v)).stripTrailingZeros().toPlainString();
    }
}
