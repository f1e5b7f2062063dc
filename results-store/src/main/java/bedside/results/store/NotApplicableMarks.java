package bedside.results.store;

import bedside.results.NotApplicableRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.util.List;

import static bedside.results.store.jooq.Tables.NOT_APPLICABLE;

/** Tasks a candidate's binding marks as not applicable, per suite version (plan-like data, refused once locked). */
final class NotApplicableMarks {
    private NotApplicableMarks() {
    }

    /** Stores the marks; a mark already stored keeps its first reason (what the run that first used it said). */
    static void save(DSLContext ctx, String study, List<NotApplicableRecord> marks) {
        if (marks.isEmpty()) {
            return;
        }
        Studies.requireStudy(ctx, study);
        try {
            ctx.transaction(cfg -> {
                for (NotApplicableRecord m : marks) {
                    cfg.dsl().insertInto(NOT_APPLICABLE)
                            .set(NOT_APPLICABLE.STUDY_CODE, study)
                            .set(NOT_APPLICABLE.CANDIDATE_CODE, m.candidate())
                            .set(NOT_APPLICABLE.SUITE_HASH, m.suiteHash())
                            .set(NOT_APPLICABLE.TASK_ID, m.task())
                            .set(NOT_APPLICABLE.REASON, m.reason())
                            .onConflictDoNothing()
                            .execute();
                }
            });
        } catch (DataAccessException e) {
            RuntimeException t = EvidenceChain.translate(e);
            if (t == e && "23503".equals(e.sqlState())) {
                throw new IllegalArgumentException("a mark names a candidate the study does not have, or a task its "
                        + "suite version does not have");
            }
            throw t;
        }
    }

    /** The study's marks (one candidate's when given), oldest first. */
    static List<NotApplicableRecord> of(DSLContext ctx, String study, String candidate) {
        var where = NOT_APPLICABLE.STUDY_CODE.eq(study);
        if (candidate != null) {
            where = where.and(NOT_APPLICABLE.CANDIDATE_CODE.eq(candidate));
        }
        return ctx.selectFrom(NOT_APPLICABLE).where(where)
                .orderBy(NOT_APPLICABLE.RECORDED_AT, NOT_APPLICABLE.CANDIDATE_CODE, NOT_APPLICABLE.TASK_ID)
                .fetch(r -> new NotApplicableRecord(r.getCandidateCode(), r.getSuiteHash(), r.getTaskId(), r.getReason()));
    }
}
