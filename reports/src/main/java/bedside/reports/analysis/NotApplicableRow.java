package bedside.reports.analysis;

/**
 * A task that does not apply to a candidate (its binding marks it {@code notApplicable}): never attempted on it, shown
 * as "n/a" with the reason, left out of its composite (the other tasks' weights renormalised) and out of every
 * comparison with it. Never a failure, never 0.
 *
 * @param candidate candidate id
 * @param task      task id
 * @param reason    why, as the evaluator wrote it (never empty)
 */
public record NotApplicableRow(String candidate, String task, String reason) {
    public NotApplicableRow {
        if (candidate == null || candidate.isBlank() || task == null || task.isBlank()) {
            throw new IllegalArgumentException("a n/a mark needs a candidate and a task");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a n/a mark needs a reason");
        }
    }
}
