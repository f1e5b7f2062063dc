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

    /** Chooses an option, by its visible text, in a select element. */
    record Select(Locator from, String option, Position at) implements Step {}

    /** Ticks ({@code checked=true}) or clears a checkbox or radio button. */
    record Check(Locator target, boolean checked, Position at) implements Step {}

    /** Presses a key (WebDriver key name such as Enter, Tab, Escape) in the focused element or {@code on}. */
    record Press(String key, Locator on, Position at) implements Step {}

    /** Waits until the element is visible (and holds {@code text}, when given). */
    record WaitFor(Locator target, String text, double timeoutSeconds, Position at) implements Step {}

    /** Asserts on an element without acting on it; a mismatch is a script error, not the candidate's. */
    record Assert(Locator target, String text, String value, Integer count, Position at) implements Step {}

    /** Accepts (OK) the open alert, confirm or prompt dialog, optionally checking its text contains {@code text}. */
    record AcceptDialog(String text, String answer, Position at) implements Step {}

    record DismissDialog(String text, Position at) implements Step {}

    /** Switches to a window (by index, title or URL part), a frame (by locator), or back to the top page. */
    record SwitchTo(String window, Locator frame, boolean defaultContent, Position at) implements Step {}

    /** Runs a fragment of the same binding with arguments for its parameters. */
    record Use(String fragment, Map<String, String> with, Position at) implements Step {}
}
