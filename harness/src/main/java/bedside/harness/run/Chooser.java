package bedside.harness.run;

import bedside.results.Outcome;
import bedside.scenarios.Locator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Picks an option as a person does, whatever the list is made of: a native {@code <select>}, a combobox, a component
 * library's custom select, or a typeahead whose options come from the server as one types. Opens the control, types to
 * filter when it takes typing, waits for the option to show and clicks it.
 *
 * <p>Options are found by role ({@code role=option}, anywhere on the page: libraries render the list in a layer at the
 * end of the body) and their accessible name. Some libraries keep the role on a hidden copy for screen readers and
 * draw the visible list without roles; then the visible item whose text (or title) is the option is taken, looked
 * for in the list the control points to ({@code aria-controls}) and in the page's open popup layers.
 */
final class Chooser {
    private final WebDriver driver;
    private final StepRunner steps;

    Chooser(StepRunner steps) {
        this.driver = steps.driver();
        this.steps = steps;
    }

    /** How long a control that takes typing may take to move the focus into its search field once opened. */
    static final Duration FOCUS_SETTLE = Duration.ofSeconds(2);

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    /** A native select: opened and the option picked, two actions the recorder sees. */
    void nativeSelect(WebElement el, String option, Locator.Match match, String number, String what) throws StepFailure {
        if (!steps.clicker().click(el, number, what)) {
            throw new StaleElementReferenceException("the list left the page before it could be opened");
        }
        Select select = new Select(el);
        if (match == Locator.Match.EXACT) {
            try {
                select.selectByVisibleText(option);
                return;
            } catch (org.openqa.selenium.NoSuchElementException e) {
                // listed below
            }
        }
        List<String> names = new ArrayList<>();
        for (WebElement o : select.getOptions()) {
            String text = o.getText().strip();
            names.add(text);
            if (matches(text, option, match)) {
                select.selectByVisibleText(o.getText());
                return;
            }
        }
        throw new StepFailure(number, what + ": no option " + shown(option, match) + "; the list has " + quoteAll(names),
                Outcome.SCRIPT_ERROR, null);
    }

    private static final String OPTIONS = """
            const [control, want, mode] = arguments;
            const E = Element.prototype, N = Node.prototype;
            const textOf = Object.getOwnPropertyDescriptor(N, 'textContent').get;
            const attr = (n, a) => E.getAttribute.call(n, a);
            const norm = (s) => (s || '').replace(/[\\s\\u200b]+/g, ' ').trim();
            const ok = (s) => mode === 'REGEX' ? new RegExp(want).test(norm(s)) : mode === 'CONTAINS' ? norm(s).includes(norm(want))
              : norm(s) === norm(want);
            const visible = (el) => { const r = E.getBoundingClientRect.call(el);
              return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
            const hidden = (el) => { for (let n = el; n && n.nodeType === 1; n = n.parentNode) if (attr(n, 'aria-hidden') === 'true') return true; return false; };
            const nameOf = (el) => norm(attr(el, 'aria-label') || textOf.call(el) || attr(el, 'title'));
            const roleOptions = Array.from(document.querySelectorAll('[role=option]')).filter((o) => visible(o) && !hidden(o));
            let found = roleOptions.filter((o) => ok(nameOf(o)));
            let shown = roleOptions.map(nameOf);
            if (!found.length) {
              // Visible items without roles: in the list the control points to, or in an open popup layer.
              const lists = [];
              for (const a of ['aria-controls', 'aria-owns']) {
                const id = control && attr(control, a); const l = id && document.getElementById(id);
                if (l) lists.push(l.parentElement || l);
              }
              const layers = Array.from(document.querySelectorAll('[class*=dropdown], [class*=popup], [class*=popover], [class*=menu], [class*=listbox]'))
                .filter(visible);
              const items = [];
              for (const root of lists.concat(layers)) {
                for (const el of root.querySelectorAll('*')) {
                  if (!visible(el) || items.includes(el) || (control && (el === control || el.contains(control)))) continue;
                  items.push(el);
                }
              }
              const hits = items.filter((el) => ok(textOf.call(el)) || ok(attr(el, 'title')));
              found = hits.filter((el) => !hits.some((o) => o !== el && el.contains(o)));
              if (!shown.length) {
                const leaves = items.filter((el) => norm(textOf.call(el)) && !items.some((o) => o !== el && el.contains(o) && norm(textOf.call(o))));
                shown = leaves.map((el) => norm(textOf.call(el))).slice(0, 20);
              }
            }
            // An exact name beats one that only contains it.
            if (found.length > 1 && mode !== 'EXACT') {
              const exact = found.filter((o) => nameOf(o) === norm(want));
              if (exact.length === 1) found = exact;
            }
            return [found, shown];
            """;

    private static final String EDITABLE = """
            const el = arguments[0];
            if (!el) return false;
            const t = el.tagName;
            if (t === 'TEXTAREA') return !el.readOnly && !el.disabled;
            if (t === 'INPUT') return !el.readOnly && !el.disabled && !/^(button|submit|reset|checkbox|radio|hidden|file|image|range|color)$/i.test(el.type);
            return el.isContentEditable === true;
            """;

