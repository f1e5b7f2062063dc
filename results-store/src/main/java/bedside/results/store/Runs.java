package bedside.results.store;

import bedside.results.RunRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static bedside.results.store.Rows.micros;
import static bedside.results.store.jooq.Tables.RUNS;
import static bedside.results.store.jooq.Tables.SUITE_VERSIONS;

/** Runs of a suite version in a study: started idempotently by run id, finished once. */
final class Runs {
    private Runs() {
    }

    /** See {@link ResultsStore#startRun}: the study's lock, the suite version and the run in one transaction. */
    static void start(DSLContext ctx, RunRecord run) {
        ctx.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            boolean locked = Studies.requireStudy(tx, run.study());
            if (locked) {
                RunRecord stored = tx.selectFrom(RUNS).where(RUNS.RUN_ID.eq(run.runId())).fetchOne(Rows::toRun);
                if (stored == null) {
                    throw new StudyLockedException(run.study());
                }
                if (!sameStart(stored, run)) {
                    throw new RecordConflictException("run " + run.runId() + " is already stored with other content");
                }
                return;
            }
            if (!tx.fetchExists(SUITE_VERSIONS, SUITE_VERSIONS.CONTENT_HASH.eq(run.suiteHash()))) {
                throw new IllegalStateException("unknown suite version " + run.suiteHash()
                        + ": save the suite version before starting a run on it");
            }
            int inserted = tx.insertInto(RUNS)
                    .set(RUNS.RUN_ID, run.runId())
                    .set(RUNS.STUDY_CODE, run.study())
                    .set(RUNS.SUITE_ID, run.suiteId())
                    .set(RUNS.SUITE_VERSION, run.suiteVersion())
                    .set(RUNS.SUITE_HASH, run.suiteHash())
                    .set(RUNS.KIND, run.kind())
                    .set(RUNS.STARTED_AT, micros(run.startedAt()))
                    .set(RUNS.FINISHED_AT, micros(run.finishedAt()))
                    .onConflict(RUNS.RUN_ID).doNothing()
                    .execute();
            if (inserted == 0) {
                RunRecord stored = tx.selectFrom(RUNS).where(RUNS.RUN_ID.eq(run.runId())).fetchOne(Rows::toRun);
                if (stored == null || !sameStart(stored, run)) {
                    throw new RecordConflictException("run " + run.runId() + " is already stored with other content");
                }
            } else if (locked) {
                throw new StudyLockedException(run.study());
            }
        });
    }

    /** Records the end of a run; a run already finished keeps its first finish time. */
    static void finish(DSLContext ctx, UUID runId, Instant finishedAt) {
        Objects.requireNonNull(finishedAt, "finishedAt");
        int updated;
        try {
            updated = ctx.update(RUNS)
                    .set(RUNS.FINISHED_AT, micros(finishedAt))
                    .where(RUNS.RUN_ID.eq(runId), RUNS.FINISHED_AT.isNull())
                    .execute();
        } catch (DataAccessException e) {
            throw EvidenceChain.translate(e);
        }
        if (updated == 0 && !ctx.fetchExists(RUNS, RUNS.RUN_ID.eq(runId))) {
            throw new NoSuchElementException("unknown run " + runId);
        }
    }

    /** Whether a stored run has the start (everything but the finish time) of the run saved again. */
    private static boolean sameStart(RunRecord stored, RunRecord run) {
        return stored.runId().equals(run.runId())
                && stored.study().equals(run.study())
                && stored.suiteId().equals(run.suiteId())
                && Objects.equals(stored.suiteVersion(), run.suiteVersion())
                && stored.suiteHash().equals(run.suiteHash())
                && stored.kind().equals(run.kind())
                && stored.startedAt().equals(micros(run.startedAt()));
    }

    /** The runs of a study, oldest first. */
    static List<RunRecord> ofStudy(DSLContext ctx, String study) {
        return ctx.selectFrom(RUNS)
                .where(RUNS.STUDY_CODE.eq(study))
                .orderBy(RUNS.STARTED_AT, RUNS.RUN_ID)
                .fetch(Rows::toRun);
    }

    static Optional<RunRecord> find(DSLContext ctx, UUID runId) {
        return ctx.selectFrom(RUNS).where(RUNS.RUN_ID.eq(runId)).fetchOptional(Rows::toRun);
    }

    /** The study a run belongs to, if the run exists. */
    static Optional<String> studyOf(DSLContext ctx, UUID runId) {
        return ctx.select(RUNS.STUDY_CODE).from(RUNS).where(RUNS.RUN_ID.eq(runId)).fetchOptional(RUNS.STUDY_CODE);
    }
}
