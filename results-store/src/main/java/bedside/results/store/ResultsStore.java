package bedside.results.store;

import bedside.results.AttemptQuery;
import bedside.results.AttemptRecord;
import bedside.results.AuditEntry;
import bedside.results.CandidateRecord;
import bedside.results.EventRecord;
import bedside.results.MarkerRecord;
import bedside.results.Page;
import bedside.results.ParticipantRecord;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
import bedside.results.StudyRecord;
import bedside.results.SusRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.TaskText;
import bedside.results.VerifyReport;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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
 *
 * <p>This class is the store's entry point; the work is done by one package-private class per aggregate —
 * {@link Studies} (and candidates), {@link SuiteVersions}, {@link Participants}, {@link Runs}, {@link Sessions},
 * {@link Attempts} (reading) and {@link AttemptWriter} (saving), {@link Questionnaires}, {@link Markers},
 * {@link EvidenceChain} (chain heads, locking), {@link ChainVerifier} and {@link AuditLog} — each given this store's
 * {@link DSLContext}. An operation that is one transaction opens it in its aggregate class and hands the
 * transaction's context to the others it needs (the chain head, the audit log), so it stays one transaction. A
 * store made on a transaction's context ({@code new ResultsStore(cfg.dsl())}) runs every operation in it.
 */
public final class ResultsStore {
    /** Events per INSERT (each binds six arrays of this length). */
    static final int EVENT_BATCH = AttemptWriter.EVENT_BATCH;
    /** Attempts per INSERT of a batch (32 bind values each; PostgreSQL takes at most 65,535 per statement). */
    static final int ATTEMPT_BATCH = AttemptWriter.ATTEMPT_BATCH;

    private final DSLContext dsl;

    public ResultsStore(Database database) {
        this(database.dsl());
    }

    public ResultsStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    // ------------------------------------------------------------------ studies and candidates

    /** Creates the study if it does not exist; an existing study is left unchanged. */
    public void ensureStudy(String code, String title) {
        Studies.ensure(dsl, code, title);
    }

    /** Creates the candidate in the study if it does not exist; an existing one is left unchanged. */
    public void ensureCandidate(String study, String code, String displayName, String vendor) {
        Studies.ensureCandidate(dsl, study, code, displayName, vendor);
    }

    /**
     * Stores tasks that a candidate's binding marks as not applicable, for a suite version (idempotent: a mark
     * already stored is kept as it was). Refused once the study is locked.
     */
    public void saveNotApplicable(String study, List<bedside.results.NotApplicableRecord> marks) {
        NotApplicableMarks.save(dsl, study, marks);
    }

    /** The study's not-applicable marks, of one candidate when {@code candidate} is not null. */
    public List<bedside.results.NotApplicableRecord> notApplicable(String study, String candidate) {
        return NotApplicableMarks.of(dsl, study, candidate);
    }

    /** Every study, by code. */
    public List<StudyRecord> studies() {
        return Studies.all(dsl);
    }

    public Optional<StudyRecord> study(String code) {
        return Studies.find(dsl, code);
    }

    /** The candidates of a study, by code. */
    public List<CandidateRecord> candidates(String study) {
        return Studies.candidates(dsl, study);
    }

    public Optional<CandidateRecord> candidate(String study, String code) {
        return Studies.candidate(dsl, study, code);
    }

    // ------------------------------------------------------------------ the study's plan

    /**
     * Saves the plan of its study ({@link StudyPlan#study()}), as its canonical JSON and hash. While the plan is
     * unlocked it may be replaced (audit entry {@code plan.save}, then {@code plan.replace}); the same plan again changes
     * nothing. Every candidate the plan compares must already be a candidate of the study: a plan names candidates, it
     * does not make them (one made from a plan would carry its code as its display name for good).
     *
     * @param actor who saves it, for the audit log
     * @return the plan as stored now
     * @throws PlanLockedException      if the study's plan is locked ("the plan of study S is locked (sha256:…) since
     *                                  …: it cannot change"); nothing changes
     * @throws StudyLockedException     if the study's evidence is locked (closed)
     * @throws IllegalArgumentException if a candidate of the plan is not the study's, or its suite hash is not a SHA-256
     * @throws IllegalStateException    if the study does not exist
     */
    public StoredPlan savePlan(StudyPlan plan, String actor) {
        return Plans.save(dsl, plan, actor);
    }

