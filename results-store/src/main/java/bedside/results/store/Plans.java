package bedside.results.store;

import bedside.results.SessionRecord;
import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
import bedside.results.store.jooq.tables.records.StudiesRecord;
import bedside.results.store.jooq.tables.records.StudyChainsRecord;
import bedside.results.store.jooq.tables.records.StudyPlansRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static bedside.results.store.jooq.Tables.CANDIDATES;
import static bedside.results.store.jooq.Tables.PARTICIPANTS;
import static bedside.results.store.jooq.Tables.SESSIONS;
import static bedside.results.store.jooq.Tables.STUDY_PLANS;

/**
 * A study's plan ({@link StudyPlan}): saved (and replaced) while unlocked, then locked once — a link of the study's
 * evidence chain ({@link EvidenceChain}), in one transaction with the head, as a marker is — and the rules it sets for
 * the study's sessions ({@link #checkSession}).
 *
 * <p>Saving, locking and starting a session take the study's row first (saving and locking for update, a session
 * for share), so a plan is never locked while a session it would refuse is being stored, nor a session stored under a
 * plan being replaced.
 */
final class Plans {
    private Plans() {
    }

    /**
     * See {@link ResultsStore#savePlan}: the study's row, then its plan's, the new plan and its audit entry in one
     * transaction.
     */
    static StoredPlan save(DSLContext ctx, StudyPlan plan, String actor) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(actor, "actor");
        String study = plan.study();
        if (!plan.suite().hash().matches("(sha256:)?[0-9a-f]{64}")) {
            throw new IllegalArgumentException("the plan's suite hash must be a SHA-256 in lower-case hex (optionally "
                    + "prefixed sha256:), not " + plan.suite().hash());
        }
        String json = plan.canonicalJson();
        String hash = StudyPlan.hashOf(json);
        try {
            return ctx.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                StudiesRecord s = Studies.hold(tx, study, true);
                StudyPlansRecord stored = tx.selectFrom(STUDY_PLANS).where(STUDY_PLANS.STUDY_CODE.eq(study))
                        .forUpdate().fetchOne();
                if (stored != null && stored.getLockedAt() != null) {
                    throw new PlanLockedException(lockedMessage(stored) + ": it cannot change");
                }
                if (s.getLocked()) {
                    throw new StudyLockedException(study, "study " + study + " is locked (its evidence was closed at "
                            + s.getLockedAt() + "): its plan can no longer change");
                }
                requireCandidates(tx, plan);
                if (stored != null && stored.getPlanJson().equals(json)) {
                    return Rows.toPlan(stored); // the same plan again: nothing changes
                }
                tx.insertInto(STUDY_PLANS)
                        .set(STUDY_PLANS.STUDY_CODE, study)
                        .set(STUDY_PLANS.PLAN_JSON, json)
                        .set(STUDY_PLANS.PLAN_HASH, hash)
                        .set(STUDY_PLANS.SIMULATED, plan.simulated())
                        .set(STUDY_PLANS.SAVED_AT, DSL.currentInstant())
                        .set(STUDY_PLANS.SAVED_BY, actor)
                        .onConflict(STUDY_PLANS.STUDY_CODE).doUpdate()
                        .set(STUDY_PLANS.PLAN_JSON, json)
                        .set(STUDY_PLANS.PLAN_HASH, hash)
                        .set(STUDY_PLANS.SIMULATED, plan.simulated())
                        .set(STUDY_PLANS.SAVED_AT, DSL.currentInstant())
                        .set(STUDY_PLANS.SAVED_BY, actor)
                        .execute();
                AuditLog.append(tx, actor, stored == null ? "plan.save" : "plan.replace", study, "plan", hash,
                        AuditLog.jsonObject("planHash", hash, "simulated", plan.simulated(), "replaced",
                                stored == null ? null : stored.getPlanHash()));
                return find(tx, study).orElseThrow();
            });
        } catch (DataAccessException e) {
            throw EvidenceChain.translate(e);
        }
    }

    /**
     * Each candidate the plan compares is a candidate of the study. (Refused rather than added: a candidate made from
     * a plan would get its code as its display name, and the binding's own name could then never be stored.)
     */
    private static void requireCandidates(DSLContext tx, StudyPlan plan) {
        List<String> known = tx.select(CANDIDATES.CANDIDATE_CODE).from(CANDIDATES)
                .where(CANDIDATES.STUDY_CODE.eq(plan.study())).fetch(CANDIDATES.CANDIDATE_CODE);
        List<String> unknown = new ArrayList<>(plan.candidates());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the plan compares " + (unknown.size() == 1 ? "candidate " : "candidates ")
                    + String.join(", ", unknown) + ", which study " + plan.study() + " does not have: add "
                    + (unknown.size() == 1 ? "it" : "them") + " to the study first (its candidates: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        }
    }

    /**
     * See {@link ResultsStore#lockPlan}: the study's row, its plan's, its chain head, the lock and its audit entry in
     * one transaction.
     */
    static StoredPlan lock(DSLContext ctx, String study, String actor) {
        Objects.requireNonNull(actor, "actor");
        try {
            return ctx.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                StudiesRecord s = Studies.hold(tx, study, true);
                StudyPlansRecord plan = tx.selectFrom(STUDY_PLANS).where(STUDY_PLANS.STUDY_CODE.eq(study))
                        .forUpdate().fetchOne();
                if (plan == null) {
                    throw new NoPlanException(study);
                }
                if (plan.getLockedAt() != null) {
                    throw new PlanLockedException("the plan of study " + study + " is already locked ("
                            + plan.getPlanHash() + ") since " + plan.getLockedAt() + ": it was not locked again");
                }
                if (s.getLocked()) {
                    throw new StudyLockedException(study, "study " + study + " is locked (its evidence was closed at "
                            + s.getLockedAt() + "): its plan can no longer be locked");
                }
                if (!plan.getSimulated()) {
                    requireNoSimulatedData(tx, study);
                }
                StudyChainsRecord head = EvidenceChain.lockHead(tx, study);
                Instant lockedAt = Rows.micros(Instant.now());
                long chainNo = head.getLength() + 1;
                String hash = RecordHash.chain(head.getHeadHash(),
                        RecordHash.canonicalPlan(study, plan.getPlanHash(), lockedAt));
                tx.update(STUDY_PLANS)
                        .set(STUDY_PLANS.LOCKED_AT, lockedAt)
                        .set(STUDY_PLANS.CHAIN_NO, chainNo)
                        .set(STUDY_PLANS.RECORD_HASH, hash)
                        .where(STUDY_PLANS.STUDY_CODE.eq(study))
                        .execute();
                EvidenceChain.moveHead(tx, study, chainNo, hash);
                AuditLog.append(tx, actor, "plan.lock", study, "plan", plan.getPlanHash(),
                        AuditLog.jsonObject("planHash", plan.getPlanHash(), "simulated", plan.getSimulated(),
                                "chainNo", chainNo, "recordHash", hash));
                return find(tx, study).orElseThrow();
            });
        } catch (DataAccessException e) {
            throw EvidenceChain.translate(e);
        }
    }

    /** A real study's plan is never locked over simulated sessions or participants. */
    private static void requireNoSimulatedData(DSLContext tx, String study) {
        int sessions = tx.fetchCount(SESSIONS, SESSIONS.STUDY_CODE.eq(study), SESSIONS.SIMULATED.isTrue());
        if (sessions > 0) {
            throw new SimulatedDataException("study " + study + " holds " + sessions + " simulated session(s): a real "
                    + "study's plan cannot be locked over simulated data");
        }
        int participants = tx.fetchCount(PARTICIPANTS, PARTICIPANTS.STUDY_CODE.eq(study),
                PARTICIPANTS.SIMULATED.isTrue());
        if (participants > 0) {
            throw new SimulatedDataException("study " + study + " holds " + participants + " simulated participant(s): "
                    + "a real study's plan cannot be locked over simulated data");
        }
    }

    /** The study's plan, if it has one. */
    static Optional<StoredPlan> find(DSLContext ctx, String study) {
        return ctx.selectFrom(STUDY_PLANS).where(STUDY_PLANS.STUDY_CODE.eq(study)).fetchOptional(Rows::toPlan);
    }

    /**
     * The plan's rules for a new session of the study, run in {@link Sessions#start}'s transaction after it took the
     * study's row for share:
     * <ul>
     *   <li>simulated goes with simulated: a simulated session only under a simulated plan, a moderated participant's
     *       real session only under a real one (whether the plan is locked or not, pilots too);</li>
     *   <li>a moderated participant's session (one with a task order) that is not a pilot needs the plan locked;</li>
     *   <li>under a locked plan, a session that is not a pilot runs the plan's suite version, and a moderated one a
     *       candidate of the plan.</li>
     * </ul>
     * The scripted expert path (no task order) needs no plan: it is the optimal path, not a participant.
     *
     * @param suiteHash the suite version of the session's run
     */
    static void checkSession(DSLContext tx, String study, String suiteHash, SessionRecord s) {
        StudyPlansRecord plan = tx.selectFrom(STUDY_PLANS).where(STUDY_PLANS.STUDY_CODE.eq(study)).fetchOne();
        if (plan != null && s.simulated() && !plan.getSimulated()) {
            throw new SimulatedDataException("session " + s.sessionId() + " is simulated but study " + study
                    + "'s plan (" + plan.getPlanHash() + ") is real: a real study takes no simulated sessions");
        }
        if (plan != null && !s.simulated() && s.moderated() && plan.getSimulated()) {
            throw new SimulatedDataException("session " + s.sessionId() + " of participant " + s.participant()
                    + " is real but study " + study + "'s plan (" + plan.getPlanHash() + ") is simulated: a simulated "
                    + "study takes no real participants");
        }
        if (s.pilot()) {
            return;
        }
        boolean locked = plan != null && plan.getLockedAt() != null;
        if (s.moderated() && !locked) {
            throw new PlanNotLockedException(study);
        }
        if (!locked) {
            return;
        }
        StudyPlan p = Rows.toPlan(plan).plan();
        if (!hex(p.suite().hash()).equals(hex(suiteHash))) {
            throw new PlanMismatchException("suite " + sha256(suiteHash) + " is not the suite of study " + study
                    + "'s plan (" + sha256(p.suite().hash()) + ")");
        }
        if (s.moderated() && !p.candidates().contains(s.candidate())) {
            throw new PlanMismatchException("candidate " + s.candidate() + " is not a candidate of study " + study
                    + "'s plan (" + plan.getPlanHash() + "), which compares " + String.join(", ", p.candidates()));
        }
    }

    /** "the plan of study S is locked (sha256:…) since …" */
    private static String lockedMessage(StudyPlansRecord p) {
        return "the plan of study " + p.getStudyCode() + " is locked (" + p.getPlanHash() + ") since " + p.getLockedAt();
    }

    /** A suite hash without its optional {@code sha256:} prefix (suite hashes are stored either way). */
    private static String hex(String hash) {
        return hash.startsWith("sha256:") ? hash.substring(7) : hash;
    }

    /** A suite hash as messages write it, {@code sha256:…}. */
    private static String sha256(String hash) {
        return "sha256:" + hex(hash);
    }
}
