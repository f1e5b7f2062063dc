package bedside.candidates.domain;

import java.time.Instant;

/**
 * A laboratory result (FHIR Observation). {@code interpretation} is "H", "L" or "N".
 * Acknowledged fields are null until a clinician acknowledges the result.
 */
public record LabResult(
        String id,
        String patientId,
        String test,
        String value,
        String unit,
        String referenceRange,
        String interpretation,
        Instant effective,
        Instant acknowledgedAt,
        String acknowledgedBy) {

    public boolean abnormal() {
        return !"N".equals(interpretation);
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    public LabResult acknowledge(String by, Instant at) {
        return new LabResult(id, patientId, test, value, unit, referenceRange, interpretation, effective, at, by);
    }

    public String interpretationText() {
        return switch (interpretation) {
            case "H" -> "High";
            case "L" -> "Low";
            default -> "Normal";
        };
    }
}