    /**
     * Locks the study's plan: from now on it never changes (the database refuses it by any path, SQLSTATE
     * {@code BL003}), its lock is a link of the study's hash chain (kind {@code plan}, carrying the plan's hash) and the
     * study's sessions are held to it (see {@link #startSession}). Audit entry {@code plan.lock}.
     *
     * @param actor who locks it, for the audit log
     * @return the locked plan
     * @throws NoPlanException         if the study has no plan
     * @throws PlanLockedException     if the plan is locked already (locking twice changes nothing)
     * @throws StudyLockedException    if the study's evidence is locked (closed)
     * @throws SimulatedDataException  if a real plan (not simulated) would be locked over the study's simulated
     *                                 sessions or participants
     * @throws IllegalStateException   if the study does not exist
     */
    public StoredPlan lockPlan(String study, String actor) {
        return Plans.lock(dsl, study, actor);
    }

    /** The study's plan, locked or not; empty if it has none (or the study does not exist). */
    public Optional<StoredPlan> plan(String study) {
        return Plans.find(dsl, study);
    }

    // ------------------------------------------------------------------ participants

    /**
     * Creates the participant in the study if it does not exist; an existing one is left unchanged.
     * ({@link #startSession} creates participants it does not know with their code only.)
     */
    public void ensureParticipant(String study, ParticipantRecord participant) {
        Participants.ensure(dsl, study, participant);
    }

    /**
     * Stores a participant, or fills in what the stored one lacks: a participant first stored with its code only
     * (e.g. by {@link #startSession}) gets its demographics and consent once. Each detail goes only from null to a
     * value; a null given leaves the stored detail as it is; the same participant again changes nothing.
     *
     * @return the participant as stored now
     * @throws RecordConflictException if a detail is stored with another value
     * @throws StudyLockedException    if something would change and the study is locked
     * @throws NoSuchElementException  if the study does not exist
     */
    public ParticipantRecord saveParticipant(String study, ParticipantRecord participant) {
        return Participants.save(dsl, study, participant);
    }

    public Optional<ParticipantRecord> participant(String study, String code) {
        return Participants.find(dsl, study, code);
    }

    /** The participants of a study, by code. */
    public List<ParticipantRecord> participants(String study) {
        return Participants.all(dsl, study);
    }

    // ------------------------------------------------------------------ suite versions

    /**
     * Stores a suite version and the exact text of its tasks, once per content hash: saving the same hash
     * again does nothing (and fails if its task list differs, which means the hash is wrong).
     */
    public void saveSuiteVersion(String suiteId, String version, String contentHash, String title, List<TaskText> tasks) {
        SuiteVersions.save(dsl, suiteId, version, contentHash, title, tasks);
    }

    /** The tasks of a suite version in suite order, or an empty list if the hash is unknown. */
    public List<TaskText> suiteTasks(String contentHash) {
        return SuiteVersions.tasks(dsl, contentHash);
    }

    // ------------------------------------------------------------------ runs

    /**
     * Records the start of a run. Idempotent by run id; the study and the suite version (by hash) must be
     * stored first.
     *
     * @throws StudyLockedException if the study is locked
     */
    public void startRun(RunRecord run) {
        Runs.start(dsl, run);
    }

    /** Records the end of a run; a run already finished keeps its first finish time. */
    public void finishRun(UUID runId, Instant finishedAt) {
        Runs.finish(dsl, runId, finishedAt);
    }

    /** The runs of a study, oldest first. */
    public List<RunRecord> runs(String study) {
        return Runs.ofStudy(dsl, study);
    }

    public Optional<RunRecord> run(UUID runId) {
        return Runs.find(dsl, runId);
    }

    /** The study a run belongs to, if the run exists. */
    public Optional<String> studyOfRun(UUID runId) {
        return Runs.studyOf(dsl, runId);
    }

    // ------------------------------------------------------------------ sessions

