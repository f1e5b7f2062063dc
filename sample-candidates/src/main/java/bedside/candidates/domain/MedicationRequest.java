package bedside.candidates.domain;

import java.time.Instant;
import java.util.List;

/**
 * A prescription (FHIR MedicationRequest). {@code status}: active | cancelled. {@code dispatch}: not-sent | sent
 * (to {@code pharmacyCode}).
 */
public record MedicationRequest(
        String id,
        String patientId,
        String medication,
        String dose,
        String route,
        String frequency,
        int durationDays,
        String status,
        Instant authoredOn,
        String requester,
        String pharmacyCode,
        String dispatch,
        Instant sentAt,
        List<String> detectedIssueIds) {

    public MedicationRequest sent(String pharmacy, Instant at) {
        return new MedicationRequest(id, patientId, medication, dose, route, frequency, durationDays, status, authoredOn,
                requester, pharmacy, "sent", at, detectedIssueIds);
    }

    /** "500 mg oral three times a day for 5 days". */
    public String directions() {
        return dose + " " + route.toLowerCase(java.util.Locale.ROOT) + " " + frequency.toLowerCase(java.util.Locale.ROOT)
                + " for " + durationDays + (durationDays == 1 ? " day" : " days");
    }
}
