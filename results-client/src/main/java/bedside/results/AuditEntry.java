package bedside.results;

import java.time.Instant;

/** One line of the audit log: who did what to which evidence, and when. @param details JSON, or null */
public record AuditEntry(long id, Instant at, String actor, String action, String study, String entity,
        String entityId, String details) {
}
