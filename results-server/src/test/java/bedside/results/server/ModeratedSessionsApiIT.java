package bedside.results.server;

import bedside.results.AttemptRecord;
import bedside.results.Fixtures;
import bedside.results.MarkerRecord;
import bedside.results.Outcome;
import bedside.results.ParticipantRecord;
import bedside.results.Role;
import bedside.results.RunRecord;
import bedside.results.SessionFacts;
import bedside.results.SessionOrder;
import bedside.results.SessionRecord;
import bedside.results.client.ResultsClient;
import bedside.results.store.AccessTokens;
import bedside.results.store.ResultsStore;
import bedside.results.store.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A moderated session end to end through the API and {@link ResultsClient}: demographics and consent, the task order,
 * the participant's word and derived measures, markers — stored, served under the access rules, chained and verified.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModeratedSessionsApiIT {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static final Instant T = Instant.parse("2026-11-25T09:30:00.123456Z");

    private ResultsServer server;
    private Http http;
    private ResultsStore store;
    private String evaluator;
    private String vendor;
    private String board;

    @BeforeAll
    void start() {
        store = DB.store();
        AccessTokens tokens = new AccessTokens(DB.database());
        for (String study : List.of("mod", "mod-closed")) {
            Fixtures.prepareStudy(store, study);
            Fixtures.lockPlan(store, study); // what moderated sessions need first
        }
        evaluator = tokens.create(Role.EVALUATOR, null, null, "moderator", "test").secret();
        vendor = tokens.create(Role.VENDOR, "mod", "alpha", "alpha-vendor", "test").secret();
        board = tokens.create(Role.BOARD, "mod", null, "board", "test").secret();
        server = ResultsServer.start(DB.database(), 0);
        http = new Http(server.url());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ResultsClient client() {
        return ResultsClient.builder(URI.create(server.url()), evaluator).maxAttempts(1)
                .initialBackoff(Duration.ofMillis(1)).build();
    }

    private static SessionOrder latin() {
        return new SessionOrder("latin", null, 3, List.of("order-medication", "review-results", "record-allergy"), 2);
    }

    /** A run with a moderated session of P01 on alpha and one on beta, started through the client. */
    private List<SessionRecord> sessions(ResultsClient client, String study) {
        RunRecord run = new RunRecord(UUID.randomUUID(), study, Fixtures.SUITE_ID, Fixtures.SUITE_VERSION,
                Fixtures.SUITE_HASH, "session", T, null);
        client.startRun(run);
        List<SessionRecord> sessions = List.of(
                new SessionRecord(UUID.randomUUID(), run.runId(), "alpha", "P01", T, latin()),
                new SessionRecord(UUID.randomUUID(), run.runId(), "beta", "P01", T.plusSeconds(900),
                        new SessionOrder("random", 77L, null, List.of("record-allergy"), 1)));
        sessions.forEach(s -> client.startSession(study, s));
        return sessions;
    }

    @Test
    void participantsGetTheirDetailsFilledInOnceAndAConflictIsA409() {
        ResultsClient client = client();
        Instant consent = Instant.parse("2026-11-25T09:29:00.5Z");
        ParticipantRecord p = new ParticipantRecord("P10", "nurse", 5, 3, "Epic", "30-39", "screen reader", consent);
        assertThat(client.ensureParticipant("mod", p)).isEqualTo(p);
        Http.Response created = http.post("/api/studies/mod/participants", evaluator, "{\"code\":\"P11\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        // P11 was made code-only (as an old session makes it): its details are filled in once.
        ParticipantRecord filled = client.ensureParticipant("mod", new ParticipantRecord("P11", "physician", null, null,
                null, "50-59", "none", consent));
        assertThat(filled.ageBand()).isEqualTo("50-59");
        Http.Response again = http.post("/api/studies/mod/participants", evaluator,
                "{\"code\":\"P11\",\"ageBand\":\"50-59\",\"consentedAt\":\"2026-11-25T09:29:00.500Z\"}");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("role").asText()).isEqualTo("physician");
        assertThatThrownBy(() -> client.ensureParticipant("mod", new ParticipantRecord("P11", null, null, null, null,
                "60-69", null, null))).isInstanceOf(ResultsClient.ApiException.class)
                .satisfies(e -> assertThat(((ResultsClient.ApiException) e).status()).isEqualTo(409))
                .hasMessageContaining("ageBand 50-59, not 60-69");
        JsonNode listed = http.get("/api/studies/mod/participants", evaluator).json().path("items");
        JsonNode p10 = null;
        for (JsonNode n : listed) {
            if (n.path("code").asText().equals("P10")) {
                p10 = n;
            }
        }
        assertThat(p10).isNotNull();
        assertThat(p10.path("assistiveTechnology").asText()).isEqualTo("screen reader");
        assertThat(p10.path("consentedAt").asText()).isEqualTo("2026-11-25T09:29:00.500Z");
        Http.Response tooLong = http.post("/api/studies/mod/participants", evaluator,
                "{\"code\":\"P12\",\"ageBand\":\"" + "9".repeat(21) + "\"}");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().path("field").asText()).isEqualTo("ageBand");
    }

    @Test
    void sessionsAttemptsAndMarkersRoundTripAndChain() {
        ResultsClient client = client();
        List<SessionRecord> sessions = sessions(client, "mod");
        SessionRecord alpha = sessions.get(0);
        SessionRecord beta = sessions.get(1);
        JsonNode listed = http.get("/api/studies/mod/sessions", evaluator).json().path("items");
        assertThat(store.session(alpha.sessionId()).orElseThrow().order()).isEqualTo(latin());
        assertThat(listed.toString()).contains("\"order\":{\"mode\":\"latin\",\"seed\":null,\"participantIndex\":3,"
                + "\"tasks\":[\"order-medication\",\"review-results\",\"record-allergy\"],\"candidatePosition\":2}");

        AttemptRecord done = Fixtures.attempt(alpha, "order-medication", 1, Outcome.SUCCESS, T.plusSeconds(10))
                .withSession(new SessionFacts("done", 1.0 / 3, 2.75, "indirect", 0.41, 2));
        AttemptRecord gaveUp = Fixtures.attempt(beta, "record-allergy", 1, Outcome.FAILURE, T.plusSeconds(910))
                .withSession(new SessionFacts("gave-up", null, null, null, null, 0));
        ResultsClient.UploadResult up = client.uploadAttempts("mod", List.of(
                new ResultsClient.Upload(done, Fixtures.events(done.attemptId(), 3)),
                new ResultsClient.Upload(gaveUp, List.of())));
        assertThat(up.stored()).isEqualTo(2);
        assertThat(store.attempt(done.attemptId()).orElseThrow()).isEqualTo(done);
        JsonNode one = http.get("/api/studies/mod/attempts/" + done.attemptId(), evaluator).json();
        assertThat(one.path("session").path("participantSaid").asText()).isEqualTo("done");
        assertThat(one.path("session").path("pathDeviation").asDouble()).isEqualTo(1.0 / 3);
        assertThat(one.path("session").path("success").asText()).isEqualTo("indirect");
        assertThat(one.path("session").path("misclicks").asInt()).isEqualTo(2);
        assertThat(http.get("/api/studies/mod/attempts/" + gaveUp.attemptId(), evaluator).json().path("session")
                .path("lostness").isNull()).isTrue();
        // A replay stores nothing; other facts under the id are a 409.
        assertThat(client.uploadAttempts("mod", List.of(new ResultsClient.Upload(done, List.of()))).alreadyStored())
                .isEqualTo(1);
        assertThatThrownBy(() -> client.uploadAttempts("mod", List.of(new ResultsClient.Upload(
                done.withSession(new SessionFacts("timed-out", 1.0 / 3, 2.75, null, 0.41, 2)), List.of()))))
                .isInstanceOf(ResultsClient.ApiException.class)
                .satisfies(e -> assertThat(((ResultsClient.ApiException) e).status()).isEqualTo(409));

        MarkerRecord slip = new MarkerRecord(UUID.randomUUID(), alpha.sessionId(), done.attemptId(), "order-medication",
                "slip", 4210.5, "picked amoxicillin 250 mg", "moderator", T.plusSeconds(14));
        MarkerRecord assist = new MarkerRecord(UUID.randomUUID(), beta.sessionId(), null, "record-allergy", "assist",
                null, null, "observer", T.plusSeconds(950));
        ResultsClient.UploadResult marked = client.saveMarkers("mod", List.of(slip, assist));
        assertThat(marked.stored()).isEqualTo(2);
        assertThat(client.saveMarkers("mod", List.of(slip, assist)).alreadyStored()).isEqualTo(2);
        assertThat(store.markers("mod")).containsExactly(slip, assist);

        JsonNode all = http.get("/api/studies/mod/markers", board).json().path("items");
        assertThat(all).hasSize(2);
        assertThat(all.get(0).path("tMs").asDouble()).isEqualTo(4210.5);
        assertThat(all.get(0).path("candidate").asText()).isEqualTo("alpha");
        assertThat(all.get(1).path("kind").asText()).isEqualTo("assist");
        // A vendor sees the markers of its own candidate's sessions only.
        JsonNode own = http.get("/api/studies/mod/markers", vendor).json().path("items");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).path("markerId").asText()).isEqualTo(slip.markerId().toString());

        JsonNode verify = http.get("/api/studies/mod/verify", evaluator).json();
        assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.path("markers").asInt()).isEqualTo(2);
        assertThat(verify.path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void badSessionsAttemptsAndMarkersAreRefusedNamingTheField() {
        ResultsClient client = client();
        List<SessionRecord> sessions = sessions(client, "mod");
        SessionRecord alpha = sessions.get(0);
        String session = "{\"sessionId\":\"" + UUID.randomUUID() + "\",\"runId\":\"" + alpha.runId()
                + "\",\"candidate\":\"alpha\",\"participant\":\"P02\",\"startedAt\":\"" + T + "\",\"order\":";
        problem(http.post("/api/studies/mod/sessions", evaluator, session + "{\"mode\":\"shuffled\",\"tasks\":[],"
                + "\"candidatePosition\":1}}"), 422, "order.mode");
        problem(http.post("/api/studies/mod/sessions", evaluator, session + "{\"mode\":\"random\",\"tasks\":[],"
                + "\"candidatePosition\":1}}"), 422, "order.seed");
        problem(http.post("/api/studies/mod/sessions", evaluator, session + "{\"mode\":\"fixed\","
                + "\"tasks\":[\"no-such-task\"],\"candidatePosition\":1}}"), 422, "order");

        AttemptRecord failed = Fixtures.attempt(alpha, "record-allergy", 1, Outcome.FAILURE, T);
        String attempt = bedside.results.client.Json.attempt(null, failed, null).without("study").toString();
        problem(http.post("/api/studies/mod/attempts", evaluator, "{\"attempts\":[" + attempt.replace(
                "\"session\":null", "\"session\":{\"participantSaid\":\"done\",\"success\":\"direct\",\"misclicks\":0}")
                + "]}"), 422, "attempts[0].session.success");
        problem(http.post("/api/studies/mod/attempts", evaluator, "{\"attempts\":[" + attempt.replace(
                "\"session\":null", "\"session\":{\"participantSaid\":\"bored\",\"misclicks\":0}") + "]}"), 422,
                "attempts[0].session.participantSaid");
        problem(http.post("/api/studies/mod/attempts", evaluator, "{\"attempts\":[" + attempt.replace(
                "\"session\":null", "\"session\":{\"participantSaid\":\"done\"}") + "]}"), 422,
                "attempts[0].session.misclicks");

        String good = "{\"markerId\":\"" + UUID.randomUUID() + "\",\"sessionId\":\"" + alpha.sessionId()
                + "\",\"kind\":\"note\",\"by\":\"observer\",\"at\":\"" + T + "\"}";
        problem(http.post("/api/studies/mod/markers", evaluator, "{\"markers\":[" + good + ","
                + good.replace("note", "oops").replace(good.substring(13, 49), UUID.randomUUID().toString()) + "]}"),
                422, "markers[1].kind");
        problem(http.post("/api/studies/mod/markers", evaluator, "{\"markers\":[" + good.replace("observer", "vendor")
                + "]}"), 422, "markers[0].by");
        problem(http.post("/api/studies/mod/markers", evaluator, "{\"markers\":[" + good.replace("\"at\"",
                "\"tMs\":-1,\"at\"") + "]}"), 422, "markers[0].tMs");
        problem(http.post("/api/studies/mod/markers", evaluator, "{\"markers\":[" + good.replace("\"at\"",
                "\"colour\":\"red\",\"at\"") + "]}"), 400, "markers[0].colour");
        problem(http.post("/api/studies/mod-closed/markers", evaluator, "{\"markers\":[" + good + "]}"), 422,
                "markers[0].sessionId");
        problem(http.post("/api/studies/mod/markers", evaluator, "{\"markers\":[" + good.replace("\"at\"",
                "\"attemptId\":\"" + UUID.randomUUID() + "\",\"at\"") + "]}"), 422, "markers[0]");
        // Nothing of the refused batches was stored.
        assertThat(store.markersOfSession(alpha.sessionId())).isEmpty();
    }

    @Test
    void aClosedStudyRefusesNewMarkersButTakesTheirReplays() {
        ResultsClient client = client();
        SessionRecord s = sessions(client, "mod-closed").get(0);
        MarkerRecord kept = new MarkerRecord(UUID.randomUUID(), s.sessionId(), null, null, "critical", null,
                "wrong patient", "moderator", T.plusSeconds(3));
        client.saveMarkers("mod-closed", List.of(kept));
        assertThat(http.post("/api/studies/mod-closed/lock", evaluator, null).status()).isEqualTo(200);
        assertThat(client.saveMarkers("mod-closed", List.of(kept)).alreadyStored()).isEqualTo(1);
        MarkerRecord late = new MarkerRecord(UUID.randomUUID(), s.sessionId(), null, null, "note", null, "late",
                "observer", T.plusSeconds(4));
        assertThatThrownBy(() -> client.saveMarkers("mod-closed", List.of(late)))
                .isInstanceOf(ResultsClient.ApiException.class)
                .satisfies(e -> assertThat(((ResultsClient.ApiException) e).status()).isEqualTo(409))
                .hasMessageContaining("locked");
        assertThat(store.markers("mod-closed")).containsExactly(kept);
    }

    private static void problem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.json().path("field").asText()).as(r.toString()).isEqualTo(field);
    }
}
