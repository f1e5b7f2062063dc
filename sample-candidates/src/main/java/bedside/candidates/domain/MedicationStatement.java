package bedside.candidates.domain;

import java.time.Instant;

/** An entry on the medication list (FHIR MedicationStatement); status "active" or "stopped". */
public record MedicationStatement(
        String id,
        String patientId,
        String medication,
        String dosage,
        String route,
        String status,
        String statusReason,
        Instant dateAsserted,
        String recorder,
        String source) {

    public MedicationStatement stopped(String reason) {
        return new MedicationStatement(id, patientId, medication, dosage, route, "stopped", reason, dateAsserted, recorder, source);
    }

    /** "Amlodipine 5 mg tablets — once daily — oral". */
    public String text() {
        StringBuilder b = new StringBuilder(medication);
        if (dosage != null && !dosage.isBlank()) {
            b.append(" \u2014 ").append(dosage);
        }
        if (route != null && !route.isBlank()) {
            b.append(" \u2014 ").append(route);
        }
        return b.toString();
    }
}
