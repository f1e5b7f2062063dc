package bedside.candidates.domain;

import java.time.Instant;

/** A laboratory or imaging order (FHIR ServiceRequest). {@code category}: laboratory | imaging. */
public record ServiceRequest(
        String id,
        String patientId,
        String category,
        String test,
        String priority,
        String reason,
        String status,
        Instant authoredOn,
        String requester) {

    public static final java.util.List<String> LAB_TESTS = java.util.List.of(
            "Full blood count", "Urea and electrolytes", "Liver function tests", "HbA1c", "Lipid profile",
            "Thyroid function tests", "C-reactive protein", "INR", "Blood culture", "Urine culture");
    public static final java.util.List<String> IMAGING_TESTS = java.util.List.of(
            "Chest X-ray", "X-ray left knee", "X-ray right knee", "CT head", "Ultrasound abdomen",
            "Ultrasound kidneys", "MRI lumbar spine");
}
