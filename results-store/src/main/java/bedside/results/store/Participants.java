package bedside.results.store;

import bedside.results.ParticipantRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.util.List;
import java.util.Optional;

import static bedside.results.store.jooq.Tables.PARTICIPANTS;

/** The participants of a study. Their questionnaire answers are {@link Questionnaires}'. */
final class Participants {
    private Participants() {
    }

    /** Creates the participant in the study if it does not exist; an existing one is left unchanged. */
    static void ensure(DSLContext ctx, String study, ParticipantRecord participant) {
        Studies.requireStudy(ctx, study);
        try {
            insert(ctx, study, participant);
        } catch (DataAccessException e) {
            throw EvidenceChain.translate(e);
        }
    }

    /**
     * See {@link ResultsStore#saveParticipant}: created if new; else each detail the stored participant lacks is
     * filled in, in one transaction that holds the row.
     */
    static ParticipantRecord save(DSLContext ctx, String study, ParticipantRecord given) {
        Studies.requireStudy(ctx, study);
        ParticipantRecord p = Rows.normalized(given);
        try {
            return ctx.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                if (insert(tx, study, p) == 1) {
                    return p;
                }
                ParticipantRecord stored = tx.selectFrom(PARTICIPANTS)
                        .where(PARTICIPANTS.STUDY_CODE.eq(study), PARTICIPANTS.PARTICIPANT_CODE.eq(p.code()))
                        .forUpdate().fetchOne(Rows::toParticipant);
                if (stored.simulated() != p.simulated()) { // not a detail: sessions are held to it
                    throw new RecordConflictException("participant " + p.code() + " is already stored as "
                            + (stored.simulated() ? "simulated" : "real") + ", not " + (p.simulated() ? "simulated"
                            : "real"));
                }
                ParticipantRecord merged = new ParticipantRecord(p.code(),
                        fill(stored.role(), p.role(), "role", p),
                        fill(stored.yearsInRole(), p.yearsInRole(), "yearsInRole", p),
                        fill(stored.ehrExperienceYears(), p.ehrExperienceYears(), "ehrExperienceYears", p),
                        fill(stored.ehrSystemsUsed(), p.ehrSystemsUsed(), "ehrSystemsUsed", p),
                        fill(stored.ageBand(), p.ageBand(), "ageBand", p),
                        fill(stored.assistiveTechnology(), p.assistiveTechnology(), "assistiveTechnology", p),
                        fill(stored.consentedAt(), p.consentedAt(), "consentedAt", p), stored.simulated());
                if (merged.equals(stored)) {
                    return stored; // nothing new: no write, so a locked study's replay succeeds
                }
                tx.update(PARTICIPANTS)
                        .set(PARTICIPANTS.ROLE, merged.role())
                        .set(PARTICIPANTS.YEARS_IN_ROLE, merged.yearsInRole())
                        .set(PARTICIPANTS.EHR_EXPERIENCE_YEARS, merged.ehrExperienceYears())
                        .set(PARTICIPANTS.EHR_SYSTEMS_USED, merged.ehrSystemsUsed())
                        .set(PARTICIPANTS.AGE_BAND, merged.ageBand())
                        .set(PARTICIPANTS.ASSISTIVE_TECHNOLOGY, merged.assistiveTechnology())
                        .set(PARTICIPANTS.CONSENTED_AT, merged.consentedAt())
                        .where(PARTICIPANTS.STUDY_CODE.eq(study), PARTICIPANTS.PARTICIPANT_CODE.eq(p.code()))
                        .execute();
                return merged;
            });
        } catch (DataAccessException e) {
            throw EvidenceChain.translate(e);
        }
    }

    /** The stored detail, or the given one where none is stored; two different details are a conflict. */
    private static <T> T fill(T stored, T given, String field, ParticipantRecord p) {
        if (stored == null) {
            return given;
        }
        if (given != null && !given.equals(stored)) {
            throw new RecordConflictException("participant " + p.code() + " is already stored with " + field + " "
                    + stored + ", not " + given);
        }
        return stored;
    }

    private static int insert(DSLContext ctx, String study, ParticipantRecord participant) {
        return ctx.insertInto(PARTICIPANTS)
                .set(PARTICIPANTS.STUDY_CODE, study)
                .set(PARTICIPANTS.PARTICIPANT_CODE, participant.code())
                .set(PARTICIPANTS.ROLE, participant.role())
                .set(PARTICIPANTS.YEARS_IN_ROLE, participant.yearsInRole())
                .set(PARTICIPANTS.EHR_EXPERIENCE_YEARS, participant.ehrExperienceYears())
                .set(PARTICIPANTS.EHR_SYSTEMS_USED, participant.ehrSystemsUsed())
                .set(PARTICIPANTS.AGE_BAND, participant.ageBand())
                .set(PARTICIPANTS.ASSISTIVE_TECHNOLOGY, participant.assistiveTechnology())
                .set(PARTICIPANTS.CONSENTED_AT, Rows.micros(participant.consentedAt()))
                .set(PARTICIPANTS.SIMULATED, participant.simulated())
                .onConflict(PARTICIPANTS.STUDY_CODE, PARTICIPANTS.PARTICIPANT_CODE).doNothing()
                .execute();
    }

    /**
     * Adds a participant the study does not know yet with its code only (simulated as its session is); a known one is
     * left unchanged. Called inside {@link Sessions#start}'s transaction, which starts the participant's session.
     */
    static void ensureCode(DSLContext tx, String study, String code, boolean simulated) {
        tx.insertInto(PARTICIPANTS)
                .set(PARTICIPANTS.STUDY_CODE, study)
                .set(PARTICIPANTS.PARTICIPANT_CODE, code)
                .set(PARTICIPANTS.SIMULATED, simulated)
                .onConflict(PARTICIPANTS.STUDY_CODE, PARTICIPANTS.PARTICIPANT_CODE).doNothing()
                .execute();
    }

    static Optional<ParticipantRecord> find(DSLContext ctx, String study, String code) {
        return ctx.selectFrom(PARTICIPANTS)
                .where(PARTICIPANTS.STUDY_CODE.eq(study), PARTICIPANTS.PARTICIPANT_CODE.eq(code))
                .fetchOptional(Rows::toParticipant);
    }

    /** The participants of a study, by code. */
    static List<ParticipantRecord> all(DSLContext ctx, String study) {
        return ctx.selectFrom(PARTICIPANTS).where(PARTICIPANTS.STUDY_CODE.eq(study))
                .orderBy(PARTICIPANTS.PARTICIPANT_CODE)
                .fetch(Rows::toParticipant);
    }
}
