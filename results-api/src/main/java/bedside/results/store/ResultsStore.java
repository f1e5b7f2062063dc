package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.results.ParticipantRecord;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskText;
import bedside.results.store.jooq.tables.records.AttemptsRecord;
import bedside.results.store.jooq.tables.records.EventsRecord;
import bedside.results.store.jooq.tables.records.RunsRecord;
import bedside.results.store.jooq.tables.records.SessionsRecord;
import bedside.results.store.jooq.tables.records.SuiteTasksRecord;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep6;
import org.jooq.JSONB;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static bedside.results.store.jooq.Tables.ATTEMPTS;
import static bedside.results.store.jooq.Tables.CANDIDATES;
import static bedside.results.store.jooq.Tables.EVENTS;
import static bedside.results.store.jooq.Tables.PARTICIPANTS;
import static bedside.results.store.jooq.Tables.RUNS;
import static bedside.results.store.jooq.Tables.SESSIONS;
import static bedside.results.store.jooq.Tables.STUDIES;
import static bedside.results.store.jooq.Tables.SUITE_TASKS;
import static bedside.results.store.jooq.Tables.SUITE_VERSIONS;

/**
 * Stores and reads studies, suite versions, runs, sessions, attempts and their events.
 *
 * <p>Everything a client makes an id for is stored <b>idempotently</b>: saving the same run, session or
 * attempt again (a retry, a replay from the local journal) changes nothing and duplicates nothing, and
 * stored evidence is never overwritten — a replay that carries different content for an id already stored
 * fails with {@link RecordConflictException}. The {@code ensure...} methods create what is missing and
 * leave what exists as it is.
 *
 * <p>Times are stored to the microsecond (PostgreSQL's precision); instants are truncated to it on the
 * way in. Event JSON is stored as {@code jsonb}, so it reads back in PostgreSQL's normal form (key order
 * and spacing may differ from the text saved).
 */
public final class ResultsStore {
    private static final Logger LOG = LoggerFactory.getLogger(ResultsStore.class);
    /** Rows per multi-row INSERT of events (6 bind values each, well under PostgreSQL's 32,767). */
    static final int EVENT_BATCH = 1_000;

    private final DSLContext dsl;

    public ResultsStore(Database database) {
        this(database.dsl());
    }

    public ResultsStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    // ------------------------------------------------------------------ studies, candidates, participants

