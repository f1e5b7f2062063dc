package bedside.results;

/**
 * How an attempt ended. The five are never merged: a script error is the evaluator's to fix, a system error
 * is Bedside, the browser, the machine or the candidate's server failing, not-checked is a check that got no valid
 * answer about the candidate's state — none of the three is scored for or against
 * the candidate (reports' {@code Exclusion} decides, by {@link #code()}, for every score and page); a critical
 * use error is a patient-safety finding reported apart from plain failures.
 */
public enum Outcome {
    SUCCESS,
    FAILURE,
    CRITICAL_USE_ERROR,
    SYSTEM_ERROR,
    SCRIPT_ERROR,
    /** The candidate's state could not be read (no reader, an HTTP error, an answer that is not one): not scored. */
    NOT_CHECKED;

    /** The lower-case, hyphenated form used in JSON, CSV and the database. */
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Outcome fromCode(String code) {
        return valueOf(code.trim().toUpperCase().replace('-', '_'));
    }
}
