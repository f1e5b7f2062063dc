package bedside.results.server;

import bedside.results.client.Json;
import bedside.results.AttemptRecord;
import bedside.results.Fixtures;
import bedside.results.Outcome;
import bedside.results.Role;
import bedside.results.store.AccessTokens;
import bedside.results.store.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's behaviour: uploads and reads, problems for every kind of bad request, locking, audit, OpenAPI. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsApiIT {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private ResultsServer server;
    private ResultsServer small;
    private Http http;
    private String admin;
    private String evaluator;
    private Fixtures.Seeded seeded;
    private DSLContext dsl;

    @BeforeAll
    void start() {
        dsl = DB.database().dsl();
        seeded = Fixtures.seed(DB.store(), "api");
        Fixtures.seed(DB.store(), "locking");
        AccessTokens t = new AccessTokens(DB.database());
        admin = t.create(Role.ADMIN, null, null, "root", "test").secret();
        evaluator = t.create(Role.EVALUATOR, null, null, "eva", "test").secret();
        server = ResultsServer.start(DB.database(), 0);
        small = ResultsServer.start(DB.database(), ResultsServer.Options.loopback(0).withMaxBodyBytes(4096));
        http = new Http(server.url());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (small != null) {
            small.close();
        }
    }

    private String newAttempt(UUID id, String extra) {
        var s = seeded.sessions().get(1);
        return "{\"attemptId\":\"" + id + "\",\"sessionId\":\"" + s.sessionId() + "\",\"candidate\":\"" + s.candidate()
                + "\",\"task\":\"review-results\",\"participant\":\"" + s.participant() + "\",\"attemptNo\":2,"
                + "\"outcome\":\"success\",\"startedAt\":\"2026-11-25T11:00:00.123456Z\",\"timeMs\":5000,\"clicks\":3,"
                + "\"keystrokes\":10,\"screens\":2,\"pageLoads\":1,\"scrollPx\":0,\"dialogs\":0,\"validationErrors\":0,"
                + "\"systemResponseMs\":100,\"klmMs\":4000,\"events\":[{\"seq\":0,\"tMs\":1.5,\"type\":\"click\","
                + "\"page\":\"http://x/\",\"data\":{\"b\":1.50,\"a\":\"é\",\"n\":1E+2}},{\"seq\":1,\"tMs\":20.25,"
                + "\"type\":\"key\",\"page\":null,\"data\":{\"key\":\"Enter\"}}]" + extra + "}";
    }

    private Http.Response problem(Http.Response r, int status, String title, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        JsonNode p = r.json();
        assertThat(p.path("title").asText()).isEqualTo(title);
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("type").asText()).startsWith("urn:bedside:problem:");
        assertThat(p.path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(p.path("field").asText()).isEqualTo(field);
            assertThat(p.path("detail").asText()).contains(field);
        }
        return r;
    }

    // ------------------------------------------------------------------ uploads and reads

    @Test
    void uploadsABatchReadsItBackAndARetryDuplicatesNothing() {
        UUID id1 = UUID.randomUUID();
        UUID id2 = UUID.randomUUID();
        String batch = "{\"attempts\":[" + newAttempt(id1, "") + "," + newAttempt(id2, "").replace("\"attemptNo\":2",
                "\"attemptNo\":3") + "]}";
        Http.Response first = http.post("/api/studies/api/attempts", evaluator, batch);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("stored").asInt()).isEqualTo(2);
        Http.Response again = http.post("/api/studies/api/attempts", evaluator, batch);
        assertThat(again.json().path("stored").asInt()).isZero();
        assertThat(again.json().path("alreadyStored").asInt()).isEqualTo(2);
        assertThat(dsl.fetchValue("select count(*) from attempts where attempt_id in (?, ?)", id1, id2)).isEqualTo(2L);
        assertThat(dsl.fetchValue("select count(*) from events where attempt_id in (?, ?)", id1, id2)).isEqualTo(4L);

        JsonNode one = http.get("/api/studies/api/attempts/" + id1, evaluator).json();
        assertThat(one.path("outcome").asText()).isEqualTo("success");
        assertThat(one.path("startedAt").asText()).isEqualTo("2026-11-25T11:00:00.123456Z");
        assertThat(one.path("recordHash").asText()).matches("[0-9a-f]{64}");
        JsonNode events = http.get("/api/studies/api/attempts/" + id1 + "/events", evaluator).json();
        assertThat(events.path("total").asInt()).isEqualTo(2);
        assertThat(events.path("items").get(0).path("data").path("a").asText()).isEqualTo("é");
        assertThat(events.path("items").get(0).path("tMs").asDouble()).isEqualTo(1.5);
        // Numbers in event data come back as the exact decimals sent (jsonb keeps 1.50; 1E+2 is 100).
        assertThat(events.path("items").get(0).path("data").toString()).isEqualTo("{\"a\":\"é\",\"b\":1.50,\"n\":100}");
        assertThat(http.get("/api/studies/api/verify", evaluator).json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void questionnaireAnswersAreStoredOnceChainedAndVerified() {
        Fixtures.Seeded answers = Fixtures.seed(DB.store(), "answers");
        UUID session = answers.alphaSession().sessionId();
        String body = "{\"taskRatings\":[{\"sessionId\":\"" + session + "\",\"task\":\"record-allergy\",\"rating\":6,"
                + "\"comment\":\"quick \\\"enough\\\"\",\"answeredAt\":\"2026-11-25T10:00:00.123456789Z\"}],"
                + "\"sus\":[{\"sessionId\":\"" + session + "\",\"answers\":[4,2,4,1,5,2,4,2,4,2],"
                + "\"answeredAt\":\"2026-11-25T10:05:00Z\"}]}";
        Http.Response first = http.post("/api/studies/answers/questionnaire-answers", evaluator, body);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("taskRatingsStored").asInt()).isEqualTo(1);
        assertThat(first.json().path("susStored").asInt()).isEqualTo(1);
        Http.Response again = http.post("/api/studies/answers/questionnaire-answers", evaluator, body);
        assertThat(again.json().path("alreadyStored").asInt()).isEqualTo(2);
        assertThat(again.json().path("taskRatingsStored").asInt()).isZero();

        JsonNode verify = http.get("/api/studies/answers/verify", evaluator).json();
        assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.path("attempts").asInt()).isEqualTo(18);
        assertThat(verify.path("taskRatings").asInt()).isEqualTo(1);
        assertThat(verify.path("susAnswers").asInt()).isEqualTo(10);
        assertThat(verify.path("firstAlteredTable").isNull()).isTrue();

        dsl.execute("update sus_answers set answer = 5 where session_id = ? and item = 2", session);
        JsonNode altered = http.get("/api/studies/answers/verify", evaluator).json();
        assertThat(altered.path("intact").asBoolean()).isFalse();
        assertThat(altered.path("firstAlteredTable").asText()).isEqualTo("sus_answers");
        assertThat(altered.path("firstAlteredRow").asText()).isEqualTo("session_id = " + session + ", item = 2");
        assertThat(altered.path("firstAlteredChainNo").asLong()).isEqualTo(18 + 1 + 2);
        assertThat(altered.path("firstAlteredAttempt").isNull()).isTrue();
        assertThat(altered.path("problem").asText()).contains("SUS answer item 2 of session " + session);
        // What verify answers is what the OpenAPI document says it answers.
        Set<String> documented = new TreeSet<>();
        http.get("/api/openapi.json", null).json().at("/components/schemas/VerifyReport/properties").fieldNames()
                .forEachRemaining(documented::add);
        Set<String> sent = new TreeSet<>();
        altered.fieldNames().forEachRemaining(sent::add);
        assertThat(sent).isEqualTo(documented);
    }

    @Test
    void listsAttemptsWithFiltersAndPages() {
        JsonNode page1 = http.get("/api/studies/api/attempts?candidate=beta&limit=4", evaluator).json();
        assertThat(page1.path("total").asInt()).isEqualTo(9);
        assertThat(page1.path("items")).hasSize(4);
        String next = page1.path("next").asText();
        assertThat(next).contains("candidate=beta").contains("offset=4");
        JsonNode page2 = http.get(next, evaluator).json();
        assertThat(page2.path("items")).hasSize(4);
        JsonNode page3 = http.get(page2.path("next").asText(), evaluator).json();
        assertThat(page3.path("items")).hasSize(1);
        assertThat(page3.path("next").isNull()).isTrue();
        Set<String> ids = new TreeSet<>();
        for (JsonNode p : List.of(page1, page2, page3)) {
            p.path("items").forEach(n -> ids.add(n.path("attemptId").asText()));
        }
        assertThat(ids).hasSize(9);
        JsonNode failures = http.get("/api/studies/api/attempts?outcome=failure&task=record-allergy", evaluator).json();
        failures.path("items").forEach(n -> {
            assertThat(n.path("outcome").asText()).isEqualTo("failure");
            assertThat(n.path("task").asText()).isEqualTo("record-allergy");
        });
        assertThat(http.get("/api/studies/api/attempts?participant=P3&candidate=alpha", evaluator).json()
                .path("total").asInt()).isEqualTo(3);
    }

    @Test
    void aBatchIsStoredWhollyOrNotAtAll() {
        UUID fresh = UUID.randomUUID();
        AttemptRecord stored = seeded.alphaAttempt();
        String conflicting = AccessMatrixIT.attemptJson(stored).replace("\"clicks\":7", "\"clicks\":8");
        Http.Response r = http.post("/api/studies/api/attempts", evaluator,
                "{\"attempts\":[" + newAttempt(fresh, "").replace("\"attemptNo\":2", "\"attemptNo\":9") + ","
                        + conflicting + "]}");
        problem(r, 409, "Record conflict", "attempts[1]");
        assertThat(dsl.fetchValue("select count(*) from attempts where attempt_id = ?", fresh)).isEqualTo(0L);
    }

    // ------------------------------------------------------------------ problems

    @Test
    void malformedJsonIs400() {
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\": [ {\"attemptId\": "),
                400, "Malformed JSON", null);
        problem(http.post("/api/studies", admin, "{'code': 'x'}"), 400, "Malformed JSON", null);
        problem(http.post("/api/studies", admin, "{\"code\":\"x\",\"title\":\"y\"} trailing"), 400, "Malformed JSON", null);
        problem(http.post("/api/studies", admin, ""), 400, "Missing body", null);
        problem(http.post("/api/studies", admin, "[1,2]"), 400, "Wrong type", null);
    }

    @Test
    void wrongTypesAre400AndNameTheField() {
        UUID id = UUID.randomUUID();
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\":["
                + newAttempt(id, "").replace("\"clicks\":3", "\"clicks\":\"three\"") + "]}"), 400, "Wrong type",
                "attempts[0].clicks");
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\":["
                + newAttempt(id, "").replace("\"attemptNo\":2", "\"attemptNo\":2.5") + "]}"), 400, "Wrong type",
                "attempts[0].attemptNo");
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\":["
                + newAttempt(id, "").replace("\"startedAt\":\"2026-11-25T11:00:00.123456Z\"", "\"startedAt\":\"yesterday\"")
                + "]}"), 400, "Wrong type", "attempts[0].startedAt");
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\":["
                + newAttempt(id, "").replace("\"attemptId\":\"" + id + "\"", "\"attemptId\":\"not-a-uuid\"") + "]}"),
                400, "Wrong type", "attempts[0].attemptId");
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\":{}}"), 400, "Wrong type", "attempts");
        problem(http.post("/api/studies", admin, "{\"code\":12,\"title\":\"x\"}"), 400, "Wrong type", "code");
        problem(http.post("/api/studies/api/participants", evaluator, "{\"code\":\"P7\",\"yearsInRole\":true}"), 400,
                "Wrong type", "yearsInRole");
    }

    @Test
    void unknownAndMissingFieldsAreNamed() {
        UUID id = UUID.randomUUID();
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\":[" + newAttempt(id, ",\"click\":1")
                + "]}"), 400, "Unknown field", "attempts[0].click");
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\":["
                + newAttempt(id, "").replace("\"outcome\":\"success\",", "") + "]}"), 422, "Missing field",
                "attempts[0].outcome");
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\":["
                + newAttempt(id, "").replace("\"outcome\":\"success\"", "\"outcome\":\"mostly-fine\"") + "]}"), 422,
                "Invalid field", "attempts[0].outcome");
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\":["
                + newAttempt(id, "").replace("\"clicks\":3", "\"clicks\":-3") + "]}"), 422, "Invalid field",
                "attempts[0].clicks");
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\":["
                + newAttempt(id, "").replace("\"data\":{\"key\":\"Enter\"}", "\"data\":[1]") + "]}"), 422,
                "Invalid field", "attempts[0].events[1].data");
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\":["
                + newAttempt(id, "").replace("\"data\":{\"key\":\"Enter\"}", "\"data\":{\"k\":\"a\\u0000b\"}") + "]}"),
                422, "Invalid field", "attempts[0].events[1].data");
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\":["
                + newAttempt(id, "").replace("\"task\":\"review-results\"", "\"task\":\"no-such-task\"") + "]}"),
                422, "Invalid record", "attempts[0]");
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\":["
                + newAttempt(id, "").replace("\"sessionId\":\"" + seeded.sessions().get(1).sessionId() + "\"",
                "\"sessionId\":\"" + UUID.randomUUID() + "\"") + "]}"), 422, "Invalid field", "attempts[0].sessionId");
        problem(http.post("/api/studies/api/questionnaire-answers", evaluator, "{\"sus\":[{\"sessionId\":\""
                + seeded.alphaSession().sessionId() + "\",\"answers\":[1,2,3],\"answeredAt\":\"2026-11-25T10:00:00Z\"}]}"),
                422, "Invalid field", "sus[0].answers");
        problem(http.post("/api/studies/api/attempts", evaluator, "{\"attempts\":["
                + newAttempt(id, "").replace("\"data\":{\"key\":\"Enter\"}", "\"data\":{\"n\":1e1000000}") + "]}"),
                422, "Invalid record", "attempts[0]");
        assertThat(dsl.fetchValue("select count(*) from attempts where attempt_id = ?", id)).isEqualTo(0L);
    }

    @Test
    void unknownIdsAre404AndBadIdsAre400() {
        problem(http.get("/api/studies/nope", admin), 404, "Study not found", null);
        problem(http.get("/api/studies/api/candidates/nope", admin), 404, "Candidate not found", null);
        problem(http.get("/api/studies/api/attempts/" + UUID.randomUUID(), admin), 404, "Attempt not found", null);
        problem(http.get("/api/studies/api/attempts/" + UUID.randomUUID() + "/events", admin), 404, "Attempt not found",
                null);
        problem(http.get("/api/studies/locking/attempts/" + seeded.alphaAttempt().attemptId(), admin), 404,
                "Attempt not found", null);
        problem(http.post("/api/studies/api/runs/" + UUID.randomUUID() + "/finish", admin,
                "{\"finishedAt\":\"2026-11-25T12:00:00Z\"}"), 404, "Run not found", null);
        problem(http.get("/api/studies/api/attempts/12345", admin), 400, "Invalid identifier", "attemptId");
        problem(http.get("/api/studies/api/attempts?limit=0", admin), 400, "Invalid query parameter", "limit");
        problem(http.get("/api/studies/api/attempts?limit=ten", admin), 400, "Invalid query parameter", "limit");
        problem(http.get("/api/studies/api/attempts?offset=-1", admin), 400, "Invalid query parameter", "offset");
        problem(http.get("/api/studies/api/attempts?outcome=meh", admin), 400, "Invalid query parameter", "outcome");
        problem(http.get("/api/no/such/route", admin), 404, "No such route", null);
        problem(http.send("DELETE", "/api/studies/api", admin, null, null), 404, "No such route", null);
    }

    @Test
    void oversizedBodiesAre413AndOtherMediaTypes415() {
        Http smallHttp = new Http(small.url());
        String big = "{\"attempts\":[" + newAttempt(UUID.randomUUID(), "").replace("\"reason\":null", "")
                .replace("\"klmMs\":4000", "\"klmMs\":4000,\"reason\":\"" + "x".repeat(10_000) + "\"") + "]}";
        problem(smallHttp.post("/api/studies/api/attempts", evaluator, big), 413, "Body too large", null);
        problem(smallHttp.send("POST", "/api/studies/api/attempts", evaluator, "application/json", big, true), 413,
                "Body too large", null);
        problem(http.send("POST", "/api/studies", admin, "text/plain", "{\"code\":\"t\",\"title\":\"t\"}"), 415,
                "Unsupported media type", null);
        problem(http.send("POST", "/api/studies", admin, null, "{\"code\":\"t\",\"title\":\"t\"}"), 415,
                "Unsupported media type", null);
    }

    // ------------------------------------------------------------------ locking, audit

    @Test
    void afterLockingNothingChangesThroughTheApi() {
        var locking = dsl.fetchOne("select session_id, candidate_code, participant_code from sessions "
                + "where study_code = 'locking' limit 1");
        UUID session = locking.get(0, UUID.class);
        Http.Response locked = http.post("/api/studies/locking/lock", evaluator, null);
        assertThat(locked.status()).as(locked.toString()).isEqualTo(200);
        assertThat(locked.json().path("locked").asBoolean()).isTrue();
        assertThat(http.post("/api/studies/locking/lock", evaluator, null).status()).isEqualTo(200);

        String attempt = newAttempt(UUID.randomUUID(), "")
                .replace(seeded.sessions().get(1).sessionId().toString(), session.toString())
                .replace("\"candidate\":\"alpha\"", "\"candidate\":\"" + locking.get(1, String.class) + "\"")
                .replace("\"participant\":\"P2\"", "\"participant\":\"" + locking.get(2, String.class) + "\"");
        problem(http.post("/api/studies/locking/attempts", evaluator, "{\"attempts\":[" + attempt + "]}"), 409,
                "Study locked", "attempts[0]");
        problem(http.post("/api/studies/locking/candidates", evaluator,
                "{\"code\":\"delta\",\"displayName\":\"Delta\"}"), 409, "Study locked", null);
        problem(http.post("/api/studies/locking/participants", evaluator, "{\"code\":\"P77\"}"), 409, "Study locked",
                null);
        problem(http.post("/api/studies/locking/questionnaire-answers", evaluator, "{\"taskRatings\":[{\"sessionId\":\""
                + session + "\",\"task\":\"record-allergy\",\"rating\":3,\"answeredAt\":\"2026-11-25T10:00:00Z\"}]}"),
                409, "Study locked", "taskRatings[0]");
        problem(http.post("/api/studies/locking/runs", evaluator, "{\"runId\":\"" + UUID.randomUUID()
                + "\",\"suiteId\":\"" + Fixtures.SUITE_ID + "\",\"suiteHash\":\"" + Fixtures.SUITE_HASH
                + "\",\"kind\":\"run\",\"startedAt\":\"" + Instant.now() + "\"}"), 409, "Study locked", null);
        JsonNode verify = http.get("/api/studies/locking/verify", evaluator).json();
        assertThat(verify.path("intact").asBoolean()).isTrue();
        assertThat(verify.path("locked").asBoolean()).isTrue();
        assertThat(verify.path("attempts").asInt()).isEqualTo(18);
        JsonNode audit = http.get("/api/studies/locking/audit", evaluator).json();
        assertThat(audit.path("items")).anySatisfy(n -> {
            assertThat(n.path("action").asText()).isEqualTo("study.lock");
            assertThat(n.path("actor").asText()).contains("eva", "evaluator");
            assertThat(n.path("details").path("chainLength").asInt()).isEqualTo(18);
        });
    }

    @Test
    void theAuditLogRecordsWhoReadWhichReportAndScoresAndWhen() {
        AccessTokens t = new AccessTokens(DB.database());
        AccessTokens.Issued board = t.create(Role.BOARD, "api", null, "procurement-board", "test");
        AccessTokens.Issued vendor = t.create(Role.VENDOR, "api", "beta", "beta-vendor", "test");
        Instant before = Instant.now().minusSeconds(1);
        assertThat(http.get("/api/studies/api/report", board.secret()).status()).isEqualTo(200);
        assertThat(http.get("/api/studies/api/scores", board.secret()).status()).isEqualTo(200);
        assertThat(http.get("/api/studies/api/candidates/beta/report", vendor.secret()).status()).isEqualTo(200);
        assertThat(http.get("/api/studies/api/candidates/alpha/report", vendor.secret()).status()).isEqualTo(404);

        List<Map<String, Object>> rows = new ArrayList<>(dsl.fetch("select actor, action, entity, entity_id, at "
                + "from audit_log where study_code = 'api' and action in ('report.read', 'scores.read') "
                + "and (actor like ? or actor like ?) order by id", "%" + board.token().id() + "%",
                "%" + vendor.token().id() + "%").intoMaps());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("action", "report.read").containsEntry("entity", "study")
                .containsEntry("entity_id", "api");
        assertThat((String) rows.get(0).get("actor")).contains(board.token().id().toString(), "procurement-board");
        assertThat(rows.get(1)).containsEntry("action", "scores.read");
        assertThat(rows.get(2)).containsEntry("action", "report.read").containsEntry("entity", "candidate")
                .containsEntry("entity_id", "beta");
        assertThat((String) rows.get(2).get("actor")).contains(vendor.token().id().toString());
        for (Map<String, Object> row : rows) {
            Instant at = ((java.time.OffsetDateTime) row.get("at")).toInstant();
            assertThat(at).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        }
        // And the log cannot be rewritten.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dsl.execute("delete from audit_log"))
                .hasMessageContaining("append-only");
    }

    // ------------------------------------------------------------------ OpenAPI

    @Test
    void theOpenApiDocumentAndTheRegisteredRoutesAgree() throws Exception {
        Http.Response r = http.get("/api/openapi.json", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.json();
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        Set<String> documented = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m ->
                documented.add(m.toUpperCase() + " " + p.getKey())));
        assertThat(documented).isEqualTo(new TreeSet<>(server.routes()));
        // The roles the document states (x-roles) are the roles the server enforces.
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            Set<String> stated = new TreeSet<>();
            m.getValue().path("x-roles").forEach(role -> stated.add(role.asText()));
            assertThat(stated).as(m.getKey() + " " + p.getKey())
                    .isEqualTo(server.routeRoles().get(m.getKey().toUpperCase() + " " + p.getKey()));
        }));
        // Every $ref resolves, and every documented role list matches the route's roles as enforced.
        Set<String> refs = new TreeSet<>();
        collectRefs(doc, refs);
        for (String ref : refs) {
            assertThat(doc.at(ref.substring(1))).as(ref).isNotNull();
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
        try (InputStream in = ResultsApi.class.getResourceAsStream("openapi.json")) {
            assertThat(Json.MAPPER.readTree(in)).isEqualTo(doc);
        }
    }

    private static void collectRefs(JsonNode n, Set<String> refs) {
        if (n.isObject()) {
            n.fields().forEachRemaining(f -> {
                if (f.getKey().equals("$ref")) {
                    refs.add(f.getValue().asText());
                } else {
                    collectRefs(f.getValue(), refs);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collectRefs(c, refs));
        }
    }

    @Test
    void scoresAreTheStatisticsModulesAnalysis() {
        Http.Response r = http.get("/api/studies/api/scores", evaluator);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode a = r.json();
        assertThat(a.toString()).contains("bedside.analysis/1");
        assertThat(a.toString()).contains("alpha", "beta", "record-allergy");
        Http.Response empty = http.post("/api/studies", admin, "{\"code\":\"empty\",\"title\":\"Empty\"}");
        assertThat(empty.status()).isEqualTo(201);
        problem(http.get("/api/studies/empty/scores", admin), 409, "Nothing to score", null);
        assertThat(Outcome.SUCCESS.code()).isEqualTo("success");
    }
}
