package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Fixtures;
import bedside.results.Outcome;
import bedside.results.ParticipantRecord;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskText;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static bedside.results.Fixtures.SUITE_HASH;
import static bedside.results.Fixtures.TASKS;
import static bedside.results.Fixtures.attempt;
import static bedside.results.Fixtures.events;
import static bedside.results.Fixtures.prepareStudy;
import static bedside.results.Fixtures.run;
import static bedside.results.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Saving and reading results; each test works in a study of its own. */
class ResultsStoreIT {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private final ResultsStore store = DB.store();
    private final DSLContext dsl = DB.database().dsl();
    private final Instant t0 = Instant.parse("2026-11-25T09:00:00.123456789Z");

    @Test
    void savesAndReadsBackARunWithItsAttemptsAndEvents() {
        prepareStudy(store, "round-trip");
        RunRecord run = run("round-trip", t0);
        store.startRun(run);
        SessionRecord s = session(run, "alpha", "P01", t0.plusSeconds(1));
        store.startSession(s);
        AttemptRecord a = attempt(s, "record-allergy", 1, Outcome.CRITICAL_USE_ERROR, t0.plusSeconds(2));
        List<EventRecord> events = events(a.attemptId(), 25);

        assertThat(store.saveAttempt(a, events)).isTrue();
        store.finishRun(run.runId(), t0.plusSeconds(60));

        Instant micros = Instant.parse("2026-11-25T09:00:00.123456Z");
        RunRecord expectedRun = new RunRecord(run.runId(), "round-trip", run.suiteId(), run.suiteVersion(),
                SUITE_HASH, "demo", micros, micros.plusSeconds(60));
        assertThat(store.run(run.runId())).contains(expectedRun);
        assertThat(store.runs("round-trip")).containsExactly(expectedRun);
        assertThat(store.session(s.sessionId())).contains(
                new SessionRecord(s.sessionId(), run.runId(), "alpha", "P01", micros.plusSeconds(1)));
        assertThat(store.sessionsOfRun(run.runId())).hasSize(1);

        List<AttemptRecord> attempts = store.attemptsOfRun(run.runId());
        assertThat(attempts).hasSize(1);
        AttemptRecord stored = attempts.get(0);
        assertThat(stored.outcome()).isEqualTo(Outcome.CRITICAL_USE_ERROR);
        assertThat(stored.startedAt()).isEqualTo(micros.plusSeconds(2));
        assertThat(stored).usingRecursiveComparison().ignoringFields("startedAt").isEqualTo(a);
        assertThat(dsl.fetchValue("select outcome from attempts where attempt_id = ?", a.attemptId()))
                .isEqualTo("critical-use-error");
        assertThat((String) dsl.fetchValue("select record_hash from attempts where attempt_id = ?", a.attemptId()))
                .matches("[0-9a-f]{64}");
        assertThat(dsl.fetchValue("select chain_no from attempts where attempt_id = ?", a.attemptId())).isEqualTo(1L);

        assertThat(store.eventsOfAttempt(a.attemptId())).containsExactlyElementsOf(events);
        assertThat(store.eventCount(a.attemptId())).isEqualTo(25);
        assertThat(store.suiteTasks(SUITE_HASH)).containsExactlyElementsOf(TASKS);
        assertThat(store.participant("round-trip", "P01")).contains(ParticipantRecord.of("P01"));
        assertThat(store.run(UUID.randomUUID())).isEmpty();
        assertThat(store.attemptsOfRun(UUID.randomUUID())).isEmpty();
    }

