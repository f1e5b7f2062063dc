package bedside.reports.stats;

/**
 * A closed interval {@code [lo, hi]}, used for every 95% confidence interval in this package.
 *
 * @param lo lower bound
 * @param hi upper bound
 */
public record Interval(double lo, double hi) {

    /** Clips both bounds to {@code [min, max]} (used where the measure cannot leave a known range). */
    public Interval clip(double min, double max) {
        return new Interval(Math.max(min, Math.min(max, lo)), Math.max(min, Math.min(max, hi)));
    }

    /** True if {@code x} lies in the interval (bounds included). */
    public boolean contains(double x) {
        return x >= lo && x <= hi;
    }
}
