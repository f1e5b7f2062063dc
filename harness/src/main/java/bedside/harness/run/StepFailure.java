package bedside.harness.run;

import bedside.results.Outcome;

/**
 * A binding step that could not be carried out. Whether that is the evaluator's problem (a script error:
 * the binding no longer matches the candidate's UI) or the candidate's (a system error) is decided from
 * what the browser recorded, not here: this only says what went wrong and where.
 */
public final class StepFailure extends Exception {
    private final String step;
    private final Outcome suggested;

    public StepFailure(String step, String message, Outcome suggested, Throwable cause) {
        super(message, cause);
        this.step = step;
        this.suggested = suggested;
    }

    /** The step's number in the binding, e.g. {@code 4} or, inside a fragment, {@code 1.3}. */
    public String step() {
        return step;
    }

    public Outcome suggested() {
        return suggested;
    }
}
