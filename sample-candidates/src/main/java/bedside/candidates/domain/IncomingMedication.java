package bedside.candidates.domain;

import java.time.Instant;

/**
 * One item of an incoming (discharge) medication list awaiting reconciliation. {@code change}: new | changed |
 * unchanged; {@code decision}: pending | accepted | rejected.
 */
public record IncomingMedication(
        String id,
        String patientId,
        String source,
        String medication,
        String dosage,
        String route,
        String change,
        String note,
        String decision,
        String decidedBy,
        Instant decidedAt) {

    public IncomingMedication decide(String d, String by, Instant at) {
        return new IncomingMedication(id, patientId, source, medication, dosage, route, change, note, d, by, at);
    }

    public boolean pending() {
        return "pending".equals(decision);
    }
}
