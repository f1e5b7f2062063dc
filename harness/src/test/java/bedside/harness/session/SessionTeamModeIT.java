package bedside.harness.session;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.journal.Journal;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.ShippedSuite;
import bedside.harness.run.SuiteRunner;
import bedside.harness.run.TaskRunner;
import bedside.harness.upload.ServerDestination;
import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import bedside.results.Role;
import bedside.results.client.ResultsClient;
import bedside.results.server.ResultsServer;
import bedside.results.store.AccessTokens;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import bedside.scenarios.TaskOrder;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session in team mode: the expert path and the session go to a results server over its API with an evaluator's
 * token — the participant's details, the session's order, the attempt with measures derived against the expert path
 * the server gave back, the SEQ, the SUS and an observer's marker all arrive, and the chain verifies.
 */
class SessionTeamModeIT {
    static final String STUDY = "team-sessions";

    @TempDir
    static Path dir;
    static Database db;
    static ResultsStore store;
    static ResultsServer server;
    static SampleCandidate streamlined;
    static ScriptedParticipant participant;
    static SessionRunner.Outcome outcome;
    static AttemptRecord expert;

    @BeforeAll
    static void runOverTheApi() throws Throwable {
        Suite suite = ShippedSuite.read();
        List<Task> tasks = suite.tasks().stream().filter(t -> t.id().equals("record-allergy")).toList();
        db = Database.open(DatabaseConfig.embedded(dir.resolve("pg")).withFsync(false));
        store = new ResultsStore(db);
        store.ensureStudy(STUDY, "sessions in team mode");
        String token = new AccessTokens(db).create(Role.EVALUATOR, STUDY, null, "evaluator", "test").secret();
        server = ResultsServer.start(db, 0);
        ServerDestination destination = new ServerDestination(URI.create(server.url()),
                ResultsClient.builder(URI.create(server.url()), token).build());
        streamlined = SampleCandidates.start(SampleCandidates.STREAMLINED, 0);
        CandidateTarget target = ShippedSuite.target(streamlined);
        destination.ensureCandidate(STUDY, target.id(), target.displayName(), target.vendor());
        SuiteRunner.registerSuite(destination, suite);

        UUID runId = UUID.randomUUID();
        try (Journal journal = Journal.open(dir.resolve("journal"), runId)) {
            expert = new SuiteRunner(new TaskRunner(BrowserSettings.local()), destination, journal, STUDY)
                    .run(runId, suite, List.of(target), tasks, 1, "run", new PrintStream(System.out), a -> { })
                    .attempts().get(0).attempt();
        }
        assertThat(expert.outcome()).as(expert.reason()).isEqualTo(Outcome.SUCCESS);

        try (SessionPanel panel = SessionPanel.start(0); ObserverPage observer = ObserverPage.start(0)) {
            participant = new ScriptedParticipant(suite, List.of(target), Map.of(), Map.of("streamlined/record-allergy", 7),
                    List.of(5, 1, 5, 1, 5, 1, 5, 1, 5, 1), 300)
                    .observedBy(observer.url(), Map.of("streamlined/record-allergy",
                            List.<String[]>of(new String[] {"note", "fast and sure"})));
            participant.begin(panel);
            try {
                outcome = new SessionRunner(new TaskRunner(BrowserSettings.local()), destination, dir.resolve("journal"),
                        panel, participant).observe(observer).run(new SessionRunner.Plan(suite, tasks, List.of(target),
                        STUDY, "N-03", TaskOrder.Mode.RANDOM, 42L), new PrintStream(System.out));
            } finally {
                participant.finish();
            }
        }
    }

    @AfterAll
    static void stop() {
        if (participant != null) participant.close();
        if (streamlined != null) streamlined.close();
        if (server != null) server.close();
        if (db != null) db.close();
    }

    @Test
    void everythingArrivedThroughTheApi() {
        assertThat(outcome.upload().waiting()).isEmpty();
        assertThat(outcome.answersStored()).isTrue();
        assertThat(store.participant(STUDY, "N-03").orElseThrow().ageBand()).isEqualTo("40-49");
        var session = store.sessionsOfStudy(STUDY).stream().filter(s -> s.participant().equals("N-03")).findFirst()
                .orElseThrow();
        assertThat(session.order().mode()).isEqualTo("random");
        assertThat(session.order().seed()).isEqualTo(42L);
        AttemptRecord a = store.attemptsOfRun(outcome.run().runId()).get(0);
        assertThat(a.outcome()).as(a.reason()).isEqualTo(Outcome.SUCCESS);
        // Derived against the expert path the server sent back.
        assertThat(a.session().pathDeviation()).isEqualTo(1.0);
        assertThat(a.session().success()).isEqualTo("direct");
        assertThat(a.session().timeDeviation()).isEqualTo((double) a.timeMs() / expert.klmMs());
        assertThat(store.taskRatings(STUDY)).singleElement().satisfies(r -> assertThat(r.rating()).isEqualTo(7));
        assertThat(store.susAnswers(STUDY)).singleElement()
                .satisfies(s -> assertThat(s.answers()).containsExactly(5, 1, 5, 1, 5, 1, 5, 1, 5, 1));
        assertThat(store.markers(STUDY)).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("note");
            assertThat(m.attemptId()).isEqualTo(a.attemptId());
        });
        assertThat(store.verify(STUDY).intact()).isTrue();
    }
}
