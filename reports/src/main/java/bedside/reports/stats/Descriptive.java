package bedside.reports.stats;

import java.util.Arrays;

/** Small descriptive helpers (two-pass mean and sample standard deviation, median). */
public final class Descriptive {
    private Descriptive() {
    }

    /** Arithmetic mean; NaN for an empty array. */
    public static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample standard deviation √(Σ(x−x̄)²/(n−1)); NaN when n &lt; 2. Two-pass, so equal values give exactly 0. */
    public static double sd(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** Median: the middle order statistic, or the mean of the two middle ones for even n; NaN when empty. */
    public static double median(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** NaN → null, for result records whose absent values are {@code null}. */
    public static Double orNull(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
