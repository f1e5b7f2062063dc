package bedside.candidates.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Function;

/** Tiny helpers for server-rendered HTML. */
public final class Html {
    /** Both candidates show times in UK local time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DAY_MON_YEAR = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MON_YEAR_TIME =
            DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SLASHED_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ENGLISH);

    private Html() {}

    /** Escapes text for element content and double-quoted attribute values. */
    public static String esc(Object o) {
        if (o == null) {
            return "";
        }
        String s = o.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    public static String url(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /** Concatenates the rendering of each item. */
    public static <T> String each(Collection<T> items, Function<T, String> render) {
        StringBuilder b = new StringBuilder();
        for (T t : items) {
            b.append(render.apply(t));
        }
        return b.toString();
    }

    /** "12-Mar-1948". */
    public static String dayMonYear(LocalDate d) {
        return d == null ? "" : DAY_MON_YEAR.format(d);
    }

    /** "12-Mar-1948 14:05" in UK time. */
    public static String dayMonYearTime(Instant t) {
        return t == null ? "" : DAY_MON_YEAR_TIME.format(t.atZone(ZONE));
    }

    /** "12/03/1948". */
    public static String slashed(LocalDate d) {
        return d == null ? "" : SLASHED.format(d);
    }

    /** "12/03/1948 14:05" in UK time. */
    public static String slashedTime(Instant t) {
        return t == null ? "" : SLASHED_TIME.format(t.atZone(ZONE));
    }

    /** Parses DD/MM/YYYY strictly; null if blank or invalid. */
    public static LocalDate parseSlashed(String s) {
        if (s == null || !s.trim().matches("\\d{2}/\\d{2}/\\d{4}")) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim(), DateTimeFormatter.ofPattern("dd/MM/uuuu")
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    public static int ageYears(LocalDate born, LocalDate today) {
        return Period.between(born, today).getYears();
    }

    /** {@code selected} attribute text when the two match. */
    public static String selectedIf(boolean b) {
        return b ? " selected" : "";
    }

    public static String checkedIf(boolean b) {
        return b ? " checked" : "";
    }
}
