package bedside.harness.session.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.journal.Journal;
import bedside.harness.run.CandidateInstances;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.ShippedSuite;
import bedside.harness.run.SuiteRunner;
import bedside.harness.run.TaskRunner;
import bedside.harness.session.SessionRunner;
import bedside.harness.session.simulation.SimulatedParticipant.Did;
import bedside.harness.session.simulation.SimulatedParticipant.Press;
import bedside.harness.upload.StoreDestination;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small simulated panel — three participants, both sample candidates, two tasks, all three sessions at once — through
 * the real session path in headless Chromium, after the study's expert paths. What is stored (participants, the Latin
 * square order, attempts with the panel clock's times and the recorder's misclicks, SEQ, SUS) must match what each
 * simulated participant did, exactly, and the same seed must draw the same plan again.
 *
 * <p>The model is the shipped one with three values changed, to keep the test short and to make its paths happen: the
 * participants are three times faster than the KLM, miss targets far more often, and give up once a task would pass 5%
 * of its time limit (9 s of 180 s): legacy's add-problem (34 s by the KLM) is given up by the slower of them, and
 * streamlined's review-results (11 s) is done by the faster.
 */
class SimulatedPanelIT {
    static final String STUDY = "simulated";
    static final long SEED = 7;
    static final int PARTICIPANTS = 3;

    @TempDir
    static Path dir;
    static Database db;
    static ResultsStore store;
    static final List<SampleCandidate> samples = new ArrayList<>();
    static PanelModel model;
    static SimulatedPanel.Outcome outcome;
    static List<Task> tasks;

    @BeforeAll
    static void runThePanel() throws Exception {
        Suite suite = ShippedSuite.read();
        tasks = suite.tasks().stream().filter(t -> t.id().equals("review-results") || t.id().equals("add-problem")).toList();
        String shipped = new String(PanelModel.class.getClassLoader().getResourceAsStream(PanelModel.SHIPPED).readAllBytes(),
                StandardCharsets.UTF_8);
        Path file = dir.resolve("panel.yaml");
        Files.writeString(file, shipped.replace("participantMedian: 1.0", "participantMedian: 0.33")
                .replace("probability: 0.04", "probability: 0.35").replace("max: 0.30", "max: 0.60")
                .replace("shareOfTimeLimit: 0.95", "shareOfTimeLimit: 0.05"));
        model = PanelModel.read(file);

        db = Database.open(DatabaseConfig.embedded(dir.resolve("pg")).withFsync(false));
        store = new ResultsStore(db);
        StoreDestination destination = new StoreDestination(store, "the results database", "database");
        List<CandidateInstances> candidates = new ArrayList<>();
        for (String id : List.of(SampleCandidates.STREAMLINED, SampleCandidates.LEGACY)) {
            List<CandidateTarget> instances = new ArrayList<>();
            for (int w = 0; w < PARTICIPANTS; w++) {
                SampleCandidate c = SampleCandidates.start(id, 0);
                samples.add(c);
                instances.add(ShippedSuite.target(c));
            }
            candidates.add(new CandidateInstances(instances.get(0), instances));
        }
        destination.ensureStudy(STUDY, "simulated panel test");
        candidates.forEach(c -> destination.ensureCandidate(STUDY, c.target().id(), c.target().displayName(),
                c.target().vendor()));
        SuiteRunner.registerSuite(destination, suite);
        // A simulated study's plan, locked before the panel (a real plan would refuse simulated participants).
        destination.savePlan(bedside.harness.study.PlanMaker.make(STUDY, suite, tasks, new bedside.harness.study
                .PlanMaker.Settings(candidates.stream().map(c -> c.target().id()).toList(), null, PARTICIPANTS, "within",
                2_000, 7, true), null).plan());
        destination.lockPlan(STUDY);

        // The expert paths first: what path and time deviation are measured against.
        UUID runId = UUID.randomUUID();
        try (Journal journal = Journal.open(dir.resolve("journal"), runId)) {
            new SuiteRunner(new TaskRunner(BrowserSettings.local()), destination, journal, STUDY).run(runId, suite,
                    candidates.stream().map(CandidateInstances::target).toList(), tasks, 1, "run", new PrintStream(System.out),
                    a -> assertThat(a.attempt().outcome()).as(a.attempt().reason()).isEqualTo(Outcome.SUCCESS));
        }
        outcome = new SimulatedPanel(model, BrowserSettings.local(), destination, dir.resolve("journal"))
                .run(new SimulatedPanel.Plan(suite, tasks, candidates, STUDY, PARTICIPANTS, PARTICIPANTS, SEED),
                        new PrintStream(System.out));
        for (SimulatedPanel.Taken t : outcome.participants()) {
            assertThat(t.failure()).as(t.code() + ":\n" + t.log()).isNull();
            t.did().forEach(d -> System.out.println(t.code() + " " + d));
        }
    }

