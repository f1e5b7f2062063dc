package bedside.results;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A timestamped mark the moderator or an observer puts on a session while it runs: a use error (IEC 62366 terms:
 * {@code slip}, {@code mistake}, or {@code critical} — one that could harm a patient), an {@code assist} (the task
 * then counts as a failure in completion, NISTIR 7742), or a {@code note}. Evidence: chained like an attempt.
 *
 * @param attemptId the attempt it was marked during, or null when between tasks
 * @param task      the task then on, or null
 * @param tMs       milliseconds since the attempt's clock started, or null when no clock was running
 * @param by        who marked it: {@code moderator} or {@code observer}
 */
public record MarkerRecord(UUID markerId, UUID sessionId, UUID attemptId, String task, String kind, Double tMs,
                           String note, String by, Instant at) {
    public static final List<String> KINDS = List.of("slip", "mistake", "critical", "assist", "note");

    public MarkerRecord {
        Objects.requireNonNull(markerId, "markerId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("a marker is one of " + KINDS + ", not " + kind);
        }
    }

    /** A use error: slip, mistake or critical. */
    public boolean useError() {
        return kind.equals("slip") || kind.equals("mistake") || kind.equals("critical");
    }
}
