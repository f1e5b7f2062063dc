package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.journal.Journal;
import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import bedside.scenarios.ReadResult;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults during a run, each injected by a small candidate written for the purpose ({@link FaultyCandidate}): the
 * candidate going down mid-task, a locator that matches nothing, HTTP 500 mid-task, the browser killed mid-attempt,
 * a task over its time limit. Each attempt must end with the right outcome, reason and step; the run must go on
 * (the last task works); and what was recorded before each fault must be kept, in the store and in the journal.
 */
class FaultsIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static FaultyCandidate candidate;
    static Database db;
    static ResultsStore store;
    static SuiteRunner.Outcome outcome;
    static Map<String, AttemptRecord> byTask;
    static Path journalFile;

    @BeforeAll
    static void runTheFaultySuite() {
        candidate = new FaultyCandidate();
        ReadResult read = SuiteReader.read(Path.of("src/test/resources/faults/suite.yaml"));
        assertThat(read.errors()).isEmpty();
        Suite suite = read.suite();
        db = Database.open(DatabaseConfig.embedded(dir.resolve("pg")).withFsync(false));
        store = new ResultsStore(db);
        store.ensureStudy("faults", "fault tests");
        store.ensureCandidate("faults", "faulty", "Faulty test candidate", "Bedside tests");
        SuiteRunner.registerSuite(store, suite);
        UUID runId = UUID.randomUUID();
        try (Journal journal = Journal.open(dir.resolve("journal"), runId)) {
            journalFile = journal.file();
            outcome = new SuiteRunner(new TaskRunner(BrowserSettings.local()), store, journal, "faults")
                    .run(runId, suite, List.of(candidate.target()), suite.tasks(), 1, "test", new PrintStream(System.out), a -> { });
        }
        byTask = outcome.attempts().stream().map(AttemptResult::attempt)
                .collect(Collectors.toMap(AttemptRecord::task, Function.identity()));
        outcome.attempts().forEach(a -> System.out.println(a.attempt().task() + ": " + a.attempt().outcome() + " at step "
                + a.attempt().failedStep() + ": " + a.attempt().reason() + " (" + a.events().size() + " events)"));
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
        if (candidate != null) {
            candidate.close();
        }
    }

    @Test
    void everyAttemptRanAndTheRunWentOn() {
        assertThat(outcome.attempts()).hasSize(7);
        assertThat(byTask.get("works").outcome()).as(byTask.get("works").reason()).isEqualTo(Outcome.SUCCESS);
        assertThat(store.attemptsOfRun(outcome.run().runId())).hasSize(7);
        assertThat(store.run(outcome.run().runId()).orElseThrow().finishedAt()).isNotNull();
    }

    @Test
    void theCandidateGoingDownIsASystemError() {
        AttemptRecord a = byTask.get("goes-down");
        assertThat(a.outcome()).as(a.reason()).isEqualTo(Outcome.SYSTEM_ERROR);
        assertThat(a.failedStep()).isEqualTo(5);
        assertThat(a.reason()).contains("step 5").contains("the candidate failed");
        // It came back for the next attempt through its reset.
        assertThat(candidate.resets.get()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aLocatorThatMatchesNothingIsAScriptError() {
        AttemptRecord a = byTask.get("bad-locator");
        assertThat(a.outcome()).as(a.reason()).isEqualTo(Outcome.SCRIPT_ERROR);
        assertThat(a.failedStep()).isEqualTo(2);
        assertThat(a.reason()).contains("step 2").contains("No such button");
    }

    @Test
    void http500MidTaskIsASystemError() {
        AttemptRecord a = byTask.get("server-error");
        assertThat(a.outcome()).as(a.reason()).isEqualTo(Outcome.SYSTEM_ERROR);
        assertThat(a.failedStep()).isEqualTo(3);
        assertThat(a.reason()).contains("HTTP 500");
    }

    @Test
    void aKilledBrowserIsASystemError() {
        AttemptRecord a = byTask.get("browser-dies");
        assertThat(a.outcome()).as(a.reason()).isEqualTo(Outcome.SYSTEM_ERROR);
        assertThat(a.failedStep()).isEqualTo(3);
        assertThat(a.reason()).contains("step 3");
    }

    @Test
    void aDriverThatDiesInSetupIsASystemErrorNotTheBindings() {
        AttemptRecord a = byTask.get("driver-dies-in-setup");
        assertThat(a.outcome()).as(a.reason()).isEqualTo(Outcome.SYSTEM_ERROR);
        assertThat(a.reason()).contains("setup failed at step setup 3")
                .containsAnyOf("It may have died", "the browser stopped responding", "the browser is gone");
        assertThat(bedside.reports.analysis.Exclusion.scored(a.outcome().code())).isFalse();
    }

    @Test
    void exceedingTheTimeLimitIsAFailure() {
        AttemptRecord a = byTask.get("too-slow");
        assertThat(a.outcome()).as(a.reason()).isEqualTo(Outcome.FAILURE);
        assertThat(a.failedStep()).isEqualTo(3);
        assertThat(a.reason()).contains("time limit of 3 s");
    }

    static final java.util.Set<String> AFTER_ATTEMPT = java.util.Set.of("candidate-version", "evidence-screenshot",
            "replay-incomplete");

    @Test
    void whatWasRecordedBeforeEachFaultIsKept() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(journalFile)) {
            lines.add(JSON.readTree(line));
        }
        for (AttemptResult r : outcome.attempts()) {
            UUID id = r.attempt().attemptId();
            // The typing (or clicking) before the fault reached the store...
            assertThat(r.events()).as(r.attempt().task()).isNotEmpty();
            assertThat(r.events()).as(r.attempt().task()).anyMatch(e -> e.type().equals("key") || e.type().equals("click"));
            assertThat(store.eventCount(id)).as(r.attempt().task()).isEqualTo(r.events().size());
            // ...and the journal, in batches while the attempt ran and whole at its end, marked stored.
            long streamed = lines.stream().filter(l -> l.path("kind").asText().equals("events")
                    && l.path("body").path("attemptId").asText().equals(id.toString()))
                    .mapToLong(l -> l.path("body").path("events").size()).sum();
            // (what is added after the attempt — the candidate's version, a picture, the audit — is journalled whole
            // with the attempt at its end)
            long recorded = r.events().stream().filter(e -> !AFTER_ATTEMPT.contains(e.type())
                    && !e.type().startsWith("a11y-")).count();
            assertThat(streamed).as(r.attempt().task() + " events journalled while it ran").isEqualTo(recorded);
            assertThat(lines).as(r.attempt().task()).anyMatch(l -> l.path("kind").asText().equals("attempt-start")
                    && l.path("body").path("attemptId").asText().equals(id.toString()));
            assertThat(lines).as(r.attempt().task()).anyMatch(l -> l.path("kind").asText().equals("stored")
                    && l.path("body").path("attemptId").asText().equals(id.toString()));
        }
        assertThat(Journal.pending(dir.resolve("journal"))).isEmpty();
    }
}
