package bedside.reports.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A grouped horizontal bar chart (one group of bars per category, one bar per series), as positions for the
 * template {@code chart/bars.jte} to draw as inline SVG. Only geometry is computed here; every label is written by
 * the template, escaped.
 *
 * @param title      above the plot
 * @param axisLabel  under the value axis
 * @param left       the plot's left edge (after the category labels)
 * @param top        the plot's top edge
 * @param ticks      value-axis ticks, each with a grid line
 * @param categories the category labels, one per group
 * @param bars       every bar
 * @param legend     one key per series
 */
public record BarChart(String title, String axisLabel, int width, int height, double left, double top, double plotWidth,
                       double plotHeight, List<Tick> ticks, List<Category> categories, List<Bar> bars, List<Key> legend) {

    /** One measure: its name, its colour and one value per category (in the categories' order). */
    public record Series(String name, String color, List<Double> values) {
    }

    public record Tick(double x, String label) {
    }

    /** @param label as shown (shortened when too long); {@code full} the whole label (a tooltip) */
    public record Category(double y, String label, String full) {
    }

    /** @param title tooltip: the series name and value */
    public record Bar(double x, double y, double width, double height, String color, String title) {
    }

    public record Key(double x, String color, String label) {
    }

    static final int WIDTH = 520;
    private static final double CHAR = 6.1;       // mean advance of an 11 px sans-serif character
    private static final int MAX_LABEL = 30;      // characters shown of a category label

    /** The chart of {@code series} over {@code categories}: 520 px wide, 120 px plus 36 per category high. */
    public static BarChart of(String title, String axisLabel, List<String> categories, List<Series> series) {
        int height = 120 + 36 * categories.size();
        int longest = categories.stream().mapToInt(c -> Math.min(c.length(), MAX_LABEL)).max().orElse(0);
        double left = Math.max(40, Math.ceil(14 + longest * CHAR));
        double top = 32;
        double plotWidth = WIDTH - 16 - left;
        double plotHeight = height - 52 - top;

        double max = series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue).max().orElse(0);
        double step = niceStep(max);
        double axisMax = max <= 0 ? 4 * step : Math.ceil(max / step - 1e-9) * step;
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i * step <= axisMax + step / 1e6; i++) {
            ticks.add(new Tick(left + plotWidth * (i * step) / axisMax, number(i * step, step)));
        }

        List<Category> cats = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        double band = categories.isEmpty() ? 0 : plotHeight / categories.size();
        double barHeight = series.isEmpty() ? 0 : Math.min(24, 0.8 * band / series.size());
        for (int c = 0; c < categories.size(); c++) {
            String label = categories.get(c);
            double bandTop = top + c * band;
            cats.add(new Category(bandTop + band / 2 + 4,
                    label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "…" : label, label));
            double groupTop = bandTop + (band - barHeight * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                Series se = series.get(s);
                double v = se.values().get(c);
                bars.add(new Bar(left, groupTop + s * barHeight, plotWidth * Math.max(0, v) / axisMax, barHeight,
                        se.color(), se.name() + ": " + value(v)));
            }
        }

        List<Key> legend = new ArrayList<>();
        double total = series.stream().mapToDouble(s -> 16 + s.name().length() * CHAR).sum() + 16 * Math.max(0, series.size() - 1);
        double x = (WIDTH - total) / 2;
        for (Series s : series) {
            legend.add(new Key(x, s.color(), s.name()));
            x += 16 + s.name().length() * CHAR + 16;
        }
        return new BarChart(title, axisLabel, WIDTH, height, left, top, plotWidth, plotHeight, ticks, cats, bars, legend);
    }

    /** A step of 1, 2, 2.5 or 5 times a power of ten giving at most about six ticks up to {@code max}. */
    static double niceStep(double max) {
        if (!(max > 0)) {
            return 0.25;
        }
        double raw = max / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / magnitude;
        double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static String number(double v, double step) {
        int digits = step >= 1 && step == Math.rint(step) ? 0 : step * 10 == Math.rint(step * 10) ? 1 : 2;
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String value(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
