package bedside.harness.upload;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskText;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a run's results go: straight into the results database (one evaluator's laptop, or a PostgreSQL server
 * named by {@code BEDSIDE_DB_URL}), or to a results server over its HTTP API (team mode). Every write is
 * idempotent by the ids the harness makes, so anything may be sent again after a fault.
 */
public interface ResultsDestination {
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

    void startRun(RunRecord run);

    void startSession(String study, SessionRecord session);

    void saveAttempt(String study, AttemptRecord attempt, List<EventRecord> events);

    void finishRun(String study, UUID runId, Instant finishedAt);
}
