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
import org.jooq.Field;
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
import java.util.HashMap;
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
    /** Attempts per INSERT of a batch (24 bind values each; PostgreSQL takes at most 65,535 per statement). */
    static final int ATTEMPT_BATCH = 1_000;

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
     * {@link RecordHash}): the attempt's {@code record_hash} is computed from the previous link's hash in the
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
        try {
            return saveAttempts(List.of(a), List.of(events)).get(0);
        } catch (AttemptRefusedException e) {
            throw e.reason();
        }
    }

    /**
     * Stores a batch of attempts with their events in one transaction, wholly or not at all, each as
     * {@link #saveAttempt} stores one (chained in batch order, idempotent by attempt id), with a few statements
     * for the whole batch rather than a dozen per attempt: the sessions, tasks and stored attempts are read at once,
     * each study's chain head is locked once, the new attempts go in as one INSERT and all their events as one per
     * {@value #EVENT_BATCH}. Within a caller's transaction, it joins it.
     *
     * @param events the events of each attempt, in the same order as {@code attempts}
     * @return for each attempt, true if stored now, false if it was already stored
     * @throws AttemptRefusedException naming the first attempt (in batch order) that is refused and why: the
     *                                 exception {@link #saveAttempt} would throw for it
     */
    public List<Boolean> saveAttempts(List<AttemptRecord> attempts, List<List<EventRecord>> events) {
        if (attempts.size() != events.size()) {
            throw new IllegalArgumentException(attempts.size() + " attempt(s) but " + events.size() + " event list(s)");
        }
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < attempts.size(); i++) {
            AttemptRecord a = attempts.get(i);
            if (!ids.add(a.attemptId())) {
                throw new AttemptRefusedException(i, new IllegalArgumentException("attempt " + a.attemptId()
                        + " appears twice in the batch"));
            }
            Set<Long> seqs = new HashSet<>();
            for (EventRecord e : events.get(i)) {
                if (!e.attemptId().equals(a.attemptId())) {
                    throw new AttemptRefusedException(i, new IllegalArgumentException("event " + e.seq()
                            + " belongs to attempt " + e.attemptId() + ", not " + a.attemptId()));
                }
                if (!seqs.add(e.seq())) {
                    throw new AttemptRefusedException(i, new IllegalArgumentException("event seq " + e.seq()
                            + " appears twice in attempt " + a.attemptId()));
                }
            }
        }
        if (attempts.isEmpty()) {
            return List.of();
        }
        try {
            return dsl.transactionResult(cfg -> saveAttempts(cfg.dsl(), attempts, events));
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    private static List<Boolean> saveAttempts(DSLContext tx, List<AttemptRecord> attempts,
            List<List<EventRecord>> events) {
        int n = attempts.size();
        List<UUID> ids = attempts.stream().map(AttemptRecord::attemptId).toList();
        Map<UUID, SessionScope> sessions = sessions(tx, attempts.stream().map(AttemptRecord::sessionId).toList());
        Set<String> tasks = new HashSet<>();
        tx.select(SUITE_TASKS.SUITE_HASH, SUITE_TASKS.TASK_ID).from(SUITE_TASKS)
                .where(SUITE_TASKS.SUITE_HASH.in(sessions.values().stream().map(SessionScope::suiteHash)
                                .collect(java.util.stream.Collectors.toSet())),
                        SUITE_TASKS.TASK_ID.in(attempts.stream().map(AttemptRecord::task)
                                .collect(java.util.stream.Collectors.toSet())))
                .forEach(r -> tasks.add(r.value1() + "\n" + r.value2()));
        Map<UUID, AttemptRecord> stored = storedAttempts(tx, ids);

        // Each attempt checked in batch order, and the canonical form of each new one made (which also checks its
        // events' JSON) before anything is written or locked.
        Boolean[] result = new Boolean[n];
        byte[][] canonical = new byte[n][];
        for (int i = 0; i < n; i++) {
            AttemptRecord a = attempts.get(i);
            SessionScope session = sessions.get(a.sessionId());
            try {
                if (session == null) {
                    throw new IllegalStateException("unknown session " + a.sessionId() + ": start the session first");
                }
                if (!session.candidate().equals(a.candidate()) || !session.participant().equals(a.participant())) {
                    throw new IllegalArgumentException("attempt " + a.attemptId() + " names candidate "
                            + a.candidate() + " and participant " + a.participant() + " but its session is "
                            + session.candidate() + " / " + session.participant());
                }
                if (!tasks.contains(session.suiteHash() + "\n" + a.task())) {
                    throw new IllegalArgumentException("task " + a.task() + " is not in the suite version "
                            + session.suiteHash() + " of the attempt's run");
                }
                if (isReplay(a, stored.get(a.attemptId()))) {
                    result[i] = false;
                } else {
                    canonical[i] = RecordHash.canonical(session.study(), session.suiteHash(), normalized(a),
                            events.get(i));
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new AttemptRefusedException(i, e);
            }
        }

        // Lock the chain head of each study the new attempts go to (in study code order: no two batches deadlock),
        // then look again: a new attempt may have been stored by another transaction while this one waited.
        Map<String, StudyChainsRecord> heads = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (result[i] == null) {
                heads.put(sessions.get(attempts.get(i).sessionId()).study(), null);
            }
        }
        if (heads.isEmpty()) {
            logReplays(tx, attempts, events, result);
            return List.of(result);
        }
        heads.replaceAll((study, none) -> lockChainHead(tx, study));
        List<UUID> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (result[i] == null) {
                fresh.add(ids.get(i));
            }
        }
        Map<UUID, AttemptRecord> storedMeanwhile = storedAttempts(tx, fresh);
        Set<String> locked = new HashSet<>(tx.select(STUDIES.STUDY_CODE).from(STUDIES)
                .where(STUDIES.STUDY_CODE.in(heads.keySet()), STUDIES.LOCKED.isTrue()).fetch(STUDIES.STUDY_CODE));
        for (int i = 0; i < n; i++) {
            if (result[i] != null) {
                continue;
            }
            try {
                if (isReplay(attempts.get(i), storedMeanwhile.get(ids.get(i)))) {
                    result[i] = false;
                    canonical[i] = null;
                } else if (locked.contains(sessions.get(attempts.get(i).sessionId()).study())) {
                    throw new StudyLockedException(sessions.get(attempts.get(i).sessionId()).study());
                }
            } catch (IllegalStateException e) {
                throw new AttemptRefusedException(i, e);
            }
        }

        // Chain the new attempts in batch order and write them: the attempts in one INSERT (per ATTEMPT_BATCH), then
        // their events.
        List<List<Object>> rows = new ArrayList<>();
        List<EventRecord> newEvents = new ArrayList<>();
        Set<String> moved = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (result[i] != null) {
                continue;
            }
            AttemptRecord a = attempts.get(i);
            SessionScope session = sessions.get(a.sessionId());
            StudyChainsRecord head = heads.get(session.study());
            moved.add(session.study());
            long chainNo = head.getLength() + 1;
            String hash = RecordHash.chain(head.getHeadHash(), canonical[i]);
            head.setLength(chainNo).setHeadHash(hash);
            rows.add(java.util.Arrays.asList(a.attemptId(), a.sessionId(), a.candidate(), a.participant(),
                    session.suiteHash(), a.task(), a.attemptNo(), a.outcome().code(), a.reason(), a.failedStep(),
                    micros(a.startedAt()), a.timeMs(), a.clicks(), a.keystrokes(), a.screens(), a.pageLoads(),
                    a.scrollPx(), a.dialogs(), a.validationErrors(), a.systemResponseMs(), a.klmMs(), session.study(),
                    chainNo, hash));
            newEvents.addAll(events.get(i));
            result[i] = true;
        }
        // (rows is empty if every new attempt was stored by another transaction meanwhile.)
        for (int from = 0; from < rows.size(); from += ATTEMPT_BATCH) {
            var insert = tx.insertInto(ATTEMPTS).columns(ATTEMPT_COLUMNS);
            org.jooq.InsertValuesStepN<AttemptsRecord> values = null;
            for (List<Object> row : rows.subList(from, Math.min(rows.size(), from + ATTEMPT_BATCH))) {
                values = values == null ? insert.values(row) : values.values(row);
            }
            values.execute();
        }
        insertEvents(tx, newEvents);
        for (String study : moved) {
            moveChainHead(tx, study, heads.get(study).getLength(), heads.get(study).getHeadHash());
        }
        logReplays(tx, attempts, events, result);
        return List.of(result);
    }

    /** The columns {@link #saveAttempts} writes, in the order of its values. */
    private static final List<Field<?>> ATTEMPT_COLUMNS = List.of(ATTEMPTS.ATTEMPT_ID, ATTEMPTS.SESSION_ID,
            ATTEMPTS.CANDIDATE_CODE, ATTEMPTS.PARTICIPANT_CODE, ATTEMPTS.SUITE_HASH, ATTEMPTS.TASK_ID,
            ATTEMPTS.ATTEMPT_NO, ATTEMPTS.OUTCOME, ATTEMPTS.REASON, ATTEMPTS.FAILED_STEP, ATTEMPTS.STARTED_AT,
            ATTEMPTS.TIME_MS, ATTEMPTS.CLICKS, ATTEMPTS.KEYSTROKES, ATTEMPTS.SCREENS, ATTEMPTS.PAGE_LOADS,
            ATTEMPTS.SCROLL_PX, ATTEMPTS.DIALOGS, ATTEMPTS.VALIDATION_ERRORS, ATTEMPTS.SYSTEM_RESPONSE_MS,
            ATTEMPTS.KLM_MS, ATTEMPTS.STUDY_CODE, ATTEMPTS.CHAIN_NO, ATTEMPTS.RECORD_HASH);

    /** The sessions (by id) with their study, suite version, lock, candidate and participant; one query. */
    private static Map<UUID, SessionScope> sessions(DSLContext tx, java.util.Collection<UUID> ids) {
        Map<UUID, SessionScope> out = new HashMap<>();
        tx.select(SESSIONS.SESSION_ID, SESSIONS.STUDY_CODE, SESSIONS.SUITE_HASH, STUDIES.LOCKED,
                        SESSIONS.CANDIDATE_CODE, SESSIONS.PARTICIPANT_CODE)
                .from(SESSIONS).join(STUDIES).on(STUDIES.STUDY_CODE.eq(SESSIONS.STUDY_CODE))
                .where(SESSIONS.SESSION_ID.eq(DSL.any(new HashSet<>(ids).toArray(new UUID[0]))))
                .forEach(r -> out.put(r.value1(), new SessionScope(r.value2(), r.value3(),
                        Boolean.TRUE.equals(r.value4()), r.value5(), r.value6())));
        return out;
    }

    /** The attempts among these ids that are stored, by id; one query. */
    private static Map<UUID, AttemptRecord> storedAttempts(DSLContext tx, List<UUID> ids) {
        Map<UUID, AttemptRecord> out = new HashMap<>();
        if (!ids.isEmpty()) {
            tx.selectFrom(ATTEMPTS).where(ATTEMPTS.ATTEMPT_ID.eq(DSL.any(ids.toArray(new UUID[0]))))
                    .forEach(r -> out.put(r.getAttemptId(), toAttempt(r)));
        }
        return out;
    }

    /** Whether the attempt is stored already (a replay); fails if it is stored with other content. */
    private static boolean isReplay(AttemptRecord a, AttemptRecord stored) {
        if (stored == null) {
            return false;
        }
        if (!normalized(a).equals(stored)) {
            throw new RecordConflictException("attempt " + a.attemptId() + " is already stored with other content");
        }
        return true;
    }

    /** Logs the replays of a batch, warning about those whose events differ in number from what is stored. */
    private static void logReplays(DSLContext tx, List<AttemptRecord> attempts, List<List<EventRecord>> events,
            Boolean[] result) {
        List<UUID> replays = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            if (!result[i]) {
                replays.add(attempts.get(i).attemptId());
            }
        }
        if (replays.isEmpty()) {
            return;
        }
        Map<UUID, Integer> counts = new HashMap<>();
        tx.select(EVENTS.ATTEMPT_ID, DSL.count()).from(EVENTS)
                .where(EVENTS.ATTEMPT_ID.eq(DSL.any(replays.toArray(new UUID[0]))))
                .groupBy(EVENTS.ATTEMPT_ID).forEach(r -> counts.put(r.value1(), r.value2()));
        for (int i = 0; i < attempts.size(); i++) {
            if (result[i]) {
                continue;
            }
            UUID id = attempts.get(i).attemptId();
            int storedEvents = counts.getOrDefault(id, 0);
            if (storedEvents != events.get(i).size()) {
                LOG.warn("Attempt {} was already stored with {} event(s); the {} event(s) replayed now are ignored",
                        id, storedEvents, events.get(i).size());
            } else {
                LOG.debug("Attempt {} was already stored: nothing to do", id);
            }
        }
    }

    /**
     * Locks the study's chain head (made at length 0 if the study has none yet) until the transaction ends and
     * returns it: the links of one study (attempts, task ratings, SUS answers) are appended one transaction at a
     * time, and {@link #lockStudy} waits for them.
     */
    private static StudyChainsRecord lockChainHead(DSLContext tx, String study) {
        tx.insertInto(STUDY_CHAINS).set(STUDY_CHAINS.STUDY_CODE, study).onConflictDoNothing().execute();
        return tx.selectFrom(STUDY_CHAINS).where(STUDY_CHAINS.STUDY_CODE.eq(study)).forUpdate().fetchOne();
    }

    private static void moveChainHead(DSLContext tx, String study, long length, String hash) {
        tx.update(STUDY_CHAINS)
                .set(STUDY_CHAINS.LENGTH, length)
                .set(STUDY_CHAINS.HEAD_HASH, hash)
                .where(STUDY_CHAINS.STUDY_CODE.eq(study))
                .execute();
    }

    /** Re-reads the study's lock (after taking its chain head, which a lock also takes). */
    private static void requireUnlocked(DSLContext tx, String study) {
        if (Boolean.TRUE.equals(tx.select(STUDIES.LOCKED).from(STUDIES).where(STUDIES.STUDY_CODE.eq(study))
                .fetchOne(STUDIES.LOCKED))) {
            throw new StudyLockedException(study);
        }
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

    /** The studies of those of these sessions that exist, by session id; one query. */
    public Map<UUID, String> studiesOfSessions(java.util.Collection<UUID> sessionIds) {
        Map<UUID, String> out = new HashMap<>();
        if (!sessionIds.isEmpty()) {
            dsl.select(SESSIONS.SESSION_ID, SESSIONS.STUDY_CODE).from(SESSIONS)
                    .where(SESSIONS.SESSION_ID.eq(DSL.any(new HashSet<>(sessionIds).toArray(new UUID[0]))))
                    .forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
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
     * Stores a post-task rating, chained into the study's hash chain as one link (see {@link RecordHash}).
     * Idempotent by (session, task, instrument): the same rating again stores nothing and leaves the chain as it
     * is; other content for the same key fails.
     *
     * @return true if stored now, false if it was already stored
     * @throws RecordConflictException if the rating is stored with other content
     * @throws StudyLockedException    if the rating is new and its study is locked
     */
    public boolean saveTaskRating(TaskRatingRecord r) {
        if (r.scaleMin() >= r.scaleMax() || r.rating() < r.scaleMin() || r.rating() > r.scaleMax()) {
            throw new IllegalArgumentException("rating " + r.rating() + " is not on the scale " + r.scaleMin() + ".."
                    + r.scaleMax());
        }
        TaskRatingRecord rating = normalized(r);
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                SessionScope session = requireSession(tx, rating.sessionId());
                if (!tx.fetchExists(SUITE_TASKS, SUITE_TASKS.SUITE_HASH.eq(session.suiteHash()),
                        SUITE_TASKS.TASK_ID.eq(rating.task()))) {
                    throw new IllegalArgumentException("task " + rating.task() + " is not in the suite of session "
                            + rating.sessionId());
                }
                if (ratingStored(tx, rating)) {
                    return false;
                }
                if (session.locked()) {
                    throw new StudyLockedException(session.study());
                }
                byte[] canonical = RecordHash.canonicalTaskRating(session.study(), session.candidate(),
                        session.participant(), rating);
                StudyChainsRecord head = lockChainHead(tx, session.study());
                if (ratingStored(tx, rating)) { // saved by another transaction while this one waited
                    return false;
                }
                requireUnlocked(tx, session.study());
                long chainNo = head.getLength() + 1;
                String hash = RecordHash.chain(head.getHeadHash(), canonical);
                tx.insertInto(TASK_RATINGS)
                        .set(TASK_RATINGS.SESSION_ID, rating.sessionId())
                        .set(TASK_RATINGS.TASK_ID, rating.task())
                        .set(TASK_RATINGS.INSTRUMENT, rating.instrument())
                        .set(TASK_RATINGS.RATING, rating.rating())
                        .set(TASK_RATINGS.SCALE_MIN, rating.scaleMin())
                        .set(TASK_RATINGS.SCALE_MAX, rating.scaleMax())
                        .set(TASK_RATINGS.COMMENT, rating.comment())
                        .set(TASK_RATINGS.ANSWERED_AT, rating.answeredAt())
                        .set(TASK_RATINGS.STUDY_CODE, session.study())
                        .set(TASK_RATINGS.CHAIN_NO, chainNo)
                        .set(TASK_RATINGS.RECORD_HASH, hash)
                        .execute();
                moveChainHead(tx, session.study(), chainNo, hash);
                return true;
            });
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    /** Whether the rating is stored already (a replay); fails if it is stored with other content. */
    private static boolean ratingStored(DSLContext tx, TaskRatingRecord rating) {
        TaskRatingRecord stored = taskRating(tx, rating.sessionId(), rating.task(), rating.instrument());
        if (stored == null) {
            return false;
        }
        if (!stored.equals(rating)) {
            throw new RecordConflictException("the " + rating.instrument() + " rating of task " + rating.task()
                    + " in session " + rating.sessionId() + " is already stored with other content");
        }
        return true;
    }

    /**
     * Stores a session's ten SUS answers, chained into the study's hash chain as ten links, one per item (see
     * {@link RecordHash}). Idempotent by session: the same answers again store nothing and leave the chain as it
     * is; other answers for the same session fail.
     *
     * @return true if stored now, false if it was already stored
     * @throws RecordConflictException if the session's answers are stored with other content
     * @throws StudyLockedException    if the answers are new and their study is locked
     */
    public boolean saveSus(SusRecord sus) {
        for (int i = 0; i < 10; i++) {
            Integer answer = sus.answers().get(i);
            if (answer == null || answer < 1 || answer > 5) {
                throw new IllegalArgumentException("SUS item " + (i + 1) + " must be 1..5, got " + answer);
            }
        }
        SusRecord answers = new SusRecord(sus.sessionId(), sus.answers(), micros(sus.answeredAt()));
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                SessionScope session = requireSession(tx, answers.sessionId());
                if (susStored(tx, answers)) {
                    return false;
                }
                if (session.locked()) {
                    throw new StudyLockedException(session.study());
                }
                List<byte[]> canonical = new ArrayList<>(10);
                for (int i = 0; i < 10; i++) {
                    canonical.add(RecordHash.canonicalSusAnswer(session.study(), session.candidate(),
                            session.participant(), answers.sessionId(), i + 1, answers.answers().get(i),
                            answers.answeredAt()));
                }
                StudyChainsRecord head = lockChainHead(tx, session.study());
                if (susStored(tx, answers)) { // saved by another transaction while this one waited
                    return false;
                }
                requireUnlocked(tx, session.study());
                long chainNo = head.getLength();
                String hash = head.getHeadHash();
                var insert = tx.insertInto(SUS_ANSWERS, SUS_ANSWERS.SESSION_ID, SUS_ANSWERS.ITEM, SUS_ANSWERS.ANSWER,
                        SUS_ANSWERS.ANSWERED_AT, SUS_ANSWERS.STUDY_CODE, SUS_ANSWERS.CHAIN_NO, SUS_ANSWERS.RECORD_HASH);
                for (int i = 0; i < 10; i++) {
                    chainNo++;
                    hash = RecordHash.chain(hash, canonical.get(i));
                    insert = insert.values(answers.sessionId(), i + 1, answers.answers().get(i), answers.answeredAt(),
                            session.study(), chainNo, hash);
                }
                insert.execute();
                moveChainHead(tx, session.study(), chainNo, hash);
                return true;
            });
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    /** Whether the session's SUS answers are stored already (a replay); fails if they are stored with others. */
    private static boolean susStored(DSLContext tx, SusRecord answers) {
        SusRecord stored = sus(tx, answers.sessionId());
        if (stored == null) {
            return false;
        }
        if (!stored.equals(answers)) {
            throw new RecordConflictException("the SUS answers of session " + answers.sessionId()
                    + " are already stored with other content");
        }
        return true;
    }

    /** The post-task ratings of a study's sessions. */
    public List<TaskRatingRecord> taskRatings(String study) {
        return dsl.selectFrom(TASK_RATINGS)
                .where(TASK_RATINGS.STUDY_CODE.eq(study))
                .orderBy(TASK_RATINGS.ANSWERED_AT, TASK_RATINGS.SESSION_ID, TASK_RATINGS.TASK_ID)
                .fetch(ResultsStore::toRating);
    }

    /** The SUS answers of a study's sessions. */
    public List<SusRecord> susAnswers(String study) {
        Map<UUID, List<SusAnswersRecord>> bySession = new LinkedHashMap<>();
        dsl.selectFrom(SUS_ANSWERS)
                .where(SUS_ANSWERS.STUDY_CODE.eq(study))
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

    /** A session's study, suite version, lock, candidate and participant. */
    private record SessionScope(String study, String suiteHash, boolean locked, String candidate, String participant) {
    }

    private static SessionScope requireSession(DSLContext tx, UUID sessionId) {
        SessionScope session = tx.select(SESSIONS.STUDY_CODE, SESSIONS.SUITE_HASH, STUDIES.LOCKED,
                        SESSIONS.CANDIDATE_CODE, SESSIONS.PARTICIPANT_CODE)
                .from(SESSIONS).join(STUDIES).on(STUDIES.STUDY_CODE.eq(SESSIONS.STUDY_CODE))
                .where(SESSIONS.SESSION_ID.eq(sessionId))
                .fetchOne(r -> new SessionScope(r.value1(), r.value2(), Boolean.TRUE.equals(r.value3()), r.value4(),
                        r.value5()));
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
     * Re-derives the study's hash chain from the stored rows — its attempts with their events, its post-task ratings
     * and its SUS answers, in chain order — and compares it with the stored hashes and the recorded head. Stops at
     * the first link that no longer matches and names its row.
     *
     * @throws NoSuchElementException if the study does not exist
     */
    public VerifyReport verify(String study) {
        // One read-only snapshot: links saved meanwhile neither show up half-way nor move the head under us.
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            return verify(tx, study);
        });
    }

    /** One link of a study's chain as stored: a row of attempts, task_ratings or sus_answers. */
    private static final class Link {
        final String table;
        final Long chainNo;
        final String recordHash;
        final AttemptsRecord attempt;
        final TaskRatingsRecord rating;
        final SusAnswersRecord sus;
        final String candidate;
        final String participant;
        long events;

        private Link(String table, Long chainNo, String recordHash, AttemptsRecord attempt, TaskRatingsRecord rating,
                SusAnswersRecord sus, String candidate, String participant) {
            this.table = table;
            this.chainNo = chainNo;
            this.recordHash = recordHash;
            this.attempt = attempt;
            this.rating = rating;
            this.sus = sus;
            this.candidate = candidate;
            this.participant = participant;
        }

        static Link of(AttemptsRecord a) {
            return new Link("attempts", a.getChainNo(), a.getRecordHash(), a, null, null, a.getCandidateCode(),
                    a.getParticipantCode());
        }

        static Link of(TaskRatingsRecord r, String candidate, String participant) {
            return new Link("task_ratings", r.getChainNo(), r.getRecordHash(), null, r, null, candidate, participant);
        }

        static Link of(SusAnswersRecord r, String candidate, String participant) {
            return new Link("sus_answers", r.getChainNo(), r.getRecordHash(), null, null, r, candidate, participant);
        }

        /** The row's key, as its table spells it. */
        String key() {
            if (attempt != null) {
                return "attempt_id = " + attempt.getAttemptId();
            }
            if (rating != null) {
                return "session_id = " + rating.getSessionId() + ", task_id = " + rating.getTaskId() + ", instrument = "
                        + rating.getInstrument();
            }
            return "session_id = " + sus.getSessionId() + ", item = " + sus.getItem();
        }

        /** The row in words, e.g. {@code SUS answer item 3 of session …}. */
        String what() {
            if (attempt != null) {
                return "attempt " + attempt.getAttemptId();
            }
            if (rating != null) {
                return "the " + rating.getInstrument() + " rating of task " + rating.getTaskId() + " in session "
                        + rating.getSessionId();
            }
            return "SUS answer item " + sus.getItem() + " of session " + sus.getSessionId();
        }

        /** The row in words with its place in the chain and whose it is. */
        String where() {
            return what() + " (chain #" + chainNo + (attempt != null ? ", task " + attempt.getTaskId() : "")
                    + ", candidate " + candidate + ", participant " + participant + ")";
        }

        /** The canonical bytes of the row as stored (for an attempt with its events, which it counts). */
        byte[] canonical(DSLContext tx) {
            if (attempt != null) {
                List<EventRecord> ev = tx.selectFrom(EVENTS).where(EVENTS.ATTEMPT_ID.eq(attempt.getAttemptId()))
                        .orderBy(EVENTS.SEQ)
                        .fetch(r -> new EventRecord(r.getAttemptId(), r.getSeq(), r.getTMs(), r.getType(), r.getPage(),
                                r.getJson().data()));
                events = ev.size();
                return RecordHash.canonical(attempt.getStudyCode(), attempt.getSuiteHash(), toAttempt(attempt), ev);
            }
            if (rating != null) {
                return RecordHash.canonicalTaskRating(rating.getStudyCode(), candidate, participant, toRating(rating));
            }
            return RecordHash.canonicalSusAnswer(sus.getStudyCode(), candidate, participant, sus.getSessionId(),
                    sus.getItem(), sus.getAnswer(), sus.getAnsweredAt());
        }
    }

    private static VerifyReport verify(DSLContext tx, String study) {
        StudyRecord s = tx.selectFrom(STUDIES).where(STUDIES.STUDY_CODE.eq(study)).fetchOptional(ResultsStore::toStudy)
                .orElseThrow(() -> new NoSuchElementException("unknown study " + study));
        StudyChainsRecord head = tx.selectFrom(STUDY_CHAINS).where(STUDY_CHAINS.STUDY_CODE.eq(study)).fetchOne();
        long headLength = head == null ? 0 : head.getLength();
        String headHash = head == null ? null : head.getHeadHash();

        List<Link> links = new ArrayList<>();
        tx.selectFrom(ATTEMPTS).where(ATTEMPTS.STUDY_CODE.eq(study))
                .orderBy(ATTEMPTS.CHAIN_NO.asc().nullsLast(), ATTEMPTS.STARTED_AT, ATTEMPTS.ATTEMPT_ID)
                .forEach(r -> links.add(Link.of(r)));
        // Left joins: a rating whose session went missing still shows up (and fails to verify).
        tx.select(TASK_RATINGS.asterisk(), SESSIONS.CANDIDATE_CODE, SESSIONS.PARTICIPANT_CODE)
                .from(TASK_RATINGS).leftJoin(SESSIONS).on(SESSIONS.SESSION_ID.eq(TASK_RATINGS.SESSION_ID))
                .where(TASK_RATINGS.STUDY_CODE.eq(study))
                .orderBy(TASK_RATINGS.CHAIN_NO.asc().nullsLast(), TASK_RATINGS.ANSWERED_AT, TASK_RATINGS.SESSION_ID,
                        TASK_RATINGS.TASK_ID, TASK_RATINGS.INSTRUMENT)
                .forEach(r -> links.add(Link.of(r.into(TASK_RATINGS), r.get(SESSIONS.CANDIDATE_CODE),
                        r.get(SESSIONS.PARTICIPANT_CODE))));
        tx.select(SUS_ANSWERS.asterisk(), SESSIONS.CANDIDATE_CODE, SESSIONS.PARTICIPANT_CODE)
                .from(SUS_ANSWERS).leftJoin(SESSIONS).on(SESSIONS.SESSION_ID.eq(SUS_ANSWERS.SESSION_ID))
                .where(SUS_ANSWERS.STUDY_CODE.eq(study))
                .orderBy(SUS_ANSWERS.CHAIN_NO.asc().nullsLast(), SUS_ANSWERS.ANSWERED_AT, SUS_ANSWERS.SESSION_ID,
                        SUS_ANSWERS.ITEM)
                .forEach(r -> links.add(Link.of(r.into(SUS_ANSWERS), r.get(SESSIONS.CANDIDATE_CODE),
                        r.get(SESSIONS.PARTICIPANT_CODE))));
        // Chain order; rows outside the chain (no number) last, attempts first among them. (The sort is stable.)
        links.sort(java.util.Comparator.comparing((Link l) -> l.chainNo,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));

        Counts n = new Counts();
        String previous = RecordHash.GENESIS;
        long expected = 1;
        for (Link link : links) {
            if (link.chainNo == null || link.recordHash == null) {
                return altered(s, n, headHash, link, link.what()
                        + " has no record hash: it was stored outside the chain");
            }
            if (link.chainNo != expected) {
                return altered(s, n, headHash, link, "the chain is broken before " + link.where()
                        + ": expected chain #" + expected + " (a row was removed or renumbered)");
            }
            String derived;
            try {
                derived = RecordHash.chain(previous, link.canonical(tx));
            } catch (RuntimeException e) {
                derived = "unreadable: " + e.getMessage();
            }
            if (!derived.equals(link.recordHash)) {
                return altered(s, n, headHash, link, link.where() + " was altered: its stored content, "
                        + (link.attempt != null ? "its events" : "its session") + " or its record hash no longer match");
            }
            previous = link.recordHash;
            n.add(link);
            expected++;
        }
        long checked = expected - 1;
        if (checked != headLength || !Objects.equals(checked == 0 ? null : previous, headHash)) {
            return new VerifyReport(study, false, s.locked(), n.attempts, n.events, n.taskRatings, n.susAnswers,
                    headHash, null, null, null, checked + 1, "the chain's recorded head (" + headLength + " link(s), "
                    + headHash + ") does not match the " + checked + " stored link(s): "
                    + (checked < headLength ? "row(s) after chain #" + checked + " were removed"
                            : "the stored chain does not end at its recorded head"));
        }
        return new VerifyReport(study, true, s.locked(), n.attempts, n.events, n.taskRatings, n.susAnswers, headHash,
                null, null, null, null, null);
    }

    /** What verify has checked so far, by kind. */
    private static final class Counts {
        long attempts;
        long events;
        long taskRatings;
        long susAnswers;

        void add(Link link) {
            if (link.attempt != null) {
                attempts++;
                events += link.events;
            } else if (link.rating != null) {
                taskRatings++;
            } else {
                susAnswers++;
            }
        }
    }

    private static VerifyReport altered(StudyRecord s, Counts n, String headHash, Link link, String problem) {
        return new VerifyReport(s.code(), false, s.locked(), n.attempts, n.events, n.taskRatings, n.susAnswers,
                headHash, link.table, link.key(), link.attempt == null ? null : link.attempt.getAttemptId(),
                link.chainNo, problem);
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

    private static AttemptRecord toAttempt(AttemptsRecord r) {
        return new AttemptRecord(r.getAttemptId(), r.getSessionId(), r.getCandidateCode(), r.getTaskId(),
                r.getParticipantCode(), r.getAttemptNo(), Outcome.fromCode(r.getOutcome()), r.getReason(),
                r.getFailedStep(), r.getStartedAt(), r.getTimeMs(), r.getClicks(), r.getKeystrokes(), r.getScreens(),
                r.getPageLoads(), r.getScrollPx(), r.getDialogs(), r.getValidationErrors(), r.getSystemResponseMs(),
                r.getKlmMs());
    }
}
