package bedside.results;

import java.util.Objects;
import java.util.UUID;

/**
 * One event recorded inside the page during an attempt (a click, a key, a navigation, a dialog...).
 *
 * @param seq   the attempt-wide order of the event, from 0; (attemptId, seq) is unique
 * @param tMs   milliseconds since the attempt's clock started, on the session's monotonic clock
 * @param type  the event type, e.g. {@code click}, {@code key}, {@code navigation}
 * @param page  the URL of the document the event happened in
 * @param json  the event's details as a JSON object (never typed secrets)
 */
public record EventRecord(UUID attemptId, long seq, double tMs, String type, String page, String json) {
    public EventRecord {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
    }
}
