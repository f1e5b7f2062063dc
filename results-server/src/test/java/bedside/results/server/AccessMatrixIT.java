package bedside.results.server;

import bedside.results.client.Json;
import bedside.results.Fixtures;
import bedside.results.Role;
import bedside.results.store.AccessTokens;
import bedside.results.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route × every kind of caller: no token, admin, an evaluator of the study, an evaluator of another study,
 * the vendor of candidate alpha (also aiming at beta's ids), and the board. 2 stands for any 2xx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    enum Caller { ANON, ADMIN, EVALUATOR, OTHER_EVALUATOR, VENDOR, BOARD }

    private ResultsServer server;
    private Http http;
    private Fixtures.Seeded s1;
    private final Map<Caller, String> tokens = new LinkedHashMap<>();
    private final List<String> covered = new ArrayList<>();

    @BeforeAll
    void start() {
        s1 = Fixtures.seed(DB.store(), "s1");
        Fixtures.seed(DB.store(), "s2");
        // s1's plan is locked and a participant took the tasks: its scores come from that session (issue 12), whatever
        // order the tests run in.
        Fixtures.lockPlan(DB.store(), "s1");
        Fixtures.participantSessions(DB.store(), "s1", "P9", Fixtures.T0.plusSeconds(86_400));
        // alpha's attempt has a replay; beta's has none.
        DB.store().saveReplay(bedside.results.ReplayRecord.of(s1.alphaAttempt().attemptId(),
                List.of("{\"type\":4,\"data\":{\"href\":\"http://x/\",\"width\":800,\"height\":600},\"timestamp\":1}")));
        AccessTokens t = new AccessTokens(DB.database());
        tokens.put(Caller.ANON, null);
        tokens.put(Caller.ADMIN, t.create(Role.ADMIN, null, null, "admin", "test").secret());
        tokens.put(Caller.EVALUATOR, t.create(Role.EVALUATOR, "s1", null, "eva", "test").secret());
        tokens.put(Caller.OTHER_EVALUATOR, t.create(Role.EVALUATOR, "s2", null, "otto", "test").secret());
        tokens.put(Caller.VENDOR, t.create(Role.VENDOR, "s1", "alpha", "alpha-vendor", "test").secret());
        tokens.put(Caller.BOARD, t.create(Role.BOARD, "s1", null, "board", "test").secret());
        server = ResultsServer.start(DB.database(), 0);
        http = new Http(server.url());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static final java.util.UUID MARKER = java.util.UUID.randomUUID();

    private record Row(String method, String route, String path, String body, int[] expected) {
    }

    private static int[] e(int anon, int admin, int evaluator, int otherEvaluator, int vendor, int board) {
        return new int[] {anon, admin, evaluator, otherEvaluator, vendor, board};
    }

    private List<Row> rows() {
        String a = s1.alphaAttempt().attemptId().toString();
        String b = s1.betaAttempt().attemptId().toString();
        String run = s1.run().runId().toString();
        var sess = s1.alphaSession();
        String attemptReplay = "{\"attempts\":[" + attemptJson(s1.alphaAttempt()) + "]}";
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("GET", "/api/openapi.json", "/api/openapi.json", null, e(200, 200, 200, 200, 200, 200)));
        rows.add(new Row("GET", "/api/studies", "/api/studies", null, e(401, 200, 200, 200, 200, 200)));
        rows.add(new Row("POST", "/api/studies", "/api/studies", "{\"code\":\"s3\",\"title\":\"Third\"}",
                e(401, 2, 403, 403, 403, 403)));
        rows.add(new Row("GET", "/api/studies/{study}", "/api/studies/s1", null, e(401, 200, 200, 404, 200, 200)));
        rows.add(new Row("GET", "/api/studies/{study}/verify", "/api/studies/s1/verify", null,
                e(401, 200, 200, 404, 403, 200)));
        rows.add(new Row("GET", "/api/studies/{study}/audit", "/api/studies/s1/audit", null,
                e(401, 200, 200, 404, 403, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/candidates", "/api/studies/s1/candidates", null,
                e(401, 200, 200, 404, 200, 200)));
        rows.add(new Row("POST", "/api/studies/{study}/candidates", "/api/studies/s1/candidates",
                "{\"code\":\"gamma\",\"displayName\":\"Gamma\",\"vendor\":null}", e(401, 2, 2, 404, 403, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/candidates/{candidate}", "/api/studies/s1/candidates/alpha", null,
                e(401, 200, 200, 404, 200, 200)));
        rows.add(new Row("GET", "/api/studies/{study}/candidates/{candidate}", "/api/studies/s1/candidates/beta", null,
                e(401, 200, 200, 404, 404, 200)));
        rows.add(new Row("GET", "/api/studies/{study}/participants", "/api/studies/s1/participants", null,
                e(401, 200, 200, 404, 403, 403)));
        rows.add(new Row("POST", "/api/studies/{study}/participants", "/api/studies/s1/participants",
                "{\"code\":\"P9\",\"role\":\"nurse\",\"yearsInRole\":4}", e(401, 2, 2, 404, 403, 403)));
        rows.add(new Row("POST", "/api/suite-versions", "/api/suite-versions", suiteJson(),
                e(401, 200, 200, 200, 403, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/runs", "/api/studies/s1/runs", null,
                e(401, 200, 200, 404, 403, 403)));
        rows.add(new Row("POST", "/api/studies/{study}/runs", "/api/studies/s1/runs", "{\"runId\":\"" + run
                + "\",\"suiteId\":\"" + Fixtures.SUITE_ID + "\",\"suiteVersion\":\"1.0.0\",\"suiteHash\":\""
                + Fixtures.SUITE_HASH + "\",\"kind\":\"run\",\"startedAt\":\"" + Fixtures.T0 + "\"}",
                e(401, 200, 200, 404, 403, 403)));
        rows.add(new Row("POST", "/api/studies/{study}/runs/{runId}/finish", "/api/studies/s1/runs/" + run + "/finish",
                "{\"finishedAt\":\"2026-11-25T12:00:00Z\"}", e(401, 200, 200, 404, 403, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/sessions", "/api/studies/s1/sessions", null,
                e(401, 200, 200, 404, 403, 403)));
        rows.add(new Row("POST", "/api/studies/{study}/sessions", "/api/studies/s1/sessions", "{\"sessionId\":\""
                + sess.sessionId() + "\",\"runId\":\"" + run + "\",\"candidate\":\"alpha\",\"participant\":\"P1\","
                + "\"startedAt\":\"" + sess.startedAt() + "\"}", e(401, 200, 200, 404, 403, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/attempts", "/api/studies/s1/attempts", null,
                e(401, 200, 200, 404, 200, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/attempts", "/api/studies/s1/attempts?candidate=beta", null,
                e(401, 200, 200, 404, 404, 403)));
        rows.add(new Row("POST", "/api/studies/{study}/attempts", "/api/studies/s1/attempts", attemptReplay,
                e(401, 200, 200, 404, 403, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/attempts/{attemptId}", "/api/studies/s1/attempts/" + a, null,
                e(401, 200, 200, 404, 200, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/attempts/{attemptId}", "/api/studies/s1/attempts/" + b, null,
                e(401, 200, 200, 404, 404, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/attempts/{attemptId}/events",
                "/api/studies/s1/attempts/" + a + "/events", null, e(401, 200, 200, 404, 200, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/attempts/{attemptId}/events",
                "/api/studies/s1/attempts/" + b + "/events", null, e(401, 200, 200, 404, 404, 403)));
        // An attempt's replay, under the attempt's rules (beta's attempt: another candidate's for the vendor, and
        // without a replay for the others: 404 for all alike).
        rows.add(new Row("GET", "/api/studies/{study}/attempts/{attemptId}/replay",
                "/api/studies/s1/attempts/" + a + "/replay", null, e(401, 200, 200, 404, 200, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/attempts/{attemptId}/replay",
                "/api/studies/s1/attempts/" + b + "/replay", null, e(401, 404, 404, 404, 404, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/attempts/{attemptId}/replay.json",
                "/api/studies/s1/attempts/" + a + "/replay.json", null, e(401, 200, 200, 404, 200, 403)));
        // (A body that is no gzip: the roles are checked first, then the body.)
        rows.add(new Row("PUT", "/api/studies/{study}/attempts/{attemptId}/replay",
                "/api/studies/s1/attempts/" + a + "/replay", "not gzip", e(401, 422, 422, 404, 403, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/questionnaire-answers", "/api/studies/s1/questionnaire-answers",
                null, e(401, 200, 200, 404, 403, 403)));
        rows.add(new Row("POST", "/api/studies/{study}/questionnaire-answers", "/api/studies/s1/questionnaire-answers",
                "{\"taskRatings\":[{\"sessionId\":\"" + sess.sessionId() + "\",\"task\":\"record-allergy\",\"rating\":6,"
                        + "\"answeredAt\":\"2026-11-25T10:00:00Z\"}],\"sus\":[{\"sessionId\":\"" + sess.sessionId()
                        + "\",\"answers\":[4,2,4,1,5,2,4,2,4,2],\"answeredAt\":\"2026-11-25T10:05:00Z\"}]}",
                e(401, 200, 200, 404, 403, 403)));
        rows.add(new Row("POST", "/api/studies/{study}/markers", "/api/studies/s1/markers",
                "{\"markers\":[{\"markerId\":\"" + MARKER + "\",\"sessionId\":\"" + sess.sessionId()
                        + "\",\"kind\":\"slip\",\"note\":\"chose the wrong patient\",\"by\":\"moderator\","
                        + "\"at\":\"2026-11-25T10:06:00Z\"}]}", e(401, 200, 200, 404, 403, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/markers", "/api/studies/s1/markers", null,
                e(401, 200, 200, 404, 200, 200)));
        rows.add(new Row("GET", "/api/studies/{study}/scores", "/api/studies/s1/scores", null,
                e(401, 200, 200, 404, 200, 200)));
        rows.add(new Row("GET", "/api/studies/{study}/scores", "/api/studies/s1/scores?candidate=beta", null,
                e(401, 200, 200, 404, 404, 200)));
        rows.add(new Row("GET", "/api/studies/{study}/export/attempts.csv", "/api/studies/s1/export/attempts.csv", null,
                e(401, 200, 200, 404, 200, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/export/sus.csv", "/api/studies/s1/export/sus.csv", null,
                e(401, 200, 200, 404, 200, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/export/not-applicable.csv",
                "/api/studies/s1/export/not-applicable.csv", null, e(401, 200, 200, 404, 200, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/export/weights.csv", "/api/studies/s1/export/weights.csv", null,
                e(401, 200, 200, 404, 200, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/export/chpl.csv", "/api/studies/s1/export/chpl.csv", null,
                e(401, 200, 200, 404, 200, 200)));
        rows.add(new Row("GET", "/api/studies/{study}/export/participants.csv", "/api/studies/s1/export/participants.csv",
                null, e(401, 200, 200, 404, 403, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/not-applicable", "/api/studies/s1/not-applicable", null,
                e(401, 200, 200, 404, 200, 200)));
        rows.add(new Row("POST", "/api/studies/{study}/not-applicable", "/api/studies/s1/not-applicable",
                "{\"items\":[{\"candidate\":\"beta\",\"suiteHash\":\"" + Fixtures.SUITE_HASH
                        + "\",\"task\":\"review-results\",\"reason\":\"no results module\"}]}",
                e(401, 200, 200, 404, 403, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/report", "/api/studies/s1/report", null,
                e(401, 200, 200, 404, 403, 200)));
        rows.add(new Row("GET", "/api/studies/{study}/results", "/api/studies/s1/results", null,
                e(401, 200, 200, 404, 403, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/candidates/{candidate}/report",
                "/api/studies/s1/candidates/alpha/report", null, e(401, 200, 200, 404, 200, 200)));
        rows.add(new Row("GET", "/api/studies/{study}/candidates/{candidate}/report",
                "/api/studies/s1/candidates/beta/report", null, e(401, 200, 200, 404, 404, 200)));
        // s1's plan is locked already (start()): writing or locking it is refused to those who may, 409, not 403.
        rows.add(new Row("PUT", "/api/studies/{study}/plan", "/api/studies/s1/plan",
                Fixtures.plan("s1", 6).canonicalJson(), e(401, 409, 409, 404, 403, 403)));
        rows.add(new Row("GET", "/api/studies/{study}/plan", "/api/studies/s1/plan", null,
                e(401, 200, 200, 404, 200, 200)));
        rows.add(new Row("POST", "/api/studies/{study}/plan/lock", "/api/studies/s1/plan/lock", null,
                e(401, 409, 409, 404, 403, 403)));
        // Last: it ends data collection for s1.
        rows.add(new Row("POST", "/api/studies/{study}/lock", "/api/studies/s1/lock", null,
                e(401, 200, 200, 404, 403, 403)));
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyRouteForEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows()) {
            for (Caller caller : Caller.values()) {
                int expected = row.expected()[caller.ordinal()];
                tests.add(DynamicTest.dynamicTest(row.method() + " " + row.path() + " as " + caller + " -> " + expected,
                        () -> {
                            Http.Response r = http.send(row.method(), row.path(), tokens.get(caller),
                                    row.body() == null ? null : "application/json", row.body());
                            covered.add(row.method() + " " + row.route());
                            if (expected == 2) {
                                assertThat(r.status()).as(r.toString()).isBetween(200, 299);
                            } else {
                                assertThat(r.status()).as(r.toString()).isEqualTo(expected);
                            }
                            if (r.status() >= 400) {
                                assertThat(r.isProblem()).as(r.toString()).isTrue();
                                assertThat(r.json().path("status").asInt()).isEqualTo(r.status());
                                if (caller == Caller.VENDOR) {
                                    // A vendor never learns another candidate's name.
                                    assertThat(r.body()).doesNotContain("Beta Records");
                                }
                            }
                            if (r.status() == 401) {
                                assertThat(r.raw().headers().firstValue("WWW-Authenticate")).isPresent();
                            }
                        }));
            }
        }
        tests.add(DynamicTest.dynamicTest("the matrix covers every registered route", () ->
                assertThat(new TreeSet<>(covered)).isEqualTo(new TreeSet<>(server.routes()))));
        return tests.stream();
    }

    @Test
    void aVendorSeesOnlyItsOwnCandidateEverywhere() {
        String vendor = tokens.get(Caller.VENDOR);
        Http.Response studies = http.get("/api/studies", vendor);
        assertThat(studies.json().path("items")).extracting(n -> n.path("code").asText()).containsExactly("s1");
        Http.Response candidates = http.get("/api/studies/s1/candidates", vendor);
        assertThat(candidates.body()).contains("alpha").doesNotContain("beta").doesNotContain("Beta");
        Http.Response attempts = http.get("/api/studies/s1/attempts?limit=1000", vendor);
        assertThat(attempts.json().path("items")).isNotEmpty()
                .allSatisfy(n -> assertThat(n.path("candidate").asText()).isEqualTo("alpha"));
        Http.Response scores = http.get("/api/studies/s1/scores", vendor);
        assertThat(scores.status()).as(scores.toString()).isEqualTo(200);
        assertThat(scores.body()).contains("alpha").doesNotContain("beta");
        Http.Response report = http.get("/api/studies/s1/candidates/alpha/report", vendor);
        assertThat(report.body()).contains("Alpha EHR").doesNotContain("Beta");
        Http.Response export = http.get("/api/studies/s1/export/attempts.csv", vendor);
        assertThat(export.body()).contains(",alpha,").doesNotContain("beta");
        // Another study, even one that exists, is as unknown as one that does not.
        Http.Response other = http.get("/api/studies/s2", vendor);
        Http.Response none = http.get("/api/studies/no-such-study", vendor);
        assertThat(other.status()).isEqualTo(404);
        assertThat(none.status()).isEqualTo(404);
        assertThat(other.json().path("title").asText()).isEqualTo(none.json().path("title").asText());
    }

    @Test
    void theBoardSeesComparisonsButNoParticipants() {
        String board = tokens.get(Caller.BOARD);
        Http.Response report = http.get("/api/studies/s1/report", board);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("text/html");
        assertThat(report.body()).contains("Alpha EHR", "Beta Records").doesNotContain("P1", "P2", "P3");
        Http.Response scores = http.get("/api/studies/s1/scores", board);
        assertThat(scores.body()).contains("alpha", "beta");
    }

    @Test
    void aRevokedOrUnknownTokenIsRefused() {
        AccessTokens t = new AccessTokens(DB.database());
        AccessTokens.Issued issued = t.create(Role.BOARD, "s1", null, "temp", "test");
        assertThat(http.get("/api/studies", issued.secret()).status()).isEqualTo(200);
        t.revoke(issued.token().id(), "test");
        Http.Response revoked = http.get("/api/studies", issued.secret());
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().path("title").asText()).isEqualTo("Invalid token");
        assertThat(http.get("/api/studies", "bst_not-a-token").status()).isEqualTo(401);
        assertThat(http.send("GET", "/api/studies", null, null, null).status()).isEqualTo(401);
        Set<String> seen = new TreeSet<>();
        seen.add(http.send("GET", "/api/studies", "garbage", null, null).json().path("title").asText());
        assertThat(seen).containsExactly("Invalid token");
    }

    static String attemptJson(bedside.results.AttemptRecord a) {
        var n = Json.attempt(null, a, null);
        n.remove("study");
        var events = n.putArray("events");
        for (var e : Fixtures.events(a.attemptId(), 5)) {
            try {
                events.addObject().put("seq", e.seq()).put("tMs", e.tMs()).put("type", e.type()).put("page", e.page())
                        .set("data", Json.MAPPER.readTree(e.json()));
            } catch (Exception x) {
                throw new IllegalStateException(x);
            }
        }
        return n.toString();
    }

    static String suiteJson() {
        StringBuilder b = new StringBuilder("{\"suiteId\":\"" + Fixtures.SUITE_ID + "\",\"version\":\"1.0.0\","
                + "\"contentHash\":\"" + Fixtures.SUITE_HASH + "\",\"title\":\"Medication safety\",\"tasks\":[");
        for (int i = 0; i < Fixtures.TASKS.size(); i++) {
            var t = Fixtures.TASKS.get(i);
            b.append(i == 0 ? "" : ",").append("{\"id\":\"").append(t.id()).append("\",\"title\":\"").append(t.title())
                    .append("\",\"instruction\":\"").append(t.instruction()).append("\",\"contentHash\":\"")
                    .append(t.contentHash()).append("\"}");
        }
        return b.append("]}").toString();
    }
}
