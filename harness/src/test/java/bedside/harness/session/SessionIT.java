package bedside.harness.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.journal.Journal;
import bedside.harness.run.AttemptResult;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.ShippedSuite;
import bedside.harness.run.SuiteRunner;
import bedside.harness.run.TaskRunner;
import bedside.harness.session.ScriptedParticipant.Did;
import bedside.harness.session.ScriptedParticipant.Way;
import bedside.harness.study.PlanMaker;
import bedside.harness.upload.ServerDestination;
import bedside.results.Role;
import bedside.results.client.ResultsClient;
import bedside.results.server.ResultsServer;
import bedside.results.store.AccessTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import bedside.results.ParticipantRecord;
import bedside.results.SessionRecord;
import bedside.results.SusRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import bedside.scenarios.TaskOrder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole moderated session in headless Chromium, in team mode (through a results server's API), taken by a {@link ScriptedParticipant} through the task panel on
 * both sample candidates — the expert path, a detour, a give-up and a wrong path — after the study's expert-path run.
 * What is stored (participant, session order, attempts with what the participant said and the derived measures, SEQ,
 * SUS) must match what the participant did, exactly, and the study's chain must verify.
 */
class SessionIT {
    static final String STUDY = "sessions";
    static final List<Integer> SUS = List.of(4, 2, 5, 1, 4, 2, 4, 2, 5, 1);

    @TempDir
    static Path dir;
    static Database db;
    static ResultsStore store;
    static ResultsServer server;
    static SampleCandidate streamlined;
    static SampleCandidate legacy;
    static SessionRunner.Outcome outcome;
    static bedside.results.StoredPlan plan;
    static String token;
    static ScriptedParticipant participant;
    static Map<String, AttemptRecord> expert = new java.util.HashMap<>();
    static final List<String> observed = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void runTheStudy() throws Throwable {
        Suite suite = ShippedSuite.read();
        List<Task> tasks = suite.tasks().stream()
                .filter(t -> t.id().equals("record-allergy") || t.id().equals("review-results")).toList();
        db = Database.open(DatabaseConfig.embedded(dir.resolve("pg")).withFsync(false));
        store = new ResultsStore(db);
        streamlined = SampleCandidates.start(SampleCandidates.STREAMLINED, 0);
        legacy = SampleCandidates.start(SampleCandidates.LEGACY, 0);
        List<CandidateTarget> targets = List.of(ShippedSuite.target(streamlined), ShippedSuite.target(legacy));
        // Team mode: everything goes through a results server's API with an evaluator's token (the participant, the
        // order, the expert path read back, the attempts, the answers, the markers); the store behind it is checked.
        // (SessionResumeIT takes the other way, the embedded database.)
        store.ensureStudy(STUDY, "session tests");
        token = new AccessTokens(db).create(Role.EVALUATOR, STUDY, null, "evaluator", "test").secret();
        server = ResultsServer.start(db, 0);
        ServerDestination destination = new ServerDestination(URI.create(server.url()),
                ResultsClient.builder(URI.create(server.url()), token).build());
        targets.forEach(t -> destination.ensureCandidate(STUDY, t.id(), t.displayName(), t.vendor()));
        SuiteRunner.registerSuite(destination, suite);
        // The study's plan, locked before the first session (over the API, as an evaluator does in team mode).
        plan = destination.savePlan(PlanMaker.make(STUDY, suite, tasks, new PlanMaker.Settings(
                List.of("streamlined", "legacy"), null, 15, "within", 2_000, 7, false, true), null).plan());
        plan = destination.lockPlan(STUDY);

        // The expert paths first: what path and time deviation are measured against.
        UUID runId = UUID.randomUUID();
        try (Journal journal = Journal.open(dir.resolve("journal"), runId)) {
            SuiteRunner.Outcome run = new SuiteRunner(new TaskRunner(BrowserSettings.local()), destination, journal, STUDY)
                    .run(runId, suite, targets, tasks, 1, "run", new PrintStream(System.out), a -> { });
            run.attempts().forEach(a -> {
                assertThat(a.attempt().outcome()).as(a.attempt().reason()).isEqualTo(Outcome.SUCCESS);
                expert.put(a.attempt().candidate() + "/" + a.attempt().task(), a.attempt());
            });
        }

        try (SessionPanel panel = SessionPanel.start(0); ObserverPage observer = ObserverPage.start(0)) {
            // The observer's page, as a second person's browser listens to it.
            Thread listener = new Thread(() -> {
                try {
                    java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(observer.url() + "events")).header("Accept", "text/event-stream").build(),
                            java.net.http.HttpResponse.BodyHandlers.ofLines()).body().forEach(observed::add);
                } catch (Exception ignored) {
                    // the page closes at the end
                }
            }, "observer");
            listener.setDaemon(true);
            listener.start();
            participant = new ScriptedParticipant(suite, targets,
                    Map.of("streamlined/record-allergy", Way.EXPERT, "streamlined/review-results", Way.GIVE_UP,
                            "legacy/record-allergy", Way.DETOUR, "legacy/review-results", Way.WRONG),
                    Map.of("streamlined/record-allergy", 6, "streamlined/review-results", 2, "legacy/record-allergy", 4,
                            "legacy/review-results", 3), SUS, 1200)
                    .observedBy(observer.url(), Map.of(
                            "streamlined/record-allergy", List.<String[]>of(new String[] {"slip", "hesitated over Save"}),
                            "legacy/record-allergy", List.<String[]>of(new String[] {"assist", "showed the Clinical menu"})));
            participant.begin(panel);
            try {
                // Its screens audited for accessibility from each attempt's replay, as the locked plan says (planned
                // with --audit-sessions; the session's command asks PlanGate the same way).
                assertThat(bedside.harness.study.PlanGate.auditsSession(java.util.Optional.of(plan), false, false)).isTrue();
                outcome = new SessionRunner(new TaskRunner(BrowserSettings.local()).withAccessibilityAudit(), destination,
                        dir.resolve("journal"),
                        panel, participant).observe(observer).run(new SessionRunner.Plan(suite, tasks, targets, STUDY, "P01",
                        TaskOrder.Mode.LATIN_SQUARE, null), new PrintStream(System.out));
            } finally {
                participant.finish(); // what went wrong on the participant's side, first
            }
        }
    }

    @AfterAll
    static void stop() {
        if (participant != null) participant.close();
        if (streamlined != null) streamlined.close();
        if (legacy != null) legacy.close();
        if (server != null) server.close();
        if (db != null) db.close();
    }

    @Test
    void theParticipantIsStoredWithDetailsAndConsent() {
        ParticipantRecord p = store.participant(STUDY, "P01").orElseThrow();
        assertThat(p.role()).isEqualTo("nurse");
        assertThat(p.yearsInRole()).isEqualTo(12);
        assertThat(p.ehrExperienceYears()).isEqualTo(9);
        assertThat(p.ehrSystemsUsed()).isEqualTo("EMIS Web, SystmOne");
        assertThat(p.ageBand()).isEqualTo("40-49");
        assertThat(p.assistiveTechnology()).isEqualTo("none");
        assertThat(p.consentedAt()).isNotNull();
        assertThat(outcome.participantIndex()).isZero();
    }

    @Test
    void eachCandidatesSessionKeepsTheOrderItUsed() {
        List<SessionRecord> sessions = store.sessionsOfRun(outcome.run().runId());
        assertThat(sessions).hasSize(2);
        // Participant 0 of a Latin square over two: the candidates and the tasks in the order given.
        assertThat(outcome.parts()).extracting(p -> p.session().candidate()).containsExactly("streamlined", "legacy");
        for (SessionRecord s : sessions) {
            assertThat(s.participant()).isEqualTo("P01");
            assertThat(s.order().mode()).isEqualTo("latin");
            assertThat(s.order().participantIndex()).isZero();
            assertThat(s.order().tasks()).containsExactly("record-allergy", "review-results");
            assertThat(s.order().candidatePosition()).isEqualTo(s.candidate().equals("streamlined") ? 1 : 2);
        }
        // The order really taken is the order stored.
        assertThat(participant.did).extracting(d -> d.candidate() + "/" + d.task()).containsExactly(
                "streamlined/record-allergy", "streamlined/review-results", "legacy/record-allergy", "legacy/review-results");
    }

    @Test
    void attemptsAreJudgedByTheCandidatesStateAndKeepWhatTheParticipantSaid() {
        AttemptRecord expertWay = stored("streamlined", "record-allergy");
        assertThat(expertWay.outcome()).as(expertWay.reason()).isEqualTo(Outcome.SUCCESS);
        assertThat(expertWay.session().participantSaid()).isEqualTo("done");

        AttemptRecord gaveUp = stored("streamlined", "review-results");
        assertThat(gaveUp.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(gaveUp.reason()).isEqualTo("the participant gave up");
        assertThat(gaveUp.session().participantSaid()).isEqualTo("gave-up");

        // Succeeded by the candidate's state, but the moderator helped: a failure in completion (NISTIR 7742).
        AttemptRecord detour = stored("legacy", "record-allergy");
        assertThat(detour.outcome()).as(detour.reason()).isEqualTo(Outcome.FAILURE);
        assertThat(detour.reason()).startsWith("assisted:").contains("met the success criteria");

        // Done without doing it: the participant's word does not make a success.
        AttemptRecord wrong = stored("legacy", "review-results");
        assertThat(wrong.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(wrong.reason()).startsWith("success criteria not met");
        assertThat(wrong.session().participantSaid()).isEqualTo("done");
    }

    @Test
    void theTaskTimeIsFromStartToDoneOnThePanelsClock() {
        for (Did d : participant.did) {
            AttemptRecord a = stored(d.candidate(), d.task());
            assertThat((double) a.timeMs()).as(d.candidate() + "/" + d.task()).isCloseTo(d.stop() - d.start(), within(1.0));
            assertThat(a.timeMs()).isGreaterThanOrEqualTo(1200);
        }
    }

    @Test
    void derivedMeasuresMatchTheWayTaken() {
        AttemptRecord expertWay = stored("streamlined", "record-allergy");
        AttemptRecord e1 = expert.get("streamlined/record-allergy");
        assertThat(expertWay.clicks() + expertWay.keystrokes()).isEqualTo(e1.clicks() + e1.keystrokes());
        assertThat(expertWay.session().pathDeviation()).isEqualTo(1.0);
        assertThat(expertWay.session().timeDeviation()).isCloseTo((double) expertWay.timeMs() / e1.klmMs(), within(1e-9));
        assertThat(expertWay.session().success()).isEqualTo("direct");
        assertThat(expertWay.session().lostness()).isEqualTo(0.0);
        assertThat(expertWay.session().misclicks()).isZero();

        AttemptRecord detour = stored("legacy", "record-allergy");
        AttemptRecord e2 = expert.get("legacy/record-allergy");
        assertThat(detour.clicks()).isEqualTo(e2.clicks() + 1);
        assertThat(detour.session().pathDeviation())
                .isCloseTo((double) (e2.clicks() + 1 + e2.keystrokes()) / (e2.clicks() + e2.keystrokes()), within(1e-9));
        assertThat(detour.session().success()).as("assisted: no success, direct or indirect").isNull();
        assertThat(detour.session().lostness()).isGreaterThan(0.0);
        assertThat(detour.session().misclicks()).isEqualTo(1);

        AttemptRecord gaveUp = stored("streamlined", "review-results");
        assertThat(gaveUp.session().misclicks()).isEqualTo(1);
        assertThat(gaveUp.session().success()).isNull();
        assertThat(stored("legacy", "review-results").session().misclicks()).isZero();
    }

    @Test
    void seqAndSusAreStoredAsAnswered() {
        List<TaskRatingRecord> ratings = store.taskRatings(STUDY);
        assertThat(ratings).hasSize(4);
        for (Did d : participant.did) {
            UUID session = sessionOf(d.candidate()).sessionId();
            TaskRatingRecord r = ratings.stream().filter(x -> x.sessionId().equals(session) && x.task().equals(d.task()))
                    .findFirst().orElseThrow();
            assertThat(r.instrument()).isEqualTo("seq");
            assertThat(r.rating()).isEqualTo(d.seq());
            assertThat(r.scaleMin()).isEqualTo(1);
            assertThat(r.scaleMax()).isEqualTo(7);
            assertThat(r.comment()).isEqualTo(d.comment());
        }
        List<SusRecord> sus = store.susAnswers(STUDY);
        assertThat(sus).hasSize(2);
        assertThat(sus).allSatisfy(s -> assertThat(s.answers()).isEqualTo(SUS));
        assertThat(outcome.answersStored()).isTrue();
        assertThat(outcome.upload().waiting()).isEmpty();
    }

    @Test
    void theObserversMarkersLandOnTheAttemptsTheyWereMarkedDuring() throws Exception {
        assertThat(participant.markAnswers).containsExactly("201 slip", "201 assist");
        List<bedside.results.MarkerRecord> markers = store.markers(STUDY);
        assertThat(markers).hasSize(2);
        for (bedside.results.MarkerRecord m : markers) {
            AttemptRecord a = stored(m.kind().equals("slip") ? "streamlined" : "legacy", "record-allergy");
            assertThat(m.attemptId()).isEqualTo(a.attemptId());
            assertThat(m.task()).isEqualTo("record-allergy");
            assertThat(m.by()).isEqualTo("observer");
            assertThat(m.tMs()).isBetween(0.0, (double) a.timeMs());
        }
        assertThat(markers).extracting(bedside.results.MarkerRecord::note)
                .containsExactlyInAnyOrder("hesitated over Save", "showed the Clinical menu");
        // The slip (a use error) was pictured as the participant saw the window then, stored with its attempt; the
        // assist (no use error) was not.
        bedside.results.MarkerRecord slip = markers.stream().filter(m -> m.kind().equals("slip")).findFirst().orElseThrow();
        List<bedside.results.EventRecord> pictures = store.eventsOfAttempt(slip.attemptId()).stream()
                .filter(e -> e.type().equals("evidence-screenshot")).toList();
        assertThat(pictures).hasSize(1);
        com.fasterxml.jackson.databind.JsonNode picture = bedside.results.client.Json.MAPPER.readTree(pictures.get(0).json());
        assertThat(picture.path("markerId").asText()).isEqualTo(slip.markerId().toString());
        assertThat(picture.path("format").asText()).isEqualTo("jpeg");
        assertThat(pictures.get(0).tMs()).isEqualTo(slip.tMs());
        String image = picture.path("image").asText();
        byte[] jpeg = java.util.Base64.getDecoder().decode(image);
        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8).hasSizeGreaterThan(1_000);
        bedside.results.MarkerRecord assist = markers.stream().filter(m -> m.kind().equals("assist")).findFirst()
                .orElseThrow();
        assertThat(store.eventsOfAttempt(assist.attemptId())).noneMatch(e -> e.type().equals("evidence-screenshot"));
    }

    /**
     * Issue 15, sessions audited: each attempt's screens rebuilt from its replay after its clock stopped, the detour
     * included; legacy's documented faults found on them, streamlined clean; the vendor's report shows them.
     */
    @Test
    void theSessionsScreensAreAuditedFromTheirReplaysDetourIncluded() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = bedside.results.client.Json.MAPPER;
        AttemptRecord detour = stored("legacy", "record-allergy");
        List<bedside.results.EventRecord> audit = store.eventsOfAttempt(detour.attemptId()).stream()
                .filter(e -> e.type().startsWith("a11y-")).toList();
        assertThat(audit).isNotEmpty().noneMatch(e -> e.type().equals("a11y-incomplete"))
                .allSatisfy(e -> assertThat(e.tMs()).isGreaterThanOrEqualTo(detour.timeMs() - 1.0));
        java.util.Set<String> screens = new java.util.TreeSet<>();
        java.util.Set<String> faults = new java.util.TreeSet<>();
        for (bedside.results.EventRecord e : audit) {
            JsonNode j = json.readTree(e.json());
            if (e.type().equals("a11y-screen")) {
                assertThat(j.path("from").asText()).isEqualTo("replay");
                assertThat(j.path("step").asText()).startsWith("participant at ");
                screens.add(j.path("screen").asText());
            } else {
                faults.add(j.path("screen").asText() + " " + j.path("rule").asText() + " " + j.path("selector").asText());
            }
        }
        // the detour to About, which no expert path reaches, among the task's screens
        assertThat(screens).contains("/help/about.do", "/main.do", "/patient/search.do").doesNotContain("/login.do");
        assertThat(faults).contains("/patient/search.do label #forename", "/main.do scrollable-region-focusable .notices");
        AttemptRecord clean = stored("streamlined", "record-allergy");
        assertThat(store.eventsOfAttempt(clean.attemptId())).anyMatch(e -> e.type().equals("a11y-screen"))
                .noneMatch(e -> e.type().equals("a11y-violation") || e.type().equals("a11y-incomplete"));
        java.net.http.HttpResponse<String> report = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(server.url() + "/api/studies/" + STUDY
                        + "/candidates/legacy/report")).header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("7. Accessibility of the screens reached", "<code>/help/about.do</code>",
                "record-allergy, by a participant at ")
                // the click maps drawn on the screens as the audit rebuilt them, in the participants' window
                .contains(", drawn on the screen as first shown")
                .containsPattern("<rect [^>]*/>\\s*<image href=\"data:image/jpeg;base64,");
    }

    /** Every attempt kept its replay (uploaded through the API), and the observer's markers are on its player's timeline. */
    @Test
    void eachAttemptsReplayIsStoredAndItsPageShowsTheObserversMarkers() throws Exception {
        List<AttemptRecord> attempts = store.attempts(new bedside.results.AttemptQuery(STUDY, null, null, null, null,
                1000, 0)).items();
        assertThat(attempts).allSatisfy(a -> assertThat(store.replay(a.attemptId())).as(a.task()).isPresent());
        bedside.results.MarkerRecord slip = store.markers(STUDY).stream().filter(m -> m.kind().equals("slip"))
                .findFirst().orElseThrow();
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(server.url() + "/api/studies/" + STUDY + "/attempts/"
                        + slip.attemptId() + "/replay")).header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-kind=\"slip\"", "marked by the observer: hesitated over Save");
    }

    @Test
    void theObserverSawTheTasksTheScreensAndTheClicksLive() {
        assertThat(observed).contains("event: state", "event: feed", "event: marker");
        assertThat(observed).anyMatch(l -> l.startsWith("data:") && l.contains("the participant is working")
                && l.contains("Record a medication allergy"));
        assertThat(observed).anyMatch(l -> l.startsWith("data:") && l.contains("click on button"));
        assertThat(observed).anyMatch(l -> l.startsWith("data:") && l.contains("(nothing to act on)"));
        assertThat(observed).anyMatch(l -> l.startsWith("data:") && l.contains("screen /"));
        // Nothing typed reaches the observer.
        assertThat(observed).noneMatch(l -> l.contains("Penicillin") || l.contains("PENICILLIN"));
    }

    @Test
    void theStudysChainVerifies() {
        assertThat(store.verify(STUDY).intact()).as(store.verify(STUDY).toString()).isTrue();
    }

    @Test
    void theJournalHoldsTheSessionWholeAndMarksItStored() {
        Journal.Contents c = Journal.read(outcome.journal());
        assertThat(c.finished()).isTrue();
        assertThat(c.plan().participant()).isEqualTo("P01");
        assertThat(c.answers().ratings()).hasSize(4);
        assertThat(c.answers().sus()).hasSize(2);
        assertThat(c.answers().pending()).isFalse();
        assertThat(c.notStored()).isEmpty();
    }

    private static SessionRecord sessionOf(String candidate) {
        return outcome.parts().stream().map(SessionRunner.CandidatePart::session).filter(s -> s.candidate().equals(candidate))
                .findFirst().orElseThrow();
    }

    private static AttemptRecord stored(String candidate, String task) {
        AttemptResult r = outcome.parts().stream().flatMap(p -> p.attempts().stream())
                .filter(a -> a.attempt().candidate().equals(candidate) && a.attempt().task().equals(task)).findFirst()
                .orElseThrow();
        AttemptRecord fromStore = store.attempt(r.attempt().attemptId()).orElseThrow();
        assertThat(fromStore.session()).isEqualTo(r.attempt().session());
        return fromStore;
    }

    @Test
    void theStudysScoresComeFromTheSessionAsTheLockedPlanSays() throws Exception {
        JsonNode scores = bedside.results.client.Json.MAPPER.readTree(get("/scores"));
        assertThat(scores.path("basis").asText()).isEqualTo("plan");
        assertThat(scores.at("/plan/hash").asText()).isEqualTo(plan.hash());
        assertThat(scores.at("/bootstrap/seed").asLong()).isEqualTo(7);
        // The participant, not the expert path that ran first.
        for (JsonNode c : scores.path("candidates")) {
            assertThat(c.path("participants").asInt()).as(c.toString()).isEqualTo(1);
            assertThat(c.at("/sample_adequacy/level").asText()).isEqualTo("below-minimum");
            assertThat(c.at("/sus/n").asInt()).isEqualTo(1);
        }
        // bedside analyze on the exported files, with the plan's seed and resamples: the same numbers.
        Path attempts = java.nio.file.Files.writeString(dir.resolve("attempts.csv"), get("/export/attempts.csv"));
        Path sus = java.nio.file.Files.writeString(dir.resolve("sus.csv"), get("/export/sus.csv"));
        Path weights = java.nio.file.Files.writeString(dir.resolve("weights.csv"), get("/export/weights.csv"));
        Path json = dir.resolve("analysis.json");
        assertThat(bedside.reports.analysis.AnalyzeTool.run(attempts, sus, weights, 7L, json, null, 2_000,
                new PrintStream(System.out), new PrintStream(System.out))).isZero();
        assertThat(bedside.results.client.Json.MAPPER.readTree(json.toFile()))
                .isEqualTo(bedside.results.server.Scores.withoutStoreFields(scores));
    }

    /** GET /api/studies/sessions{path} with the evaluator's token, as text. */
    static String get(String path) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create(server.url() + "/api/studies/" + STUDY + path))
                .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
