package bedside.scenarios;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data-set date or time ({@code 1983-07-21}, {@code 14:30}, {@code 1983-07-21T14:30}) and how a field shows it, in
 * the format letters date pickers document (Day.js, Moment, Ant Design, MUI, Carbon): YYYY, YY, MMMM, MMM, MM, M, DD, D,
 * HH, H, hh, h, mm, ss, A, a. Anything else in a format is a separator typed as written.
 *
 * @param date the date part, or null
 * @param time the time part, or null
 */
public record DateValue(LocalDate date, LocalTime time) {
    private static final Pattern TOKEN = Pattern.compile("YYYY|YY|MMMM|MMM|MM|M|DD|D|HH|H|hh|h|mm|ss|A|a");
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};

    /** Reads a data-set value; throws {@link IllegalArgumentException} saying what is wrong. */
    public static DateValue of(String value) {
        String v = value.strip();
        try {
            if (v.contains("T")) {
                LocalDateTime dt = LocalDateTime.parse(v);
                return new DateValue(dt.toLocalDate(), dt.toLocalTime());
            }
            if (v.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
                return new DateValue(null, LocalTime.parse(v.length() == 4 || v.indexOf(':') == 1 ? "0" + v : v));
            }
            return new DateValue(LocalDate.parse(v), null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("`" + value + "` is not a date (YYYY-MM-DD), a time (HH:mm) or both (YYYY-MM-DDTHH:mm)");
        }
    }

    /** Why {@code value} is not a date or time value, if it is not. */
    public static Optional<String> parse(String value) {
        try {
            of(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The tokens of a format, in order; separators between them are kept as they are. */
    public static List<String> parts(String format) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(format);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) out.add(format.substring(last, m.start()));
            out.add(m.group());
            last = m.end();
        }
        if (last < format.length()) out.add(format.substring(last));
        return out;
    }

    public static boolean isToken(String part) {
        return TOKEN.matcher(part).matches();
    }

    /** Why {@code format} cannot show a value, if it cannot. */
    public static Optional<String> formatError(String format) {
        if (parts(format).stream().noneMatch(DateValue::isToken)) {
            return Optional.of("`" + format + "` has no date or time letters");
        }
        return Optional.empty();
    }

    /** Whether {@code format} shows a date part and, when this value has a time, a time part: what it asks of the value. */
    public Optional<String> fits(String format) {
        List<String> tokens = parts(format).stream().filter(DateValue::isToken).toList();
        boolean wantsDate = tokens.stream().anyMatch(t -> t.startsWith("Y") || t.startsWith("M") || t.startsWith("D"));
        boolean wantsTime = tokens.stream().anyMatch(t -> t.startsWith("H") || t.startsWith("h") || t.equals("mm"));
        if (wantsDate && date == null) return Optional.of("the format `" + format + "` shows a date, the value has none");
        if (wantsTime && time == null) return Optional.of("the format `" + format + "` shows a time, the value has none");
        return Optional.empty();
    }

    /** The value as a field in {@code format} shows it: {@code 21/07/1983} for DD/MM/YYYY. */
    public String format(String format) {
        StringBuilder out = new StringBuilder();
        for (String p : parts(format)) {
            out.append(isToken(p) ? token(p) : p);
        }
        return out.toString();
    }

    private String token(String t) {
        return switch (t) {
            case "YYYY" -> String.format("%04d", date.getYear());
            case "YY" -> String.format("%02d", date.getYear() % 100);
            case "MMMM" -> MONTHS[date.getMonthValue() - 1];
            case "MMM" -> MONTHS[date.getMonthValue() - 1].substring(0, 3);
            case "MM" -> String.format("%02d", date.getMonthValue());
            case "M" -> Integer.toString(date.getMonthValue());
            case "DD" -> String.format("%02d", date.getDayOfMonth());
            case "D" -> Integer.toString(date.getDayOfMonth());
            case "HH" -> String.format("%02d", time.getHour());
            case "H" -> Integer.toString(time.getHour());
            case "hh" -> String.format("%02d", twelve());
            case "h" -> Integer.toString(twelve());
            case "mm" -> String.format("%02d", time.getMinute());
            case "ss" -> String.format("%02d", time.getSecond());
            case "A" -> time.getHour() < 12 ? "AM" : "PM";
            case "a" -> time.getHour() < 12 ? "am" : "pm";
            default -> throw new IllegalArgumentException(t);
        };
    }

    private int twelve() {
        int h = time.getHour() % 12;
        return h == 0 ? 12 : h;
    }
}
