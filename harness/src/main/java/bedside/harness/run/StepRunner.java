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
import org.openqa.selenium.support.ui.Select;
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
        this.driver = driver;
        this.candidate = candidate;
        this.fragments = fragments;
        this.deadlineNanos = deadlineNanos;
        this.afterStep = afterStep;
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
        UnaryOperator<String> fill = template -> Parameters.resolve(template, values);
        for (int i = 0; i < steps.size(); i++) {
            String number = prefix + (i + 1);
            if (System.nanoTime() > deadlineNanos) {
                throw new TimeLimitReached(number);
            }
            Step step = steps.get(i);
            try {
                perform(step, values, fill, number);
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
            find(s.target(), fill, number).click();
        } else if (step instanceof Step.Type s) {
            WebElement field = find(s.into(), fill, number);
            // A person clicks into a field before typing unless the page already put the cursor there.
            if (!field.equals(driver.switchTo().activeElement())) {
                field.click();
            }
            if (s.clear()) {
                field.clear();
            }
            field.sendKeys(fill.apply(s.text()));
        } else if (step instanceof Step.Select s) {
            WebElement el = find(s.from(), fill, number);
            if (!"select".equalsIgnoreCase(el.getTagName())) {
                throw new StepFailure(number, what(step, fill) + ": the element is a <" + el.getTagName()
                        + ">, not a <select>", Outcome.SCRIPT_ERROR, null);
            }
            // A person opens the list and picks the option: two clicks the recorder sees.
            el.click();
            new Select(el).selectByVisibleText(fill.apply(s.option()));
        } else if (step instanceof Step.Check s) {
            WebElement el = find(s.target(), fill, number);
            if (el.isSelected() != s.checked()) {
                el.click();
            }
        } else if (step instanceof Step.Press s) {
            CharSequence key = key(s.key(), number);
            if (s.on() != null) {
                find(s.on(), fill, number).sendKeys(key);
            } else {
                new Actions(driver).sendKeys(key).perform();
            }
        } else if (step instanceof Step.WaitFor s) {
            Duration timeout = remaining(Duration.ofMillis(Math.round(s.timeoutSeconds() * 1000)));
            String text = s.text() == null ? null : fill.apply(s.text());
            waiting(timeout).ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> els = Locators.findAll(d, s.target(), fill.apply(s.target().value()), fillName(s.target(), fill));
                return els.stream().anyMatch(e -> e.isDisplayed() && (text == null || e.getText().contains(text)));
            });
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

    private void assertOn(Step.Assert s, UnaryOperator<String> fill, String number) throws StepFailure {
        List<WebElement> els = Locators.findAll(driver, s.target(), fill.apply(s.target().value()), fillName(s.target(), fill));
        if (s.count() != null && els.size() != s.count()) {
            throw new StepFailure(number, what(s, fill) + ": expected " + s.count() + " element(s), found " + els.size(),
                    Outcome.SCRIPT_ERROR, null);
        }
        if (s.count() == null && els.isEmpty()) {
            throw new StepFailure(number, what(s, fill) + ": no element matches", Outcome.SCRIPT_ERROR, null);
        }
        if (s.text() != null && els.stream().noneMatch(e -> e.getText().contains(fill.apply(s.text())))) {
            throw new StepFailure(number, what(s, fill) + ": no matching element shows \"" + fill.apply(s.text()) + "\"",
                    Outcome.SCRIPT_ERROR, null);
        }
        if (s.value() != null && els.stream().noneMatch(e -> fill.apply(s.value()).equals(e.getDomProperty("value")))) {
            throw new StepFailure(number, what(s, fill) + ": no matching element has value \"" + fill.apply(s.value()) + "\"",
                    Outcome.SCRIPT_ERROR, null);
        }
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

    private WebElement find(Locator locator, UnaryOperator<String> fill, String number) throws StepFailure {
        String value = fill.apply(locator.value());
        String name = fillName(locator, fill);
        Duration timeout = remaining(ELEMENT_WAIT);
        List<WebElement> found = new ArrayList<>();
        try {
            waiting(timeout).ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> els = Locators.findAll(d, locator, value, name);
                found.clear();
                els.stream().filter(WebElement::isDisplayed).findFirst().ifPresent(found::add);
                return !found.isEmpty();
            });
        } catch (TimeoutException e) {
            throw new StepFailure(number, "no visible element matches " + shown(locator, fill) + " (waited " + timeout.toSeconds()
                    + " s on " + safeUrl() + ")", Outcome.SCRIPT_ERROR, e);
        }
        return found.get(0);
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

    private static String fillName(Locator locator, UnaryOperator<String> fill) {
        return locator.name() == null ? null : fill.apply(locator.name());
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
        return new Locator(locator.kind(), fill.apply(locator.value()), fillName(locator, fill), locator.at()).describe();
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
