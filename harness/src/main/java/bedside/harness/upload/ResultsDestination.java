package bedside.harness.upload;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskText;
import bedside.results.store.AttemptRefusedException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a run's results go: straight into the results database (one evaluator's laptop, or a PostgreSQL server
 * named by {@code BEDSIDE_DB_URL}), or to a results server over its HTTP API (team mode). Every write is
 * idempotent by the ids the harness makes, so anything may be sent again after a fault.
 */
public interface ResultsDestination {
    /** A recorded attempt with its events and its DOM replay (null: none), as the journal holds it. */
    record Recorded(AttemptRecord attempt, List<EventRecord> events, bedside.results.ReplayRecord replay) {
        public Recorded(AttemptRecord attempt, List<EventRecord> events) {
            this(attempt, events, null);
        }
    }

    /** For people: {@code embedded PostgreSQL in …}, {@code results server http://…}. */
    String describe();

    /**
     * For the journal: which destination a run's records are meant for, so that what one destination did not get is
     * never sent to another (a team run's attempts must not end up in a laptop's database).
     */
    String key();

    void ensureStudy(String code, String title);

    void ensureCandidate(String study, String code, String displayName, String vendor);

    void saveSuiteVersion(String suiteId, String version, String contentHash, String title, List<TaskText> tasks);

    /** Tasks the candidates' bindings mark as not applicable, for the suite version run (idempotent). */
    void saveNotApplicable(String study, List<bedside.results.NotApplicableRecord> marks);

    void startRun(RunRecord run);

    void startSession(String study, SessionRecord session);

    /**
     * Stores a batch of one study's attempts with their events, then their replays, in the order given (their order in the study's hash
     * chain), idempotently by attempt id: an attempt the destination already has is not stored again. This is all a
     * destination says about uploading; the {@link Uploader} decides what goes in a batch, retries and marks the
     * journal. Returning means the destination has every attempt of the batch.
     *
     * @throws RuntimeException when the batch could not be stored: unreachable, refused as a whole, or one of its
     *                          attempts refused (an {@link AttemptRefusedException} names it, where the destination
     *                          says which). Some of the batch may be stored; sending it again stores nothing twice.
     */
    void saveAttempts(String study, List<Recorded> batch);

    void finishRun(String study, UUID runId, Instant finishedAt);

    // ---- moderated sessions ----

    /** The study's sessions (every participant's, the expert path's too). */
    java.util.List<SessionRecord> sessions(String study);

    /** The study's participants (pseudonymous), with their details where known. */
    java.util.List<bedside.results.ParticipantRecord> participants(String study);

    /**
     * Stores a participant: a new one as given; a known one gets the details it did not have yet (never changed once
     * given: other details for the same code are refused).
     */
    void saveParticipant(String study, bedside.results.ParticipantRecord participant);

    /**
     * Stores post-task ratings, SUS answers and the moderator's or observer's markers (use errors, assists, notes):
     * idempotent, each chained in the study's evidence chain. A marker's attempt must be stored first.
     */
    void saveAnswers(String study, List<bedside.results.TaskRatingRecord> ratings, List<bedside.results.SusRecord> sus,
                     List<bedside.results.MarkerRecord> markers);

    /**
     * The expert path a session's attempts are compared with: the latest successful attempt of the scripted expert
     * path at this task on this candidate in the study, with its events; empty when there is none.
     */
    java.util.Optional<Recorded> expertPath(String study, String candidate, String task);

    /** Writes the study's plan (replacing an unlocked one); refused once the plan is locked. */
    bedside.results.StoredPlan savePlan(bedside.results.StudyPlan plan);

    /** Locks the study's plan: its hash goes into the study's chain; refused when there is none or it is locked. */
    bedside.results.StoredPlan lockPlan(String study);

    /** The study's plan, locked or not; empty when it has none (or the study does not exist). */
    java.util.Optional<bedside.results.StoredPlan> plan(String study);
}