    /**
     * Records the start of a session in a stored run. Idempotent by session id (a replay is only compared with what is
     * stored). The candidate must be in the run's study; a participant the study does not know yet is added with its
     * code only, simulated as the session is. A new session is held to the study's plan:
     * <ul>
     *   <li>a moderated participant's session (one with a {@link bedside.results.SessionOrder}) that is not a pilot
     *       needs the plan locked ({@link PlanNotLockedException}); a pilot needs no plan, and the scripted expert
     *       path (no order) never does;</li>
     *   <li>under a locked plan, a session that is not a pilot must run the plan's suite version, and a moderated one
     *       a candidate of the plan ({@link PlanMismatchException}, naming both);</li>
     *   <li>simulated goes with simulated: a simulated session only under a simulated plan (or none), a moderated real
     *       one only under a real plan (or none), and a session is simulated exactly when its participant is
     *       ({@link SimulatedDataException}).</li>
     * </ul>
     * Its attempts carry its pilot and simulated flags.
     *
     * @throws StudyLockedException    if the session is new and the study is locked
     * @throws RecordConflictException if the session id is stored with other content
     */
    public void startSession(SessionRecord s) {
        Sessions.start(dsl, s);
    }

    public Optional<SessionRecord> session(UUID sessionId) {
        return Sessions.find(dsl, sessionId);
    }

    /** The sessions of a run in the order they started. */
    public List<SessionRecord> sessionsOfRun(UUID runId) {
        return Sessions.ofRun(dsl, runId);
    }

    /** The sessions of a study in the order they started. */
    public List<SessionRecord> sessionsOfStudy(String study) {
        return Sessions.ofStudy(dsl, study);
    }

    /** The study a session belongs to, if the session exists. */
    public Optional<String> studyOfSession(UUID sessionId) {
        return Sessions.studyOf(dsl, sessionId);
    }

    /** The studies of those of these sessions that exist, by session id; one query. */
    public Map<UUID, String> studiesOfSessions(Collection<UUID> sessionIds) {
        return Sessions.studiesOf(dsl, sessionIds);
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
        return AttemptWriter.saveOne(dsl, a, events);
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
        return AttemptWriter.save(dsl, attempts, events);
    }

    public Optional<AttemptRecord> attempt(UUID attemptId) {
        return Attempts.find(dsl, attemptId);
    }

    /** An attempt of this study (empty if it does not exist or belongs to another study). */
    public Optional<AttemptRecord> attempt(String study, UUID attemptId) {
        return Attempts.find(dsl, study, attemptId);
    }

    /** The attempts of all sessions of a run, in the order they started. */
    public List<AttemptRecord> attemptsOfRun(UUID runId) {
        return Attempts.ofRun(dsl, runId);
    }

    /** Every attempt of a study (of one candidate, if given), in the order they started. */
    public List<AttemptRecord> attemptsOfStudy(String study, String candidate) {
        return Attempts.ofStudy(dsl, study, candidate);
    }

    /** A page of a study's attempts matching the query's filters, in the order they started. */
    public Page<AttemptRecord> attempts(AttemptQuery q) {
        return Attempts.page(dsl, q);
    }

    /** The stored record hash of an attempt (null for attempts stored before hashing). */
    public Optional<String> recordHash(UUID attemptId) {
        return Attempts.recordHash(dsl, attemptId);
    }

    /** The events of an attempt in {@code seq} order. */
    public List<EventRecord> eventsOfAttempt(UUID attemptId) {
        return Attempts.events(dsl, attemptId);
    }

    /** A page of an attempt's events in {@code seq} order. */
    public Page<EventRecord> eventsOfAttempt(UUID attemptId, int limit, long offset) {
        return Attempts.eventsPage(dsl, attemptId, limit, offset);
    }

    /**
     * The events of one kind ({@code type} starting with {@code typePrefix}, e.g. {@code a11y-}) of every attempt of a
     * study's candidate, read at once: by attempt, in the order the attempts started, each in {@code seq} order.
     */
    public java.util.Map<UUID, List<EventRecord>> eventsOfKind(String study, String candidate, String typePrefix) {
        return Attempts.eventsOfKind(dsl, study, candidate, typePrefix);
    }