    @Test
    void eventsOfOneKindAreReadForAllACandidatesAttemptsAtOnce() {
        prepareStudy(store, "kinds");
        RunRecord run = run("kinds", t0);
        store.startRun(run);
        SessionRecord s = session(run, "alpha", "P01", t0);
        store.startSession(s);
        SessionRecord other = session(run, "beta", "P01", t0);
        store.startSession(other);
        AttemptRecord later = attempt(s, "record-allergy", 2, Outcome.SUCCESS, t0.plusSeconds(20));
        AttemptRecord first = attempt(s, "record-allergy", 1, Outcome.SUCCESS, t0.plusSeconds(10));
        AttemptRecord none = attempt(s, "order-medication", 1, Outcome.SUCCESS, t0.plusSeconds(30));
        AttemptRecord beta = attempt(other, "record-allergy", 1, Outcome.SUCCESS, t0.plusSeconds(5));
        java.util.function.BiFunction<AttemptRecord, List<String>, List<EventRecord>> of = (a, types) -> {
            List<EventRecord> out = new ArrayList<>();
            for (String type : types) {
                out.add(new EventRecord(a.attemptId(), out.size(), out.size() * 10.0, type, "http://x/", "{}"));
            }
            return out;
        };
        store.saveAttempt(later, of.apply(later, List.of("click", "a11y-screen", "a11y-violation", "a11yish")));
        store.saveAttempt(first, of.apply(first, List.of("a11y-screen", "page-start", "a11y-incomplete")));
        store.saveAttempt(none, of.apply(none, List.of("click", "key")));
        store.saveAttempt(beta, of.apply(beta, List.of("a11y-screen")));

        Map<UUID, List<EventRecord>> audits = store.eventsOfKind("kinds", "alpha", "a11y-");
        assertThat(audits.keySet()).containsExactly(first.attemptId(), later.attemptId()); // in the order they started
        assertThat(audits.get(first.attemptId())).extracting(EventRecord::type)
                .containsExactly("a11y-screen", "a11y-incomplete");
        assertThat(audits.get(later.attemptId())).extracting(EventRecord::seq).containsExactly(1L, 2L);
        assertThat(store.eventsOfKind("kinds", "beta", "a11y-")).containsOnlyKeys(beta.attemptId());
        assertThat(store.eventsOfKind("kinds", "alpha", "a11y_")).isEmpty(); // a prefix, not a pattern
    }

    @Test
    void replayingAnAttemptChangesNothingAndDuplicatesNothing() {
        prepareStudy(store, "replay");
        RunRecord run = run("replay", t0);
        store.startRun(run);
        SessionRecord s = session(run, "beta", "expert-path", t0);
        store.startSession(s);
        AttemptRecord a = attempt(s, "order-medication", 1, Outcome.SUCCESS, t0.plusSeconds(3));
        List<EventRecord> events = events(a.attemptId(), 100);
        assertThat(store.saveAttempt(a, events)).isTrue();
        Map<String, Object> before = dsl.fetchOne("select * from attempts where attempt_id = ?", a.attemptId()).intoMap();

        // A retry, a replay from the journal, and everything before it replayed too.
        prepareStudy(store, "replay");
        store.startRun(run);
        store.startSession(s);
        assertThat(store.saveAttempt(a, events)).isFalse();
        assertThat(store.saveAttempt(a, events.subList(0, 10))).isFalse();

        assertThat(dsl.fetchOne("select * from attempts where attempt_id = ?", a.attemptId()).intoMap()).isEqualTo(before);
        assertThat(store.eventCount(a.attemptId())).isEqualTo(100);
        assertThat(store.attemptsOfRun(run.runId())).hasSize(1);
        assertThat(store.runs("replay")).hasSize(1);
        assertThat(store.sessionsOfRun(run.runId())).hasSize(1);
        assertThat(dsl.fetchValue("select count(*) from suite_versions where content_hash = ?", SUITE_HASH)).isEqualTo(1L);
        assertThat(dsl.fetchValue("select count(*) from candidates where study_code = 'replay'")).isEqualTo(2L);
    }

