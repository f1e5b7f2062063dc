package bedside.results;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A participant working through tasks on one candidate within one run. The scripted expert path is a
 * participant too (code {@code expert-path}), so automated and moderated sessions share one shape. Its flags are
 * false when absent from JSON written before they existed.
 *
 * @param order     the task order a moderated session used and how it was derived; null for the expert path
 * @param pilot     a pilot session: a rehearsal before the study, stored and chained, and to be kept out of every
 *                  score; it needs no locked plan
 * @param simulated a simulated session (the demo's simulated panel, a simulated participant): it goes only with a
 *                  simulated plan, and a real study's plan is never locked over it
 */
public record SessionRecord(UUID sessionId, UUID runId, String candidate, String participant, Instant startedAt,
                            SessionOrder order, @JsonSetter(nulls = Nulls.AS_EMPTY) boolean pilot,
                            @JsonSetter(nulls = Nulls.AS_EMPTY) boolean simulated) {
    public SessionRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** A session of the study itself (neither a pilot nor simulated). */
    public SessionRecord(UUID sessionId, UUID runId, String candidate, String participant, Instant startedAt,
                         SessionOrder order) {
        this(sessionId, runId, candidate, participant, startedAt, order, false, false);
    }

    /** A session with no recorded order (the scripted expert path). */
    public SessionRecord(UUID sessionId, UUID runId, String candidate, String participant, Instant startedAt) {
        this(sessionId, runId, candidate, participant, startedAt, null);
    }

    /** This session with these flags. */
    public SessionRecord withFlags(boolean pilot, boolean simulated) {
        return new SessionRecord(sessionId, runId, candidate, participant, startedAt, order, pilot, simulated);
    }

    /** Whether it is a moderated participant's session (it has a task order), not the scripted expert path. */
    public boolean moderated() {
        return order != null;
    }
}
