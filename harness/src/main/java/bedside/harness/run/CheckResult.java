package bedside.harness.run;

/**
 * The verdict of one success criterion or critical check: met, not met, or could not be checked.
 *
 * @param passed     met
 * @param detail     what was found (or why there is no answer)
 * @param unanswered true when the check got no valid answer — the reader failed (HTTP error, a body that is not
 *                   what the reader expects, connection refused, timeout, Bedside stopping): then it says nothing
 *                   either way, and the attempt is not scored (could not be checked, or a system error when the
 *                   candidate itself is down); never success, failure or a critical use error
 */
public record CheckResult(String description, boolean critical, boolean passed, String detail, boolean unanswered) {

    /** E.g. {@code the allergy is listed (expected 1 match(es), found 0)}. */
    public String shown() {
        return description + " (" + detail + ")";
    }
}