    public long eventCount(UUID attemptId) {
        return Attempts.eventCount(dsl, attemptId);
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
        return Questionnaires.saveTaskRating(dsl, r);
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
        return Questionnaires.saveSus(dsl, sus);
    }

    /** The post-task ratings of a study's sessions. */
    public List<TaskRatingRecord> taskRatings(String study) {
        return Questionnaires.taskRatings(dsl, study);
    }

    /** The SUS answers of a study's sessions. */
    public List<SusRecord> susAnswers(String study) {
        return Questionnaires.susAnswers(dsl, study);
    }

    // ------------------------------------------------------------------ markers

    /**
     * Stores a marker (a use error, an assist or a note put on a session), chained into the study's hash chain as one
     * link (see {@link RecordHash}). Idempotent by marker id: the same marker again stores nothing and leaves the
     * chain as it is; other content for the same id fails.
     *
     * @return true if stored now, false if it was already stored
     * @throws RecordConflictException  if the marker id is stored with other content
     * @throws StudyLockedException     if the marker is new and its study is locked
     * @throws IllegalArgumentException if its attempt is not one of its session's, its task not in the session's
     *                                  suite (or not its attempt's), or {@code by} is not moderator or observer
     * @throws IllegalStateException    if the session does not exist
     */
    public boolean saveMarker(MarkerRecord marker) {
        return Markers.save(dsl, marker);
    }

    /**
     * Stores an attempt's DOM replay as a link of its study's chain, after its attempt; idempotent (the same bytes
     * again store nothing).
     *
     * @return true if it was stored now, false if it was stored already
     * @throws IllegalStateException   if its attempt is not stored (yet)
     * @throws RecordConflictException if the attempt has a replay with other bytes
     * @throws StudyLockedException    if the replay is new and its study is locked
     */
    public boolean saveReplay(bedside.results.ReplayRecord replay) {
        return Replays.save(dsl, replay);
    }

    /** The attempt's DOM replay, if it has one (its compressed bytes: megabytes, so only when asked for). */
    public Optional<bedside.results.ReplayRecord> replay(UUID attemptId) {
        return Replays.of(dsl, attemptId);
    }

    /** The compressed size of each stored replay of a study, by attempt. */
    public Map<UUID, Integer> replaySizes(String study) {
        return Replays.sizes(dsl, study);
    }

    /** The markers of a study's sessions, in the order they were marked. */
    public List<MarkerRecord> markers(String study) {
        return Markers.ofStudy(dsl, study);
    }

    /** The markers of a session, in the order they were marked. */
    public List<MarkerRecord> markersOfSession(UUID sessionId) {
        return Markers.ofSession(dsl, sessionId);
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
        return EvidenceChain.lockStudy(dsl, study, actor);
    }

    /**
     * Re-derives the study's hash chain from the stored rows — its attempts with their events, its post-task ratings,
     * its SUS answers, its markers and its plan's lock, in chain order — and compares it with the stored hashes and the
     * recorded head. Stops at the first link that no longer matches and names its row. The stored plan (locked or not)
     * must also still be canonical JSON that hashes to its hash: a plan altered in the database is reported, named.
     *
     * @throws NoSuchElementException if the study does not exist
     */
    public VerifyReport verify(String study) {
        return ChainVerifier.verify(dsl, study);
    }

    /** Whether the database refused a change because its study is locked (SQLSTATE BL001). */
    public static boolean isLocked(Throwable t) {
        return EvidenceChain.isLocked(t);
    }

    /** Whether the database refused a change because the study's plan is locked (SQLSTATE BL003). */
    public static boolean isPlanLocked(Throwable t) {
        return EvidenceChain.isPlanLocked(t);
    }

    // ------------------------------------------------------------------ audit log

    /** Appends to the audit log. {@code details} is a JSON object or null. */
    public void audit(String actor, String action, String study, String entity, String entityId, String details) {
        AuditLog.append(dsl, actor, action, study, entity, entityId, details);
    }

    /** The audit log of a study (every study's if null), newest first. */
    public Page<AuditEntry> auditLog(String study, int limit, long offset) {
        return AuditLog.page(dsl, study, limit, offset);
    }
}
