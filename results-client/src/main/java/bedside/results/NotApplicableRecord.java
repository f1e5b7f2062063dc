package bedside.results;

import java.util.Objects;

/**
 * A task that does not apply to a candidate, as its binding says for one suite version: never attempted, shown as
 * n/a with the reason, left out of the candidate's composite.
 *
 * @param candidate  candidate code
 * @param suiteHash  the suite version's content hash
 * @param task       task id
 * @param reason     why, as the evaluator wrote it (never blank)
 */
public record NotApplicableRecord(String candidate, String suiteHash, String task, String reason) {
    public NotApplicableRecord {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(suiteHash, "suiteHash");
        Objects.requireNonNull(task, "task");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a task that does not apply needs a reason");
        }
    }
}