    @Test
    void aReplayWithOtherContentIsRefusedAndStoredEvidenceIsKept() {
        prepareStudy(store, "conflict");
        RunRecord run = run("conflict", t0);
        store.startRun(run);
        SessionRecord s = session(run, "alpha", "P02", t0);
        store.startSession(s);
        AttemptRecord a = attempt(s, "review-results", 1, Outcome.FAILURE, t0);
        store.saveAttempt(a, events(a.attemptId(), 3));

        AttemptRecord altered = new AttemptRecord(a.attemptId(), a.sessionId(), a.candidate(), a.task(),
                a.participant(), a.attemptNo(), Outcome.SUCCESS, null, null, a.startedAt(), a.timeMs(), a.clicks(),
                a.keystrokes(), a.screens(), a.pageLoads(), a.scrollPx(), a.dialogs(), a.validationErrors(),
                a.systemResponseMs(), a.klmMs());
        assertThatThrownBy(() -> store.saveAttempt(altered, List.of())).isInstanceOf(RecordConflictException.class);
        assertThat(store.attempt(a.attemptId()).orElseThrow().outcome()).isEqualTo(Outcome.FAILURE);

        RunRecord otherKind = new RunRecord(run.runId(), "conflict", run.suiteId(), run.suiteVersion(), SUITE_HASH,
                "run", run.startedAt(), null);
        assertThatThrownBy(() -> store.startRun(otherKind)).isInstanceOf(RecordConflictException.class);
        assertThatThrownBy(() -> store.saveSuiteVersion("x", "1", SUITE_HASH, "x", TASKS.subList(0, 1)))
                .isInstanceOf(RecordConflictException.class);
    }

