package bedside.candidates.domain;

import java.time.Instant;
import java.util.List;

/**
 * A safety warning shown to a clinician and what they did about it (FHIR DetectedIssue). {@code kind}:
 * drug-allergy | drug-drug | cds-alert; {@code action}: overridden | cancelled | acknowledged.
 */
public record DetectedIssue(
        String id,
        String patientId,
        String kind,
        String severity,
        String title,
        String detail,
        List<String> implicated,
        String action,
        String reason,
        String author,
        Instant identified,
        String requestId,
        String alertCode) {}
