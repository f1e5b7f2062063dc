package bedside.harness.upload;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
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
        batch.stream().map(Recorded::replay).filter(java.util.Objects::nonNull)
                .forEach(replay -> client.uploadReplay(study, replay));
    }

    @Override
    public void finishRun(String study, UUID runId, Instant finishedAt) {
        client.finishRun(study, runId, finishedAt);
    }

    @Override
    public List<SessionRecord> sessions(String study) {
        List<SessionRecord> all = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode s : client.get("/api/studies/" + enc(study) + "/sessions").path("items")) {
            all.add(READ.convertValue(s, SessionRecord.class));
        }
        return all;
    }

    /** Reads what the server sends, ignoring fields this harness does not know (a newer server). */
    private static final com.fasterxml.jackson.databind.ObjectMapper READ = bedside.results.client.Json.MAPPER.copy()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public List<bedside.results.ParticipantRecord> participants(String study) {
        List<bedside.results.ParticipantRecord> all = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode p : client.get("/api/studies/" + enc(study) + "/participants")
                .path("items")) {
            all.add(READ.convertValue(p, bedside.results.ParticipantRecord.class));
        }
        return all;
    }

    @Override
    public void saveParticipant(String study, bedside.results.ParticipantRecord participant) {
        client.ensureParticipant(study, participant);
    }

    @Override
    public void saveAnswers(String study, List<bedside.results.TaskRatingRecord> ratings,
                            List<bedside.results.SusRecord> sus, List<bedside.results.MarkerRecord> markers) {
        client.saveQuestionnaires(study, ratings, sus);
        if (!markers.isEmpty()) {
            client.saveMarkers(study, markers);
        }
    }

    @Override
    public java.util.Optional<Recorded> expertPath(String study, String candidate, String task) {
        String base = "/api/studies/" + enc(study) + "/attempts";
        com.fasterxml.jackson.databind.JsonNode latest = null;
        String next = base + "?candidate=" + enc(candidate) + "&task=" + enc(task) + "&participant="
                + enc(bedside.harness.run.SuiteRunner.EXPERT) + "&outcome=success&limit=" + bedside.results.AttemptQuery.MAX_LIMIT;
        while (next != null) {
            com.fasterxml.jackson.databind.JsonNode page = client.get(next);
            for (com.fasterxml.jackson.databind.JsonNode a : page.path("items")) {
                if (latest == null || a.path("startedAt").asText().compareTo(latest.path("startedAt").asText()) > 0) {
                    latest = a;
                }
            }
            next = page.path("next").isTextual() ? page.path("next").asText() : null;
        }
        if (latest == null) {
            return java.util.Optional.empty();
        }
        UUID id = UUID.fromString(latest.path("attemptId").asText());
        AttemptRecord a = new AttemptRecord(id, UUID.fromString(latest.path("sessionId").asText()), candidate, task,
                bedside.harness.run.SuiteRunner.EXPERT, latest.path("attemptNo").asInt(), bedside.results.Outcome.SUCCESS,
                null, null, Instant.parse(latest.path("startedAt").asText()), latest.path("timeMs").asLong(),
                latest.path("clicks").asInt(), latest.path("keystrokes").asInt(), latest.path("screens").asInt(),
                latest.path("pageLoads").asInt(), latest.path("scrollPx").asLong(), latest.path("dialogs").asInt(),
                latest.path("validationErrors").asInt(), latest.path("systemResponseMs").asLong(),
                latest.path("klmMs").asLong());
        List<EventRecord> events = new java.util.ArrayList<>();
        next = base + "/" + id + "/events?limit=" + bedside.results.AttemptQuery.MAX_LIMIT;
        while (next != null) {
            com.fasterxml.jackson.databind.JsonNode page = client.get(next);
            for (com.fasterxml.jackson.databind.JsonNode e : page.path("items")) {
                events.add(new EventRecord(id, e.path("seq").asLong(), e.path("tMs").asDouble(), e.path("type").asText(),
                        e.path("page").isTextual() ? e.path("page").asText() : null, e.path("data").toString()));
            }
            next = page.path("next").isTextual() ? page.path("next").asText() : null;
        }
        return java.util.Optional.of(new Recorded(a, events));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public bedside.results.StoredPlan savePlan(bedside.results.StudyPlan plan) {
        return client.savePlan(plan);
    }

    @Override
    public bedside.results.StoredPlan lockPlan(String study) {
        return client.lockPlan(study);
    }

    @Override
    public java.util.Optional<bedside.results.StoredPlan> plan(String study) {
        return client.plan(study);
    }
}
