package bedside.results;

import bedside.reports.analysis.Exclusion;

/**
 * How an attempt ended. The five are never merged: a script error is the evaluator's to fix, a system error
 * is Bedside, the browser, the machine or the candidate's server failing — neither is scored for or against
 * the candidate ({@link Exclusion} decides, for every score and page); a critical use error is a
 * patient-safety finding reported apart from plain failures.
 */
public enum Outcome {
    SUCCESS,
    FAILURE,
    CRITICAL_USE_ERROR,
    SYSTEM_ERROR,
    SCRIPT_ERROR;

    /** The lower-case, hyphenated form used in JSON, CSV and the database. */
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }

    /** Whether an attempt that ended so counts in scores. */
    public boolean scored() {
        return exclusion() == null;
    }

    /** Why an attempt that ended so is not scored, or null when it is. */
    public Exclusion exclusion() {
        return Exclusion.ofOutcome(code()).orElse(null);
    }

    public static Outcome fromCode(String code) {
        return valueOf(code.trim().toUpperCase().replace('-', '_'));
    }
}
