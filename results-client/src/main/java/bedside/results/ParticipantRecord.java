package bedside.results;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.time.Instant;
import java.util.Objects;

/**
 * A participant of a study, pseudonymous: a code and what the analysis needs (the demographics a NISTIR 7742 /
 * certified-health-IT report tabulates), never a name or a contact. The scripted expert path is a participant too
 * (code {@code expert-path}), with no demographics and no consent.
 *
 * @param role                e.g. {@code nurse}, {@code physician}, {@code pharmacist}; null if not recorded
 * @param yearsInRole         clinical experience in that role, or null
 * @param ehrExperienceYears  years of using electronic health records, or null
 * @param ehrSystemsUsed      free text: which EHR systems the participant has used, or null
 * @param ageBand             e.g. {@code 30-39}, or null
 * @param assistiveTechnology the assistive technology the participant uses ({@code none} when none), or null
 * @param consentedAt         when the participant confirmed consent in the session panel, or null (the expert path)
 * @param simulated           whether the participant is simulated (the demo's simulated panel), not a person: only
 *                            simulated sessions are theirs, and a real study's plan is never locked over them
 *                            (absent from JSON written before it existed: false)
 */
public record ParticipantRecord(
        String code, String role, Integer yearsInRole, Integer ehrExperienceYears, String ehrSystemsUsed,
        String ageBand, String assistiveTechnology, Instant consentedAt,
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean simulated) {
    public ParticipantRecord {
        Objects.requireNonNull(code, "code");
    }

    /** A real participant (not simulated). */
    public ParticipantRecord(String code, String role, Integer yearsInRole, Integer ehrExperienceYears,
                             String ehrSystemsUsed, String ageBand, String assistiveTechnology, Instant consentedAt) {
        this(code, role, yearsInRole, ehrExperienceYears, ehrSystemsUsed, ageBand, assistiveTechnology, consentedAt,
                false);
    }

    /** A participant as stored before sessions asked for age band, assistive technology and consent. */
    public ParticipantRecord(String code, String role, Integer yearsInRole, Integer ehrExperienceYears,
                             String ehrSystemsUsed) {
        this(code, role, yearsInRole, ehrExperienceYears, ehrSystemsUsed, null, null, null);
    }

    /** A participant known only by its code (e.g. the expert path). */
    public static ParticipantRecord of(String code) {
        return new ParticipantRecord(code, null, null, null, null);
    }

    /** This participant, simulated or real. */
    public ParticipantRecord withSimulated(boolean simulated) {
        return new ParticipantRecord(code, role, yearsInRole, ehrExperienceYears, ehrSystemsUsed, ageBand,
                assistiveTechnology, consentedAt, simulated);
    }
}
