package bedside.results.store;

import bedside.results.CandidateRecord;
import bedside.results.StudyRecord;
import bedside.results.store.jooq.tables.records.StudiesRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static bedside.results.store.jooq.Tables.CANDIDATES;
import static bedside.results.store.jooq.Tables.STUDIES;

/** Studies and the candidates (systems under test) of each. Locking a study is {@link EvidenceChain}'s. */
final class Studies {
    private Studies() {
    }

    /** Creates the study if it does not exist; an existing study is left unchanged. */
    static void ensure(DSLContext ctx, String code, String title) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        ctx.insertInto(STUDIES)
                .set(STUDIES.STUDY_CODE, code)
                .set(STUDIES.TITLE, title)
                .onConflict(STUDIES.STUDY_CODE).doNothing()
                .execute();
    }

    /** Creates the candidate in the study if it does not exist; an existing one is left unchanged. */
    static void ensureCandidate(DSLContext ctx, String study, String code, String displayName, String vendor) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(displayName, "displayName");
        requireStudy(ctx, study);
        try {
            insertCandidate(ctx, study, code, displayName, vendor);
        } catch (DataAccessException e) {
            throw EvidenceChain.translate(e);
        }
    }

    private static void insertCandidate(DSLContext ctx, String study, String code, String displayName,
            String vendor) {
        ctx.insertInto(CANDIDATES)
                .set(CANDIDATES.STUDY_CODE, study)
                .set(CANDIDATES.CANDIDATE_CODE, code)
                .set(CANDIDATES.DISPLAY_NAME, displayName)
                .set(CANDIDATES.VENDOR, vendor)
                .onConflict(CANDIDATES.STUDY_CODE, CANDIDATES.CANDIDATE_CODE).doNothing()
                .execute();
    }

    /**
     * Fails if the study does not exist.
     *
     * @return whether the study is locked
     */
    static boolean requireStudy(DSLContext ctx, String study) {
        Objects.requireNonNull(study, "study");
        Boolean locked = ctx.select(STUDIES.LOCKED).from(STUDIES).where(STUDIES.STUDY_CODE.eq(study))
                .fetchOne(STUDIES.LOCKED);
        if (locked == null) {
            throw new IllegalStateException("unknown study " + study + ": ensureStudy first");
        }
        return locked;
    }

    /**
     * The study's row, held until the transaction ends: for no-key update (saving or locking its plan), else for share
     * (a session starting; see {@link Plans}). Fails if the study does not exist.
     */
    static StudiesRecord hold(DSLContext tx, String study, boolean forUpdate) {
        Objects.requireNonNull(study, "study");
        var select = tx.selectFrom(STUDIES).where(STUDIES.STUDY_CODE.eq(study));
        StudiesRecord s = forUpdate ? select.forNoKeyUpdate().fetchOne() : select.forShare().fetchOne();
        if (s == null) {
            throw new IllegalStateException("unknown study " + study + ": ensureStudy first");
        }
        return s;
    }

    /** Every study, by code. */
    static List<StudyRecord> all(DSLContext ctx) {
        return ctx.selectFrom(STUDIES).orderBy(STUDIES.STUDY_CODE).fetch(Rows::toStudy);
    }

    static Optional<StudyRecord> find(DSLContext ctx, String code) {
        return ctx.selectFrom(STUDIES).where(STUDIES.STUDY_CODE.eq(code)).fetchOptional(Rows::toStudy);
    }

    /** The candidates of a study, by code. */
    static List<CandidateRecord> candidates(DSLContext ctx, String study) {
        return ctx.selectFrom(CANDIDATES).where(CANDIDATES.STUDY_CODE.eq(study)).orderBy(CANDIDATES.CANDIDATE_CODE)
                .fetch(Rows::toCandidate);
    }

    static Optional<CandidateRecord> candidate(DSLContext ctx, String study, String code) {
        return ctx.selectFrom(CANDIDATES)
                .where(CANDIDATES.STUDY_CODE.eq(study), CANDIDATES.CANDIDATE_CODE.eq(code))
                .fetchOptional(Rows::toCandidate);
    }
}
