package bedside.results;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A participant working through tasks on one candidate within one run. The scripted expert path is a
 * participant too (code {@code expert-path}), so automated and moderated sessions share one shape.
 *
 * @param order the task order a moderated session used and how it was derived; null for the expert path
 */
public record SessionRecord(UUID sessionId, UUID runId, String candidate, String participant, Instant startedAt,
                            SessionOrder order) {
    public SessionRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** A session with no recorded order (the scripted expert path). */
    public SessionRecord(UUID sessionId, UUID runId, String candidate, String participant, Instant startedAt) {
        this(sessionId, runId, candidate, participant, startedAt, null);
    }
}
