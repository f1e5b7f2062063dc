package bedside.results;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The ten System Usability Scale answers (each 1–5) of one session: one participant on one candidate. */
public record SusRecord(UUID sessionId, List<Integer> answers, Instant answeredAt) {
    public SusRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(answeredAt, "answeredAt");
        answers = List.copyOf(answers);
        if (answers.size() != 10) {
            throw new IllegalArgumentException("SUS has 10 items, got " + answers.size());
        }
    }
}
