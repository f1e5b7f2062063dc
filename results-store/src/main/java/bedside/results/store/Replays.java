package bedside.results.store;

import bedside.results.ReplayRecord;
import bedside.results.store.jooq.tables.records.StudyChainsRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.util.Optional;
import java.util.UUID;

import static bedside.results.store.jooq.Tables.ATTEMPTS;
import static bedside.results.store.jooq.Tables.ATTEMPT_REPLAYS;

/**
 * Attempts' DOM replays (V9): each saved idempotently, after its attempt, in one transaction that also appends it to
 * the attempt's study's evidence chain ({@link EvidenceChain}), as a marker is. Read only when asked for by attempt:
 * scores, reports and exports never touch them.
 */
final class Replays {
    private Replays() {
    }

    /** See {@link ResultsStore#saveReplay}: one link of the study's chain. */
    static boolean save(DSLContext ctx, ReplayRecord replay) {
        byte[] gzip = replay.gzip();
        String sha = replay.sha256();
        try {
            return ctx.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                String study = tx.select(ATTEMPTS.STUDY_CODE).from(ATTEMPTS)
                        .where(ATTEMPTS.ATTEMPT_ID.eq(replay.attemptId())).fetchOptional(ATTEMPTS.STUDY_CODE)
                        .orElseThrow(() -> new IllegalStateException("no attempt " + replay.attemptId()
                                + ": store the attempt before its replay"));
                if (stored(tx, replay.attemptId(), sha)) {
                    return false;
                }
                StudyChainsRecord head = EvidenceChain.lockHead(tx, study);
                if (stored(tx, replay.attemptId(), sha)) { // saved by another transaction while this one waited
                    return false;
                }
                EvidenceChain.requireUnlocked(tx, study);
                long chainNo = head.getLength() + 1;
                String hash = RecordHash.chain(head.getHeadHash(),
                        RecordHash.canonicalReplay(study, replay.attemptId(), sha, gzip.length));
                tx.insertInto(ATTEMPT_REPLAYS)
                        .set(ATTEMPT_REPLAYS.ATTEMPT_ID, replay.attemptId())
                        .set(ATTEMPT_REPLAYS.STUDY_CODE, study)
                        .set(ATTEMPT_REPLAYS.GZIP, gzip)
                        .set(ATTEMPT_REPLAYS.SHA256, sha)
                        .set(ATTEMPT_REPLAYS.SIZE_BYTES, gzip.length)
                        .set(ATTEMPT_REPLAYS.CHAIN_NO, chainNo)
                        .set(ATTEMPT_REPLAYS.RECORD_HASH, hash)
                        .execute();
                EvidenceChain.moveHead(tx, study, chainNo, hash);
                return true;
            });
        } catch (DataAccessException e) {
            throw EvidenceChain.translate(e);
        }
    }

    /** Whether the attempt's replay is stored already (a replay of the upload); fails if with other bytes. */
    private static boolean stored(DSLContext tx, UUID attemptId, String sha) {
        String stored = tx.select(ATTEMPT_REPLAYS.SHA256).from(ATTEMPT_REPLAYS)
                .where(ATTEMPT_REPLAYS.ATTEMPT_ID.eq(attemptId)).fetchOne(ATTEMPT_REPLAYS.SHA256);
        if (stored == null) {
            return false;
        }
        if (!stored.equals(sha)) {
            throw new RecordConflictException("the replay of attempt " + attemptId + " is already stored with other "
                    + "content (sha256 " + stored + ")");
        }
        return true;
    }

    /** The attempt's replay as stored, if it has one. */
    static Optional<ReplayRecord> of(DSLContext ctx, UUID attemptId) {
        return ctx.select(ATTEMPT_REPLAYS.GZIP).from(ATTEMPT_REPLAYS).where(ATTEMPT_REPLAYS.ATTEMPT_ID.eq(attemptId))
                .fetchOptional(r -> new ReplayRecord(attemptId, r.value1()));
    }

    /** The compressed sizes of a study's replays, by attempt (for the benchmarks: no bytes are read). */
    static java.util.Map<UUID, Integer> sizes(DSLContext ctx, String study) {
        return ctx.select(ATTEMPT_REPLAYS.ATTEMPT_ID, ATTEMPT_REPLAYS.SIZE_BYTES).from(ATTEMPT_REPLAYS)
                .where(ATTEMPT_REPLAYS.STUDY_CODE.eq(study)).fetchMap(ATTEMPT_REPLAYS.ATTEMPT_ID,
                        ATTEMPT_REPLAYS.SIZE_BYTES);
    }
}