    @Test
    void concurrentSavesOfOneAttemptStoreItOnce() throws Exception {
        prepareStudy(store, "concurrent");
        RunRecord run = run("concurrent", t0);
        store.startRun(run);
        SessionRecord s = session(run, "alpha", "P03", t0);
        store.startSession(s);
        AttemptRecord a = attempt(s, "record-allergy", 1, Outcome.SUCCESS, t0);
        List<EventRecord> events = events(a.attemptId(), 2_000);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Callable<Boolean> save = () -> store.saveAttempt(a, events);
                results.add(pool.submit(save));
            }
            int stored = 0;
            for (Future<Boolean> f : results) {
                stored += f.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.eventCount(a.attemptId())).isEqualTo(2_000);
    }

    @Test
    void aSecondDemoRunAddsARunAndLeavesTheFirstAsItWas() {
        RunRecord first = Fixtures.demo(store, "twice", t0, 20);
        List<Map<String, Object>> firstRows = rowsOf(first.runId());
        long studies = dsl.fetchCount(dsl.selectFrom("studies"));
        long suites = dsl.fetchCount(dsl.selectFrom("suite_versions"));
        long tasks = dsl.fetchCount(dsl.selectFrom("suite_tasks"));

        RunRecord second = Fixtures.demo(store, "twice", t0.plusSeconds(3600), 20);

        assertThat(store.runs("twice")).extracting(RunRecord::runId).containsExactly(first.runId(), second.runId());
        assertThat(rowsOf(first.runId())).isEqualTo(firstRows);
        assertThat(store.attemptsOfRun(second.runId())).hasSize(6);
        assertThat(dsl.fetchCount(dsl.selectFrom("studies"))).isEqualTo(studies);
        assertThat(dsl.fetchCount(dsl.selectFrom("suite_versions"))).isEqualTo(suites);
        assertThat(dsl.fetchCount(dsl.selectFrom("suite_tasks"))).isEqualTo(tasks);
        assertThat(dsl.fetchValue("select count(*) from candidates where study_code = 'twice'")).isEqualTo(2L);
        assertThat(dsl.fetchValue("select count(*) from participants where study_code = 'twice'")).isEqualTo(1L);
        assertThat(dsl.fetchValue("select count(*) from attempts a join sessions s using (session_id) "
                + "where s.study_code = 'twice'")).isEqualTo(12L);
    }

    /** Every stored row of a run (run, sessions, attempts, events), with every column. */
    private List<Map<String, Object>> rowsOf(UUID runId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(dsl.fetch("select * from runs where run_id = ?", runId).intoMaps());
        rows.addAll(dsl.fetch("select * from sessions where run_id = ? order by session_id", runId).intoMaps());
        rows.addAll(dsl.fetch("select a.* from attempts a join sessions s using (session_id) where s.run_id = ? "
                + "order by a.attempt_id", runId).intoMaps());
        rows.addAll(dsl.fetch("select e.attempt_id, e.seq, e.t_ms, e.type, e.page, e.json::text from events e "
                + "join attempts a using (attempt_id) join sessions s using (session_id) where s.run_id = ? "
                + "order by e.attempt_id, e.seq", runId).intoMaps());
        return rows;
    }

    @Test
    void storesThousandsOfEventsInBatches() {
        prepareStudy(store, "bulk");
        RunRecord run = run("bulk", t0);
        store.startRun(run);
        SessionRecord s = session(run, "alpha", "P04", t0);
        store.startSession(s);
        AttemptRecord a = attempt(s, "order-medication", 1, Outcome.SUCCESS, t0);
        List<EventRecord> events = events(a.attemptId(), 20_000);

        long start = System.nanoTime();
        assertThat(store.saveAttempt(a, events)).isTrue();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[bedside-test] saved %,d events in %,d ms (%s)%n", events.size(), ms, DB.backend());

        assertThat(store.eventCount(a.attemptId())).isEqualTo(20_000);
        List<EventRecord> read = store.eventsOfAttempt(a.attemptId());
        assertThat(read).hasSize(20_000);
        assertThat(read.get(0)).isEqualTo(events.get(0));
        assertThat(read.get(19_999)).isEqualTo(events.get(19_999));
        assertThat(read).extracting(EventRecord::seq).isSorted();
        assertThat(ms).as("20,000 events must be fast").isLessThan(20_000);
    }

    @Test
    void attemptsMustAgreeWithTheirSessionAndSuite() {
        prepareStudy(store, "checks");
        RunRecord run = run("checks", t0);
        store.startRun(run);
        SessionRecord s = session(run, "alpha", "P05", t0);
        store.startSession(s);

        AttemptRecord wrongCandidate = new AttemptRecord(UUID.randomUUID(), s.sessionId(), "beta", "record-allergy",
                "P05", 1, Outcome.SUCCESS, null, null, t0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> store.saveAttempt(wrongCandidate, List.of())).isInstanceOf(IllegalArgumentException.class);
        AttemptRecord unknownTask = new AttemptRecord(UUID.randomUUID(), s.sessionId(), "alpha", "no-such-task",
                "P05", 1, Outcome.SUCCESS, null, null, t0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> store.saveAttempt(unknownTask, List.of())).isInstanceOf(IllegalArgumentException.class);
        AttemptRecord noSession = new AttemptRecord(UUID.randomUUID(), UUID.randomUUID(), "alpha", "record-allergy",
                "P05", 1, Outcome.SUCCESS, null, null, t0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> store.saveAttempt(noSession, List.of())).isInstanceOf(IllegalStateException.class);
        AttemptRecord ok = attempt(s, "record-allergy", 1, Outcome.SUCCESS, t0);
        List<EventRecord> foreign = events(UUID.randomUUID(), 1);
        assertThatThrownBy(() -> store.saveAttempt(ok, foreign)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.startSession(session(run, "gamma", "P05", t0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("gamma");
        assertThatThrownBy(() -> store.startRun(run("no-such-study", t0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-study");
        assertThat(store.attemptsOfRun(run.runId())).isEmpty();

        // The database itself refuses an outcome that is not one of the five.
        store.saveAttempt(ok, List.of());
        assertThatThrownBy(() -> dsl.execute("update attempts set outcome = 'mostly-fine' where attempt_id = ?",
                ok.attemptId())).isInstanceOf(DataAccessException.class).hasMessageContaining("attempts_outcome_ck");
    }

    @Test
    void aLockedStudyTakesNoNewRunsButReplaysStillSucceed() {
        prepareStudy(store, "locked");
        RunRecord run = run("locked", t0);
        store.startRun(run);
        SessionRecord s = session(run, "alpha", "P06", t0);
        store.startSession(s);
        AttemptRecord a = attempt(s, "record-allergy", 1, Outcome.SUCCESS, t0);
        store.saveAttempt(a, events(a.attemptId(), 5));
        dsl.execute("update studies set locked = true, locked_at = now() where study_code = 'locked'");

        assertThat(store.saveAttempt(a, events(a.attemptId(), 5))).isFalse();
        AttemptRecord late = attempt(s, "order-medication", 1, Outcome.SUCCESS, t0);
        assertThatThrownBy(() -> store.saveAttempt(late, List.of())).isInstanceOf(StudyLockedException.class);
        assertThat(store.attempt(late.attemptId())).isEmpty();
        assertThatThrownBy(() -> store.startRun(run("locked", t0))).isInstanceOf(StudyLockedException.class);
        assertThat(store.runs("locked")).hasSize(1);
    }

    @Test
    void finishingARunTwiceKeepsTheFirstTime() {
        prepareStudy(store, "finish");
        RunRecord run = run("finish", t0);
        store.startRun(run);
        store.finishRun(run.runId(), t0.plusSeconds(10));
        store.finishRun(run.runId(), t0.plusSeconds(20));
        assertThat(store.run(run.runId()).orElseThrow().finishedAt())
                .isEqualTo(Instant.parse("2026-11-25T09:00:10.123456Z"));
        assertThatThrownBy(() -> store.finishRun(UUID.randomUUID(), t0)).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void suiteVersionsAreStoredOncePerHash() {
        TaskText t = Fixtures.task("only", "Only task", "Do the one thing.");
        String hash = "sha256:" + Fixtures.sha256("suite-once");
        store.saveSuiteVersion("once", "0.1", hash, "Once", List.of(t));
        store.saveSuiteVersion("once", "0.1", hash, "Once", List.of(t));
        assertThat(store.suiteTasks(hash)).containsExactly(t);
        assertThat(dsl.fetchValue("select count(*) from suite_versions where suite_id = 'once'")).isEqualTo(1L);
        assertThatThrownBy(() -> store.saveSuiteVersion("bad", "1", "not-a-hash", "Bad", List.of()))
                .isInstanceOf(DataAccessException.class);
    }

    /**
     * A task's text as participants read it (its data set filled in) is kept beside the template its hash is over. A
     * version stored before it was kept gets it from the next run of that version; a text once kept never changes,
     * and a different template under the same hash is still a conflict.
     */
    @Test
    void theTextAsGivenIsKeptBesideTheTemplateAndFilledInOnceForAnOlderVersion() {
        TaskText template = Fixtures.task("find", "Find the patient", "Find ${patient.name}.");
        String hash = "sha256:" + Fixtures.sha256("suite-as-given");
        store.saveSuiteVersion("given", "0.1", hash, "Given", List.of(template)); // as stored before it was kept
        assertThat(store.suiteTasks(hash)).singleElement().satisfies(t -> {
            assertThat(t.given()).isNull();
            assertThat(t.asRead()).isEqualTo("Find ${patient.name}.");
        });
        store.saveSuiteVersion("given", "0.1", hash, "Given", List.of(template.given("Find Okafor, Margaret.")));
        assertThat(store.suiteTasks(hash)).singleElement().satisfies(t -> {
            assertThat(t.instruction()).isEqualTo("Find ${patient.name}.");
            assertThat(t.asRead()).isEqualTo("Find Okafor, Margaret.");
        });
        store.saveSuiteVersion("given", "0.1", hash, "Given", List.of(template.given("Find someone else.")));
        assertThat(store.suiteTasks(hash).get(0).given()).isEqualTo("Find Okafor, Margaret.");
        TaskText otherTemplate = Fixtures.task("find", "Find the patient", "Find ${other.name}.");
        assertThatThrownBy(() -> store.saveSuiteVersion("given", "0.1", hash, "Given", List.of(otherTemplate)))
                .isInstanceOf(RecordConflictException.class);
    }
}