    @AfterAll
    static void stop() {
        samples.forEach(SampleCandidate::close);
        if (db != null) db.close();
    }

    @Test
    void everyParticipantIsStoredWithTheDrawnDetails() {
        assertThat(outcome.complete()).isTrue();
        assertThat(outcome.participants()).extracting(SimulatedPanel.Taken::code).containsExactly("SIM01", "SIM02", "SIM03");
        for (SimulatedPanel.Taken t : outcome.participants()) {
            ParticipantRecord p = store.participant(STUDY, t.code()).orElseThrow();
            PanelModel.Details d = model.participant(SEED, t.index()).details();
            assertThat(p.role()).isEqualTo("simulated");
            assertThat(p.yearsInRole()).isEqualTo(d.yearsInRole());
            assertThat(p.ehrExperienceYears()).isEqualTo(d.ehrExperienceYears());
            assertThat(p.ageBand()).isEqualTo(d.ageBand());
            assertThat(p.ehrSystemsUsed()).isEqualTo(d.ehrSystemsUsed());
            assertThat(t.session().participantIndex()).as("consent order is participant order").isEqualTo(t.index());
        }
    }

    @Test
    void candidatesAndTasksAreInTheLatinSquaresOrder() {
        for (SimulatedPanel.Taken t : outcome.participants()) {
            List<String> candidates = TaskOrder.of(List.of("streamlined", "legacy"), TaskOrder.Mode.LATIN_SQUARE, t.index(), SEED);
            List<String> taskOrder = TaskOrder.of(tasks.stream().map(Task::id).toList(), TaskOrder.Mode.LATIN_SQUARE,
                    t.index(), SEED);
            assertThat(t.session().parts()).extracting(p -> p.session().candidate()).containsExactlyElementsOf(candidates);
            List<String> expected = new ArrayList<>();
            for (SessionRunner.CandidatePart part : t.session().parts()) {
                SessionRecord s = part.session();
                assertThat(s.participant()).isEqualTo(t.code());
                assertThat(s.order().mode()).isEqualTo("latin");
                assertThat(s.order().participantIndex()).isEqualTo(t.index());
                assertThat(s.order().tasks()).containsExactlyElementsOf(taskOrder);
                assertThat(s.order().candidatePosition()).isEqualTo(candidates.indexOf(s.candidate()) + 1);
                taskOrder.forEach(task -> expected.add(s.candidate() + "/" + task));
            }
            // The order really taken is the order stored.
            assertThat(t.did()).extracting(d -> d.candidate() + "/" + d.task()).containsExactlyElementsOf(expected);
        }
        // Over the panel, each candidate comes first for someone.
        assertThat(outcome.participants().stream().map(t -> t.session().parts().get(0).session().candidate()).distinct())
                .hasSize(2);
    }

    @Test
    void attemptsStoreThePanelsClockTheRecordersMisclicksAndTheChecksVerdict() {
        int misclicks = 0;
        int gaveUp = 0;
        int done = 0;
        for (SimulatedPanel.Taken t : outcome.participants()) {
            for (Did d : t.did()) {
                AttemptRecord a = stored(t, d);
                String what = t.code() + " " + d.candidate() + "/" + d.task();
                assertThat((double) a.timeMs()).as(what).isCloseTo(d.stop() - d.start(), within(1.0));
                assertThat(a.session().participantSaid()).as(what).isEqualTo(d.said());
                assertThat(a.session().misclicks()).as(what + ": the recorder counts the presses made beside targets, "
                        + d.presses()).isEqualTo(d.misclicks());
                assertThat(d.misclicks()).isEqualTo((int) d.presses().stream().filter(Press::pressed).count());
                if (d.said().equals("done")) {
                    assertThat(a.outcome()).as(what + ": " + a.reason()).isEqualTo(Outcome.SUCCESS);
                    assertThat(a.session().success()).isIn("direct", "indirect");
                    assertThat(a.session().timeDeviation()).isPositive();
                } else {
                    assertThat(d.said()).as(what + ": " + d.why()).isEqualTo("gave-up");
                    assertThat(a.outcome()).isEqualTo(Outcome.FAILURE);
                    // (A participant giving up with the candidate's confirm dialog open: the page cannot be drained.)
                    assertThat(a.reason()).startsWith("the participant gave up");
                    gaveUp++;
                }
                misclicks += d.misclicks();
                done += d.said().equals("done") ? 1 : 0;
            }
        }
        assertThat(misclicks).as("presses beside targets over the panel").isPositive();
        assertThat(gaveUp).as("tasks given up").isPositive();
        assertThat(done).as("tasks done").isPositive();
    }

