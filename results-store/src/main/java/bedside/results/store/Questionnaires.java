package bedside.results.store;

import bedside.results.SusRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.store.jooq.tables.records.StudyChainsRecord;
import bedside.results.store.jooq.tables.records.SusAnswersRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static bedside.results.store.Rows.micros;
import static bedside.results.store.Rows.normalized;
import static bedside.results.store.jooq.Tables.SUITE_TASKS;
import static bedside.results.store.jooq.Tables.SUS_ANSWERS;
import static bedside.results.store.jooq.Tables.TASK_RATINGS;

/**
 * The participants' questionnaire answers: post-task ratings and SUS answers, each saved idempotently in one
 * transaction that also appends them to their study's evidence chain ({@link EvidenceChain}).
 */
final class Questionnaires {
    private Questionnaires() {
    }

    /** See {@link ResultsStore#saveTaskRating}: one link of the study's chain. */
    static boolean saveTaskRating(DSLContext ctx, TaskRatingRecord r) {
        if (r.scaleMin() >= r.scaleMax() || r.rating() < r.scaleMin() || r.rating() > r.scaleMax()) {
            throw new IllegalArgumentException("rating " + r.rating() + " is not on the scale " + r.scaleMin() + ".."
                    + r.scaleMax());
        }
        TaskRatingRecord rating = normalized(r);
        try {
            return ctx.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                Sessions.Scope session = Sessions.requireScope(tx, rating.sessionId());
                if (!tx.fetchExists(SUITE_TASKS, SUITE_TASKS.SUITE_HASH.eq(session.suiteHash()),
                        SUITE_TASKS.TASK_ID.eq(rating.task()))) {
                    throw new IllegalArgumentException("task " + rating.task() + " is not in the suite of session "
                            + rating.sessionId());
                }
                if (ratingStored(tx, rating)) {
                    return false;
                }
                if (session.locked()) {
                    throw new StudyLockedException(session.study());
                }
                byte[] canonical = RecordHash.canonicalTaskRating(session.study(), session.candidate(),
                        session.participant(), rating);
                StudyChainsRecord head = EvidenceChain.lockHead(tx, session.study());
                if (ratingStored(tx, rating)) { // saved by another transaction while this one waited
                    return false;
                }
                EvidenceChain.requireUnlocked(tx, session.study());
                long chainNo = head.getLength() + 1;
                String hash = RecordHash.chain(head.getHeadHash(), canonical);
                tx.insertInto(TASK_RATINGS)
                        .set(TASK_RATINGS.SESSION_ID, rating.sessionId())
                        .set(TASK_RATINGS.TASK_ID, rating.task())
                        .set(TASK_RATINGS.INSTRUMENT, rating.instrument())
                        .set(TASK_RATINGS.RATING, rating.rating())
                        .set(TASK_RATINGS.SCALE_MIN, rating.scaleMin())
                        .set(TASK_RATINGS.SCALE_MAX, rating.scaleMax())
                        .set(TASK_RATINGS.COMMENT, rating.comment())
                        .set(TASK_RATINGS.ANSWERED_AT, rating.answeredAt())
                        .set(TASK_RATINGS.STUDY_CODE, session.study())
                        .set(TASK_RATINGS.CHAIN_NO, chainNo)
                        .set(TASK_RATINGS.RECORD_HASH, hash)
                        .execute();
                EvidenceChain.moveHead(tx, session.study(), chainNo, hash);
                return true;
            });
        } catch (DataAccessException e) {
            throw EvidenceChain.translate(e);
        }
    }

    /** Whether the rating is stored already (a replay); fails if it is stored with other content. */
    private static boolean ratingStored(DSLContext tx, TaskRatingRecord rating) {
        TaskRatingRecord stored = taskRating(tx, rating.sessionId(), rating.task(), rating.instrument());
        if (stored == null) {
            return false;
        }
        if (!stored.equals(rating)) {
            throw new RecordConflictException("the " + rating.instrument() + " rating of task " + rating.task()
                    + " in session " + rating.sessionId() + " is already stored with other content");
        }
        return true;
    }

    /** See {@link ResultsStore#saveSus}: ten links of the study's chain, one per item, in one INSERT. */
    static boolean saveSus(DSLContext ctx, SusRecord sus) {
        for (int i = 0; i < 10; i++) {
            Integer answer = sus.answers().get(i);
            if (answer == null || answer < 1 || answer > 5) {
                throw new IllegalArgumentException("SUS item " + (i + 1) + " must be 1..5, got " + answer);
            }
        }
        SusRecord answers = new SusRecord(sus.sessionId(), sus.answers(), micros(sus.answeredAt()));
        try {
            return ctx.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                Sessions.Scope session = Sessions.requireScope(tx, answers.sessionId());
                if (susStored(tx, answers)) {
                    return false;
                }
                if (session.locked()) {
                    throw new StudyLockedException(session.study());
                }
                List<byte[]> canonical = new ArrayList<>(10);
                for (int i = 0; i < 10; i++) {
                    canonical.add(RecordHash.canonicalSusAnswer(session.study(), session.candidate(),
                            session.participant(), answers.sessionId(), i + 1, answers.answers().get(i),
                            answers.answeredAt()));
                }
                StudyChainsRecord head = EvidenceChain.lockHead(tx, session.study());
                if (susStored(tx, answers)) { // saved by another transaction while this one waited
                    return false;
                }
                EvidenceChain.requireUnlocked(tx, session.study());
                long chainNo = head.getLength();
                String hash = head.getHeadHash();
                var insert = tx.insertInto(SUS_ANSWERS, SUS_ANSWERS.SESSION_ID, SUS_ANSWERS.ITEM, SUS_ANSWERS.ANSWER,
                        SUS_ANSWERS.ANSWERED_AT, SUS_ANSWERS.STUDY_CODE, SUS_ANSWERS.CHAIN_NO, SUS_ANSWERS.RECORD_HASH);
                for (int i = 0; i < 10; i++) {
                    chainNo++;
                    hash = RecordHash.chain(hash, canonical.get(i));
                    insert = insert.values(answers.sessionId(), i + 1, answers.answers().get(i), answers.answeredAt(),
                            session.study(), chainNo, hash);
                }
                insert.execute();
                EvidenceChain.moveHead(tx, session.study(), chainNo, hash);
                return true;
            });
        } catch (DataAccessException e) {
            throw EvidenceChain.translate(e);
        }
    }

    /** Whether the session's SUS answers are stored already (a replay); fails if they are stored with others. */
    private static boolean susStored(DSLContext tx, SusRecord answers) {
        SusRecord stored = sus(tx, answers.sessionId());
        if (stored == null) {
            return false;
        }
        if (!stored.equals(answers)) {
            throw new RecordConflictException("the SUS answers of session " + answers.sessionId()
                    + " are already stored with other content");
        }
        return true;
    }

    /** The post-task ratings of a study's sessions. */
    static List<TaskRatingRecord> taskRatings(DSLContext ctx, String study) {
        return ctx.selectFrom(TASK_RATINGS)
                .where(TASK_RATINGS.STUDY_CODE.eq(study))
                .orderBy(TASK_RATINGS.ANSWERED_AT, TASK_RATINGS.SESSION_ID, TASK_RATINGS.TASK_ID)
                .fetch(Rows::toRating);
    }

    /** The SUS answers of a study's sessions. */
    static List<SusRecord> susAnswers(DSLContext ctx, String study) {
        Map<UUID, List<SusAnswersRecord>> bySession = new LinkedHashMap<>();
        ctx.selectFrom(SUS_ANSWERS)
                .where(SUS_ANSWERS.STUDY_CODE.eq(study))
                .orderBy(SUS_ANSWERS.ANSWERED_AT, SUS_ANSWERS.SESSION_ID, SUS_ANSWERS.ITEM)
                .forEach(r -> bySession.computeIfAbsent(r.getSessionId(), k -> new ArrayList<>()).add(r));
        List<SusRecord> out = new ArrayList<>();
        bySession.forEach((id, rows) -> {
            if (rows.size() == 10) {
                out.add(new SusRecord(id, rows.stream().map(SusAnswersRecord::getAnswer).toList(),
                        rows.get(0).getAnsweredAt()));
            }
        });
        return out;
    }

    /** The stored rating for this key, or null. */
    private static TaskRatingRecord taskRating(DSLContext tx, UUID session, String task, String instrument) {
        return tx.selectFrom(TASK_RATINGS)
                .where(TASK_RATINGS.SESSION_ID.eq(session), TASK_RATINGS.TASK_ID.eq(task),
                        TASK_RATINGS.INSTRUMENT.eq(instrument))
                .fetchOne(Rows::toRating);
    }

    /** The session's stored SUS answers, or null; fails if fewer or more than ten are stored. */
    private static SusRecord sus(DSLContext tx, UUID session) {
        List<SusAnswersRecord> rows = tx.selectFrom(SUS_ANSWERS).where(SUS_ANSWERS.SESSION_ID.eq(session))
                .orderBy(SUS_ANSWERS.ITEM).fetch();
        if (rows.isEmpty()) {
            return null;
        }
        List<Integer> answers = rows.stream().map(SusAnswersRecord::getAnswer).toList();
        if (answers.size() != 10) {
            throw new RecordConflictException("session " + session + " has " + answers.size() + " SUS answers stored");
        }
        return new SusRecord(session, answers, rows.get(0).getAnsweredAt());
    }
}
