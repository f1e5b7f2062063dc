package bedside.reports.documents;

import java.time.Instant;

/**
 * Where a report's figures come from, printed at the top and foot of every report: the study, the locked plan they
 * were scored as (its hash, so anyone can check the plan was not changed after the data came in), whether the data
 * is simulated, and when the report was made.
 *
 * @param planHash     the locked plan's hash, or null when the study has none (its figures are then scripted
 *                     expert-path runs, not participants)
 * @param planLockedAt when the plan was locked, or null
 * @param basis        one sentence on what the figures follow, e.g. "Scored as the study plan sha256:… says; …"
 */
public record Provenance(String study, String studyTitle, String planHash, Instant planLockedAt,
                         boolean simulated, Instant generatedAt, String basis) {
}
