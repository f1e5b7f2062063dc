package bedside.results.server;

import bedside.results.AttemptRecord;
import bedside.results.Fixtures;
import bedside.results.Outcome;
import bedside.results.ParticipantRecord;
import bedside.results.Role;
import bedside.results.RunRecord;
import bedside.results.SessionOrder;
import bedside.results.SessionRecord;
import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
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
 * A study's plan through the API and {@link ResultsClient}: written, replaced, locked and read under the access rules
 * (vendor and board read it, only admin and evaluator write or lock it), and every refusal of the plan or its session
 * rules a 409 problem carrying the store's message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansApiIT {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static final Instant T = Instant.parse("2026-11-25T09:30:00.123456Z");

    private ResultsServer server;
    private Http http;
    private ResultsStore store;
    private String admin;
    private String evaluator;
    private String otherEvaluator;
    private String vendor;
    private String board;

    @BeforeAll
    void start() {
        store = DB.store();
        for (String study : List.of("plans", "sessions", "simulated", "closed", "elsewhere")) {
            Fixtures.prepareStudy(store, study);
        }
        AccessTokens tokens = new AccessTokens(DB.database());
        admin = tokens.create(Role.ADMIN, null, null, "admin", "test").secret();
        evaluator = tokens.create(Role.EVALUATOR, null, null, "ann", "test").secret();
        otherEvaluator = tokens.create(Role.EVALUATOR, "elsewhere", null, "otto", "test").secret();
        vendor = tokens.create(Role.VENDOR, "plans", "alpha", "alpha-vendor", "test").secret();
        board = tokens.create(Role.BOARD, "plans", null, "board", "test").secret();
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

    private Http.Response put(String path, String token, String json) {
        return http.send("PUT", path, token, "application/json", json);
    }

    private static JsonNode problem(Http.Response r, int status, String type) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.json().path("type").asText()).as(r.toString()).isEqualTo("urn:bedside:problem:" + type);
        return r.json();
    }

    private static SessionRecord moderated(RunRecord run, String candidate, String participant) {
        return new SessionRecord(UUID.randomUUID(), run.runId(), candidate, participant, T,
                new SessionOrder("fixed", null, null, List.of("record-allergy", "order-medication"), 1));
    }

    private RunRecord run(ResultsClient client, String study, String suiteHash) {
        RunRecord run = new RunRecord(UUID.randomUUID(), study, Fixtures.SUITE_ID, Fixtures.SUITE_VERSION, suiteHash,
                "session", T, null);
        client.startRun(run);
        return run;
    }

    @Test
    void aPlanIsWrittenLockedAndReadByEveryRoleThatSeesTheStudy() {
        ResultsClient client = client();
        String noPlan = "study plans has no plan: write one with `bedside study plan plans …`";
        assertThat(problem(http.get("/api/studies/plans/plan", board), 404, "not-found").path("detail").asText())
                .isEqualTo(noPlan);
        assertThat(http.get("/api/studies/plans/plan", board).json().path("title").asText()).isEqualTo("Plan not found");
        assertThat(client.plan("plans")).isEmpty();
        // A study the token does not reach is unknown, plan or not.
        assertThatThrownBy(() -> ResultsClient.builder(URI.create(server.url()), otherEvaluator).maxAttempts(1).build()
                .plan("plans")).isInstanceOf(ResultsClient.ApiException.class)
                .satisfies(e -> assertThat(((ResultsClient.ApiException) e).title()).isEqualTo("Study not found"));

        StudyPlan first = Fixtures.plan("plans", 6);
        String body = first.canonicalJson();
        // Only admin and evaluator write or lock it.
        assertThat(put("/api/studies/plans/plan", vendor, body).status()).isEqualTo(403);
        assertThat(put("/api/studies/plans/plan", board, body).status()).isEqualTo(403);
        assertThat(put("/api/studies/plans/plan", otherEvaluator, body).status()).isEqualTo(404);
        assertThat(put("/api/studies/plans/plan", null, body).status()).isEqualTo(401);
        assertThat(http.post("/api/studies/plans/plan/lock", vendor, null).status()).isEqualTo(403);
        assertThat(http.post("/api/studies/plans/plan/lock", board, null).status()).isEqualTo(403);

        Http.Response created = put("/api/studies/plans/plan", evaluator, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode n = created.json();
        assertThat(n.path("hash").asText()).isEqualTo(first.hash());
        assertThat(n.path("json").asText()).isEqualTo(body);
        assertThat(created.body()).contains("\"plan\":" + body);
        assertThat(n.path("locked").asBoolean()).isFalse();
        assertThat(n.path("lockedAt").isNull()).isTrue();
        assertThat(n.path("savedBy").asText()).endsWith("(ann, evaluator)");
        assertThat(put("/api/studies/plans/plan", admin, body).status()).isEqualTo(200);
        // Replaced while unlocked, through the client.
        StudyPlan second = Fixtures.plan("plans", 4.5);
        StoredPlan replaced = client.savePlan(second);
        assertThat(replaced.hash()).isEqualTo(second.hash());
        assertThat(replaced.plan()).isEqualTo(second);
        assertThat(client.plan("plans")).contains(replaced);

        StoredPlan locked = client.lockPlan("plans");
        assertThat(locked.locked()).isTrue();
        assertThat(locked.hash()).isEqualTo(second.hash());
        assertThat(locked.chainNo()).isEqualTo(1L);
        // Vendor and board read it, as stored.
        for (String token : List.of(vendor, board, admin)) {
            Http.Response r = http.get("/api/studies/plans/plan", token);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("hash").asText()).isEqualTo(second.hash());
            assertThat(r.json().path("locked").asBoolean()).isTrue();
            assertThat(StudyPlan.fromJson(r.json().path("plan").toString())).isEqualTo(second);
        }

        // Locked: no change, no second lock; each a 409 with the store's message.
        String since = " since " + locked.lockedAt();
        JsonNode changed = problem(put("/api/studies/plans/plan", evaluator, first.canonicalJson()), 409, "plan-locked");
        assertThat(changed.path("detail").asText()).isEqualTo("the plan of study plans is locked (" + second.hash()
                + ")" + since + ": it cannot change");
        assertThat(changed.path("title").asText()).isEqualTo("Plan locked");
        assertThatThrownBy(() -> client.savePlan(first)).isInstanceOf(ResultsClient.ApiException.class)
                .satisfies(e -> assertThat(((ResultsClient.ApiException) e).status()).isEqualTo(409))
                .hasMessageContaining("the plan of study plans is locked (" + second.hash() + ")");
        assertThat(problem(http.post("/api/studies/plans/plan/lock", admin, null), 409, "plan-locked")
                .path("detail").asText()).isEqualTo("the plan of study plans is already locked (" + second.hash()
                + ")" + since + ": it was not locked again");
        assertThat(client.plan("plans")).contains(locked);

        JsonNode verify = http.get("/api/studies/plans/verify", board).json();
        assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.path("planHash").asText()).isEqualTo(second.hash());
        assertThat(verify.path("planLocked").asBoolean()).isTrue();
        assertThat(verify.path("planAltered").asBoolean()).isFalse();
        JsonNode audit = http.get("/api/studies/plans/audit", admin).json().path("items");
        assertThat(audit.toString()).contains("plan.save", "plan.replace", "plan.lock");
    }

    @Test
    void aBadPlanIsA400WithTheReason() {
        String good = Fixtures.plan("elsewhere", 6).canonicalJson();
        JsonNode malformed = problem(put("/api/studies/elsewhere/plan", admin, "{\"schema\":"), 400, "invalid-plan");
        assertThat(malformed.path("detail").asText()).startsWith("not a study plan");
        assertThat(problem(put("/api/studies/elsewhere/plan", admin, good.replace("\"weight\":6.0", "\"weight\":-1")),
                400, "invalid-plan").path("detail").asText()).contains("weight must be a finite number >= 0");
        assertThat(problem(put("/api/studies/elsewhere/plan", admin, good.replace("{\"analysis\"",
                "{\"colour\":\"red\",\"analysis\"")), 400, "invalid-plan").path("detail").asText())
                .startsWith("not a study plan").contains("colour");
        JsonNode other = problem(put("/api/studies/elsewhere/plan", admin, Fixtures.plan("plans", 6).canonicalJson()),
                400, "invalid-plan");
        assertThat(other.path("detail").asText()).isEqualTo("the plan is the plan of study plans, not of study elsewhere");
        assertThat(other.path("field").asText()).isEqualTo("study");
        assertThat(problem(put("/api/studies/elsewhere/plan", admin, Fixtures.plan("elsewhere",
                "sha256:" + Fixtures.SUITE_HASH, List.of("alpha", "gamma"), 6, false).canonicalJson()), 400,
                "invalid-plan").path("detail").asText()).isEqualTo("the plan compares candidate gamma, which study "
                + "elsewhere does not have: add it to the study first (its candidates: alpha, beta)");
        problem(put("/api/studies/elsewhere/plan", admin, null), 400, "missing-body");
        problem(http.send("PUT", "/api/studies/elsewhere/plan", admin, "text/plain", good), 415,
                "unsupported-media-type");
        assertThat(store.plan("elsewhere")).isEmpty();
        // No plan to lock.
        assertThat(problem(http.post("/api/studies/elsewhere/plan/lock", admin, null), 409, "no-plan")
                .path("detail").asText()).isEqualTo("study elsewhere has no plan: write one with `bedside study plan "
                + "elsewhere …`");
    }

    @Test
    void sessionsRefusedByThePlanAre409sWithItsMessage() {
        ResultsClient client = client();
        RunRecord run = run(client, "sessions", Fixtures.SUITE_HASH);
        SessionRecord refused = moderated(run, "alpha", "P01");
        assertThatThrownBy(() -> client.startSession("sessions", refused))
                .isInstanceOf(ResultsClient.ApiException.class)
                .satisfies(e -> assertThat(((ResultsClient.ApiException) e).status()).isEqualTo(409))
                .hasMessageContaining("study sessions's plan is not locked: lock it with `bedside study lock sessions`, "
                        + "or run a pilot with --pilot (kept out of every score)");
        String json = "{\"sessionId\":\"" + UUID.randomUUID() + "\",\"runId\":\"" + run.runId()
                + "\",\"candidate\":\"alpha\",\"participant\":\"P01\",\"startedAt\":\"" + T + "\",\"order\":{\"mode\":"
                + "\"fixed\",\"tasks\":[\"record-allergy\"],\"candidatePosition\":1}";
        JsonNode notLocked = problem(http.post("/api/studies/sessions/sessions", evaluator, json + "}"), 409,
                "plan-not-locked");
        assertThat(notLocked.path("title").asText()).isEqualTo("Plan not locked");
        assertThat(notLocked.has("field")).isFalse();

        // A pilot runs without a plan; the flags come back.
        SessionRecord pilot = refused.withFlags(true, false);
        client.startSession("sessions", pilot);
        JsonNode listed = http.get("/api/studies/sessions/sessions", evaluator).json().path("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("pilot").asBoolean()).isTrue();
        assertThat(listed.get(0).path("simulated").asBoolean()).isFalse();
        assertThat(store.session(pilot.sessionId()).orElseThrow().pilot()).isTrue();
        AttemptRecord a = Fixtures.attempt(pilot, "record-allergy", 1, Outcome.SUCCESS, T.plusSeconds(5));
        assertThat(client.uploadAttempts("sessions", List.of(new ResultsClient.Upload(a, Fixtures.events(a.attemptId(),
                2)))).stored()).isEqualTo(1);
        assertThat(DB.database().dsl().fetchValue("select pilot from attempts where attempt_id = ?", a.attemptId()))
                .isEqualTo(true);

        // Under the locked plan: another suite version, another candidate, a simulated session — each a 409.
        client.savePlan(Fixtures.plan("sessions", "sha256:" + Fixtures.SUITE_HASH, List.of("alpha"), 6, false));
        client.lockPlan("sessions");
        client.startSession("sessions", moderated(run, "alpha", "P02"));
        String otherHash = Fixtures.sha256("another version");
        client.saveSuiteVersion(Fixtures.SUITE_ID, "2.0.0", otherHash, "Medication safety 2", Fixtures.TASKS);
        RunRecord other = run(client, "sessions", otherHash);
        assertThatThrownBy(() -> client.startSession("sessions", moderated(other, "alpha", "P03")))
                .isInstanceOf(ResultsClient.ApiException.class)
                .hasMessageContaining("suite sha256:" + otherHash + " is not the suite of study sessions's plan (sha256:"
                        + Fixtures.SUITE_HASH + ")");
        JsonNode candidate = problem(http.post("/api/studies/sessions/sessions", evaluator,
                json.replace("\"alpha\"", "\"beta\"") + "}"), 409, "not-the-plan");
        assertThat(candidate.path("detail").asText()).startsWith("candidate beta is not a candidate of study "
                + "sessions's plan (sha256:");
        JsonNode simulated = problem(http.post("/api/studies/sessions/sessions", evaluator, json
                + ",\"pilot\":true,\"simulated\":true}"), 409, "simulated-data");
        assertThat(simulated.path("detail").asText()).contains("is simulated but study sessions's plan (sha256:")
                .contains(") is real: a real study takes no simulated sessions");
        assertThat(store.sessionsOfStudy("sessions")).hasSize(2);
    }

    @Test
    void aRealPlanIsNotLockedOverSimulatedDataNorAClosedStudysPlan() {
        ResultsClient client = client();
        RunRecord run = run(client, "simulated", Fixtures.SUITE_HASH);
        ParticipantRecord s01 = client.ensureParticipant("simulated", ParticipantRecord.of("S01").withSimulated(true));
        assertThat(s01.simulated()).isTrue();
        // Left out, simulated is what is stored; another value is a conflict.
        Http.Response again = http.post("/api/studies/simulated/participants", evaluator, "{\"code\":\"S01\","
                + "\"ageBand\":\"30-39\"}");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("simulated").asBoolean()).isTrue();
        problem(http.post("/api/studies/simulated/participants", evaluator, "{\"code\":\"S01\",\"simulated\":false}"),
                409, "record-conflict");
        client.startSession("simulated", moderated(run, "alpha", "S01").withFlags(true, true));
        client.savePlan(Fixtures.plan("simulated", 6));
        JsonNode refused = problem(http.post("/api/studies/simulated/plan/lock", evaluator, null), 409,
                "simulated-data");
        assertThat(refused.path("detail").asText()).isEqualTo("study simulated holds 1 simulated session(s): a real "
                + "study's plan cannot be locked over simulated data");
        assertThat(client.plan("simulated").orElseThrow().locked()).isFalse();
        // A simulated plan locks over them.
        client.savePlan(Fixtures.plan("simulated", "sha256:" + Fixtures.SUITE_HASH, List.of("alpha", "beta"), 6, true));
        assertThat(client.lockPlan("simulated").plan().simulated()).isTrue();

        // The study's lock (its evidence closed) is another thing: its plan can then neither change nor be locked.
        client.savePlan(Fixtures.plan("closed", 6));
        assertThat(http.post("/api/studies/closed/lock", evaluator, null).status()).isEqualTo(200);
        assertThat(problem(http.post("/api/studies/closed/plan/lock", evaluator, null), 409, "study-locked")
                .path("detail").asText()).endsWith("): its plan can no longer be locked");
        assertThat(problem(put("/api/studies/closed/plan", evaluator, Fixtures.plan("closed", 5).canonicalJson()), 409,
                "study-locked").path("detail").asText()).endsWith("): its plan can no longer change");
    }
}
