package bedside.results.server;

import bedside.results.client.Json;
import static org.assertj.core.api.Assertions.assertThat;

import bedside.reports.analysis.Exclusion;
import bedside.reports.analysis.StudyAnalyzer;
import bedside.reports.analysis.StudyCsv;
import bedside.reports.analysis.StudyJson;
import bedside.results.AttemptRecord;
import bedside.results.Fixtures;
import bedside.results.Outcome;
import bedside.results.Role;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.store.AccessTokens;
import bedside.results.store.ResultsStore;
import bedside.results.store.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shape a stored attempt can have — each outcome, time 0, no events, no rating, cut off in its setup —
 * scores without error (issue 16: one failed attempt with time 0 made /scores answer 500 for the whole study).
 * System and script errors are left out of every measure and reported; /scores, the study page, the candidate
 * page and {@code analyze} on the CSV export all give the same numbers, equal to a study where those attempts
 * never happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotScoredIT {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @TempDir
    Path dir;

    private ResultsServer server;
    private Http http;
    private String evaluator;
    private String cleanEvaluator;

    static AttemptRecord shaped(SessionRecord s, String task, Outcome outcome, Instant at, long timeMs, int clicks) {
        boolean bad = outcome != Outcome.SUCCESS;
        // the attempts a crash left come first (attempt 1), the ones that ran to an outcome after them (attempt 2)
        int no = Exclusion.scored(outcome.code()) ? 2 : 1;
        return new AttemptRecord(UUID.randomUUID(), s.sessionId(), s.candidate(), task, s.participant(), no, outcome,
                bad ? "ended " + outcome.code() : null, null, at, timeMs, clicks, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The same attempts in both studies; "crashed" also has the attempts a crash, a dead browser or a bad binding left. */
    void store(ResultsStore store, String study, boolean withCrashes) {
        Fixtures.prepareStudy(store, study);
        RunRecord run = Fixtures.run(study, "run", Fixtures.T0);
        store.startRun(run);
        Instant t = Fixtures.T0;
        for (String p : List.of("P1", "P2", "P3")) {
            for (String candidate : List.of("alpha", "beta")) {
                SessionRecord s = Fixtures.session(run, candidate, p, t = t.plusSeconds(60));
                store.startSession(s);
                if (withCrashes && p.equals("P1")) {
                    // cut off in setup (time 0, no events), a dead browser mid-task, a binding that does not fit
                    store.saveAttempt(shaped(s, "record-allergy", Outcome.SYSTEM_ERROR, t = t.plusSeconds(1), 0, 0), List.of());
                    store.saveAttempt(shaped(s, "order-medication", Outcome.SYSTEM_ERROR, t = t.plusSeconds(1), 2_500, 4),
                            Fixtures.events(UUID.randomUUID(), 0));
                    store.saveAttempt(shaped(s, "review-results", Outcome.SCRIPT_ERROR, t = t.plusSeconds(1), 0, 1), List.of());
                }
                int k = 0;
                for (var task : Fixtures.TASKS) {
                    k++;
                    Outcome o = candidate.equals("beta") && k == 2 && !p.equals("P3") ? Outcome.FAILURE
                            : candidate.equals("alpha") && k == 3 && p.equals("P2") ? Outcome.CRITICAL_USE_ERROR
                            : Outcome.SUCCESS;
                    // a failure with time 0 (the shape that made /scores answer 500) and attempts without events
                    long time = o == Outcome.FAILURE && p.equals("P1") ? 0 : 9_000 + 700L * k + (p.hashCode() % 5) * 300L;
                    store.saveAttempt(shaped(s, task.id(), o, t = t.plusSeconds(40), time, 3 + k), List.of());
                }
                if (p.equals("P2")) {
                    store.saveTaskRating(new TaskRatingRecord(s.sessionId(), "record-allergy", "seq", 6, 1, 7, null,
                            t.plusSeconds(1)));
                }
            }
        }
        if (withCrashes) {
            // a candidate whose only attempt was cut off: shown, with nothing scored
            store.ensureCandidate(study, "gamma", "Gamma Care", "Gamma Ltd");
            SessionRecord g = Fixtures.session(run, "gamma", "P1", t = t.plusSeconds(60));
            store.startSession(g);
            store.saveAttempt(shaped(g, "record-allergy", Outcome.SYSTEM_ERROR, t.plusSeconds(1), 0, 0), List.of());
            // gamma's binding marks two tasks as not applicable; alpha's mark names a task it attempted (an older
            // suite version bound it): attempts count, that mark does not
            store.saveNotApplicable(study, List.of(
                    new bedside.results.NotApplicableRecord("gamma", Fixtures.SUITE_HASH, "order-medication",
                            "no prescribing module"),
                    new bedside.results.NotApplicableRecord("gamma", Fixtures.SUITE_HASH, "review-results",
                            "results are read in the lab system"),
                    new bedside.results.NotApplicableRecord("alpha", Fixtures.SUITE_HASH, "record-allergy", "old")));
        }
    }

    @BeforeAll
    void start() {
        store(DB.store(), "crashed", true);
        store(DB.store(), "clean", false);
        AccessTokens t = new AccessTokens(DB.database());
        evaluator = t.create(Role.EVALUATOR, "crashed", null, "eva", "test").secret();
        cleanEvaluator = t.create(Role.EVALUATOR, "clean", null, "eva", "test").secret();
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
    void scoresLeaveSystemAndScriptErrorsOutAndSayHowMany() {
        Http.Response crashed = http.get("/api/studies/crashed/scores", evaluator);
        Http.Response clean = http.get("/api/studies/clean/scores", cleanEvaluator);
        assertThat(crashed.status()).as(crashed.toString()).isEqualTo(200);
        assertThat(clean.status()).as(clean.toString()).isEqualTo(200);
        JsonNode c = crashed.json();
        JsonNode k = clean.json();
        for (int i = 0; i < 2; i++) {
            assertThat(c.at("/candidates/" + i + "/tasks")).isEqualTo(k.at("/candidates/" + i + "/tasks"));
            assertThat(c.at("/candidates/" + i + "/composite")).isEqualTo(k.at("/candidates/" + i + "/composite"));
            assertThat(c.at("/candidates/" + i + "/participants")).isEqualTo(k.at("/candidates/" + i + "/participants"));
        }
        assertThat(c.get("comparisons")).isEqualTo(k.get("comparisons"));
        assertThat(c.at("/candidates/0/not_scored/summary").asText())
                .isEqualTo("3 attempts not scored: 2 system error, 1 script error");
        assertThat(c.at("/candidates/2/candidate").asText()).isEqualTo("gamma");
        assertThat(c.at("/candidates/2/tasks")).isEmpty();
        assertThat(c.at("/candidates/2/not_scored/summary").asText()).isEqualTo("1 attempt not scored: system error");
        assertThat(c.at("/candidates/2/not_applicable")).extracting(n -> n.path("task").asText())
                .containsExactly("order-medication", "review-results");
        assertThat(c.at("/candidates/0/not_applicable")).isEmpty();
        assertThat(k.at("/candidates/0/not_scored/attempts").asInt()).isZero();
        // the failure stored with time 0 is a failure, scored as one
        assertThat(c.at("/candidates/1/tasks/1/completion/successes").asInt()).isEqualTo(1);
        assertThat(c.at("/candidates/1/tasks/1/attempts").asInt()).isEqualTo(3);
    }

    @Test
    void theStudyAndCandidatePagesCountWhatScoresCount() {
        JsonNode scores = http.get("/api/studies/crashed/scores", evaluator).json();
        String page = http.get("/api/studies/crashed/report", evaluator).body();
        assertThat(page).contains("3 attempts not scored: 2 system error, 1 script error")
                .contains("1 attempt not scored: system error");
        for (int i = 0; i < 2; i++) {
            for (JsonNode t : scores.at("/candidates/" + i + "/tasks")) {
                String row = "<td>" + t.get("attempts").asInt() + "</td><td>"
                        + Math.round(100 * t.at("/completion/rate").asDouble()) + " %</td>";
                assertThat(page).contains(row);
            }
        }
        String alpha = http.get("/api/studies/crashed/candidates/alpha/report", evaluator).body();
        assertThat(alpha).contains("3 attempts not scored: 2 system error, 1 script error")
                .contains("<tr><td>record-allergy</td><td>3</td><td>100 %</td>");
    }

    @Test
    void analyzeOnTheExportGivesTheScores() throws Exception {
        Http.Response attempts = http.get("/api/studies/crashed/export/attempts.csv", evaluator);
        Http.Response sus = http.get("/api/studies/crashed/export/sus.csv", evaluator);
        Http.Response na = http.get("/api/studies/crashed/export/not-applicable.csv", evaluator);
        assertThat(na.body()).contains("gamma,order-medication,no prescribing module").doesNotContain(",old");
        assertThat(attempts.status()).isEqualTo(200);
        assertThat(attempts.contentType()).startsWith("text/csv");
        assertThat(attempts.body()).contains("P1,alpha,record-allergy,system-error,")
                .contains("P1,alpha,review-results,script-error,");
        Path a = Files.writeString(dir.resolve("attempts.csv"), attempts.body());
        Path s = Files.writeString(dir.resolve("sus.csv"), sus.body());
        var rows = StudyCsv.readAttempts(a, "attempts.csv");
        var answers = StudyCsv.readSus(s, "sus.csv");
        var marks = StudyCsv.readNotApplicable(Files.writeString(dir.resolve("na.csv"), na.body()), "na.csv");
        assertThat(marks.errors()).isEmpty();
        assertThat(rows.errors()).isEmpty();
        assertThat(answers.errors()).isEmpty();
        String analysed = StudyJson.toJson(StudyAnalyzer.analyze(rows.rows(), answers.rows(), null, marks.rows(),
                StudyAnalyzer.Options.defaults()));
        JsonNode scores = http.get("/api/studies/crashed/scores", evaluator).json();
        assertThat(scores.path("basis").asText()).isEqualTo("unplanned");
        assertThat(scores.path("warnings")).extracting(JsonNode::asText)
                .anyMatch(w -> w.startsWith("study crashed has no locked plan: these are scripted expert-path runs"));
        assertThat(Json.MAPPER.readTree(analysed)).isEqualTo(Scores.withoutStoreFields(scores));
    }
}
