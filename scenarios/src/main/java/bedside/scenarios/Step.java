package bedside.scenarios;

import java.util.Map;

/**
 * One step of an expert path in a candidate's binding. Values may hold {@code ${...}} parameters that
 * are filled from the task's data set (and a fragment's arguments) just before the step runs.
 */
public sealed interface Step {
    Position at();

    /** Opens a URL, absolute or relative to the candidate's base URL. */
    record Open(String url, Position at) implements Step {}

    record Click(Locator target, Position at) implements Step {}

    /**
     * Types text into a field. {@code secret} fields (passwords) never have their characters recorded;
     * {@code testData} marks a field whose typed value may be stored with the recording.
     */
    record Type(Locator into, String text, boolean clear, boolean secret, boolean testData, Position at) implements Step {}

    /** Chooses an option, by its visible text, in a native select element ({@link Choose} works on any list). */
    record Select(Locator from, String option, Position at) implements Step {}

    /**
     * Picks an option the way a person does in a combobox, a custom select or a typeahead (or a native select): opens
     * the control found by {@code from}, types {@code search} to filter when the control takes typing (the option's own
     * text when {@code search} is not given), waits for the option and picks it by its accessible name.
     *
     * @param search what to type to filter the options, or null: the option's text in a control that takes typing,
     *               nothing in one that does not
     * @param match  how the option's name is compared with {@code option}
     */
    record Choose(Locator from, String option, String search, Locator.Match match, Position at) implements Step {}

    /**
     * Sets a date, a time or both from a data-set value ({@code 1983-07-21}, {@code 14:30} or {@code 1983-07-21T14:30})
     * by typing it as the field shows it: in {@code format} (e.g. {@code DD/MM/YYYY}, {@code HH:mm}) for a text or
     * segmented field, in the browser's own order for a native date or time input. The field must then show the value,
     * or the step fails saying what it shows.
     *
     * @param format the field's display format in the letters YYYY, YY, MM, M, DD, D, HH, H, hh, h, mm, ss, A; null for
     *               a native input (its format is the browser's)
     */
    record SetDate(Locator into, String value, String format, Position at) implements Step {}

    /** Ticks ({@code checked=true}) or clears a checkbox or radio button. */
    record Check(Locator target, boolean checked, Position at) implements Step {}

    /** Presses a key (WebDriver key name such as Enter, Tab, Escape) in the focused element or {@code on}. */
    record Press(String key, Locator on, Position at) implements Step {}

    /**
     * Waits until the element is visible (and holds {@code text}, when given); with {@code count}, until exactly that
     * many are visible; with {@code gone}, until none is (a spinner, a toast, a dialog closing).
     */
    record WaitFor(Locator target, String text, Integer count, boolean gone, double timeoutSeconds, Position at)
            implements Step {}

    /**
     * Asserts on an element without acting on it, waiting up to {@code timeoutSeconds} for it to hold; still a
     * mismatch then is a script error, not the candidate's.
     */
    record Assert(Locator target, String text, String value, Integer count, double timeoutSeconds, Position at)
            implements Step {}

    /** Accepts (OK) the open alert, confirm or prompt dialog, optionally checking its text contains {@code text}. */
    record AcceptDialog(String text, String answer, Position at) implements Step {}

    record DismissDialog(String text, Position at) implements Step {}

    /** Switches to a window (by index, title or URL part), a frame (by locator), or back to the top page. */
    record SwitchTo(String window, Locator frame, boolean defaultContent, Position at) implements Step {}

    /** Runs a fragment of the same binding with arguments for its parameters. */
    record Use(String fragment, Map<String, String> with, Position at) implements Step {}
}
