package bedside.candidates.domain;

import java.time.Instant;
import java.time.LocalDate;

/** An allergy or adverse reaction (FHIR AllergyIntolerance). Onset and comment may be null. */
public record Allergy(
        String id,
        String patientId,
        String substance,
        String reaction,
        ReactionSeverity severity,
        LocalDate onset,
        String comment,
        Instant recordedDate,
        String recorder) {}