    /** Creates the study if it does not exist; an existing study is left unchanged. */
    public void ensureStudy(String code, String title) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        dsl.insertInto(STUDIES)
                .set(STUDIES.STUDY_CODE, code)
                .set(STUDIES.TITLE, title)
                .onConflict(STUDIES.STUDY_CODE).doNothing()
                .execute();
    }

    /** Creates the candidate in the study if it does not exist; an existing one is left unchanged. */
    public void ensureCandidate(String study, String code, String displayName, String vendor) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(displayName, "displayName");
        requireStudy(dsl, study);
        dsl.insertInto(CANDIDATES)
                .set(CANDIDATES.STUDY_CODE, study)
                .set(CANDIDATES.CANDIDATE_CODE, code)
                .set(CANDIDATES.DISPLAY_NAME, displayName)
                .set(CANDIDATES.VENDOR, vendor)
                .onConflict(CANDIDATES.STUDY_CODE, CANDIDATES.CANDIDATE_CODE).doNothing()
                .execute();
    }

    /**
     * Creates the participant in the study if it does not exist; an existing one is left unchanged.
     * ({@link #startSession} creates participants it does not know with their code only.)
     */
    public void ensureParticipant(String study, ParticipantRecord participant) {
        requireStudy(dsl, study);
        dsl.insertInto(PARTICIPANTS)
                .set(PARTICIPANTS.STUDY_CODE, study)
                .set(PARTICIPANTS.PARTICIPANT_CODE, participant.code())
                .set(PARTICIPANTS.ROLE, participant.role())
                .set(PARTICIPANTS.YEARS_IN_ROLE, participant.yearsInRole())
                .set(PARTICIPANTS.EHR_EXPERIENCE_YEARS, participant.ehrExperienceYears())
                .set(PARTICIPANTS.EHR_SYSTEMS_USED, participant.ehrSystemsUsed())
                .onConflict(PARTICIPANTS.STUDY_CODE, PARTICIPANTS.PARTICIPANT_CODE).doNothing()
                .execute();
    }

    public Optional<ParticipantRecord> participant(String study, String code) {
        return dsl.selectFrom(PARTICIPANTS)
                .where(PARTICIPANTS.STUDY_CODE.eq(study), PARTICIPANTS.PARTICIPANT_CODE.eq(code))
                .fetchOptional(r -> new ParticipantRecord(r.getParticipantCode(), r.getRole(), r.getYearsInRole(),
                        r.getEhrExperienceYears(), r.getEhrSystemsUsed()));
    }

    // ------------------------------------------------------------------ suite versions

    /**
     * Stores a suite version and the exact text of its tasks, once per content hash: saving the same hash
     * again does nothing (and fails if its task list differs, which means the hash is wrong).
     */
    public void saveSuiteVersion(String suiteId, String version, String contentHash, String title, List<TaskText> tasks) {
        Objects.requireNonNull(suiteId, "suiteId");
        Objects.requireNonNull(contentHash, "contentHash");
        List<TaskText> taskList = List.copyOf(tasks);
        Set<String> ids = new HashSet<>();
        for (TaskText t : taskList) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("task " + t.id() + " appears twice in suite " + suiteId);
            }
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            int inserted = tx.insertInto(SUITE_VERSIONS)
                    .set(SUITE_VERSIONS.CONTENT_HASH, contentHash)
                    .set(SUITE_VERSIONS.SUITE_ID, suiteId)
                    .set(SUITE_VERSIONS.VERSION, version)
                    .set(SUITE_VERSIONS.TITLE, title)
                    .onConflict(SUITE_VERSIONS.CONTENT_HASH).doNothing()
                    .execute();
            if (inserted == 0) {
                List<TaskText> stored = suiteTasks(tx, contentHash);
                if (!stored.equals(taskList)) {
                    throw new RecordConflictException("suite version " + contentHash
                            + " is already stored with other tasks: the content hash does not match the content");
                }
                return;
            }
            List<SuiteTasksRecord> rows = new ArrayList<>();
            for (int i = 0; i < taskList.size(); i++) {
                TaskText t = taskList.get(i);
                rows.add(new SuiteTasksRecord()
                        .setSuiteHash(contentHash).setTaskId(t.id()).setPosition(i + 1)
                        .setTitle(t.title()).setInstruction(t.instruction()).setContentHash(t.contentHash()));
            }
            tx.batchInsert(rows).execute();
            LOG.debug("Stored suite {} {} ({}) with {} task(s)", suiteId, version, contentHash, rows.size());
        });
    }

    /** The tasks of a suite version in suite order, or an empty list if the hash is unknown. */
    public List<TaskText> suiteTasks(String contentHash) {
        return suiteTasks(dsl, contentHash);
    }

    private static List<TaskText> suiteTasks(DSLContext ctx, String contentHash) {
        return ctx.selectFrom(SUITE_TASKS)
                .where(SUITE_TASKS.SUITE_HASH.eq(contentHash))
                .orderBy(SUITE_TASKS.POSITION)
                .fetch(r -> new TaskText(r.getTaskId(), r.getTitle(), r.getInstruction(), r.getContentHash()));
    }

    // ------------------------------------------------------------------ runs and sessions

    /**
     * Records the start of a run. Idempotent by run id; the study and the suite version (by hash) must be
     * stored first.
     *
     * @throws StudyLockedException if the study is locked
     */
    public void startRun(RunRecord run) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            boolean locked = requireStudy(tx, run.study());
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
                RunRecord stored = tx.selectFrom(RUNS).where(RUNS.RUN_ID.eq(run.runId())).fetchOne(ResultsStore::toRun);
                if (stored == null || !sameStart(stored, run)) {
                    throw new RecordConflictException("run " + run.runId() + " is already stored with other content");
                }
            } else if (locked) {
                throw new StudyLockedException(run.study());
            }
        });
    }

    /** Records the end of a run; a run already finished keeps its first finish time. */
    public void finishRun(UUID runId, Instant finishedAt) {
        Objects.requireNonNull(finishedAt, "finishedAt");
        int updated = dsl.update(RUNS)
                .set(RUNS.FINISHED_AT, micros(finishedAt))
                .where(RUNS.RUN_ID.eq(runId), RUNS.FINISHED_AT.isNull())
                .execute();
        if (updated == 0 && !dsl.fetchExists(RUNS, RUNS.RUN_ID.eq(runId))) {
            throw new NoSuchElementException("unknown run " + runId);
        }
    }

    /**
     * Records the start of a session in a stored run. Idempotent by session id. The candidate must be in the
     * run's study; a participant the study does not know yet is added with its code only.
     */
    public void startSession(SessionRecord s) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Record3<String, String, Boolean> run = tx
                    .select(RUNS.STUDY_CODE, RUNS.SUITE_HASH, STUDIES.LOCKED)
                    .from(RUNS).join(STUDIES).on(STUDIES.STUDY_CODE.eq(RUNS.STUDY_CODE))
                    .where(RUNS.RUN_ID.eq(s.runId()))
                    .fetchOne();
            if (run == null) {
                throw new IllegalStateException("unknown run " + s.runId() + ": start the run before its sessions");
            }
            String study = run.value1();
            if (!tx.fetchExists(CANDIDATES, CANDIDATES.STUDY_CODE.eq(study), CANDIDATES.CANDIDATE_CODE.eq(s.candidate()))) {
                throw new IllegalStateException("unknown candidate " + s.candidate() + " in study " + study
                        + ": ensureCandidate first");
            }
            tx.insertInto(PARTICIPANTS)
                    .set(PARTICIPANTS.STUDY_CODE, study)
                    .set(PARTICIPANTS.PARTICIPANT_CODE, s.participant())
                    .onConflict(PARTICIPANTS.STUDY_CODE, PARTICIPANTS.PARTICIPANT_CODE).doNothing()
                    .execute();
            int inserted = tx.insertInto(SESSIONS)
                    .set(SESSIONS.SESSION_ID, s.sessionId())
                    .set(SESSIONS.RUN_ID, s.runId())
                    .set(SESSIONS.STUDY_CODE, study)
                    .set(SESSIONS.SUITE_HASH, run.value2())
                    .set(SESSIONS.CANDIDATE_CODE, s.candidate())
                    .set(SESSIONS.PARTICIPANT_CODE, s.participant())
                    .set(SESSIONS.STARTED_AT, micros(s.startedAt()))
                    .onConflict(SESSIONS.SESSION_ID).doNothing()
                    .execute();
            if (inserted == 0) {
                SessionRecord stored = session(tx, s.sessionId()).orElse(null);
                if (!normalized(s).equals(stored)) {
                    throw new RecordConflictException("session " + s.sessionId() + " is already stored with other content");
                }
            } else if (Boolean.TRUE.equals(run.value3())) {
                throw new StudyLockedException(study);
            }
        });
    }

    // ------------------------------------------------------------------ attempts and events

    /**
     * Stores an attempt and its events in one transaction. Idempotent by attempt id: if the attempt is
     * already stored with the same content nothing is written, events included (they were stored with it,
     * in the same transaction; a replay carrying a different number of events is logged and ignored); with
     * other content it fails. Events are inserted in multi-row batches, idempotent by (attempt id, seq).
     *
     * @return true if stored now, false if it was already stored
     * @throws RecordConflictException if the attempt id is stored with other content
     * @throws StudyLockedException    if the attempt is new and its study is locked
     */
    public boolean saveAttempt(AttemptRecord a, List<EventRecord> events) {
        Set<Long> seqs = new HashSet<>();
        for (EventRecord e : events) {
            if (!e.attemptId().equals(a.attemptId())) {
                throw new IllegalArgumentException("event " + e.seq() + " belongs to attempt " + e.attemptId()
                        + ", not " + a.attemptId());
            }
            if (!seqs.add(e.seq())) {
                throw new IllegalArgumentException("event seq " + e.seq() + " appears twice in attempt " + a.attemptId());
            }
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var session = tx
                    .select(SESSIONS.CANDIDATE_CODE, SESSIONS.PARTICIPANT_CODE, SESSIONS.SUITE_HASH,
                            SESSIONS.STUDY_CODE, STUDIES.LOCKED)
                    .from(SESSIONS).join(STUDIES).on(STUDIES.STUDY_CODE.eq(SESSIONS.STUDY_CODE))
                    .where(SESSIONS.SESSION_ID.eq(a.sessionId()))
                    .fetchOne();
            if (session == null) {
                throw new IllegalStateException("unknown session " + a.sessionId() + ": start the session first");
            }
            if (!session.value1().equals(a.candidate()) || !session.value2().equals(a.participant())) {
                throw new IllegalArgumentException("attempt " + a.attemptId() + " names candidate " + a.candidate()
                        + " and participant " + a.participant() + " but its session is " + session.value1()
                        + " / " + session.value2());
            }
            String suiteHash = session.value3();
            if (!tx.fetchExists(SUITE_TASKS, SUITE_TASKS.SUITE_HASH.eq(suiteHash), SUITE_TASKS.TASK_ID.eq(a.task()))) {
                throw new IllegalArgumentException("task " + a.task() + " is not in the suite version " + suiteHash
                        + " of the attempt's run");
            }
            int inserted = tx.insertInto(ATTEMPTS)
                    .set(toRecord(a, suiteHash))
                    .onConflict(ATTEMPTS.ATTEMPT_ID).doNothing()
                    .execute();
            if (inserted == 0) {
                AttemptRecord stored = attempt(tx, a.attemptId()).orElse(null);
                if (!normalized(a).equals(stored)) {
                    throw new RecordConflictException("attempt " + a.attemptId() + " is already stored with other content");
                }
                long storedEvents = tx.fetchCount(EVENTS, EVENTS.ATTEMPT_ID.eq(a.attemptId()));
                if (storedEvents != events.size()) {
                    LOG.warn("Attempt {} was already stored with {} event(s); the {} event(s) replayed now are ignored",
                            a.attemptId(), storedEvents, events.size());
                } else {
                    LOG.debug("Attempt {} was already stored: nothing to do", a.attemptId());
                }
                return false;
            }
            if (Boolean.TRUE.equals(session.value5())) {
                throw new StudyLockedException(session.value4());
            }
            insertEvents(tx, events);
            return true;
        });
    }

    private static void insertEvents(DSLContext tx, List<EventRecord> events) {
        for (int from = 0; from < events.size(); from += EVENT_BATCH) {
            List<EventRecord> chunk = events.subList(from, Math.min(events.size(), from + EVENT_BATCH));
            InsertValuesStep6<EventsRecord, UUID, Long, Double, String, String, JSONB> insert = tx
                    .insertInto(EVENTS, EVENTS.ATTEMPT_ID, EVENTS.SEQ, EVENTS.T_MS, EVENTS.TYPE, EVENTS.PAGE, EVENTS.JSON);
            for (EventRecord e : chunk) {
                insert = insert.values(e.attemptId(), e.seq(), e.tMs(), e.type(), e.page(), JSONB.jsonb(e.json()));
            }
            insert.onConflictDoNothing().execute();
        }
    }

    // ------------------------------------------------------------------ queries

    /** The runs of a study, oldest first. */
    public List<RunRecord> runs(String study) {
        return dsl.selectFrom(RUNS)
                .where(RUNS.STUDY_CODE.eq(study))
                .orderBy(RUNS.STARTED_AT, RUNS.RUN_ID)
                .fetch(ResultsStore::toRun);
    }

    public Optional<RunRecord> run(UUID runId) {
        return dsl.selectFrom(RUNS).where(RUNS.RUN_ID.eq(runId)).fetchOptional(ResultsStore::toRun);
    }

    public Optional<SessionRecord> session(UUID sessionId) {
        return session(dsl, sessionId);
    }

    private static Optional<SessionRecord> session(DSLContext ctx, UUID sessionId) {
        return ctx.selectFrom(SESSIONS).where(SESSIONS.SESSION_ID.eq(sessionId)).fetchOptional(ResultsStore::toSession);
    }

    /** The sessions of a run in the order they started. */
    public List<SessionRecord> sessionsOfRun(UUID runId) {
        return dsl.selectFrom(SESSIONS)
                .where(SESSIONS.RUN_ID.eq(runId))
                .orderBy(SESSIONS.STARTED_AT, SESSIONS.SESSION_ID)
                .fetch(ResultsStore::toSession);
    }

    public Optional<AttemptRecord> attempt(UUID attemptId) {
        return attempt(dsl, attemptId);
    }

    private static Optional<AttemptRecord> attempt(DSLContext ctx, UUID attemptId) {
        return ctx.selectFrom(ATTEMPTS).where(ATTEMPTS.ATTEMPT_ID.eq(attemptId)).fetchOptional(ResultsStore::toAttempt);
    }

    /** The attempts of all sessions of a run, in the order they started. */
    public List<AttemptRecord> attemptsOfRun(UUID runId) {
        return dsl.selectFrom(ATTEMPTS)
                .where(ATTEMPTS.SESSION_ID.in(DSL.select(SESSIONS.SESSION_ID).from(SESSIONS).where(SESSIONS.RUN_ID.eq(runId))))
                .orderBy(ATTEMPTS.STARTED_AT, ATTEMPTS.ATTEMPT_ID)
                .fetch(ResultsStore::toAttempt);
    }

    /** The events of an attempt in {@code seq} order. */
    public List<EventRecord> eventsOfAttempt(UUID attemptId) {
        return dsl.selectFrom(EVENTS)
                .where(EVENTS.ATTEMPT_ID.eq(attemptId))
                .orderBy(EVENTS.SEQ)
                .fetch(r -> new EventRecord(r.getAttemptId(), r.getSeq(), r.getTMs(), r.getType(), r.getPage(),
                        r.getJson().data()));
    }

    public long eventCount(UUID attemptId) {
        return dsl.fetchCount(EVENTS, EVENTS.ATTEMPT_ID.eq(attemptId));
    }

    // ------------------------------------------------------------------ mapping

    /** Returns whether the study is locked. */
    private static boolean requireStudy(DSLContext ctx, String study) {
        Objects.requireNonNull(study, "study");
        Boolean locked = ctx.select(STUDIES.LOCKED).from(STUDIES).where(STUDIES.STUDY_CODE.eq(study))
                .fetchOne(STUDIES.LOCKED);
        if (locked == null) {
            throw new IllegalStateException("unknown study " + study + ": ensureStudy first");
        }
        return locked;
    }

    static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean sameStart(RunRecord stored, RunRecord run) {
        return stored.runId().equals(run.runId())
                && stored.study().equals(run.study())
                && stored.suiteId().equals(run.suiteId())
                && Objects.equals(stored.suiteVersion(), run.suiteVersion())
                && stored.suiteHash().equals(run.suiteHash())
                && stored.kind().equals(run.kind())
                && stored.startedAt().equals(micros(run.startedAt()));
    }

    private static SessionRecord normalized(SessionRecord s) {
        return new SessionRecord(s.sessionId(), s.runId(), s.candidate(), s.participant(), micros(s.startedAt()));
    }

    private static AttemptRecord normalized(AttemptRecord a) {
        return new AttemptRecord(a.attemptId(), a.sessionId(), a.candidate(), a.task(), a.participant(), a.attemptNo(),
                a.outcome(), a.reason(), a.failedStep(), micros(a.startedAt()), a.timeMs(), a.clicks(), a.keystrokes(),
                a.screens(), a.pageLoads(), a.scrollPx(), a.dialogs(), a.validationErrors(), a.systemResponseMs(),
                a.klmMs());
    }

    private static RunRecord toRun(RunsRecord r) {
        return new RunRecord(r.getRunId(), r.getStudyCode(), r.getSuiteId(), r.getSuiteVersion(), r.getSuiteHash(),
                r.getKind(), r.getStartedAt(), r.getFinishedAt());
    }

    private static SessionRecord toSession(SessionsRecord r) {
        return new SessionRecord(r.getSessionId(), r.getRunId(), r.getCandidateCode(), r.getParticipantCode(),
                r.getStartedAt());
    }

    private static AttemptsRecord toRecord(AttemptRecord a, String suiteHash) {
        AttemptsRecord r = new AttemptsRecord()
                .setAttemptId(a.attemptId())
                .setSessionId(a.sessionId())
                .setCandidateCode(a.candidate())
                .setParticipantCode(a.participant())
                .setSuiteHash(suiteHash)
                .setTaskId(a.task())
                .setAttemptNo(a.attemptNo())
                .setOutcome(a.outcome().code())
                .setReason(a.reason())
                .setFailedStep(a.failedStep())
                .setStartedAt(micros(a.startedAt()))
                .setTimeMs(a.timeMs())
                .setClicks(a.clicks())
                .setKeystrokes(a.keystrokes())
                .setScreens(a.screens())
                .setPageLoads(a.pageLoads())
                .setScrollPx(a.scrollPx())
                .setDialogs(a.dialogs())
                .setValidationErrors(a.validationErrors())
                .setSystemResponseMs(a.systemResponseMs())
                .setKlmMs(a.klmMs());
        // Only the columns set above go into the INSERT: created_at and record_hash keep their defaults.
        return r;
    }

    private static AttemptRecord toAttempt(AttemptsRecord r) {
        return new AttemptRecord(r.getAttemptId(), r.getSessionId(), r.getCandidateCode(), r.getTaskId(),
                r.getParticipantCode(), r.getAttemptNo(), Outcome.fromCode(r.getOutcome()), r.getReason(),
                r.getFailedStep(), r.getStartedAt(), r.getTimeMs(), r.getClicks(), r.getKeystrokes(), r.getScreens(),
                r.getPageLoads(), r.getScrollPx(), r.getDialogs(), r.getValidationErrors(), r.getSystemResponseMs(),
                r.getKlmMs());
    }
}