    @Test
    void seqAndSusAreStoredAsAnswered() {
        List<TaskRatingRecord> ratings = store.taskRatings(STUDY);
        List<SusRecord> sus = store.susAnswers(STUDY);
        assertThat(ratings).hasSize(PARTICIPANTS * 4);
        assertThat(sus).hasSize(PARTICIPANTS * 2);
        for (SimulatedPanel.Taken t : outcome.participants()) {
            for (Did d : t.did()) {
                UUID session = sessionOf(t, d.candidate()).sessionId();
                TaskRatingRecord r = ratings.stream().filter(x -> x.sessionId().equals(session) && x.task().equals(d.task()))
                        .findFirst().orElseThrow();
                assertThat(r.rating()).isEqualTo(d.seq());
                assertThat(r.scaleMax()).isEqualTo(7);
            }
            assertThat(t.answered()).hasSize(2);
            for (SimulatedParticipant.Answered a : t.answered()) {
                UUID session = sessionOf(t, a.candidate()).sessionId();
                assertThat(sus.stream().filter(s -> s.sessionId().equals(session)).findFirst().orElseThrow().answers())
                        .isEqualTo(a.sus());
            }
        }
    }

    @Test
    void theSameSeedDrawsTheSamePlanAndAnswers() throws Exception {
        // A model read afresh from the same file: every decision the participants made is drawn again, from the seed.
        PanelModel again = PanelModel.read(dir.resolve("panel.yaml"));
        for (SimulatedPanel.Taken t : outcome.participants()) {
            PanelModel.Participant p = again.participant(SEED, t.index());
            for (Did d : t.did()) {
                for (Press press : d.presses()) {
                    assertThat(p.misclicks(d.candidate() + "/" + d.task() + "/" + press.step(), press.targets()))
                            .as(t.code() + " " + d.candidate() + "/" + d.task() + " step " + press.step())
                            .isEqualTo(press.missed());
                }
                assertThat(p.seq(d.predictedSeconds(), d.timeRatio(), d.misclicks(), d.failed(), d.candidate() + "/" + d.task()))
                        .isEqualTo(d.seq());
            }
            int from = 0;
            for (SimulatedParticipant.Answered a : t.answered()) {
                List<Did> part = t.did().subList(from, from + 2);
                from += 2;
                double klm = part.stream().mapToDouble(d -> Math.log(d.predictedSeconds())).average().orElseThrow();
                double ln = part.stream().mapToDouble(d -> Math.log(d.timeRatio())).average().orElseThrow();
                double errors = part.stream().mapToInt(Did::misclicks).average().orElseThrow();
                double failed = part.stream().filter(Did::failed).count() / 2.0;
                assertThat(p.sus(klm, ln, errors, failed, a.candidate())).isEqualTo(a.sus());
            }
        }
        // The screens' targets were counted (the misclick probability depends on them).
        assertThat(outcome.participants().stream().flatMap(t -> t.did().stream()).flatMap(d -> d.presses().stream()))
                .isNotEmpty().allSatisfy(p -> assertThat(p.targets()).isPositive());
    }

    @Test
    void theJournalsSayTheSessionsWereSimulated() {
        List<Journal.Contents> all = Journal.all(dir.resolve("journal")).stream().filter(c -> c.plan() != null).toList();
        assertThat(all.stream().filter(c -> "session".equals(c.plan().kind()))).hasSize(PARTICIPANTS)
                .allSatisfy(c -> {
                    assertThat(c.plan().simulated()).isTrue();
                    assertThat(c.finished()).isTrue();
                    assertThat(c.notStored()).isEmpty();
                });
        assertThat(store.verify(STUDY).intact()).as(store.verify(STUDY).toString()).isTrue();
    }

    private static SessionRecord sessionOf(SimulatedPanel.Taken t, String candidate) {
        return t.session().parts().stream().map(SessionRunner.CandidatePart::session)
                .filter(s -> s.candidate().equals(candidate)).findFirst().orElseThrow();
    }

    private static AttemptRecord stored(SimulatedPanel.Taken t, Did d) {
        UUID id = t.session().parts().stream().flatMap(p -> p.attempts().stream()).map(a -> a.attempt())
                .filter(a -> a.candidate().equals(d.candidate()) && a.task().equals(d.task())).findFirst().orElseThrow()
                .attemptId();
        return store.attempt(id).orElseThrow();
    }

    @Test
    void everySimulatedParticipantSessionAndScoreIsFlaggedSimulated() {
        assertThat(store.participants(STUDY)).filteredOn(p -> !p.code().equals("expert-path")).hasSize(PARTICIPANTS)
                .allMatch(ParticipantRecord::simulated);
        assertThat(store.sessionsOfStudy(STUDY)).filteredOn(s -> s.moderated()).hasSize(PARTICIPANTS * 2)
                .allMatch(s -> s.simulated() && !s.pilot());
        var analysis = new bedside.results.server.Scores(store).analyze(STUDY, null);
        assertThat(analysis.simulated()).isTrue();
        assertThat(analysis.warnings().get(0)).startsWith("SIMULATED DATA:");
        assertThat(analysis.candidates()).allMatch(c -> c.participants() == PARTICIPANTS);
    }
}
