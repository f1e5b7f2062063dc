package bedside.results.server;

import bedside.reports.analysis.AnalyzeTool;
import bedside.results.AttemptRecord;
import bedside.results.Fixtures;
import bedside.results.EventRecord;
import bedside.results.MarkerRecord;
import bedside.results.Outcome;
import bedside.results.ParticipantRecord;
import bedside.results.Role;
import bedside.results.RunRecord;
import bedside.results.SessionFacts;
import bedside.results.SessionOrder;
import bedside.results.SessionRecord;
import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
import bedside.results.SusRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.client.Json;
import bedside.results.store.AccessTokens;
import bedside.results.store.ResultsStore;
import bedside.results.store.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores from the stored sessions of a study with a locked plan (issue 12): participants' attempts, SEQ, SUS and the
 * observer's use errors, computed exactly as the plan says (its weights, resamples and seed), the plan's hash named;
 * the expert path is the optimal path, never a participant; pilot sessions are never scored; {@code analyze} on the
 * exported files gives the same numbers to the last digit. A simulated study's flag reaches the scores, the pages and
 * the export.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlannedScoresIT {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    static final List<Integer> SUS = List.of(4, 2, 4, 1, 5, 2, 4, 2, 4, 1);

    @TempDir
    Path dir;

    private ResultsServer server;
    private Http http;
    private String evaluator;
    private String simEvaluator;
    private String vendorAlpha;
    private String vendorBeta;
    private StoredPlan locked;

    static StudyPlan plan(String study, boolean simulated) {
        return new StudyPlan(StudyPlan.SCHEMA, study, new StudyPlan.PlanSuite(Fixtures.SUITE_ID, Fixtures.SUITE_VERSION,
                Fixtures.SUITE_HASH), List.of("alpha", "beta"), List.of(
                new StudyPlan.PlanTask("record-allergy", 9, 3.0, 3.0, 300, List.of("allergy recorded"), List.of(), 45.0),
                new StudyPlan.PlanTask("order-medication", 4, 2.0, 2.0, 300, List.of("ordered"), List.of()),
                new StudyPlan.PlanTask("review-results", 1, 1.0, 1.0, 120, List.of("reviewed"), List.of())),
                new StudyPlan.Analysis(StudyPlan.Analysis.MEASURES, "sum", 0.95, 2_000, 7, "within", 15), simulated);
    }

    static AttemptRecord attempt(SessionRecord s, String task, Outcome o, Instant at, long timeMs, int clicks,
            int keys, long klmMs, SessionFacts facts) {
        return new AttemptRecord(UUID.randomUUID(), s.sessionId(), s.candidate(), task, s.participant(), 1, o,
                o == Outcome.SUCCESS ? null : "checked " + o.code(), null, at, timeMs, clicks, keys, 2, 1, 0, 0, 0, 500,
                klmMs, facts);
    }

    /** A picture's bytes as the session stores them (base64; not decoded by anything here). */
    static final String PICTURE = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==";

    static final String AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "HeadlessChrome/156.0.8078.73 Safari/537.36";

    /** What the recorder stores of an attempt: its first screen, a press on Search, the patient's screen. */
    static List<EventRecord> events(AttemptRecord a, boolean detour) {
        String task = ",\"phase\":\"task\",\"top\":true";
        List<EventRecord> e = new ArrayList<>();
        e.add(new EventRecord(a.attemptId(), e.size(), 0, "page-start", "http://ehr.test/home",
                "{\"agent\":\"" + AGENT + "\"" + task + "}"));
        e.add(new EventRecord(a.attemptId(), e.size(), 400, "route", "http://ehr.test/home", "{\"to\":\"http://ehr.test/search\""
                + task + "}"));
        e.add(new EventRecord(a.attemptId(), e.size(), 900, "pointer-down", "http://ehr.test/search", "{\"button\":0,\"x\":100,"
                + "\"y\":200,\"vw\":1280,\"vh\":800,\"target\":{\"role\":\"button\",\"name\":\"Search\","
                + "\"actionable\":true}" + task + "}"));
        if (detour) {
            e.add(new EventRecord(a.attemptId(), e.size(), 1_200, "route", "http://ehr.test/search",
                    "{\"to\":\"http://ehr.test/help\"" + task + "}"));
        }
        e.add(new EventRecord(a.attemptId(), e.size(), 2_500, "route", "http://ehr.test/search",
                "{\"to\":\"http://ehr.test/patient\"" + task + "}"));
        return e;
    }

    /**
     * A study: the expert path, a locked plan, four participants on both candidates (SEQ, SUS, a slip and a critical
     * use error marked), and a pilot who is never scored.
     */
    /** By study, the attempt whose replay is stored: the one with the marked slip. */
    final java.util.Map<String, UUID> replayed = new java.util.HashMap<>();

    StoredPlan store(ResultsStore store, String study, boolean simulated) {
        Fixtures.prepareStudy(store, study);
        Instant t = Fixtures.T0;
        RunRecord expertRun = Fixtures.run(study, "run", t);
        store.startRun(expertRun);
        for (String c : List.of("alpha", "beta")) {
            SessionRecord s = Fixtures.session(expertRun, c, "expert-path", t = t.plusSeconds(5));
            store.startSession(s);
            for (var task : Fixtures.TASKS) {
                AttemptRecord a = attempt(s, task.id(), Outcome.SUCCESS, t = t.plusSeconds(5), 4_000,
                        c.equals("alpha") ? 4 : 8, 10, c.equals("alpha") ? 15_000 : 30_000, null);
                // the accessibility audit after the path: beta's search screen has an unlabelled field, alpha's is clean
                List<EventRecord> audit = new ArrayList<>();
                if (task.id().equals(Fixtures.TASKS.get(0).id())) {
                    audit.add(new EventRecord(a.attemptId(), 0, 4_000, "a11y-screen", null, """
                            {"screen":"/search","step":"2","auditMs":300,"rulesPassed":20,"violations":%d,"phase":"audit"%s}"""
                            .formatted(c.equals("beta") ? 1 : 0, c.equals("beta")
                                    ? ",\"picture\":{\"format\":\"png\",\"image\":\"" + PICTURE + "\"}" : "")));
                    if (c.equals("beta")) {
                        audit.add(new EventRecord(a.attemptId(), 1, 4_000, "a11y-violation", null, """
                                {"screen":"/search","step":"2","rule":"label","impact":"critical","help":"Form elements must have labels",
                                 "helpUrl":"https://dequeuniversity.com/rules/axe/4.10/label","selector":"#surname",
                                 "html":"<input id=\\"surname\\" value=\\"•••\\">","criteria":["4.1.2"],"phase":"audit"}"""));
                    }
                }
                store.saveAttempt(a, audit);
            }
        }
        store.savePlan(plan(study, simulated), "test");
        StoredPlan plan = store.lockPlan(study, "test");
        for (String p : List.of("P01", "P02", "P03", "P04", "PILOT")) {
            boolean pilot = p.equals("PILOT");
            store.saveParticipant(study, new ParticipantRecord(p, "nurse", 5, 3, "EMIS", "30-39", "none", t)
                    .withSimulated(simulated));
            RunRecord run = Fixtures.run(study, "session", t = t.plusSeconds(60));
            store.startRun(run);
            int k = 0;
            for (String c : List.of("alpha", "beta")) {
                k++;
                SessionRecord s = new SessionRecord(UUID.randomUUID(), run.runId(), c, p, t = t.plusSeconds(10),
                        new SessionOrder("latin", null, 0, List.of("record-allergy", "order-medication", "review-results"),
                                k)).withFlags(pilot, simulated);
                store.startSession(s);
                int n = 0;
                for (var task : Fixtures.TASKS) {
                    n++;
                    int pi = p.charAt(p.length() - 1) - '0';
                    boolean fail = c.equals("beta") && n == 2 && pi % 2 == 0;
                    // the checks found a critical use error no observer marked
                    boolean critical = c.equals("beta") && n == 3 && pi == 3;
                    long time = (c.equals("alpha") ? 20_000 : 41_000) + 1_300L * n + 900L * pi;
                    AttemptRecord a = attempt(s, task.id(), fail ? Outcome.FAILURE
                                    : critical ? Outcome.CRITICAL_USE_ERROR : Outcome.SUCCESS,
                            t = t.plusSeconds(70), time, (c.equals("alpha") ? 5 : 10) + pi % 3, 10 + n, 0,
                            new SessionFacts(fail ? "gave-up" : "done", null, null, null, null, pi % 2));
                    boolean marked = p.equals("P02") && c.equals("beta") && n == 1;
                    UUID slip = UUID.randomUUID();
                    List<EventRecord> events = events(a, p.equals("P02") && c.equals("beta"));
                    if (marked) { // the window as the session pictured it when the observer marked the slip
                        events.add(new EventRecord(a.attemptId(), events.size(), 1_000, "evidence-screenshot", null,
                                "{\"markerId\":\"" + slip + "\",\"format\":\"jpeg\",\"image\":\"" + PICTURE
                                        + "\",\"phase\":\"task\",\"top\":true}"));
                    }
                    // the version the candidate named when the attempt ended: beta updated before P04's session;
                    // alpha could not be asked
                    events.add(new EventRecord(a.attemptId(), events.size(), time, "candidate-version", null,
                            c.equals("alpha") ? "{\"problem\":\"the binding names no fhir reader to ask\",\"phase\":\"after\"}"
                                    : "{\"name\":\"Beta EHR\",\"version\":\"" + (pi == 4 ? "2.0.1" : "2.0.0")
                                    + "\",\"phase\":\"after\"}"));
                    if (critical) { // the window the attempt ended on, pictured because the checks found it critical
                        events.add(new EventRecord(a.attemptId(), events.size(), time, "evidence-screenshot",
                                "http://ehr.test/patient", "{\"found\":\"checks\",\"format\":\"png\",\"image\":\""
                                + PICTURE + "\",\"phase\":\"after\",\"top\":true}"));
                    }
                    store.saveAttempt(a, events);
                    if (marked) { // its replay: the vendor's report links to it
                        store.saveReplay(bedside.results.ReplayRecord.of(a.attemptId(), List.of(
                                "{\"type\":4,\"data\":{\"href\":\"http://ehr.test/search\",\"width\":1280,\"height\":800},\"timestamp\":1}")));
                        replayed.put(study, a.attemptId());
                    }
                    store.saveTaskRating(new TaskRatingRecord(s.sessionId(), task.id(), "seq",
                            fail ? 2 : c.equals("alpha") ? 6 : 4 + (pi % 2), 1, 7,
                            p.equals("P02") && c.equals("beta") && n == 1 ? "the two patients look alike" : null,
                            t.plusSeconds(1)));
                    if (p.equals("P02") && c.equals("beta") && n == 1) {
                        store.saveMarker(new MarkerRecord(slip, s.sessionId(), a.attemptId(), task.id(),
                                "slip", 1_000.0, "typed in the wrong field", "observer", t.plusSeconds(2)));
                        store.saveMarker(new MarkerRecord(UUID.randomUUID(), s.sessionId(), a.attemptId(), task.id(),
                                "critical", 2_000.0, "allergy on the look-alike patient first", "observer",
                                t.plusSeconds(3)));
                    }
                }
                store.saveSus(new SusRecord(s.sessionId(), c.equals("alpha") ? SUS
                        : SUS.stream().map(x -> x == 5 ? 3 : x).toList(), t.plusSeconds(5)));
            }
        }
        return plan;
    }

    @BeforeAll
    void start() {
        locked = store(DB.store(), "planned", false);
        store(DB.store(), "simulated", true);
        AccessTokens t = new AccessTokens(DB.database());
        evaluator = t.create(Role.EVALUATOR, "planned", null, "eva", "test").secret();
        simEvaluator = t.create(Role.EVALUATOR, "simulated", null, "eva", "test").secret();
        vendorAlpha = t.create(Role.VENDOR, "planned", "alpha", "alpha's vendor", "test").secret();
        vendorBeta = t.create(Role.VENDOR, "planned", "beta", "beta's vendor", "test").secret();
        server = ResultsServer.start(DB.database(), 0);
        http = new Http(server.url());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void scoresComeFromTheParticipantsSessionsAsTheLockedPlanSays() {
        JsonNode s = http.get("/api/studies/planned/scores", evaluator).json();
        assertThat(s.path("basis").asText()).isEqualTo("plan");
        assertThat(s.at("/plan/hash").asText()).isEqualTo(locked.hash());
        assertThat(s.path("simulated").asBoolean()).isFalse();
        // Four participants per candidate: neither the expert path nor the pilot counts.
        for (int i = 0; i < 2; i++) {
            assertThat(s.at("/candidates/" + i + "/participants").asInt()).isEqualTo(4);
            assertThat(s.at("/candidates/" + i + "/sus/n").asInt()).isEqualTo(4);
            assertThat(s.at("/candidates/" + i + "/sample_adequacy/level").asText()).isEqualTo("below-minimum");
        }
        assertThat(s.path("pilot_sessions_not_scored").asInt()).isEqualTo(2);
        assertThat(s.path("warnings")).extracting(JsonNode::asText).contains("2 pilot session(s) not scored")
                .anyMatch(w -> w.startsWith("candidate 'alpha': n = 4: under 10"));
        // The plan's analysis: its weights, resamples and seed.
        assertThat(s.at("/bootstrap/seed").asLong()).isEqualTo(7);
        assertThat(s.at("/bootstrap/resamples").asInt()).isEqualTo(2_000);
        assertThat(s.at("/bootstrap/weights")).extracting(w -> w.path("task").asText() + "=" + w.path("weight").asDouble())
                .containsExactly("record-allergy=9.0", "order-medication=4.0", "review-results=1.0");
        // Beta's order-medication: P02 and P04 gave up.
        JsonNode beta = s.at("/candidates/1");
        assertThat(beta.path("candidate").asText()).isEqualTo("beta");
        assertThat(beta.at("/tasks/1/completion/successes").asInt()).isEqualTo(2);
        assertThat(beta.at("/tasks/1/attempts").asInt()).isEqualTo(4);
        // The observer's slip and critical use error count as errors on P02's record-allergy.
        assertThat(beta.at("/tasks/0/errors/mean").asDouble()).isEqualTo(0.5);
        assertThat(beta.at("/tasks/0/critical_errors/total").asInt()).isEqualTo(1);
        // Path deviation against the expert path (8 clicks + 10 keys on beta).
        assertThat(beta.at("/tasks/0/path_deviation/optimal_steps").asDouble()).isEqualTo(18.0);
        assertThat(beta.at("/tasks/0/time_deviation/optimal_s").asDouble()).isEqualTo(30.0);
        // The plan's time specification gives record-allergy's SUM a time component; order-medication has none.
        assertThat(beta.at("/tasks/0/sum/time").isNumber()).as(beta.at("/tasks/0/sum").toString()).isTrue();
        assertThat(beta.at("/tasks/1/sum/time").isNull()).as(beta.at("/tasks/1/sum").toString()).isTrue();
    }

    @Test
    void analyzeOnTheExportGivesTheScoresToTheLastDigit() throws Exception {
        JsonNode scores = http.get("/api/studies/planned/scores", evaluator).json();
        JsonNode analysed = analyzeExport("planned", evaluator);
        assertThat(analysed).isEqualTo(Scores.withoutStoreFields(scores));
    }

    @Test
    void theCertifiedProductListCsvCarriesTheScoresNumbersPerCandidateAndTask() throws Exception {
        JsonNode scores = http.get("/api/studies/planned/scores", evaluator).json();
        String csv = http.get("/api/studies/planned/export/chpl.csv", evaluator).body();
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv)).getRecords();
        int expected = 0;
        for (JsonNode c : scores.path("candidates")) {
            for (JsonNode t : c.path("tasks")) {
                expected++;
                org.apache.commons.csv.CSVRecord r = rows.stream().filter(x -> x.get("Candidate").equals(
                        c.path("candidate").asText()) && x.get("Task Identifier").equals(t.path("task").asText()))
                        .findFirst().orElseThrow();
                assertThat(Double.parseDouble(r.get("Task Success - Mean (%)")))
                        .isCloseTo(100 * t.at("/completion/rate").asDouble(), org.assertj.core.api.Assertions.within(1e-6));
                assertThat(r.get("Task Description")).as("the suite's words").isNotBlank().doesNotContain("${");
                assertThat(r.get("Participant Gender")).as("never invented").isEmpty();
            }
        }
        assertThat(rows).hasSize(expected).isNotEmpty();
        // A vendor's file holds its own candidate only.
        String vendorCsv = http.get("/api/studies/planned/export/chpl.csv", vendorAlpha).body();
        assertThat(vendorCsv.lines().skip(1)).isNotEmpty().allMatch(l -> l.startsWith("alpha,"));
    }

    @Test
    void theParticipantsTableReadsBackAsStoredWithThePilotMarked() throws Exception {
        String csv = http.get("/api/studies/planned/export/participants.csv", evaluator).body();
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv)).getRecords();
        assertThat(rows.get(0).getParser().getHeaderNames()).isEqualTo(Scores.PARTICIPANT_COLUMNS);
        assertThat(rows).extracting(r -> r.get("participant")).containsExactlyInAnyOrder("P01", "P02", "P03", "P04",
                "PILOT");
        for (org.apache.commons.csv.CSVRecord r : rows) {
            ParticipantRecord p = DB.store().participant("planned", r.get("participant")).orElseThrow();
            assertThat(List.of(r.get("role"), r.get("years_in_role"), r.get("ehr_experience_years"),
                    r.get("ehr_systems_used"), r.get("age_band"), r.get("assistive_technology"), r.get("consented_at")))
                    .isEqualTo(List.of(p.role(), String.valueOf(p.yearsInRole()), String.valueOf(p.ehrExperienceYears()),
                            p.ehrSystemsUsed(), p.ageBand(), p.assistiveTechnology(), String.valueOf(p.consentedAt())));
            assertThat(r.get("pilot")).isEqualTo(r.get("participant").equals("PILOT") ? "1" : "0");
            assertThat(r.get("simulated")).isEqualTo("0");
        }
    }

    @Test
    void aSimulatedStudyIsFlaggedInItsScoresPagesAndExport() throws Exception {
        JsonNode s = http.get("/api/studies/simulated/scores", simEvaluator).json();
        assertThat(s.path("simulated").asBoolean()).isTrue();
        assertThat(s.path("warnings").get(0).asText()).startsWith("SIMULATED DATA:");
        assertThat(http.get("/api/studies/simulated/report", simEvaluator).body())
                .contains("class=\"banner simulated\"").contains("SIMULATED DATA.");
        assertThat(http.get("/api/studies/simulated/candidates/alpha/report", simEvaluator).body())
                .contains("class=\"banner simulated\"");
        assertThat(http.get("/api/studies/planned/report", evaluator).body()).doesNotContain("banner simulated")
                .contains("Scored as the study plan " + locked.hash());
        String csv = http.get("/api/studies/simulated/export/attempts.csv", simEvaluator).body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",simulated");
        assertThat(csv.lines().skip(1)).allMatch(l -> l.endsWith(",1"));
        JsonNode analysed = analyzeExport("simulated", simEvaluator);
        assertThat(analysed.path("simulated").asBoolean()).isTrue();
        assertThat(analysed).isEqualTo(Scores.withoutStoreFields(s));
    }

    @Test
    void theVendorReportCarriesTheScoresAndTheStoredEvidence() {
        JsonNode scores = http.get("/api/studies/planned/scores", evaluator).json();
        JsonNode beta = scores.at("/candidates/1");
        assertThat(beta.path("candidate").asText()).isEqualTo("beta");
        String html = http.get("/api/studies/planned/candidates/beta/report", evaluator).body();
        assertThat(html).contains("1. Executive summary", "2. Method", "3. Results per task", "4. System Usability Scale",
                "5. Use errors", "6. Paths and clicks", "8. What the data does not show", locked.hash());
        for (JsonNode t : beta.path("tasks")) {
            assertThat(html).contains("<tr><td>" + t.path("task").asText() + "</td><td>" + t.path("attempts").asInt()
                    + "</td><td>" + Math.round(100 * t.at("/completion/rate").asDouble()) + " %</td>");
        }
        // the participants' details, numbered; their study codes stay with the evaluator
        assertThat(html).contains("<td>nurse</td><td class=\"n\">5</td><td class=\"n\">3</td><td>EMIS</td><td>30-39</td>").doesNotContain("P02")
                .doesNotContain("PILOT");
        // the observer's notes and the participant's comment, at the screen where they were marked
        assertThat(html).contains("typed in the wrong field", "allergy on the look-alike patient first",
                "the two patients look alike", "<code>/search</code>");
        // and the window as the participant saw it when the slip was marked (the observer's critical error had no
        // picture); the critical error the checks found shows the window the attempt ended on, at its last screen
        assertThat(html).contains("<img class=\"evidence\" src=\"data:image/jpeg;base64," + PICTURE + "\"",
                "<img class=\"evidence\" src=\"data:image/png;base64," + PICTURE + "\"",
                "The window participant 3 left when the attempt ended");
        assertThat(html.substring(0, html.indexOf("id=\"accessibility\"")).split("<img class=\"evidence\"", -1)).hasSize(3);
        assertThat(html).containsPattern("<td>review-results</td><td>3</td><td>critical \\(found by the checks\\)</td>"
                + "<td class=\"n\">[^<]*</td><td><code>/patient</code></td><td>checked critical");
        // where the sessions ran, read from the recorder's events; the versions beta named, the update counted
        assertThat(html).contains("Chrome 156.0.8078.73 (headless)", "1280 × 800", "Williams design",
                "Beta EHR 2.0.0 (9 attempts); Beta EHR 2.0.1 (3 attempts)");
        assertThat(http.get("/api/studies/planned/candidates/alpha/report", evaluator).body())
                .contains("<dt>Candidate version</dt><dd>not recorded: the binding names no fhir reader to ask</dd>");
        // one participant's detour through the help screen, apart from the expert-shaped way the others took
        assertThat(html).contains("/home → /search → /help → /patient");
        assertThat(http.get("/api/studies/planned/candidates/beta/report", vendorAlpha).status()).isEqualTo(404);
        // the marked slip's attempt links to its replay, which its vendor may play (relative to the report's address)
        assertThat(html).contains("<a href=\"../../attempts/" + replayed.get("planned") + "/replay\" title=\"Replay of the attempt\">");
        assertThat(html.split("title=\"Replay of the attempt\"", -1)).hasSize(3); // the slip's and the critical's row
        java.net.URI replay = java.net.URI.create("/api/studies/planned/candidates/beta/report")
                .resolve("../../attempts/" + replayed.get("planned") + "/replay");
        assertThat(http.get(replay.toString(), vendorBeta).status()).isEqualTo(200);
        // written to a file (bedside report), the same report links the replay as a page beside it, and that page is
        // the one the server plays
        String file = new ReportDocuments(DB.store()).vendor("planned", "beta", java.time.Instant.now()).render();
        assertThat(file).contains("<a href=\"replays/" + replayed.get("planned") + ".html\" title=\"Replay of the attempt\">");
        var slipAttempt = DB.store().attempt(replayed.get("planned")).orElseThrow();
        assertThat(ReplayPages.render(DB.store(), "planned", slipAttempt, DB.store().replay(slipAttempt.attemptId())
                .orElseThrow())).isEqualTo(http.get(replay.toString(), vendorBeta).body());
        // the accessibility audit of beta's expert path, with its picture; alpha's report shows only alpha's
        assertThat(html).contains("7. Accessibility of the screens reached", "<tr><th>Screens audited</th><td>1, 0 without a fault</td></tr>",
                ">label</a>", "<code>#surname</code>", "<figure id=\"a11y-picture-1\" class=\"a11y-picture\"><img class=\"evidence\" src=\"data:image/png;base64," + PICTURE);
        assertThat(http.get("/api/studies/planned/candidates/alpha/report", vendorAlpha).body())
                .contains("<tr><th>Screens audited</th><td>1, 1 without a fault</td></tr>").doesNotContain("#surname", ">label</a>");
    }

    @Test
    void theBoardPageRanksByTheCompositeAndChecksTheChain() {
        JsonNode scores = http.get("/api/studies/planned/scores", evaluator).json();
        String html = http.get("/api/studies/planned/report", evaluator).body();
        for (JsonNode c : scores.path("candidates")) {
            assertThat(html).contains(String.format(java.util.Locale.ROOT, "<td class=\"n\">%.1f</td><td class=\"n\">[%.1f, %.1f]</td>",
                    c.at("/composite/score").asDouble(), c.at("/composite/ci95/0").asDouble(),
                    c.at("/composite/ci95/1").asDouble()));
        }
        assertThat(html).contains("intact: ", "records checked", locked.hash(), "href=\"candidates/beta/report#error-")
                .contains("allergy on the look-alike patient first").doesNotContain("P01", "P02");
        // the candidates' accessibility side by side: counts only, never an element
        assertThat(html).contains("Accessibility faults by impact",
                "<tr><td>Alpha EHR</td><td>1</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>none</td></tr>",
                "<tr><td>Beta Records</td><td>1</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>4.1.2</td></tr>")
                .doesNotContain("#surname");
        String results = http.get("/api/studies/planned/results", evaluator).body();
        assertThat(results).contains("href=\"/api/studies/planned/report\"", "href=\"/api/studies/planned/candidates/alpha/report\"",
                "href=\"/api/studies/planned/export/chpl.csv\"",
                locked.hash());
    }

    /** The export's files through {@code bedside analyze}'s tool, with the plan's seed and resamples. */
    JsonNode analyzeExport(String study, String token) throws Exception {
        Path d = Files.createDirectories(dir.resolve(study));
        Path attempts = Files.writeString(d.resolve("attempts.csv"),
                http.get("/api/studies/" + study + "/export/attempts.csv", token).body());
        Path sus = Files.writeString(d.resolve("sus.csv"), http.get("/api/studies/" + study + "/export/sus.csv", token)
                .body());
        Path weights = Files.writeString(d.resolve("weights.csv"),
                http.get("/api/studies/" + study + "/export/weights.csv", token).body());
        Path json = d.resolve("out.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AnalyzeTool.run(attempts, sus, weights, 7L, json, null, 2_000,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        return Json.MAPPER.readTree(json.toFile());
    }
}
