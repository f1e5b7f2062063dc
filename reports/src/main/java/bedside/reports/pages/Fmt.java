package bedside.reports.pages;

import bedside.reports.stats.Interval;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write numbers and times; called from the templates. */
public final class Fmt {
    /** What a page shows for a value that could not be computed. */
    public static final String NONE = "—";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    /** {@code v} with {@code digits} decimals, or "—" when null. */
    public static String f(Double v, int digits) {
        return v == null ? NONE : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /**
     * {@code v} rounded to a whole number, as an English ordinal ("1st", "2nd", "3rd", "11th", "21st", "100th"), or "—"
     * when null: a percentile rank in a sentence ("about the 1st percentile", never "the 1th").
     */
    public static String ordinal(Double v) {
        if (v == null) {
            return NONE;
        }
        long n = Math.round(v);
        long tens = Math.abs(n) % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : switch ((int) (Math.abs(n) % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** An interval "[lo, hi]" with its ends times {@code scale}, or "—" when null. */
    public static String ci(Interval i, int digits, double scale) {
        return i == null ? NONE : "[" + f(i.lo() * scale, digits) + ", " + f(i.hi() * scale, digits) + "]";
    }

    /** Milliseconds as seconds with one decimal. */
    public static String secs(long ms) {
        return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }

    /** A coordinate in a drawing, with one decimal. */
    public static String px(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** An instant as "2026-11-25 19:35:22 UTC". */
    public static String utc(Instant t) {
        return UTC.format(t);
    }
}