    /**
     * Opens the control, types {@code search} (or the option itself in a control that takes typing), waits for the option
     * and clicks it.
     */
    void choose(WebElement control, String option, String search, Locator.Match match, String number, String what)
            throws StepFailure {
        if ("select".equalsIgnoreCase(control.getTagName())) {
            if (search != null) {
                throw new StepFailure(number, what + ": a native list takes no `search`", Outcome.SCRIPT_ERROR, null);
            }
            nativeSelect(control, option, match, number, what);
            return;
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        boolean alreadyTyping = control.equals(driver.switchTo().activeElement())
                && Boolean.TRUE.equals(js.executeScript(EDITABLE, control));
        if (!alreadyTyping && !steps.clicker().click(control, number, what)) {
            throw new StaleElementReferenceException("the control left the page before it could be opened");
        }
        WebElement typingInto = driver.switchTo().activeElement();
        boolean editable = Boolean.TRUE.equals(js.executeScript(EDITABLE, typingInto));
        if (!editable && search != null) {
            // The step says the control takes typing. Some libraries move the focus into their search field a moment
            // after the click: Select2 4 focuses it on mousedown, the browser then focuses the clicked control, and
            // Select2 takes the focus back in a setTimeout. Wait for that before concluding the control takes none.
            try {
                steps.waitUpTo(min(steps.remainingWait(), FOCUS_SETTLE)).ignoring(StaleElementReferenceException.class)
                        .until(d -> Boolean.TRUE.equals(js.executeScript(EDITABLE, d.switchTo().activeElement())));
            } catch (TimeoutException stillNot) {
                // reported below
            }
            typingInto = driver.switchTo().activeElement();
            editable = Boolean.TRUE.equals(js.executeScript(EDITABLE, typingInto));
        }
        String typed = search != null ? search : editable && match != Locator.Match.REGEX ? option : null;
        if (typed != null) {
            if (!editable) {
                throw new StepFailure(number, what + ": the control takes no typing once opened, so there is nothing to"
                        + " type `search` into", Outcome.SCRIPT_ERROR, null);
            }
            String current = typingInto.getDomProperty("value");
            if (current != null && !current.isEmpty()) {
                typingInto.sendKeys(Keys.chord(Keys.CONTROL, "a"));
            }
            typingInto.sendKeys(typed);
        }
        Duration timeout = steps.remainingWait();
        long deadline = System.nanoTime() + timeout.toNanos();
        // A list that is still sliding open may redraw its items (Ant Design does when its animation ends): an option
        // that left the page before its click is looked for again.
        while (!pick(js, control, option, typed, match, number, what, timeout)) {
            if (System.nanoTime() > deadline) {
                throw new StepFailure(number, what + ": the option kept leaving the page before it could be picked",
                        Outcome.SCRIPT_ERROR, null);
            }
        }
    }

    private boolean pick(JavascriptExecutor js, WebElement control, String option, String typed, Locator.Match match,
                         String number, String what, Duration timeout) throws StepFailure {
        List<?>[] last = {List.of(), List.of()};
        try {
            steps.waitUpTo(timeout).ignoring(StaleElementReferenceException.class).until(d -> {
                List<?> r = (List<?>) js.executeScript(OPTIONS, control, option, match.name());
                last[0] = (List<?>) r.get(0);
                last[1] = (List<?>) r.get(1);
                return !last[0].isEmpty();
            });
        } catch (TimeoutException e) {
            throw new StepFailure(number, what + ": no option " + shown(option, match) + " showed"
                    + (typed == null ? "" : " after typing \"" + typed + "\"") + " (waited " + StepRunner.seconds(timeout)
                    + " s); " + (last[1].isEmpty() ? "no options were shown" : "shown: " + quoteAll(last[1])),
                    Outcome.SCRIPT_ERROR, e);
        }
        if (last[0].size() > 1) {
            @SuppressWarnings("unchecked")
            List<WebElement> several = (List<WebElement>) last[0];
            throw new StepFailure(number, what + ": " + several.size() + " options match " + shown(option, match) + ": "
                    + String.join("; ", Locators.describe(driver, several)) + " (write the option's whole name)",
                    Outcome.SCRIPT_ERROR, null);
        }
        WebElement picked = (WebElement) last[0].get(0);
        try {
            return steps.clicker().click(picked, number, what);
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    static boolean matches(String text, String want, Locator.Match match) {
        String t = text.strip().replaceAll("\\s+", " ");
        return switch (match) {
            case EXACT -> t.equals(want.strip());
            case CONTAINS -> t.contains(want.strip());
            case REGEX -> Pattern.compile(want).matcher(t).find();
        };
    }

    private static String shown(String option, Locator.Match match) {
        return match == Locator.Match.REGEX ? "matching /" + option + "/" : match == Locator.Match.CONTAINS
                ? "containing \"" + option + "\"" : "\"" + option + "\"";
    }

    private static String quoteAll(List<?> names) {
        List<String> q = new ArrayList<>();
        for (Object n : names) {
            q.add("\"" + n + "\"");
        }
        return q.isEmpty() ? "no options" : String.join(", ", q);
    }
}
