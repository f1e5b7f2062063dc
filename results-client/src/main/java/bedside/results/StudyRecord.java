package bedside.results;

import java.time.Instant;

/** A study: a title, and whether its evidence is final (locked, and when). */
public record StudyRecord(String code, String title, boolean locked, Instant lockedAt, Instant createdAt) {
}
