package bedside.results;

import java.util.Objects;

/**
 * A participant of a study, pseudonymous: a code and what the analysis needs, never a name or a contact.
 * The scripted expert path is a participant too (code {@code expert-path}).
 *
 * @param role               e.g. {@code nurse}, {@code physician}, {@code pharmacist}; null if not recorded
 * @param yearsInRole        clinical experience in that role, or null
 * @param ehrExperienceYears years of using electronic health records, or null
 * @param ehrSystemsUsed     free text: which EHR systems the participant has used, or null
 */
public record ParticipantRecord(
        String code, String role, Integer yearsInRole, Integer ehrExperienceYears, String ehrSystemsUsed) {
    public ParticipantRecord {
        Objects.requireNonNull(code, "code");
    }

    /** A participant known only by its code (e.g. the expert path). */
    public static ParticipantRecord of(String code) {
        return new ParticipantRecord(code, null, null, null, null);
    }
}
