package bedside.results;

import java.util.Objects;

/**
 * Which attempts of a study to list, and which page. Null filters match everything.
 *
 * @param limit  at most this many (1..1000)
 * @param offset skip this many (≥ 0), in the order started_at, attempt_id
 */
public record AttemptQuery(String study, String candidate, String task, String participant, Outcome outcome, int limit,
        long offset) {
    public static final int MAX_LIMIT = 1000;

    public AttemptQuery {
        Objects.requireNonNull(study, "study");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
    }

    public static AttemptQuery all(String study) {
        return new AttemptQuery(study, null, null, null, null, MAX_LIMIT, 0);
    }
}
