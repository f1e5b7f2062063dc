package bedside.harness.upload;

import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskText;
import bedside.results.store.ResultsStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Results written straight into the results database through the store. */
public final class StoreDestination implements ResultsDestination {
    private final ResultsStore store;
    private final String description;
    private final String key;

    /**
     * @param key which database, for the journal: {@code embedded} for the one in Bedside's data folder, or the
     *            server's JDBC address without credentials
     */
    public StoreDestination(ResultsStore store, String description, String key) {
        this.store = store;
        this.description = description;
        this.key = key;
    }

    public ResultsStore store() {
        return store;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public void ensureStudy(String code, String title) {
        store.ensureStudy(code, title);
    }

    @Override
    public void ensureCandidate(String study, String code, String displayName, String vendor) {
        store.ensureCandidate(study, code, displayName, vendor);
    }

    @Override
    public void saveSuiteVersion(String suiteId, String version, String contentHash, String title, List<TaskText> tasks) {
        store.saveSuiteVersion(suiteId, version, contentHash, title, tasks);
    }

    @Override
    public void saveNotApplicable(String study, List<bedside.results.NotApplicableRecord> marks) {
        store.saveNotApplicable(study, marks);
    }

    @Override
    public void startRun(RunRecord run) {
        store.startRun(run);
    }

    @Override
    public void startSession(String study, SessionRecord session) {
        store.startSession(session);
    }

    @Override
    public void saveAttempts(String study, List<Recorded> batch) {
        store.saveAttempts(batch.stream().map(Recorded::attempt).toList(), batch.stream().map(Recorded::events).toList());
        // Each replay after its attempt, as a link of its own (idempotent like the attempts).
        batch.stream().map(Recorded::replay).filter(java.util.Objects::nonNull).forEach(store::saveReplay);
    }

    @Override
    public void finishRun(String study, UUID runId, Instant finishedAt) {
        store.finishRun(runId, finishedAt);
    }

    @Override
    public List<SessionRecord> sessions(String study) {
        return store.sessionsOfStudy(study);
    }

    @Override
    public List<bedside.results.ParticipantRecord> participants(String study) {
        return store.participants(study);
    }

    @Override
    public void saveParticipant(String study, bedside.results.ParticipantRecord participant) {
        store.saveParticipant(study, participant);
    }

    @Override
    public void saveAnswers(String study, List<bedside.results.TaskRatingRecord> ratings,
                            List<bedside.results.SusRecord> sus, List<bedside.results.MarkerRecord> markers) {
        ratings.forEach(store::saveTaskRating);
        sus.forEach(store::saveSus);
        markers.forEach(store::saveMarker);
    }

    @Override
    public java.util.Optional<Recorded> expertPath(String study, String candidate, String task) {
        return store.attemptsOfStudy(study, candidate).stream()
                .filter(a -> a.participant().equals(bedside.harness.run.SuiteRunner.EXPERT) && a.task().equals(task)
                        && a.outcome() == bedside.results.Outcome.SUCCESS)
                .max(java.util.Comparator.comparing(bedside.results.AttemptRecord::startedAt))
                .map(a -> new Recorded(a, store.eventsOfAttempt(a.attemptId())));
    }

    @Override
    public bedside.results.StoredPlan savePlan(bedside.results.StudyPlan plan) {
        return store.savePlan(plan, actor());
    }

    @Override
    public bedside.results.StoredPlan lockPlan(String study) {
        return store.lockPlan(study, actor());
    }

    @Override
    public java.util.Optional<bedside.results.StoredPlan> plan(String study) {
        return store.plan(study);
    }

    /** Who is acting, in the audit log: the command line's user. */
    private static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
