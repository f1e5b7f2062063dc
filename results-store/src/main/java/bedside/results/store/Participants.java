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

    private static void insert(DSLContext ctx, String study, ParticipantRecord participant) {
        ctx.insertInto(PARTICIPANTS)
                .set(PARTICIPANTS.STUDY_CODE, study)
                .set(PARTICIPANTS.PARTICIPANT_CODE, participant.code())
                .set(PARTICIPANTS.ROLE, participant.role())
                .set(PARTICIPANTS.YEARS_IN_ROLE, participant.yearsInRole())
                .set(PARTICIPANTS.EHR_EXPERIENCE_YEARS, participant.ehrExperienceYears())
                .set(PARTICIPANTS.EHR_SYSTEMS_USED, participant.ehrSystemsUsed())
                .onConflict(PARTICIPANTS.STUDY_CODE, PARTICIPANTS.PARTICIPANT_CODE).doNothing()
                .execute();
    }

    /**
     * Adds a participant the study does not know yet with its code only; a known one is left unchanged. Called
     * inside {@link Sessions#start}'s transaction, which starts the participant's session.
     */
    static void ensureCode(DSLContext tx, String study, String code) {
        tx.insertInto(PARTICIPANTS)
                .set(PARTICIPANTS.STUDY_CODE, study)
                .set(PARTICIPANTS.PARTICIPANT_CODE, code)
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
