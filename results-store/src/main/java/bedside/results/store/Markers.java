package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.MarkerRecord;
import bedside.results.store.jooq.tables.records.StudyChainsRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.util.List;
import java.util.UUID;

import static bedside.results.store.jooq.Tables.MARKERS;
import static bedside.results.store.jooq.Tables.SUITE_TASKS;

/**
 * Markers the moderator or an observer puts on a session (use errors, assists, notes), each saved idempotently in
 * one transaction that also appends it to its study's evidence chain ({@link EvidenceChain}), as a task rating is.
 */
final class Markers {
    static final List<String> BY = List.of("moderator", "observer");

    private Markers() {
    }

    /** See {@link ResultsStore#saveMarker}: one link of the study's chain. */
    static boolean save(DSLContext ctx, MarkerRecord m) {
        MarkerRecord marker = Rows.normalized(m);
        if (!BY.contains(marker.by())) {
            throw new IllegalArgumentException("a marker is made by the moderator or an observer, not " + marker.by());
        }
        if (marker.tMs() != null && !(Double.isFinite(marker.tMs()) && marker.tMs() >= 0)) {
            throw new IllegalArgumentException("a marker's tMs must be a finite number, 0 or more, got " + marker.tMs());
        }
        try {
            return ctx.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                Sessions.Scope session = Sessions.requireScope(tx, marker.sessionId());
                requireInSession(tx, marker, session);
                if (stored(tx, marker)) {
                    return false;
                }
                if (session.locked()) {
                    throw new StudyLockedException(session.study());
                }
                byte[] canonical = RecordHash.canonicalMarker(session.study(), session.candidate(),
                        session.participant(), marker);
                StudyChainsRecord head = EvidenceChain.lockHead(tx, session.study());
                if (stored(tx, marker)) { // saved by another transaction while this one waited
                    return false;
                }
                EvidenceChain.requireUnlocked(tx, session.study());
                long chainNo = head.getLength() + 1;
                String hash = RecordHash.chain(head.getHeadHash(), canonical);
                tx.insertInto(MARKERS)
                        .set(MARKERS.MARKER_ID, marker.markerId())
                        .set(MARKERS.SESSION_ID, marker.sessionId())
                        .set(MARKERS.ATTEMPT_ID, marker.attemptId())
                        .set(MARKERS.STUDY_CODE, session.study())
                        .set(MARKERS.TASK_ID, marker.task())
                        .set(MARKERS.KIND, marker.kind())
                        .set(MARKERS.T_MS, marker.tMs())
                        .set(MARKERS.NOTE, marker.note())
                        .set(MARKERS.MARKED_BY, marker.by())
                        .set(MARKERS.MARKED_AT, marker.at())
                        .set(MARKERS.CHAIN_NO, chainNo)
                        .set(MARKERS.RECORD_HASH, hash)
                        .execute();
                EvidenceChain.moveHead(tx, session.study(), chainNo, hash);
                return true;
            });
        } catch (DataAccessException e) {
            throw EvidenceChain.translate(e);
        }
    }

    /** The marker's attempt is one of its session's, and its task one of the session's suite (the attempt's, if both). */
    private static void requireInSession(DSLContext tx, MarkerRecord m, Sessions.Scope session) {
        if (m.attemptId() != null) {
            AttemptRecord a = Attempts.find(tx, m.attemptId()).orElse(null);
            if (a == null || !a.sessionId().equals(m.sessionId())) {
                throw new IllegalArgumentException("marker " + m.markerId() + " names attempt " + m.attemptId()
                        + ", which is not an attempt of session " + m.sessionId());
            }
            if (m.task() != null && !m.task().equals(a.task())) {
                throw new IllegalArgumentException("marker " + m.markerId() + " names task " + m.task()
                        + " but its attempt is of task " + a.task());
            }
        }
        if (m.task() != null && !tx.fetchExists(SUITE_TASKS, SUITE_TASKS.SUITE_HASH.eq(session.suiteHash()),
                SUITE_TASKS.TASK_ID.eq(m.task()))) {
            throw new IllegalArgumentException("task " + m.task() + " is not in the suite of session " + m.sessionId());
        }
    }

    /** Whether the marker is stored already (a replay); fails if it is stored with other content. */
    private static boolean stored(DSLContext tx, MarkerRecord m) {
        MarkerRecord stored = tx.selectFrom(MARKERS).where(MARKERS.MARKER_ID.eq(m.markerId())).fetchOne(Rows::toMarker);
        if (stored == null) {
            return false;
        }
        if (!stored.equals(m)) {
            throw new RecordConflictException("marker " + m.markerId() + " is already stored with other content");
        }
        return true;
    }

    /** The markers of a study, in the order they were marked. */
    static List<MarkerRecord> ofStudy(DSLContext ctx, String study) {
        return ctx.selectFrom(MARKERS).where(MARKERS.STUDY_CODE.eq(study))
                .orderBy(MARKERS.MARKED_AT, MARKERS.MARKER_ID)
                .fetch(Rows::toMarker);
    }

    /** The markers of a session, in the order they were marked. */
    static List<MarkerRecord> ofSession(DSLContext ctx, UUID sessionId) {
        return ctx.selectFrom(MARKERS).where(MARKERS.SESSION_ID.eq(sessionId))
                .orderBy(MARKERS.MARKED_AT, MARKERS.MARKER_ID)
                .fetch(Rows::toMarker);
    }
}
