package bedside.results;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A post-task rating (e.g. the Single Ease Question, {@code seq}, 1–7) given in a session.
 *
 * @param comment the participant's comment, or null
 */
public record TaskRatingRecord(UUID sessionId, String task, String instrument, int rating, int scaleMin, int scaleMax,
        String comment, Instant answeredAt) {
    public TaskRatingRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}
