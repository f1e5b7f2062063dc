package bedside.harness.upload;

import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskText;
import bedside.results.client.ResultsClient;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Team mode: results sent to a Bedside results server ({@code bedside serve}) through its HTTP API. */
public final class ServerDestination implements ResultsDestination {
    private final URI server;
    private final ResultsClient client;

    public ServerDestination(URI server, ResultsClient client) {
        this.server = server;
        this.client = client;
    }

    @Override
    public String describe() {
        return "results server " + server;
    }

    @Override
    public String key() {
        return "server " + server;
    }

    @Override
    public void ensureStudy(String code, String title) {
        client.ensureStudy(code, title);
    }

    @Override
    public void ensureCandidate(String study, String code, String displayName, String vendor) {
        client.ensureCandidate(study, code, displayName, vendor);
    }

    @Override
    public void saveSuiteVersion(String suiteId, String version, String contentHash, String title, List<TaskText> tasks) {
        client.saveSuiteVersion(suiteId, version, contentHash, title, tasks);
    }

    @Override
    public void saveNotApplicable(String study, List<bedside.results.NotApplicableRecord> marks) {
        client.saveNotApplicable(study, marks);
    }

    @Override
    public void startRun(RunRecord run) {
        client.startRun(run);
    }

    @Override
    public void startSession(String study, SessionRecord session) {
        client.startSession(study, session);
    }

    @Override
    public void saveAttempts(String study, List<Recorded> batch) {
        client.uploadAttempts(study, batch.stream().map(r -> new ResultsClient.Upload(r.attempt(), r.events())).toList());
    }

    @Override
    public void finishRun(String study, UUID runId, Instant finishedAt) {
        client.finishRun(study, runId, finishedAt);
    }
}
