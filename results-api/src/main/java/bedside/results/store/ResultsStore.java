package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.AttemptQuery;
import bedside.results.AuditEntry;
import bedside.results.CandidateRecord;
import bedside.results.Page;
import bedside.results.StudyRecord;
import bedside.results.SusRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.VerifyReport;
import bedside.results.store.jooq.tables.records.StudiesRecord;
import bedside.results.store.jooq.tables.records.SusAnswersRecord;
import bedside.results.store.jooq.tables.records.TaskRatingsRecord;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jooq.Condition;
import java.util.LinkedHashMap;
import java.util.Map;
import static bedside.results.store.jooq.Tables.AUDIT_LOG;
import static bedside.results.store.jooq.Tables.SUS_ANSWERS;
import static bedside.results.store.jooq.Tables.TASK_RATINGS;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.results.ParticipantRecord;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskText;
import bedside.results.store.jooq.tables.records.AttemptsRecord;
import bedside.results.store.jooq.tables.records.RunsRecord;
import bedside.results.store.jooq.tables.records.SessionsRecord;
import bedside.results.store.jooq.tables.records.StudyChainsRecord;
import bedside.results.store.jooq.tables.records.SuiteTasksRecord;
import org.jooq.DSLContext;
import java.sql.PreparedStatement;
import org.jooq.JSONB;
import org.jooq.Record3;
import org.jooq.exception.DataAccessException;
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
import static bedside.results.store.jooq.Tables.STUDY_CHAINS;
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
    /** Events per INSERT (each binds six arrays of this length). */
    static final int EVENT_BATCH = 5_000;

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
        try {
            insertCandidate(study, code, displayName, vendor);
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    private void insertCandidate(String study, String code, String displayName, String vendor) {
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
        try {
            insertParticipant(study, participant);
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    private void insertParticipant(String study, ParticipantRecord participant) {
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
            if (locked) {
                RunRecord stored = tx.selectFrom(RUNS).where(RUNS.RUN_ID.eq(run.runId())).fetchOne(ResultsStore::toRun);
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
        int updated;
        try {
            updated = dsl.update(RUNS)
                    .set(RUNS.FINISHED_AT, micros(finishedAt))
                    .where(RUNS.RUN_ID.eq(runId), RUNS.FINISHED_AT.isNull())
                    .execute();
        } catch (DataAccessException e) {
            throw translate(e);
        }
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
            if (Boolean.TRUE.equals(run.value3())) {
                SessionRecord stored = session(tx, s.sessionId()).orElse(null);
                if (stored == null) {
                    throw new StudyLockedException(study);
                }
                if (!normalized(s).equals(stored)) {
                    throw new RecordConflictException("session " + s.sessionId() + " is already stored with other content");
                }
                return;
            }
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
     * Stores an attempt and its events in one transaction, chained into the study's hash chain (see
     * {@link RecordHash}): the attempt's {@code record_hash} is computed from the previous attempt's hash in the
     * study and the canonical form of this attempt and its events, before the insert, while the study's chain
     * head is locked. Idempotent by attempt id: if the attempt is already stored with the same content nothing
     * is written, events included (they were stored with it, in the same transaction; a replay carrying a
     * different number of events is logged and ignored); with other content it fails. Events are inserted in
     * multi-row batches.
     *
     * @return true if stored now, false if it was already stored
     * @throws RecordConflictException if the attempt id is stored with other content
     * @throws StudyLockedException    if the attempt is new and its study is locked
     * @throws IllegalArgumentException if an event's JSON is not valid, or the attempt disagrees with its session
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
        try {
            return dsl.transactionResult(cfg -> saveAttempt(cfg.dsl(), a, events));
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    private static boolean saveAttempt(DSLContext tx, AttemptRecord a, List<EventRecord> events) {
        var session = tx
                .select(SESSIONS.CANDIDATE_CODE, SESSIONS.PARTICIPANT_CODE, SESSIONS.SUITE_HASH, SESSIONS.STUDY_CODE)
                .from(SESSIONS)
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
        String study = session.value4();
        if (!tx.fetchExists(SUITE_TASKS, SUITE_TASKS.SUITE_HASH.eq(suiteHash), SUITE_TASKS.TASK_ID.eq(a.task()))) {
            throw new IllegalArgumentException("task " + a.task() + " is not in the suite version " + suiteHash
                    + " of the attempt's run");
        }
        if (alreadyStored(tx, a, events)) {
            return false;
        }
        // The canonical form first: it also checks every event's JSON before anything is written.
        byte[] canonical = RecordHash.canonical(study, suiteHash, normalized(a), events);
        // Lock the study's chain head: attempts of one study are chained one at a time, and a lock waits.
        tx.insertInto(STUDY_CHAINS).set(STUDY_CHAINS.STUDY_CODE, study).onConflictDoNothing().execute();
        StudyChainsRecord head = tx.selectFrom(STUDY_CHAINS).where(STUDY_CHAINS.STUDY_CODE.eq(study)).forUpdate().fetchOne();
        if (alreadyStored(tx, a, events)) { // saved by another transaction while this one waited
            return false;
        }
        if (Boolean.TRUE.equals(tx.select(STUDIES.LOCKED).from(STUDIES).where(STUDIES.STUDY_CODE.eq(study))
                .fetchOne(STUDIES.LOCKED))) {
            throw new StudyLockedException(study);
        }
        long chainNo = head.getLength() + 1;
        String hash = RecordHash.chain(head.getHeadHash(), canonical);
        tx.insertInto(ATTEMPTS)
                .set(toRecord(a, suiteHash).setStudyCode(study).setChainNo(chainNo).setRecordHash(hash))
                .execute();
        insertEvents(tx, events);
        tx.update(STUDY_CHAINS)
                .set(STUDY_CHAINS.LENGTH, chainNo)
                .set(STUDY_CHAINS.HEAD_HASH, hash)
                .where(STUDY_CHAINS.STUDY_CODE.eq(study))
                .execute();
        return true;
    }

    /** Whether the attempt is stored already (a replay); fails if it is stored with other content. */
    private static boolean alreadyStored(DSLContext tx, AttemptRecord a, List<EventRecord> events) {
        AttemptRecord stored = attempt(tx, a.attemptId()).orElse(null);
        if (stored == null) {
            return false;
        }
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
        return true;
    }

    /**
     * Inserts events in chunks, each one statement binding six arrays ({@code INSERT ... SELECT FROM unnest(...)}):
     * six bind values per chunk however many rows, which PostgreSQL plans once and parses fast.
     */
    private static void insertEvents(DSLContext tx, List<EventRecord> events) {
        if (events.isEmpty()) {
            return;
        }
        tx.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (attempt_id, seq, t_ms, type, page, json) "
                    + "SELECT a, s, t, ty, p, j::jsonb FROM unnest(?::uuid[], ?::int8[], ?::float8[], ?::text[], "
                    + "?::text[], ?::text[]) AS u(a, s, t, ty, p, j)")) {
                for (int from = 0; from < events.size(); from += EVENT_BATCH) {
                    List<EventRecord> chunk = events.subList(from, Math.min(events.size(), from + EVENT_BATCH));
                    int n = chunk.size();
                    UUID[] ids = new UUID[n];
                    Long[] seqs = new Long[n];
                    Double[] times = new Double[n];
                    String[] types = new String[n];
                    String[] pages = new String[n];
                    String[] json = new String[n];
                    for (int i = 0; i < n; i++) {
                        EventRecord e = chunk.get(i);
                        ids[i] = e.attemptId();
                        seqs[i] = e.seq();
                        times[i] = e.tMs();
                        types[i] = e.type();
                        pages[i] = e.page();
                        json[i] = e.json();
                    }
                    ps.setArray(1, c.createArrayOf("uuid", ids));
                    ps.setArray(2, c.createArrayOf("int8", seqs));
                    ps.setArray(3, c.createArrayOf("float8", times));
                    ps.setArray(4, c.createArrayOf("text", types));
                    ps.setArray(5, c.createArrayOf("text", pages));
                    ps.setArray(6, c.createArrayOf("text", json));
                    ps.executeUpdate();
                }
            }
        });
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

    // ------------------------------------------------------------------ studies, candidates, sessions (reading)

    /** Every study, by code. */
    public List<StudyRecord> studies() {
        return dsl.selectFrom(STUDIES).orderBy(STUDIES.STUDY_CODE).fetch(ResultsStore::toStudy);
    }

    public Optional<StudyRecord> study(String code) {
        return dsl.selectFrom(STUDIES).where(STUDIES.STUDY_CODE.eq(code)).fetchOptional(ResultsStore::toStudy);
    }

    /** The candidates of a study, by code. */
    public List<CandidateRecord> candidates(String study) {
        return dsl.selectFrom(CANDIDATES).where(CANDIDATES.STUDY_CODE.eq(study)).orderBy(CANDIDATES.CANDIDATE_CODE)
                .fetch(r -> new CandidateRecord(r.getCandidateCode(), r.getDisplayName(), r.getVendor()));
    }

    public Optional<CandidateRecord> candidate(String study, String code) {
        return dsl.selectFrom(CANDIDATES)
                .where(CANDIDATES.STUDY_CODE.eq(study), CANDIDATES.CANDIDATE_CODE.eq(code))
                .fetchOptional(r -> new CandidateRecord(r.getCandidateCode(), r.getDisplayName(), r.getVendor()));
    }

    /** The participants of a study, by code. */
    public List<ParticipantRecord> participants(String study) {
        return dsl.selectFrom(PARTICIPANTS).where(PARTICIPANTS.STUDY_CODE.eq(study))
                .orderBy(PARTICIPANTS.PARTICIPANT_CODE)
                .fetch(r -> new ParticipantRecord(r.getParticipantCode(), r.getRole(), r.getYearsInRole(),
                        r.getEhrExperienceYears(), r.getEhrSystemsUsed()));
    }

    /** The sessions of a study in the order they started. */
    public List<SessionRecord> sessionsOfStudy(String study) {
        return dsl.selectFrom(SESSIONS).where(SESSIONS.STUDY_CODE.eq(study))
                .orderBy(SESSIONS.STARTED_AT, SESSIONS.SESSION_ID)
                .fetch(ResultsStore::toSession);
    }

    /** The study a session belongs to, if the session exists. */
    public Optional<String> studyOfSession(UUID sessionId) {
        return dsl.select(SESSIONS.STUDY_CODE).from(SESSIONS).where(SESSIONS.SESSION_ID.eq(sessionId))
                .fetchOptional(SESSIONS.STUDY_CODE);
    }

    /** The study a run belongs to, if the run exists. */
    public Optional<String> studyOfRun(UUID runId) {
        return dsl.select(RUNS.STUDY_CODE).from(RUNS).where(RUNS.RUN_ID.eq(runId)).fetchOptional(RUNS.STUDY_CODE);
    }

    /** An attempt of this study (empty if it does not exist or belongs to another study). */
    public Optional<AttemptRecord> attempt(String study, UUID attemptId) {
        return dsl.selectFrom(ATTEMPTS).where(ATTEMPTS.ATTEMPT_ID.eq(attemptId), ATTEMPTS.STUDY_CODE.eq(study))
                .fetchOptional(ResultsStore::toAttempt);
    }

    /** The stored record hash of an attempt (null for attempts stored before hashing). */
    public Optional<String> recordHash(UUID attemptId) {
        return dsl.select(ATTEMPTS.RECORD_HASH).from(ATTEMPTS).where(ATTEMPTS.ATTEMPT_ID.eq(attemptId))
                .fetchOptional(ATTEMPTS.RECORD_HASH);
    }

    /** A page of a study's attempts matching the query's filters, in the order they started. */
    public Page<AttemptRecord> attempts(AttemptQuery q) {
        List<Condition> where = new ArrayList<>();
        where.add(ATTEMPTS.STUDY_CODE.eq(q.study()));
        if (q.candidate() != null) {
            where.add(ATTEMPTS.CANDIDATE_CODE.eq(q.candidate()));
        }
        if (q.task() != null) {
            where.add(ATTEMPTS.TASK_ID.eq(q.task()));
        }
        if (q.participant() != null) {
            where.add(ATTEMPTS.PARTICIPANT_CODE.eq(q.participant()));
        }
        if (q.outcome() != null) {
            where.add(ATTEMPTS.OUTCOME.eq(q.outcome().code()));
        }
        long total = dsl.fetchCount(ATTEMPTS, where);
        List<AttemptRecord> items = dsl.selectFrom(ATTEMPTS).where(where)
                .orderBy(ATTEMPTS.STARTED_AT, ATTEMPTS.ATTEMPT_ID)
                .limit(q.limit()).offset(q.offset())
                .fetch(ResultsStore::toAttempt);
        return new Page<>(items, total, q.limit(), q.offset());
    }

    /** Every attempt of a study (of one candidate, if given), in the order they started. */
    public List<AttemptRecord> attemptsOfStudy(String study, String candidate) {
        return dsl.selectFrom(ATTEMPTS)
                .where(ATTEMPTS.STUDY_CODE.eq(study), candidate == null ? DSL.noCondition()
                        : ATTEMPTS.CANDIDATE_CODE.eq(candidate))
                .orderBy(ATTEMPTS.STARTED_AT, ATTEMPTS.ATTEMPT_ID)
                .fetch(ResultsStore::toAttempt);
    }

    /** A page of an attempt's events in {@code seq} order. */
    public Page<EventRecord> eventsOfAttempt(UUID attemptId, int limit, long offset) {
        long total = dsl.fetchCount(EVENTS, EVENTS.ATTEMPT_ID.eq(attemptId));
        List<EventRecord> items = dsl.selectFrom(EVENTS)
                .where(EVENTS.ATTEMPT_ID.eq(attemptId))
                .orderBy(EVENTS.SEQ)
                .limit(limit).offset(offset)
                .fetch(r -> new EventRecord(r.getAttemptId(), r.getSeq(), r.getTMs(), r.getType(), r.getPage(),
                        r.getJson().data()));
        return new Page<>(items, total, limit, offset);
    }

    // ------------------------------------------------------------------ questionnaires

    /**
     * Stores a post-task rating. Idempotent by (session, task, instrument); other content for the same key fails.
     *
     * @return true if stored now, false if it was already stored
     */
    public boolean saveTaskRating(TaskRatingRecord r) {
        if (r.scaleMin() >= r.scaleMax() || r.rating() < r.scaleMin() || r.rating() > r.scaleMax()) {
            throw new IllegalArgumentException("rating " + r.rating() + " is not on the scale " + r.scaleMin() + ".."
                    + r.scaleMax());
        }
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                var session = requireSession(tx, r.sessionId());
                if (!tx.fetchExists(SUITE_TASKS, SUITE_TASKS.SUITE_HASH.eq(session.value2()),
                        SUITE_TASKS.TASK_ID.eq(r.task()))) {
                    throw new IllegalArgumentException("task " + r.task() + " is not in the suite of session "
                            + r.sessionId());
                }
                TaskRatingRecord stored = taskRating(tx, r.sessionId(), r.task(), r.instrument());
                if (stored != null) {
                    if (!stored.equals(normalized(r))) {
                        throw new RecordConflictException("the " + r.instrument() + " rating of task " + r.task()
                                + " in session " + r.sessionId() + " is already stored with other content");
                    }
                    return false;
                }
                if (session.value3()) {
                    throw new StudyLockedException(session.value1());
                }
                tx.insertInto(TASK_RATINGS)
                        .set(TASK_RATINGS.SESSION_ID, r.sessionId())
                        .set(TASK_RATINGS.TASK_ID, r.task())
                        .set(TASK_RATINGS.INSTRUMENT, r.instrument())
                        .set(TASK_RATINGS.RATING, r.rating())
                        .set(TASK_RATINGS.SCALE_MIN, r.scaleMin())
                        .set(TASK_RATINGS.SCALE_MAX, r.scaleMax())
                        .set(TASK_RATINGS.COMMENT, r.comment())
                        .set(TASK_RATINGS.ANSWERED_AT, micros(r.answeredAt()))
                        .execute();
                return true;
            });
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    /**
     * Stores a session's ten SUS answers. Idempotent by session; other answers for the same session fail.
     *
     * @return true if stored now, false if it was already stored
     */
    public boolean saveSus(SusRecord sus) {
        for (int i = 0; i < 10; i++) {
            Integer answer = sus.answers().get(i);
            if (answer == null || answer < 1 || answer > 5) {
                throw new IllegalArgumentException("SUS item " + (i + 1) + " must be 1..5, got " + answer);
            }
        }
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                var session = requireSession(tx, sus.sessionId());
                SusRecord stored = sus(tx, sus.sessionId());
                if (stored != null) {
                    if (!stored.equals(new SusRecord(sus.sessionId(), sus.answers(), micros(sus.answeredAt())))) {
                        throw new RecordConflictException("the SUS answers of session " + sus.sessionId()
                                + " are already stored with other content");
                    }
                    return false;
                }
                if (session.value3()) {
                    throw new StudyLockedException(session.value1());
                }
                var insert = tx.insertInto(SUS_ANSWERS, SUS_ANSWERS.SESSION_ID, SUS_ANSWERS.ITEM, SUS_ANSWERS.ANSWER,
                        SUS_ANSWERS.ANSWERED_AT);
                for (int i = 0; i < 10; i++) {
                    insert = insert.values(sus.sessionId(), i + 1, sus.answers().get(i), micros(sus.answeredAt()));
                }
                insert.execute();
                return true;
            });
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    /** The post-task ratings of a study's sessions. */
    public List<TaskRatingRecord> taskRatings(String study) {
        return dsl.selectFrom(TASK_RATINGS)
                .where(TASK_RATINGS.SESSION_ID.in(DSL.select(SESSIONS.SESSION_ID).from(SESSIONS)
                        .where(SESSIONS.STUDY_CODE.eq(study))))
                .orderBy(TASK_RATINGS.ANSWERED_AT, TASK_RATINGS.SESSION_ID, TASK_RATINGS.TASK_ID)
                .fetch(ResultsStore::toRating);
    }

    /** The SUS answers of a study's sessions. */
    public List<SusRecord> susAnswers(String study) {
        Map<UUID, List<SusAnswersRecord>> bySession = new LinkedHashMap<>();
        dsl.selectFrom(SUS_ANSWERS)
                .where(SUS_ANSWERS.SESSION_ID.in(DSL.select(SESSIONS.SESSION_ID).from(SESSIONS)
                        .where(SESSIONS.STUDY_CODE.eq(study))))
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

    private static Record3<String, String, Boolean> requireSession(DSLContext tx, UUID sessionId) {
        var session = tx.select(SESSIONS.STUDY_CODE, SESSIONS.SUITE_HASH, STUDIES.LOCKED)
                .from(SESSIONS).join(STUDIES).on(STUDIES.STUDY_CODE.eq(SESSIONS.STUDY_CODE))
                .where(SESSIONS.SESSION_ID.eq(sessionId))
                .fetchOne();
        if (session == null) {
            throw new IllegalStateException("unknown session " + sessionId);
        }
        return session;
    }

    private static TaskRatingRecord taskRating(DSLContext tx, UUID session, String task, String instrument) {
        return tx.selectFrom(TASK_RATINGS)
                .where(TASK_RATINGS.SESSION_ID.eq(session), TASK_RATINGS.TASK_ID.eq(task),
                        TASK_RATINGS.INSTRUMENT.eq(instrument))
                .fetchOne(ResultsStore::toRating);
    }

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

    private static TaskRatingRecord normalized(TaskRatingRecord r) {
        return new TaskRatingRecord(r.sessionId(), r.task(), r.instrument(), r.rating(), r.scaleMin(), r.scaleMax(),
                r.comment(), micros(r.answeredAt()));
    }

    private static TaskRatingRecord toRating(TaskRatingsRecord r) {
        return new TaskRatingRecord(r.getSessionId(), r.getTaskId(), r.getInstrument(), r.getRating(),
                r.getScaleMin(), r.getScaleMax(), r.getComment(), r.getAnsweredAt());
    }

    // ------------------------------------------------------------------ locking and tamper evidence

    /**
     * Locks a study: its evidence becomes final. From then on nothing of it can be added, changed or removed
     * by any path (the database refuses it, SQLSTATE {@code BL001}); replays of what is stored still succeed.
     * Waits for attempts being saved to finish. Locking a locked study changes nothing.
     *
     * @param actor who locks, for the audit log
     * @throws NoSuchElementException if the study does not exist
     */
    public StudyRecord lockStudy(String study, String actor) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            StudyRecord s = tx.selectFrom(STUDIES).where(STUDIES.STUDY_CODE.eq(study)).forUpdate()
                    .fetchOptional(ResultsStore::toStudy)
                    .orElseThrow(() -> new NoSuchElementException("unknown study " + study));
            if (s.locked()) {
                return s;
            }
            tx.insertInto(STUDY_CHAINS).set(STUDY_CHAINS.STUDY_CODE, study).onConflictDoNothing().execute();
            StudyChainsRecord head = tx.selectFrom(STUDY_CHAINS).where(STUDY_CHAINS.STUDY_CODE.eq(study))
                    .forUpdate().fetchOne();
            tx.update(STUDIES).set(STUDIES.LOCKED, true).set(STUDIES.LOCKED_AT, DSL.currentInstant())
                    .where(STUDIES.STUDY_CODE.eq(study)).execute();
            insertAudit(tx, actor, "study.lock", study, "study", study,
                    jsonObject("chainLength", head.getLength(), "headHash", head.getHeadHash()));
            return tx.selectFrom(STUDIES).where(STUDIES.STUDY_CODE.eq(study)).fetchOne(ResultsStore::toStudy);
        });
    }

    /**
     * Re-derives the study's chain of attempt hashes from the stored rows and compares it with the stored
     * hashes and the recorded head. Stops at the first attempt that no longer matches and names it.
     *
     * @throws NoSuchElementException if the study does not exist
     */
    public VerifyReport verify(String study) {
        // One read-only snapshot: attempts saved meanwhile neither show up half-way nor move the head under us.
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            return verify(tx, study);
        });
    }

    private static VerifyReport verify(DSLContext tx, String study) {
        StudyRecord s = tx.selectFrom(STUDIES).where(STUDIES.STUDY_CODE.eq(study)).fetchOptional(ResultsStore::toStudy)
                .orElseThrow(() -> new NoSuchElementException("unknown study " + study));
        StudyChainsRecord head = tx.selectFrom(STUDY_CHAINS).where(STUDY_CHAINS.STUDY_CODE.eq(study)).fetchOne();
        long headLength = head == null ? 0 : head.getLength();
        String headHash = head == null ? null : head.getHeadHash();
        String previous = RecordHash.GENESIS;
        long checked = 0;
        long events = 0;
        long expected = 1;
        List<AttemptsRecord> rows = tx.selectFrom(ATTEMPTS).where(ATTEMPTS.STUDY_CODE.eq(study))
                .orderBy(ATTEMPTS.CHAIN_NO.asc().nullsLast(), ATTEMPTS.STARTED_AT, ATTEMPTS.ATTEMPT_ID)
                .fetch();
        for (AttemptsRecord row : rows) {
            String where = "attempt " + row.getAttemptId() + " (chain #" + row.getChainNo() + ", task "
                    + row.getTaskId() + ", candidate " + row.getCandidateCode() + ", participant "
                    + row.getParticipantCode() + ")";
            if (row.getChainNo() == null || row.getRecordHash() == null) {
                return altered(s, checked, events, headHash, row, "attempt " + row.getAttemptId()
                        + " has no record hash: it was stored outside the chain");
            }
            if (row.getChainNo() != expected) {
                return altered(s, checked, events, headHash, row, "the chain is broken before " + where
                        + ": expected chain #" + expected + " (an attempt was removed or renumbered)");
            }
            List<EventRecord> ev = tx.selectFrom(EVENTS).where(EVENTS.ATTEMPT_ID.eq(row.getAttemptId()))
                    .orderBy(EVENTS.SEQ)
                    .fetch(r -> new EventRecord(r.getAttemptId(), r.getSeq(), r.getTMs(), r.getType(), r.getPage(),
                            r.getJson().data()));
            String derived;
            try {
                derived = RecordHash.chain(previous, RecordHash.canonical(row.getStudyCode(), row.getSuiteHash(),
                        toAttempt(row), ev));
            } catch (RuntimeException e) {
                derived = "unreadable: " + e.getMessage();
            }
            if (!derived.equals(row.getRecordHash())) {
                return altered(s, checked, events, headHash, row, where
                        + " was altered: its stored content, its events or its record hash no longer match");
            }
            previous = row.getRecordHash();
            checked++;
            events += ev.size();
            expected++;
        }
        if (checked != headLength || !Objects.equals(checked == 0 ? null : previous, headHash)) {
            return new VerifyReport(study, false, s.locked(), checked, events, headHash, null, checked + 1,
                    "the chain's recorded head (" + headLength + " attempt(s), " + headHash + ") does not match the "
                            + checked + " stored attempt(s): attempt(s) after chain #" + checked + " were removed");
        }
        return new VerifyReport(study, true, s.locked(), checked, events, headHash, null, null, null);
    }

    private static VerifyReport altered(StudyRecord s, long checked, long events, String headHash, AttemptsRecord row,
            String problem) {
        return new VerifyReport(s.code(), false, s.locked(), checked, events, headHash, row.getAttemptId(),
                row.getChainNo(), problem);
    }

    // ------------------------------------------------------------------ audit log

    /** Appends to the audit log. {@code details} is a JSON object or null. */
    public void audit(String actor, String action, String study, String entity, String entityId, String details) {
        insertAudit(dsl, actor, action, study, entity, entityId, details);
    }

    private static void insertAudit(DSLContext ctx, String actor, String action, String study, String entity,
            String entityId, String details) {
        ctx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR, Objects.requireNonNull(actor, "actor"))
                .set(AUDIT_LOG.ACTION, Objects.requireNonNull(action, "action"))
                .set(AUDIT_LOG.STUDY_CODE, study)
                .set(AUDIT_LOG.ENTITY, entity)
                .set(AUDIT_LOG.ENTITY_ID, entityId)
                .set(AUDIT_LOG.DETAILS, details == null ? null : JSONB.jsonb(details))
                .execute();
    }

    /** The audit log of a study (every study's if null), newest first. */
    public Page<AuditEntry> auditLog(String study, int limit, long offset) {
        Condition where = study == null ? DSL.noCondition() : AUDIT_LOG.STUDY_CODE.eq(study);
        long total = dsl.fetchCount(AUDIT_LOG, where);
        List<AuditEntry> items = dsl.selectFrom(AUDIT_LOG).where(where)
                .orderBy(AUDIT_LOG.ID.desc()).limit(limit).offset(offset)
                .fetch(r -> new AuditEntry(r.getId(), r.getAt(), r.getActor(), r.getAction(), r.getStudyCode(),
                        r.getEntity(), r.getEntityId(), r.getDetails() == null ? null : r.getDetails().data()));
        return new Page<>(items, total, limit, offset);
    }

    /** A JSON object from name/value pairs (nulls left out); values are strings, numbers or booleans. */
    static String jsonObject(Object... pairs) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            String k = (String) pairs[i];
            if (v == null) {
                continue;
            }
            if (v instanceof Number n) {
                node.put(k, n.longValue());
            } else if (v instanceof Boolean b) {
                node.put(k, b);
            } else {
                node.put(k, v.toString());
            }
        }
        return node.toString();
    }

    /** A database refusal because the study is locked becomes {@link StudyLockedException}. */
    static RuntimeException translate(DataAccessException e) {
        if (isLocked(e)) {
            String m = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("study (\\S+) is locked").matcher(m);
            return new StudyLockedException(matcher.find() ? matcher.group(1) : "?");
        }
        return e;
    }

    /** Whether the database refused a change because its study is locked (SQLSTATE BL001). */
    public static boolean isLocked(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql && "BL001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
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

    private static StudyRecord toStudy(StudiesRecord r) {
        return new StudyRecord(r.getStudyCode(), r.getTitle(), r.getLocked(), r.getLockedAt(), r.getCreatedAt());
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
