package bedside.harness.run;

import bedside.results.Outcome;
import bedside.scenarios.DateValue;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Types a date or a time into a field as a person does, in the order and format the field shows:
 * <ul>
 *   <li>a native {@code <input type=date|time|datetime-local>}: the digits in the browser's own order (its locale's),
 *       the field moving from segment to segment by itself;</li>
 *   <li>a segmented field (a group of {@code role=spinbutton} sections, as MUI's and React Aria's pickers draw them):
 *       from the first section, each section's digits in the binding's {@code format} order;</li>
 *   <li>a text field (Ant Design's, Carbon's, MUI's single-input field): the value written in {@code format}, over
 *       anything it held.</li>
 * </ul>
 * The field must then show the value; if it shows something else the step fails saying what, which is how a wrong
 * {@code format} shows up (digits in the wrong segment).
 */
final class DateEntry {
    private final WebDriver driver;
    private final StepRunner steps;

    DateEntry(StepRunner steps) {
        this.driver = steps.driver();
        this.steps = steps;
    }

    /**
     * {kind: native|segments|text, type, order: [year|month|day], hour12, first: element, shown}. The native order
     * and 12-hour clock are the browser locale's, which is what its date and time inputs use.
     */
    private static final String INSPECT = """
            const el = arguments[0];
            const E = Element.prototype;
            const attr = (n, a) => E.getAttribute.call(n, a);
            const parts = new Intl.DateTimeFormat(navigator.language, { year: 'numeric', month: '2-digit', day: '2-digit' })
              .formatToParts(new Date(2001, 1, 3)).map((p) => p.type).filter((t) => t === 'year' || t === 'month' || t === 'day');
            const hour12 = new Intl.DateTimeFormat(navigator.language, { hour: 'numeric' }).resolvedOptions().hour12 === true;
            if (el.tagName === 'INPUT' && /^(date|time|datetime-local)$/i.test(el.type)) {
              return { kind: 'native', type: el.type.toLowerCase(), order: parts, hour12, shown: el.value };
            }
            const group = attr(el, 'role') === 'spinbutton' ? (el.closest('[role=group]') || el.parentElement) : el;
            const sections = Array.from(group.querySelectorAll('[role=spinbutton]'));
            if (sections.length > 1) {
              return { kind: 'segments', first: sections[0], order: parts, hour12, shown: sections.map((s) => s.textContent).join('|') };
            }
            const input = el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el : el.querySelector('input');
            return { kind: 'text', first: input || el, order: parts, hour12, shown: input ? input.value : el.textContent };
            """;

    /** What the field shows now, as its format writes it: the input's value, or the sections' text run together. */
    private static final String SHOWN = """
            const el = arguments[0];
            if (el.tagName === 'INPUT') return el.value;
            const group = el.getAttribute('role') === 'spinbutton' ? (el.closest('[role=group]') || el.parentElement) : el;
            // The sections and the separators between them: the smallest element holding the first and the last.
            const sections = group.querySelectorAll('[role=spinbutton]');
            let box = group;
            if (sections.length > 1) {
              box = sections[0];
              while (box !== group && !box.contains(sections[sections.length - 1])) box = box.parentElement;
            }
            const text = (box.textContent || '').replace(/[\\u200b-\\u200f\\u2066-\\u2069]/g, '');
            const hidden = group.querySelector('input');
            return text || (hidden ? hidden.value : '');
            """;

    void set(WebElement el, String value, String format, String number, String what) throws StepFailure {
        DateValue v;
        try {
            v = DateValue.of(value);
        } catch (IllegalArgumentException e) {
            throw new StepFailure(number, what + ": " + e.getMessage(), Outcome.SCRIPT_ERROR, null);
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Map<?, ?> info = (Map<?, ?>) js.executeScript(INSPECT, el);
        String kind = String.valueOf(info.get("kind"));
        @SuppressWarnings("unchecked")
        List<String> order = (List<String>) info.get("order");
        boolean hour12 = Boolean.TRUE.equals(info.get("hour12"));
        if (kind.equals("native")) {
            typeNative(el, v, String.valueOf(info.get("type")), order, hour12, number, what);
            return;
        }
        if (format == null) {
            throw new StepFailure(number, what + ": the field is not a native date or time input, so its format must be"
                    + " given (e.g. `format: DD/MM/YYYY`); it shows \"" + info.get("shown") + "\"", Outcome.SCRIPT_ERROR, null);
        }
        String misfit = v.fits(format).orElse(null);
        if (misfit != null) {
            throw new StepFailure(number, what + ": " + misfit, Outcome.SCRIPT_ERROR, null);
        }
        String expected = v.format(format);
        WebElement first = (WebElement) info.get("first");
        steps.click(first, number, what);
        if (kind.equals("segments")) {
            StringBuilder keys = new StringBuilder();
            for (String part : DateValue.parts(format)) {
                if (DateValue.isToken(part)) {
                    keys.append(tokenKeys(v, part));
                }
            }
            // A field that holds a value keeps the cursor where the click put it: select every section first.
            if (String.valueOf(info.get("shown")).matches(".*\\d.*")) {
                first.sendKeys(Keys.chord(Keys.CONTROL, "a"));
            }
            first.sendKeys(keys.toString());
        } else {
            String current = first.getDomProperty("value");
            if (current != null && !current.isEmpty()) {
                first.sendKeys(Keys.chord(Keys.CONTROL, "a"));
            }
            // Leaving the field is what commits a typed date in most pickers (and closes their calendar, which would
            // cover the fields below it): a person tabs on.
            first.sendKeys(expected, Keys.TAB);
        }
        String shown = String.valueOf(js.executeScript(SHOWN, el));
        if (!same(shown, expected)) {
            throw new StepFailure(number, what + ": after typing " + value + " as " + format + " (\"" + expected
                    + "\") the field shows \"" + shown + "\" — is its format " + format + "?", Outcome.SCRIPT_ERROR, null);
        }
    }

    /** The keys a section takes: its digits, or A/P for the half of the day. */
    private static String tokenKeys(DateValue v, String token) {
        String shown = v.format(token);
        return token.equals("A") || token.equals("a") ? shown.substring(0, 1) : shown;
    }

    private void typeNative(WebElement el, DateValue v, String type, List<String> order, boolean hour12, String number,
                            String what) throws StepFailure {
        List<CharSequence> keys = new java.util.ArrayList<>();
        String expected;
        if (!type.equals("time")) {
            if (v.date() == null) {
                throw new StepFailure(number, what + ": the field takes a date; the value has none", Outcome.SCRIPT_ERROR, null);
            }
            for (int i = 0; i < order.size(); i++) {
                String p = order.get(i);
                keys.add(switch (p) {
                    case "year" -> v.format("YYYY");
                    case "month" -> v.format("MM");
                    default -> v.format("DD");
                });
                // A year takes up to six digits, so the field does not move on after four: a person presses → to go on.
                if (p.equals("year") && (i < order.size() - 1 || !type.equals("date"))) {
                    keys.add(Keys.ARROW_RIGHT);
                }
            }
        }
        if (!type.equals("date")) {
            if (v.time() == null) {
                throw new StepFailure(number, what + ": the field takes a time; the value has none", Outcome.SCRIPT_ERROR, null);
            }
            keys.add(hour12 ? v.format("hhmmA").substring(0, 5) : v.format("HHmm"));
        }
        expected = switch (type) {
            case "date" -> v.format("YYYY-MM-DD");
            case "time" -> v.format("HH:mm");
            default -> v.format("YYYY-MM-DD") + "T" + v.format("HH:mm");
        };
        // A person clicks the field; typing then starts in its first segment (focus puts it there).
        steps.click(el, number, what);
        ((JavascriptExecutor) driver).executeScript("arguments[0].blur();", el);
        el.sendKeys(keys.toArray(CharSequence[]::new));
        String shown = el.getDomProperty("value");
        if (shown == null || !shown.startsWith(expected)) {
            throw new StepFailure(number, what + ": after typing the field holds \"" + shown + "\", not " + expected,
                    Outcome.SCRIPT_ERROR, null);
        }
    }

    /** Shown and expected agree, whatever spaces or invisible marks the field adds. */
    static boolean same(String shown, String expected) {
        return shown != null && shown.replaceAll("[\\s\\u200b-\\u200f\\u2066-\\u2069]", "")
                .equals(expected.replaceAll("[\\s\\u200b-\\u200f\\u2066-\\u2069]", ""));
    }
}
