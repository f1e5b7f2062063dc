package bedside.harness.run;

import bedside.scenarios.Locator;
import bedside.scenarios.Step;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * How fast the binding's steps are done. A script does them as fast as the candidate allows ({@link #NONE}); a simulated
 * participant waits before each as long as its model says a person would take (the Keystroke-Level Model's operators),
 * types key by key, and may press beside a target before hitting it — in the candidate's page, where the recorder sees
 * it as it sees a person's.
 */
public interface Pace {
    /** At the candidate's pace: nothing waited, text typed at once. */
    Pace NONE = action -> { };

    /** Before a step is carried out (never a {@code use}: its own steps come, one by one). */
    void before(Action action);

    /** Whether typed text goes in key by key, with {@link #beforeKey} before each key; else all at once. */
    default boolean keyByKey() {
        return false;
    }

    /** Before key {@code index} (0-based, by code point) of {@code text} is typed. */
    default void beforeKey(int index, String text) { }

    /** A step about to be carried out, in the attempt's browser. */
    final class Action {
        private final Step step;
        private final String number;
        private final WebDriver driver;
        private final UnaryOperator<String> fill;

        Action(Step step, String number, WebDriver driver, UnaryOperator<String> fill) {
            this.step = step;
            this.number = number;
            this.driver = driver;
            this.fill = fill;
        }

        public Step step() {
            return step;
        }

        /** The step's number in the binding, e.g. {@code 4} or, inside a fragment, {@code 1.3}. */
        public String number() {
            return number;
        }

        public WebDriver driver() {
            return driver;
        }

        /** The text the step types (type, setDate; a choose's search), filled in; null for any other step. */
        public String text() {
            if (step instanceof Step.Type s) {
                return fill.apply(s.text());
            } else if (step instanceof Step.SetDate s) {
                return fill.apply(s.value());
            } else if (step instanceof Step.Choose s && s.search() != null) {
                return fill.apply(s.search());
            }
            return null;
        }

        /** The locator of what the step acts on with the pointer or the keyboard, or null (open, wait, a dialog…). */
        public Locator locator() {
            if (step instanceof Step.Click s) {
                return s.target();
            } else if (step instanceof Step.Type s) {
                return s.into();
            } else if (step instanceof Step.Select s) {
                return s.from();
            } else if (step instanceof Step.Choose s) {
                return s.from();
            } else if (step instanceof Step.SetDate s) {
                return s.into();
            } else if (step instanceof Step.Check s) {
                return s.target();
            } else if (step instanceof Step.Press s) {
                return s.on();
            }
            return null;
        }

        /**
         * The visible element the step will act on, as the page stands now (nothing is waited for), or empty when it
         * is not shown yet or the step has no target. The step itself still finds its element as it always does.
         */
        public Optional<WebElement> target() {
            Locator locator = locator();
            if (locator == null) {
                return Optional.empty();
            }
            try {
                Locator filled = locator.map(fill);
                List<WebElement> visible = Locators.find(driver, filled).visible();
                int nth = filled.nth() == null ? 1 : filled.nth();
                if (visible.size() < nth || (filled.nth() == null && visible.size() > 1)) {
                    return Optional.empty();
                }
                return Optional.of(visible.get(nth - 1));
            } catch (WebDriverException | ClassCastException e) {
                return Optional.empty();
            }
        }
    }
}
