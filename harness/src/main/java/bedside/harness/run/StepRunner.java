package bedside.harness.run;

import bedside.results.Outcome;
import bedside.scenarios.Binding;
import bedside.scenarios.Locator;
import bedside.scenarios.Parameters;
import bedside.scenarios.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.openqa.selenium.Alert;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.NoSuchWindowException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Performs a binding's steps in a browser, filling {@code ${...}} parameters just before each step.
 * Elements are waited for (a real page takes time to show them) up to {@link #ELEMENT_WAIT} or the
 * attempt's remaining time, whichever is shorter.
 */
final class StepRunner {
    static final Duration ELEMENT_WAIT = Duration.ofSeconds(10);

    private final WebDriver driver;
    private final CandidateTarget candidate;
    private final Map<String, Binding.Fragment> fragments;
    private final long deadlineNanos;
    private final AfterStep afterStep;
    private final Pace pace;

    /** Called after each step that was carried out (not after a {@code use}, whose own steps are reported). */
    interface AfterStep {
        AfterStep NONE = number -> { };

        void after(String number);
    }

    StepRunner(WebDriver driver, CandidateTarget candidate, Map<String, Binding.Fragment> fragments, long deadlineNanos) {
        this(driver, candidate, fragments, deadlineNanos, AfterStep.NONE);
    }

    StepRunner(WebDriver driver, CandidateTarget candidate, Map<String, Binding.Fragment> fragments, long deadlineNanos,
               AfterStep afterStep) {
        this(driver, candidate, fragments, deadlineNanos, afterStep, Pace.NONE);
    }

    /** @param pace how fast the steps are done: a script's {@link Pace#NONE}, or a simulated participant's */
    StepRunner(WebDriver driver, CandidateTarget candidate, Map<String, Binding.Fragment> fragments, long deadlineNanos,
               AfterStep afterStep, Pace pace) {
        this.driver = driver;
        this.candidate = candidate;
        this.fragments = fragments;
        this.deadlineNanos = deadlineNanos;
        this.afterStep = afterStep;
        this.pace = pace;
    }

    /** Thrown when the attempt's time limit runs out between or during steps. */
    static final class TimeLimitReached extends Exception {
        final String step;

        TimeLimitReached(String step) {
            super("time limit reached at step " + step);
            this.step = step;
        }
    }

    /** Performs {@code steps} with their parameters filled from {@code values}; numbers them after {@code prefix}. */
    void run(List<Step> steps, Map<String, ?> values, String prefix) throws StepFailure, TimeLimitReached {
        run(steps, values, prefix, 0);
    }

    /** As {@link #run(List, Map, String)}, numbering the steps from {@code offset + 1}. */
    void run(List<Step> steps, Map<String, ?> values, String prefix, int offset) throws StepFailure, TimeLimitReached {
        UnaryOperator<String> fill = template -> Parameters.resolve(template, values);
        for (int i = 0; i < steps.size(); i++) {
            String number = prefix + (offset + i + 1);
            if (System.nanoTime() > deadlineNanos) {
                throw new TimeLimitReached(number);
            }
            Step step = steps.get(i);
            try {
                if (!(step instanceof Step.Use) && pace != Pace.NONE) {
                    // A person's time before the step (reading, deciding, pointing): it counts against the time limit.
                    pace.before(new Pace.Action(step, number, driver, fill));
                    if (System.nanoTime() > deadlineNanos) {
                        throw new TimeLimitReached(number);
                    }
                }
                try {
                    perform(step, values, fill, number);
                } catch (StaleElementReferenceException e) {
                    // The page replaced the list while it was being opened (a re-render, a reload): picking the same
                    // option again is harmless, so a choice is tried once more; other steps report it.
                    if (!(step instanceof Step.Select || step instanceof Step.Choose)) {
                        throw e;
                    }
                    perform(step, values, fill, number);
                }
                if (!(step instanceof Step.Use)) {
                    afterStep.after(number);
                }
            } catch (StepFailure | TimeLimitReached e) {
                throw e;
            } catch (Parameters.UnresolvedParameterException e) {
                throw new StepFailure(number, e.getMessage(), Outcome.SCRIPT_ERROR, e);
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadlineNanos) {
                    throw new TimeLimitReached(number);
                }
                throw new StepFailure(number, what(step, fill) + ": timed out" + waited(e) + " on " + safeUrl(),
                        Outcome.SCRIPT_ERROR, e);
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                throw new StepFailure(number, what(step, fill) + ": " + firstLine(e), Outcome.SCRIPT_ERROR, e);
            } catch (UnhandledAlertException e) {
                throw new StepFailure(number, what(step, fill) + ": an unexpected dialog is open: " + firstLine(e),
                        Outcome.SCRIPT_ERROR, e);
            } catch (NoSuchWindowException e) {
                throw new StepFailure(number, what(step, fill) + ": the window is gone: " + firstLine(e),
                        Outcome.SYSTEM_ERROR, e);
            } catch (WebDriverException e) {
                // The browser or its driver failed (crashed, killed, unreachable): not the binding's fault.
                boolean browserGone = isBrowserGone(e);
                throw new StepFailure(number, what(step, fill) + ": " + (browserGone ? "the browser stopped responding: " : "")
                        + firstLine(e), browserGone ? Outcome.SYSTEM_ERROR : Outcome.SCRIPT_ERROR, e);
            }
        }
    }

    private void perform(Step step, Map<String, ?> values, UnaryOperator<String> fill, String number)
            throws StepFailure, TimeLimitReached {
        if (step instanceof Step.Open s) {
            driver.get(candidate.resolve(fill.apply(s.url())));
        } else if (step instanceof Step.Click s) {
            // A re-render may replace the element between finding and clicking it: find it again.
            for (int tries = 0; !clicker().click(find(s.target(), fill, number), number, what(step, fill)); tries++) {
                if (tries >= 5) {
                    throw new StepFailure(number, what(step, fill) + ": the element kept leaving the page before it could"
                            + " be clicked", Outcome.SCRIPT_ERROR, null);
                }
            }
        } else if (step instanceof Step.Type s) {
            WebElement field = find(s.into(), fill, number);
            // A person clicks into a field before typing unless the page already put the cursor there.
            if (!field.equals(driver.switchTo().activeElement())) {
                click(field, step, fill, number);
            }
            if (s.clear()) {
                field.clear();
            }
            String text = fill.apply(s.text());
            if (pace.keyByKey()) {
                // Key by key, at the typist's pace: each key its own events, as a person's.
                int[] keys = text.codePoints().toArray();
                for (int k = 0; k < keys.length; k++) {
                    pace.beforeKey(k, text);
                    field.sendKeys(new String(keys, k, 1));
                }
            } else {
                field.sendKeys(text);
            }
        } else if (step instanceof Step.Select s) {
            WebElement el = find(s.from(), fill, number);
            if (!"select".equalsIgnoreCase(el.getTagName())) {
                throw new StepFailure(number, what(step, fill) + ": the element is a <" + el.getTagName()
                        + ">, not a <select> (`choose` picks from a combobox, custom select or typeahead)",
                        Outcome.SCRIPT_ERROR, null);
            }
            chooser().nativeSelect(el, fill.apply(s.option()), Locator.Match.EXACT, number, what(step, fill));
        } else if (step instanceof Step.Choose s) {
            WebElement el = find(s.from(), fill, number);
            chooser().choose(el, fill.apply(s.option()), s.search() == null ? null : fill.apply(s.search()), s.match(),
                    number, what(step, fill));
        } else if (step instanceof Step.SetDate s) {
            WebElement el = find(s.into(), fill, number);
            new DateEntry(this).set(el, fill.apply(s.value()), s.format(), number, what(step, fill));
        } else if (step instanceof Step.Check s) {
            WebElement el = find(s.target(), fill, number);
            if (el.isSelected() != s.checked()) {
                click(el, step, fill, number);
            }
        } else if (step instanceof Step.Press s) {
            CharSequence key = key(s.key(), number);
            if (s.on() != null) {
                find(s.on(), fill, number).sendKeys(key);
            } else {
                new Actions(driver).sendKeys(key).perform();
            }
        } else if (step instanceof Step.WaitFor s) {
            waitFor(s, fill, number);
        } else if (step instanceof Step.Assert s) {
            assertOn(s, fill, number);
        } else if (step instanceof Step.AcceptDialog s) {
            Alert alert = alert(s.text() == null ? null : fill.apply(s.text()), number, step, fill);
            if (s.answer() != null) {
                alert.sendKeys(fill.apply(s.answer()));
            }
            alert.accept();
        } else if (step instanceof Step.DismissDialog s) {
            alert(s.text() == null ? null : fill.apply(s.text()), number, step, fill).dismiss();
        } else if (step instanceof Step.SwitchTo s) {
            switchTo(s, fill, number);
        } else if (step instanceof Step.Use s) {
            Binding.Fragment fragment = fragments.get(s.fragment());
            if (fragment == null) {
                throw new StepFailure(number, "no fragment named " + s.fragment(), Outcome.SCRIPT_ERROR, null);
            }
            Map<String, String> args = new HashMap<>();
            s.with().forEach((k, v) -> args.put(k, fill.apply(v)));
            run(fragment.steps(), Parameters.withArguments(values, args), number + ".");
        }
    }

    /**
     * What a waitFor waits for: one visible match holding the text; exactly {@code count} visible matches; or, with
     * {@code gone}, none.
     */
    private void waitFor(Step.WaitFor s, UnaryOperator<String> fill, String number) throws StepFailure {
        Locator target = s.target().map(fill);
        String text = s.text() == null ? null : fill.apply(s.text());
        Duration timeout = remaining(Duration.ofMillis(Math.round(s.timeoutSeconds() * 1000)));
        int[] last = {-1};
        try {
            waiting(timeout).ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> els = Locators.find(d, target).visible();
                last[0] = els.size();
                if (s.gone()) return els.isEmpty();
                if (s.count() != null) return els.size() == s.count();
                return els.stream().anyMatch(e -> text == null || e.getText().contains(text));
            });
        } catch (TimeoutException e) {
            if (System.nanoTime() > deadlineNanos) {
                throw e;
            }
            String want = s.gone() ? "to be gone: " + last[0] + " still shown"
                    : s.count() != null ? "to be " + s.count() + " shown: " + last[0] + " shown"
                    : text != null ? "to show \"" + text + "\"" : "to be shown";
            throw new StepFailure(number, what(s, fill) + ": waited " + seconds(timeout) + " s for it " + want + " on "
                    + safeUrl(), Outcome.SCRIPT_ERROR, e);
        }
    }

    /** An assert holds once: it waits up to its timeout for the page to get there, then names what it found. */
    private void assertOn(Step.Assert s, UnaryOperator<String> fill, String number) throws StepFailure {
        Locator target = s.target().map(fill);
        String text = s.text() == null ? null : fill.apply(s.text());
        String value = s.value() == null ? null : fill.apply(s.value());
        Duration timeout = remaining(Duration.ofMillis(Math.round(s.timeoutSeconds() * 1000)));
        String[] problem = {null};
        try {
            waiting(timeout).ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> els = Locators.find(d, target).visible();
                problem[0] = s.count() != null && els.size() != s.count()
                        ? "expected " + s.count() + " element(s), found " + els.size()
                        : s.count() == null && els.isEmpty() ? "no element matches"
                        : text != null && els.stream().noneMatch(e -> e.getText().contains(text))
                        ? "no matching element shows \"" + text + "\""
                        : value != null && els.stream().noneMatch(e -> value.equals(e.getDomProperty("value")))
                        ? "no matching element has value \"" + value + "\"" : null;
                return problem[0] == null;
            });
        } catch (TimeoutException e) {
            if (System.nanoTime() > deadlineNanos) {
                throw e;
            }
            throw new StepFailure(number, what(s, fill) + ": " + problem[0] + " (waited " + seconds(timeout) + " s)",
                    Outcome.SCRIPT_ERROR, null);
        }
    }

    static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return s == Math.rint(s) ? Long.toString((long) s) : String.format(java.util.Locale.ROOT, "%.1f", s);
    }

    /**
     * How often a step looks again for what it waits for (an element, a dialog, a text). Selenium's default, 500 ms,
     * would add up to half a second to the measured task time at every wait, and make the time jump by that much
     * from one attempt to the next (and from bare Selenium to recorded): the harness must see the UI change when it
     * changes.
     */
    static final Duration POLL = Duration.ofMillis(25);

    private WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(POLL);
        return wait;
    }

    /** How long several matches must persist before a step calls its locator ambiguous (a page mid-change has both). */
    static final Duration AMBIGUOUS_FOR = Duration.ofMillis(500);

    /**
     * The one visible element {@code locator} names: waits for it; fails when none shows up in time, and when several
     * do (listing them) unless the locator's {@code nth} picks one. A field found by a label not linked to it is
     * recorded as an accessibility finding.
     */
    WebElement find(Locator locator, UnaryOperator<String> fill, String number) throws StepFailure {
        Locator filled = locator.map(fill);
        Duration timeout = remaining(ELEMENT_WAIT);
        Locators.Found[] last = {null};
        long[] ambiguousSince = {0};
        try {
            waiting(timeout).ignoring(StaleElementReferenceException.class).until(d -> {
                Locators.Found f = Locators.find(d, filled);
                last[0] = f;
                int n = f.visible().size();
                if (filled.nth() != null) {
                    return n >= filled.nth();
                }
                if (n > 1) {
                    long now = System.nanoTime();
                    if (ambiguousSince[0] == 0) ambiguousSince[0] = now;
                    return now - ambiguousSince[0] >= AMBIGUOUS_FOR.toNanos();
                }
                ambiguousSince[0] = 0;
                return n == 1;
            });
        } catch (TimeoutException e) {
            Locators.Found f = last[0];
            String why = f == null ? "" : f.scope() != null ? ": " + f.scope()
                    : filled.nth() != null && !f.visible().isEmpty() ? ": only " + f.visible().size() + " match"
                    : f.hidden() > 0 ? ": " + f.hidden() + " match but " + (f.hidden() == 1 ? "is" : "are") + " not visible" : "";
            throw new StepFailure(number, "no visible element matches " + filled.describe() + why + " (waited "
                    + seconds(timeout) + " s on " + safeUrl() + ")", Outcome.SCRIPT_ERROR, e);
        }
        Locators.Found f = last[0];
        if (filled.nth() == null && f.visible().size() > 1) {
            List<String> listed = Locators.describe(driver, f.visible());
            StringBuilder m = new StringBuilder(f.visible().size() + " elements match " + filled.describe() + ":");
            for (int i = 0; i < listed.size() && i < 8; i++) {
                m.append("\n    ").append(i + 1).append(". ").append(listed.get(i));
            }
            m.append("\n  say which with `within:` (a dialog, row, region or form around it) or `nth:`");
            throw new StepFailure(number, m.toString(), Outcome.SCRIPT_ERROR, null);
        }
        WebElement el = f.visible().get(filled.nth() == null ? 0 : filled.nth() - 1);
        if (f.byProximity()) {
            note(el, "label-not-linked", "the label \"" + filled.value() + "\" is not linked to its field (no for=, "
                    + "aria-labelledby or aria-label): found the field nearest to it");
        }
        return el;
    }

    /** Records a finding about an element with the attempt's events (through the in-page recorder, if one is there). */
    void note(WebElement el, String rule, String message) {
        try {
            ((JavascriptExecutor) driver).executeScript("const r = window.__bedsideRecorder;"
                    + " if (r && r.note) r.note('accessibility', arguments[0], {rule: arguments[1], message: arguments[2]});",
                    el, rule, message);
        } catch (WebDriverException e) {
            // Without a recorder (benchmarks, bare runs) there is nowhere to put it: the step itself goes on.
        }
    }

    /**
     * Clicks as a person does: brings the element into view, waits until it stands still, is enabled and nothing
     * covers it (a sticky footer, a backdrop, a toast), then clicks it. Still covered when the wait ends: the step
     * fails naming what covers it.
     */
    void click(WebElement el, Step step, UnaryOperator<String> fill, String number) throws StepFailure {
        click(el, number, what(step, fill));
    }

    void click(WebElement el, String number, String what) throws StepFailure {
        if (!clicker().click(el, number, what)) {
            throw new StaleElementReferenceException("the element left the page before it could be clicked");
        }
    }

    Clicker clicker() {
        return new Clicker(this);
    }

    WebDriver driver() {
        return driver;
    }

    Duration remainingWait() {
        return remaining(ELEMENT_WAIT);
    }

    WebDriverWait waitUpTo(Duration timeout) {
        return waiting(timeout);
    }

    private Chooser chooser() {
        return new Chooser(this);
    }

    private Alert alert(String expectText, String number, Step step, UnaryOperator<String> fill) throws StepFailure {
        Alert alert;
        try {
            alert = waiting(remaining(Duration.ofSeconds(5))).until(ExpectedConditions.alertIsPresent());
        } catch (TimeoutException e) {
            throw new StepFailure(number, what(step, fill) + ": no dialog opened", Outcome.SCRIPT_ERROR, e);
        }
        if (expectText != null && !alert.getText().contains(expectText)) {
            throw new StepFailure(number, what(step, fill) + ": the dialog says \"" + alert.getText() + "\"",
                    Outcome.SCRIPT_ERROR, null);
        }
        return alert;
    }

    private void switchTo(Step.SwitchTo s, UnaryOperator<String> fill, String number) throws StepFailure {
        if (s.defaultContent()) {
            driver.switchTo().defaultContent();
        } else if (s.frame() != null) {
            driver.switchTo().frame(find(s.frame(), fill, number));
        } else if (s.window() != null) {
            String want = fill.apply(s.window());
            List<String> handles = new ArrayList<>(driver.getWindowHandles());
            if (want.matches("\\d+")) {
                int i = Integer.parseInt(want);
                if (i >= handles.size()) {
                    throw new StepFailure(number, "there is no window " + i + " (" + handles.size() + " open)",
                            Outcome.SCRIPT_ERROR, null);
                }
                driver.switchTo().window(handles.get(i));
                return;
            }
            for (String h : handles) {
                driver.switchTo().window(h);
                if (driver.getTitle().contains(want) || driver.getCurrentUrl().contains(want)) {
                    return;
                }
            }
            throw new StepFailure(number, "no window has \"" + want + "\" in its title or URL", Outcome.SCRIPT_ERROR, null);
        }
    }

    private Duration remaining(Duration wanted) {
        long left = deadlineNanos - System.nanoTime();
        return Duration.ofNanos(Math.max(1_000_000L, Math.min(wanted.toNanos(), left)));
    }

    static CharSequence key(String name, String number) throws StepFailure {
        String selenium = bedside.scenarios.Keys.seleniumName(name)
                .orElseThrow(() -> new StepFailure(number, "unknown key \"" + name + "\"", Outcome.SCRIPT_ERROR, null));
        return selenium.codePointCount(0, selenium.length()) == 1 ? selenium : Keys.valueOf(selenium);
    }

    private String safeUrl() {
        try {
            return driver.getCurrentUrl();
        } catch (WebDriverException e) {
            return "an unknown page";
        }
    }

    /** What a step does, as a message says it: with the values used, not the templates (name="Okafor, Margaret"). */
    static String what(Step step, UnaryOperator<String> fill) {
        if (step instanceof Step.Open s) {
            return "open " + fill.apply(s.url());
        } else if (step instanceof Step.Click s) {
            return "click " + shown(s.target(), fill);
        } else if (step instanceof Step.Type s) {
            return "type into " + shown(s.into(), fill);
        } else if (step instanceof Step.Select s) {
            return "select \"" + fill.apply(s.option()) + "\" in " + shown(s.from(), fill);
        } else if (step instanceof Step.Choose s) {
            return "choose \"" + fill.apply(s.option()) + "\" in " + shown(s.from(), fill);
        } else if (step instanceof Step.SetDate s) {
            return "set " + fill.apply(s.value()) + " in " + shown(s.into(), fill);
        } else if (step instanceof Step.Check s) {
            return (s.checked() ? "check " : "uncheck ") + shown(s.target(), fill);
        } else if (step instanceof Step.Press s) {
            return "press " + s.key();
        } else if (step instanceof Step.WaitFor s) {
            return "wait for " + shown(s.target(), fill);
        } else if (step instanceof Step.Assert s) {
            return "assert " + shown(s.target(), fill);
        } else if (step instanceof Step.AcceptDialog) {
            return "accept the dialog";
        } else if (step instanceof Step.DismissDialog) {
            return "dismiss the dialog";
        } else if (step instanceof Step.SwitchTo) {
            return "switch window or frame";
        } else if (step instanceof Step.Use s) {
            return "use " + s.fragment();
        }
        return step.toString();
    }

    /** A locator as a message shows it, with its parameters filled in. */
    static String shown(Locator locator, UnaryOperator<String> fill) {
        return locator.map(fill).describe();
    }

    /** Whether the browser or its driver died under the step (not the binding's fault): by type, cause and message. */
    static boolean isBrowserGone(WebDriverException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.openqa.selenium.NoSuchSessionException
                    || t instanceof org.openqa.selenium.remote.UnreachableBrowserException
                    || t instanceof org.openqa.selenium.SessionNotCreatedException
                    || t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("session deleted") || m.contains("invalid session id") || m.contains("disconnected")
                    || m.contains("Connection refused") || m.contains("chrome not reachable")
                    || m.contains("target window already closed") || m.contains("Session ID is null")
                    || m.contains("It may have died") || m.contains("Error communicating with the remote browser")
                    || m.contains("tab crashed") || m.contains("target crashed")) {
                return true;
            }
        }
        return false;
    }

    /** " (waited N s)" from a WebDriverWait timeout, whose own message names a lambda. */
    static String waited(TimeoutException e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("tried for (\\d+) second").matcher(String.valueOf(e.getMessage()));
        return m.find() ? " (waited " + m.group(1) + " s)" : "";
    }

    /** A text as a message shows it: quoted, on one line, at most {@code max} characters. */
    static String quote(String text, int max) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return "\"" + (t.length() > max ? t.substring(0, max) + "…" : t) + "\"";
    }

    static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
