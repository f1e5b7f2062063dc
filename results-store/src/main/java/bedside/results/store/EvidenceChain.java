package bedside.results.store;

import bedside.results.StudyRecord;
import bedside.results.store.jooq.tables.records.StudyChainsRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static bedside.results.store.jooq.Tables.STUDIES;
import static bedside.results.store.jooq.Tables.STUDY_CHAINS;

/**
 * A study's evidence chain head and the lock that makes its evidence final. The savers of links (attempts, task
 * ratings, SUS answers, markers, the plan's lock) take the head here, inside their own transaction, and move it in the same transaction;
 * {@link #lockStudy} takes the same row, so it waits for them. The hashes themselves are {@link RecordHash}'s.
 */
final class EvidenceChain {
    private EvidenceChain() {
    }

    /**
     * Locks the study's chain head (made at length 0 if the study has none yet) until the transaction ends and
     * returns it: the links of one study (attempts, task ratings, SUS answers) are appended one transaction at a
     * time, and {@link #lockStudy} waits for them.
     */
    static StudyChainsRecord lockHead(DSLContext tx, String study) {
        tx.insertInto(STUDY_CHAINS).set(STUDY_CHAINS.STUDY_CODE, study).onConflictDoNothing().execute();
        return tx.selectFrom(STUDY_CHAINS).where(STUDY_CHAINS.STUDY_CODE.eq(study)).forUpdate().fetchOne();
    }

    static void moveHead(DSLContext tx, String study, long length, String hash) {
        tx.update(STUDY_CHAINS)
                .set(STUDY_CHAINS.LENGTH, length)
                .set(STUDY_CHAINS.HEAD_HASH, hash)
                .where(STUDY_CHAINS.STUDY_CODE.eq(study))
                .execute();
    }

    /** Re-reads the study's lock (after taking its chain head, which a lock also takes). */
    static void requireUnlocked(DSLContext tx, String study) {
        if (Boolean.TRUE.equals(tx.select(STUDIES.LOCKED).from(STUDIES).where(STUDIES.STUDY_CODE.eq(study))
                .fetchOne(STUDIES.LOCKED))) {
            throw new StudyLockedException(study);
        }
    }

    /** See {@link ResultsStore#lockStudy}: the study row, then its chain head, the lock and its audit entry. */
    static StudyRecord lockStudy(DSLContext ctx, String study, String actor) {
        return ctx.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            StudyRecord s = tx.selectFrom(STUDIES).where(STUDIES.STUDY_CODE.eq(study)).forUpdate()
                    .fetchOptional(Rows::toStudy)
                    .orElseThrow(() -> new NoSuchElementException("unknown study " + study));
            if (s.locked()) {
                return s;
            }
            tx.insertInto(STUDY_CHAINS).set(STUDY_CHAINS.STUDY_CODE, study).onConflictDoNothing().execute();
            StudyChainsRecord head = tx.selectFrom(STUDY_CHAINS).where(STUDY_CHAINS.STUDY_CODE.eq(study))
                    .forUpdate().fetchOne();
            tx.update(STUDIES).set(STUDIES.LOCKED, true).set(STUDIES.LOCKED_AT, DSL.currentInstant())
                    .where(STUDIES.STUDY_CODE.eq(study)).execute();
            // In the lock's transaction: the audit entry records the head the lock froze.
            AuditLog.append(tx, actor, "study.lock", study, "study", study,
                    AuditLog.jsonObject("chainLength", head.getLength(), "headHash", head.getHeadHash()));
            return tx.selectFrom(STUDIES).where(STUDIES.STUDY_CODE.eq(study)).fetchOne(Rows::toStudy);
        });
    }

    /**
     * A database refusal because the study is locked becomes {@link StudyLockedException}; because its plan is locked
     * (SQLSTATE BL003), {@link PlanLockedException} with the database's words.
     */
    static RuntimeException translate(DataAccessException e) {
        SQLException plan = sqlState(e, "BL003");
        if (plan != null) {
            String m = String.valueOf(plan.getMessage());
            m = m.startsWith("ERROR: ") ? m.substring(7) : m;
            int nl = m.indexOf('\n');
            return new PlanLockedException(nl < 0 ? m : m.substring(0, nl));
        }
        if (isLocked(e)) {
            String m = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            Matcher matcher = Pattern.compile("study (\\S+) is locked").matcher(m);
            return new StudyLockedException(matcher.find() ? matcher.group(1) : "?");
        }
        return e;
    }

    /** Whether the database refused a change because its study is locked (SQLSTATE BL001). */
    static boolean isLocked(Throwable t) {
        return sqlState(t, "BL001") != null;
    }

    /** Whether the database refused a change because the study's plan is locked (SQLSTATE BL003). */
    static boolean isPlanLocked(Throwable t) {
        return sqlState(t, "BL003") != null;
    }

    /** The exception in the chain of causes that carries this SQLSTATE, or null. */
    private static SQLException sqlState(Throwable t, String state) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return sql;
            }
        }
        return null;
    }
}
