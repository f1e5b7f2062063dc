package bedside.results.store;

import bedside.results.SessionRecord;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static bedside.results.store.Rows.micros;
import static bedside.results.store.Rows.normalized;
import static bedside.results.store.jooq.Tables.CANDIDATES;
import static bedside.results.store.jooq.Tables.PARTICIPANTS;
import static bedside.results.store.jooq.Tables.RUNS;
import static bedside.results.store.jooq.Tables.SESSIONS;
import static bedside.results.store.jooq.Tables.STUDIES;
import static bedside.results.store.jooq.Tables.SUITE_TASKS;

/**
 * Sessions (one participant on one candidate in a run): started idempotently by session id, and the scope of a
 * session (study, suite version, lock, candidate, participant) that the savers of attempts and questionnaire
 * answers check against.
 */
final class Sessions {
    private Sessions() {
    }

    /** A session's study, suite version, lock, candidate and participant. */
    record Scope(String study, String suiteHash, boolean locked, String candidate, String participant) {
    }

    /** A session's flags, which its attempts carry. */
    record Flags(boolean pilot, boolean simulated) {
    }

    /**
     * See {@link ResultsStore#startSession}: the run's study (held for share, see {@link Plans}), the candidate, the
     * plan's rules, the participant (added if new) and the session in one transaction. A replay of a stored session is
     * checked against it only: what the plan says now does not refuse a session stored before.
     */
    static void start(DSLContext ctx, SessionRecord s) {
        ctx.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Record2<String, String> run = tx.select(RUNS.STUDY_CODE, RUNS.SUITE_HASH).from(RUNS)
                    .where(RUNS.RUN_ID.eq(s.runId()))
                    .fetchOne();
            if (run == null) {
                throw new IllegalStateException("unknown run " + s.runId() + ": start the run before its sessions");
            }
            String study = run.value1();
            boolean locked = Studies.hold(tx, study, false).getLocked();
            SessionRecord stored = find(tx, s.sessionId()).orElse(null);
            if (stored != null) {
                if (!normalized(s).equals(stored)) {
                    throw new RecordConflictException("session " + s.sessionId() + " is already stored with other content");
                }
                return;
            }
            if (locked) {
                throw new StudyLockedException(study);
            }
            if (!tx.fetchExists(CANDIDATES, CANDIDATES.STUDY_CODE.eq(study), CANDIDATES.CANDIDATE_CODE.eq(s.candidate()))) {
                throw new IllegalStateException("unknown candidate " + s.candidate() + " in study " + study
                        + ": ensureCandidate first");
            }
            requireOrderInSuite(tx, s, run.value2());
            Plans.checkSession(tx, study, run.value2(), s);
            Participants.ensureCode(tx, study, s.participant(), s.simulated());
            boolean simulatedParticipant = tx.select(PARTICIPANTS.SIMULATED).from(PARTICIPANTS)
                    .where(PARTICIPANTS.STUDY_CODE.eq(study), PARTICIPANTS.PARTICIPANT_CODE.eq(s.participant()))
                    .fetchOne(PARTICIPANTS.SIMULATED);
            if (simulatedParticipant != s.simulated()) {
                throw new SimulatedDataException("session " + s.sessionId() + " is " + (s.simulated() ? "simulated"
                        : "real") + " but participant " + s.participant() + " of study " + study + " is "
                        + (simulatedParticipant ? "simulated" : "real") + ": a session is simulated exactly when its "
                        + "participant is");
            }
            int inserted = tx.insertInto(SESSIONS)
                    .set(SESSIONS.SESSION_ID, s.sessionId())
                    .set(SESSIONS.RUN_ID, s.runId())
                    .set(SESSIONS.STUDY_CODE, study)
                    .set(SESSIONS.SUITE_HASH, run.value2())
                    .set(SESSIONS.CANDIDATE_CODE, s.candidate())
                    .set(SESSIONS.PARTICIPANT_CODE, s.participant())
                    .set(SESSIONS.STARTED_AT, micros(s.startedAt()))
                    .set(SESSIONS.ORDER_MODE, s.order() == null ? null : s.order().mode())
                    .set(SESSIONS.ORDER_SEED, s.order() == null ? null : s.order().seed())
                    .set(SESSIONS.PARTICIPANT_INDEX, s.order() == null ? null : s.order().participantIndex())
                    .set(SESSIONS.TASK_ORDER, Rows.taskOrder(s.order()))
                    .set(SESSIONS.CANDIDATE_POSITION, s.order() == null ? null : s.order().candidatePosition())
                    .set(SESSIONS.PILOT, s.pilot())
                    .set(SESSIONS.SIMULATED, s.simulated())
                    .onConflict(SESSIONS.SESSION_ID).doNothing()
                    .execute();
            if (inserted == 0) { // stored by another transaction meanwhile
                if (!normalized(s).equals(find(tx, s.sessionId()).orElse(null))) {
                    throw new RecordConflictException("session " + s.sessionId() + " is already stored with other content");
                }
            }
        });
    }

    /** A session's task order names tasks of its run's suite version, each once. */
    private static void requireOrderInSuite(DSLContext tx, SessionRecord s, String suiteHash) {
        if (s.order() == null) {
            return;
        }
        List<String> tasks = s.order().tasks();
        if (new HashSet<>(tasks).size() != tasks.size()) {
            throw new IllegalArgumentException("the task order of session " + s.sessionId() + " names a task twice: "
                    + tasks);
        }
        Set<String> known = new HashSet<>(tx.select(SUITE_TASKS.TASK_ID).from(SUITE_TASKS)
                .where(SUITE_TASKS.SUITE_HASH.eq(suiteHash)).fetch(SUITE_TASKS.TASK_ID));
        for (String task : tasks) {
            if (!known.contains(task)) {
                throw new IllegalArgumentException("the task order of session " + s.sessionId() + " names task " + task
                        + ", which is not in the suite version " + suiteHash + " of its run");
            }
        }
    }

    /** The session's scope; fails if the session does not exist. */
    static Scope requireScope(DSLContext tx, UUID sessionId) {
        Scope session = tx.select(SESSIONS.STUDY_CODE, SESSIONS.SUITE_HASH, STUDIES.LOCKED,
                        SESSIONS.CANDIDATE_CODE, SESSIONS.PARTICIPANT_CODE)
                .from(SESSIONS).join(STUDIES).on(STUDIES.STUDY_CODE.eq(SESSIONS.STUDY_CODE))
                .where(SESSIONS.SESSION_ID.eq(sessionId))
                .fetchOne(r -> new Scope(r.value1(), r.value2(), Boolean.TRUE.equals(r.value3()), r.value4(),
                        r.value5()));
        if (session == null) {
            throw new IllegalStateException("unknown session " + sessionId);
        }
        return session;
    }

    /** The scopes of those of these sessions that exist, by session id; one query. */
    static Map<UUID, Scope> scopes(DSLContext tx, Collection<UUID> ids) {
        Map<UUID, Scope> out = new HashMap<>();
        tx.select(SESSIONS.SESSION_ID, SESSIONS.STUDY_CODE, SESSIONS.SUITE_HASH, STUDIES.LOCKED,
                        SESSIONS.CANDIDATE_CODE, SESSIONS.PARTICIPANT_CODE)
                .from(SESSIONS).join(STUDIES).on(STUDIES.STUDY_CODE.eq(SESSIONS.STUDY_CODE))
                .where(SESSIONS.SESSION_ID.eq(DSL.any(new HashSet<>(ids).toArray(new UUID[0]))))
                .forEach(r -> out.put(r.value1(), new Scope(r.value2(), r.value3(),
                        Boolean.TRUE.equals(r.value4()), r.value5(), r.value6())));
        return out;
    }

    /**
     * The flags of those of these sessions that exist, by session id; one query. (Apart from {@link #scopes}: the
     * questionnaires' and markers' savers, which read scopes, run on databases of any version since V3.)
     */
    static Map<UUID, Flags> flags(DSLContext tx, Collection<UUID> ids) {
        Map<UUID, Flags> out = new HashMap<>();
        tx.select(SESSIONS.SESSION_ID, SESSIONS.PILOT, SESSIONS.SIMULATED).from(SESSIONS)
                .where(SESSIONS.SESSION_ID.eq(DSL.any(new HashSet<>(ids).toArray(new UUID[0]))))
                .forEach(r -> out.put(r.value1(), new Flags(r.value2(), r.value3())));
        return out;
    }

    static Optional<SessionRecord> find(DSLContext ctx, UUID sessionId) {
        return ctx.selectFrom(SESSIONS).where(SESSIONS.SESSION_ID.eq(sessionId)).fetchOptional(Rows::toSession);
    }

    /** The sessions of a run in the order they started. */
    static List<SessionRecord> ofRun(DSLContext ctx, UUID runId) {
        return ctx.selectFrom(SESSIONS)
                .where(SESSIONS.RUN_ID.eq(runId))
                .orderBy(SESSIONS.STARTED_AT, SESSIONS.SESSION_ID)
                .fetch(Rows::toSession);
    }

    /** The sessions of a study in the order they started. */
    static List<SessionRecord> ofStudy(DSLContext ctx, String study) {
        return ctx.selectFrom(SESSIONS).where(SESSIONS.STUDY_CODE.eq(study))
                .orderBy(SESSIONS.STARTED_AT, SESSIONS.SESSION_ID)
                .fetch(Rows::toSession);
    }

    /** The study a session belongs to, if the session exists. */
    static Optional<String> studyOf(DSLContext ctx, UUID sessionId) {
        return ctx.select(SESSIONS.STUDY_CODE).from(SESSIONS).where(SESSIONS.SESSION_ID.eq(sessionId))
                .fetchOptional(SESSIONS.STUDY_CODE);
    }

    /** The studies of those of these sessions that exist, by session id; one query. */
    static Map<UUID, String> studiesOf(DSLContext ctx, Collection<UUID> sessionIds) {
        Map<UUID, String> out = new HashMap<>();
        if (!sessionIds.isEmpty()) {
            ctx.select(SESSIONS.SESSION_ID, SESSIONS.STUDY_CODE).from(SESSIONS)
                    .where(SESSIONS.SESSION_ID.eq(DSL.any(new HashSet<>(sessionIds).toArray(new UUID[0]))))
                    .forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
    }
}
