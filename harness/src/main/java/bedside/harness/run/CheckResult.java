package bedside.harness.run;

/**
 * The verdict of one success criterion or critical check.
 *
 * @param systemFault true when the check could not be made because the candidate failed (unreachable,
 *                    HTTP 5xx): then the attempt is a system error, not a failure of the participant
 */
public record CheckResult(String description, boolean critical, boolean passed, String detail, boolean systemFault) {}
