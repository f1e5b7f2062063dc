package bedside.candidates.domain;

import java.time.Instant;
import java.time.LocalDate;

/** An entry on the problem list (FHIR Condition). Onset and comment may be null. */
public record Condition(
        String id,
        String patientId,
        String description,
        LocalDate onset,
        String clinicalStatus,
        String comment,
        Instant recordedDate,
        String recorder) {}
