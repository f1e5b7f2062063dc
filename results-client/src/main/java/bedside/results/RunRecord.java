package bedside.results;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One invocation of a suite (by {@code bedside demo} or {@code bedside run}): the sessions and attempts it
 * made point to it, and to the exact suite version (by content hash) that was used.
 *
 * @param finishedAt null while the run is under way or if it was cut off
 */
public record RunRecord(
        UUID runId,
        String study,
        String suiteId,
        String suiteVersion,
        String suiteHash,
        String kind,
        Instant startedAt,
        Instant finishedAt) {
    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(suiteId, "suiteId");
        Objects.requireNonNull(suiteHash, "suiteHash");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
