package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.Fixtures;
import bedside.results.Outcome;
import bedside.results.ParticipantRecord;
import bedside.results.RunRecord;
import bedside.results.SessionFacts;
import bedside.results.SessionOrder;
import bedside.results.SessionRecord;
import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
import bedside.results.TaskText;
import bedside.results.VerifyReport;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static bedside.results.Fixtures.attempt;
import static bedside.results.Fixtures.events;
import static bedside.results.Fixtures.plan;
import static bedside.results.Fixtures.prepareStudy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A study's plan: saved, replaced while unlocked, locked once into the study's chain and never changed again (by any
 * path), checked by verify; and the rules it sets for sessions — pilots, simulated data, the plan's suite version and
 * candidates — with the expert path free of them.
 */
class StudyPlansIT {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private final ResultsStore store = DB.store();
    private final DSLContext dsl = DB.database().dsl();
    private final Instant t0 = Instant.parse("2026-11-25T09:00:00.123456789Z");

    /** A study with a run of the fixtures' suite; returns the run. */
    private RunRecord study(String code) {
        prepareStudy(store, code);
        RunRecord run = Fixtures.run(code, "session", t0);
        store.startRun(run);
        return run;
    }

    private static SessionOrder order() {
        return new SessionOrder("fixed", null, null, List.of("record-allergy", "order-medication", "review-results"), 1);
    }

    private static SessionRecord moderated(RunRecord run, String candidate, String participant) {
        return new SessionRecord(UUID.randomUUID(), run.runId(), candidate, participant, Instant.parse(
                "2026-11-25T10:00:00Z"), order());
    }

    private long chainLength(String study) {
        Long length = dsl.select(bedside.results.store.jooq.Tables.STUDY_CHAINS.LENGTH)
                .from(bedside.results.store.jooq.Tables.STUDY_CHAINS)
                .where(bedside.results.store.jooq.Tables.STUDY_CHAINS.STUDY_CODE.eq(study))
                .fetchOne(bedside.results.store.jooq.Tables.STUDY_CHAINS.LENGTH);
        return length == null ? 0 : length;
    }

    private List<String> auditActions(String study) {
        return dsl.fetch("select action from audit_log where study_code = ? and action like 'plan.%' order by id",
                study).getValues(0, String.class);
    }

    @Test
    void aPlanIsSavedReplacedWhileUnlockedAndLockedIntoTheChain() {
        RunRecord run = study("plan-a");
        // Evidence before the plan: the expert path needs none.
        SessionRecord expert = Fixtures.session(run, "alpha", "expert-path", t0);
        store.startSession(expert);
        AttemptRecord a = attempt(expert, "record-allergy", 1, Outcome.SUCCESS, t0.plusSeconds(1));
        store.saveAttempt(a, events(a.attemptId(), 2));

        StudyPlan first = plan("plan-a", 6);
        StoredPlan saved = store.savePlan(first, "evaluator:ann");
        assertThat(saved.plan()).isEqualTo(first);
        assertThat(saved.json()).isEqualTo(first.canonicalJson());
        assertThat(saved.hash()).isEqualTo(first.hash());
        assertThat(saved.savedBy()).isEqualTo("evaluator:ann");
        assertThat(saved.savedAt()).isNotNull();
        assertThat(saved.locked()).isFalse();
        assertThat(saved.chainNo()).isNull();
        assertThat(store.plan("plan-a")).contains(saved);
        assertThat(store.plan("no-such-study")).isEmpty();
        // The same plan again changes nothing.
        assertThat(store.savePlan(first, "evaluator:bob")).isEqualTo(saved);

        // Unlocked, it is replaced.
        StudyPlan second = plan("plan-a", 4.5);
        StoredPlan replaced = store.savePlan(second, "evaluator:bob");
        assertThat(replaced.hash()).isEqualTo(second.hash()).isNotEqualTo(first.hash());
        assertThat(replaced.savedBy()).isEqualTo("evaluator:bob");
        assertThat(store.plan("plan-a").orElseThrow().plan()).isEqualTo(second);
        assertThat(auditActions("plan-a")).containsExactly("plan.save", "plan.replace");
        assertThat(dsl.fetchValue("select details ->> 'replaced' from audit_log where study_code = 'plan-a' "
                + "and action = 'plan.replace'")).isEqualTo(first.hash());
        assertThat(chainLength("plan-a")).as("an unlocked plan is not in the chain").isEqualTo(1);
        assertThat(store.verify("plan-a").planHash()).isEqualTo(second.hash());

        // Locked: a link of the chain, carrying the plan's hash, with the head.
        String head = (String) dsl.fetchValue("select head_hash from study_chains where study_code = 'plan-a'");
        StoredPlan locked = store.lockPlan("plan-a", "evaluator:ann");
        assertThat(locked.locked()).isTrue();
        assertThat(locked.hash()).isEqualTo(second.hash());
        assertThat(locked.json()).isEqualTo(second.canonicalJson());
        assertThat(locked.chainNo()).isEqualTo(2L);
        assertThat(store.plan("plan-a")).contains(locked);
        String recordHash = (String) dsl.fetchValue("select record_hash from study_plans where study_code = 'plan-a'");
        assertThat(recordHash).isEqualTo(RecordHash.chain(head, RecordHash.canonicalPlan("plan-a", second.hash(),
                locked.lockedAt())));
        assertThat(new String(RecordHash.canonicalPlan("plan-a", second.hash(), Instant.parse(
                "2026-11-25T09:00:00.1234567Z")), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "{\"v\":1,\"kind\":\"plan\",\"study\":\"plan-a\",\"planHash\":\"" + second.hash()
                        + "\",\"lockedAt\":\"2026-11-25T09:00:00.123456Z\"}");
        assertThat(dsl.fetchValue("select head_hash from study_chains where study_code = 'plan-a'"))
                .isEqualTo(recordHash);
        assertThat(auditActions("plan-a")).containsExactly("plan.save", "plan.replace", "plan.lock");
        VerifyReport r = store.verify("plan-a");
        assertThat(r.intact()).as(r.problem()).isTrue();
        assertThat(r.planHash()).isEqualTo(second.hash());
        assertThat(r.planLocked()).isTrue();
        assertThat(r.planAltered()).isFalse();
        assertThat(r.attempts()).isEqualTo(1);

        // Links after the plan's chain on.
        SessionRecord s = moderated(run, "alpha", "P01");
        store.startSession(s);
        AttemptRecord after = attempt(s, "record-allergy", 1, Outcome.SUCCESS, t0.plusSeconds(60));
        store.saveAttempt(after, events(after.attemptId(), 1));
        assertThat(dsl.fetchValue("select chain_no from attempts where attempt_id = ?", after.attemptId()))
                .isEqualTo(3L);
        assertThat(store.verify("plan-a").intact()).isTrue();
    }

    @Test
    void aLockedPlanNeverChangesByAnyPath() {
        study("plan-b");
        assertThatThrownBy(() -> store.lockPlan("plan-b", "test")).isInstanceOf(NoPlanException.class)
                .hasMessage("study plan-b has no plan: write one with `bedside study plan plan-b …`");
        StudyPlan p = plan("plan-b", 6);
        store.savePlan(p, "test");
        StoredPlan locked = store.lockPlan("plan-b", "test");
        long length = chainLength("plan-b");

        assertThatThrownBy(() -> store.savePlan(plan("plan-b", 9), "test")).isInstanceOf(PlanLockedException.class)
                .hasMessage("the plan of study plan-b is locked (" + p.hash() + ") since " + locked.lockedAt()
                        + ": it cannot change");
        // Even the same plan: a locked plan takes no saves.
        assertThatThrownBy(() -> store.savePlan(p, "test")).isInstanceOf(PlanLockedException.class);
        assertThatThrownBy(() -> store.lockPlan("plan-b", "test")).isInstanceOf(PlanLockedException.class)
                .hasMessage("the plan of study plan-b is already locked (" + p.hash() + ") since " + locked.lockedAt()
                        + ": it was not locked again");
        assertThat(store.plan("plan-b")).contains(locked);
        assertThat(chainLength("plan-b")).isEqualTo(length);
        assertThat(auditActions("plan-b")).containsExactly("plan.save", "plan.lock");

        for (String sql : List.of(
                "update study_plans set plan_json = replace(plan_json, '6.0', '9.0') where study_code = 'plan-b'",
                "update study_plans set locked_at = null, chain_no = null, record_hash = null "
                        + "where study_code = 'plan-b'",
                "delete from study_plans where study_code = 'plan-b'")) {
            assertThatThrownBy(() -> dsl.execute(sql)).as(sql).isInstanceOf(DataAccessException.class)
                    .satisfies(e -> assertThat(ResultsStore.isPlanLocked(e)).as(sql).isTrue())
                    .hasMessageContaining("the plan of study plan-b is locked");
        }
        // (TRUNCATE names the first locked plan it finds, of whichever study.)
        assertThatThrownBy(() -> dsl.execute("truncate study_plans")).isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(ResultsStore.isPlanLocked(e)).isTrue())
                .hasMessageContaining("is locked: it cannot change (TRUNCATE on study_plans)");
        assertThatThrownBy(() -> dsl.execute("update study_plans set saved_by = 'x' where study_code = 'plan-b'"))
                .hasMessageContaining("(" + p.hash() + ") since ").hasMessageContaining("it cannot change");
        assertThat(store.plan("plan-b")).contains(locked);
        assertThat(store.verify("plan-b").intact()).isTrue();
    }

    @Test
    void aClosedStudysPlanCanNeitherChangeNorBeLocked() {
        study("plan-c");
        store.savePlan(plan("plan-c", 6), "test");
        StoredPlan before = store.plan("plan-c").orElseThrow();
        store.lockStudy("plan-c", "test");
        assertThatThrownBy(() -> store.savePlan(plan("plan-c", 7), "test")).isInstanceOf(StudyLockedException.class)
                .hasMessageStartingWith("study plan-c is locked (its evidence was closed at ")
                .hasMessageEndingWith("): its plan can no longer change");
        assertThatThrownBy(() -> store.lockPlan("plan-c", "test")).isInstanceOf(StudyLockedException.class)
                .hasMessageEndingWith("): its plan can no longer be locked");
        assertThat(store.plan("plan-c")).contains(before);
        // The database's guard too (a closed study's plan is evidence like its other rows).
        assertThatThrownBy(() -> dsl.execute("update study_plans set saved_by = 'x' where study_code = 'plan-c'"))
                .satisfies(e -> assertThat(ResultsStore.isLocked(e)).isTrue());
    }

    @Test
    void aPlanNamesOnlyTheStudysCandidatesAndAWellFormedSuiteHash() {
        study("plan-d");
        assertThatThrownBy(() -> store.savePlan(plan("plan-d", "sha256:" + Fixtures.SUITE_HASH,
                List.of("alpha", "gamma", "delta"), 6, false), "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the plan compares candidates gamma, delta, which study plan-d does not have: add them to "
                        + "the study first (its candidates: alpha, beta)");
        assertThatThrownBy(() -> store.savePlan(plan("plan-d", "md5:abc", List.of("alpha"), 6, false), "test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> store.savePlan(plan("no-such-study", 6), "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown study no-such-study");
        assertThat(store.plan("plan-d")).isEmpty();
        // A bare hex suite hash (as suites hash themselves) is the same suite as its sha256: form.
        store.savePlan(plan("plan-d", Fixtures.SUITE_HASH, List.of("alpha"), 6, false), "test");
        store.lockPlan("plan-d", "test");
        RunRecord run = Fixtures.run("plan-d", "session", t0);
        store.startRun(run);
        store.startSession(moderated(run, "alpha", "P01"));
    }

    @Test
    void aModeratedSessionNeedsALockedPlanUnlessItIsAPilot() {
        RunRecord run = study("pilot");
        SessionRecord refused = moderated(run, "alpha", "P01");
        assertThatThrownBy(() -> store.startSession(refused)).isInstanceOf(PlanNotLockedException.class)
                .hasMessage("study pilot's plan is not locked: lock it with `bedside study lock pilot`, or run a pilot "
                        + "with --pilot (kept out of every score)");
        assertThat(store.session(refused.sessionId())).isEmpty();
        assertThat(store.participant("pilot", "P01")).as("nothing of a refused session is stored").isEmpty();

        // A pilot is stored, and its attempts carry the flag (in their row and their hash).
        SessionRecord pilot = moderated(run, "alpha", "P01").withFlags(true, false);
        store.startSession(pilot);
        assertThat(store.session(pilot.sessionId()).orElseThrow().pilot()).isTrue();
        AttemptRecord a = attempt(pilot, "record-allergy", 1, Outcome.SUCCESS, t0.plusSeconds(5))
                .withSession(new SessionFacts("done", 1.5, 1.25, "direct", 0.0, 0));
        store.saveAttempt(a, events(a.attemptId(), 2));
        assertThat(dsl.fetchValue("select pilot from attempts where attempt_id = ?", a.attemptId())).isEqualTo(true);
        assertThat(dsl.fetchValue("select simulated from attempts where attempt_id = ?", a.attemptId()))
                .isEqualTo(false);
        assertThat(dsl.fetchValue("select record_hash from attempts where attempt_id = ?", a.attemptId()))
                .isEqualTo(RecordHash.chain(null, RecordHash.canonical("pilot", Fixtures.SUITE_HASH, Rows.normalized(a),
                        store.eventsOfAttempt(a.attemptId()), true, false)));
        // The database holds an attempt's flags equal to its session's.
        assertThatThrownBy(() -> dsl.execute("update attempts set pilot = false where attempt_id = ?", a.attemptId()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("attempts_flags_fk");
        assertThatThrownBy(() -> dsl.execute("update sessions set pilot = false where session_id = ?",
                pilot.sessionId())).isInstanceOf(DataAccessException.class).hasMessageContaining("attempts_flags_fk");
        // A replay is a replay; the same id as a real session is a conflict.
        store.startSession(pilot);
        assertThatThrownBy(() -> store.startSession(pilot.withFlags(false, false)))
                .isInstanceOf(RecordConflictException.class);

        // The expert path needs no plan.
        SessionRecord expert = Fixtures.session(run, "beta", "expert-path", t0);
        store.startSession(expert);
        // A plan saved but not locked is not enough.
        store.savePlan(plan("pilot", 6), "test");
        assertThatThrownBy(() -> store.startSession(moderated(run, "alpha", "P02")))
                .isInstanceOf(PlanNotLockedException.class);
        // Locked: the study's sessions run; their attempts carry no flags.
        store.lockPlan("pilot", "test");
        SessionRecord real = moderated(run, "alpha", "P02");
        store.startSession(real);
        AttemptRecord b = attempt(real, "record-allergy", 1, Outcome.SUCCESS, t0.plusSeconds(50));
        store.saveAttempt(b, List.of());
        assertThat(dsl.fetchValue("select pilot or simulated from attempts where attempt_id = ?", b.attemptId()))
                .isEqualTo(false);
        VerifyReport r = store.verify("pilot");
        assertThat(r.intact()).as(r.problem()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
    }

    @Test
    void underALockedPlanASessionRunsItsSuiteAndCandidates() {
        RunRecord run = study("suite");
        List<TaskText> otherTasks = List.of(Fixtures.task("record-allergy", "Record an allergy", "Record it."));
        String otherHash = Fixtures.sha256("another suite version");
        store.saveSuiteVersion(Fixtures.SUITE_ID, "2.0.0", otherHash, "Medication safety 2", otherTasks);
        RunRecord other = new RunRecord(UUID.randomUUID(), "suite", Fixtures.SUITE_ID, "2.0.0", otherHash, "session",
                t0, null);
        store.startRun(other);
        store.savePlan(plan("suite", "sha256:" + Fixtures.SUITE_HASH, List.of("alpha"), 6, false), "test");
        String planHash = store.lockPlan("suite", "test").hash();

        SessionRecord wrongSuite = new SessionRecord(UUID.randomUUID(), other.runId(), "alpha", "P01", t0,
                new SessionOrder("fixed", null, null, List.of("record-allergy"), 1));
        String message = "suite sha256:" + otherHash + " is not the suite of study suite's plan (sha256:"
                + Fixtures.SUITE_HASH + ")";
        assertThatThrownBy(() -> store.startSession(wrongSuite)).isInstanceOf(PlanMismatchException.class)
                .hasMessage(message);
        // The expert path too, once there is a locked plan; a pilot may try another suite.
        assertThatThrownBy(() -> store.startSession(Fixtures.session(other, "alpha", "expert-path", t0)))
                .isInstanceOf(PlanMismatchException.class).hasMessage(message);
        store.startSession(wrongSuite.withFlags(true, false));

        SessionRecord wrongCandidate = moderated(run, "beta", "P01");
        assertThatThrownBy(() -> store.startSession(wrongCandidate)).isInstanceOf(PlanMismatchException.class)
                .hasMessage("candidate beta is not a candidate of study suite's plan (" + planHash
                        + "), which compares alpha");
        assertThat(store.session(wrongCandidate.sessionId())).isEmpty();
        // The expert path runs every candidate of the study.
        store.startSession(Fixtures.session(run, "beta", "expert-path", t0));
        store.startSession(moderated(run, "alpha", "P01"));
        assertThat(store.sessionsOfStudy("suite")).hasSize(3);
    }

    @Test
    void simulatedAndRealDataNeverMix() {
        // A real study: a simulated pilot before the plan is stored, but then its real plan cannot be locked.
        RunRecord run = study("real");
        SessionRecord simulatedPilot = moderated(run, "alpha", "S01").withFlags(true, true);
        store.startSession(simulatedPilot);
        assertThat(store.participant("real", "S01").orElseThrow().simulated()).isTrue();
        assertThat(store.session(simulatedPilot.sessionId()).orElseThrow().simulated()).isTrue();
        AttemptRecord a = attempt(simulatedPilot, "record-allergy", 1, Outcome.SUCCESS, t0);
        store.saveAttempt(a, List.of());
        assertThat(dsl.fetchValue("select pilot and simulated from attempts where attempt_id = ?", a.attemptId()))
                .isEqualTo(true);
        StudyPlan real = plan("real", 6);
        store.savePlan(real, "test");
        assertThatThrownBy(() -> store.lockPlan("real", "test")).isInstanceOf(SimulatedDataException.class)
                .hasMessage("study real holds 1 simulated session(s): a real study's plan cannot be locked over "
                        + "simulated data");
        assertThat(store.plan("real").orElseThrow().locked()).isFalse();
        // Under a real plan (locked or not), no simulated session, not even a pilot or the expert path.
        assertThatThrownBy(() -> store.startSession(moderated(run, "alpha", "S02").withFlags(true, true)))
                .isInstanceOf(SimulatedDataException.class)
                .hasMessageContaining("is simulated but study real's plan (" + real.hash() + ") is real");
        assertThatThrownBy(() -> store.startSession(Fixtures.session(run, "alpha", "expert-path", t0)
                .withFlags(false, true))).isInstanceOf(SimulatedDataException.class);

        // A simulated participant with no session is simulated data too.
        study("real-2");
        store.saveParticipant("real-2", ParticipantRecord.of("S01").withSimulated(true));
        store.savePlan(plan("real-2", 6), "test");
        assertThatThrownBy(() -> store.lockPlan("real-2", "test")).isInstanceOf(SimulatedDataException.class)
                .hasMessage("study real-2 holds 1 simulated participant(s): a real study's plan cannot be locked "
                        + "over simulated data");
        // A session is simulated exactly when its participant is.
        RunRecord run2 = Fixtures.run("real-2", "session", t0);
        store.startRun(run2);
        assertThatThrownBy(() -> store.startSession(moderated(run2, "alpha", "S01").withFlags(true, false)))
                .isInstanceOf(SimulatedDataException.class)
                .hasMessageContaining("is real but participant S01 of study real-2 is simulated");
        assertThatThrownBy(() -> store.saveParticipant("real-2", ParticipantRecord.of("S01")))
                .isInstanceOf(RecordConflictException.class).hasMessageContaining("already stored as simulated");

        // A simulated study: its simulated plan locks over simulated sessions, and takes them without --pilot.
        RunRecord demo = study("demo");
        store.startSession(moderated(demo, "alpha", "S01").withFlags(true, true));
        StudyPlan simulated = plan("demo", "sha256:" + Fixtures.SUITE_HASH, List.of("alpha", "beta"), 6, true);
        store.savePlan(simulated, "test");
        assertThat(store.lockPlan("demo", "test").plan().simulated()).isTrue();
        store.startSession(moderated(demo, "beta", "S02").withFlags(false, true));
        store.startSession(Fixtures.session(demo, "alpha", "expert-path", t0));
        // ... but no real participant's session.
        assertThatThrownBy(() -> store.startSession(moderated(demo, "alpha", "P01")))
                .isInstanceOf(SimulatedDataException.class)
                .hasMessageContaining("of participant P01 is real but study demo's plan (" + simulated.hash()
                        + ") is simulated");
        assertThat(store.verify("demo").intact()).isTrue();
    }

    @Test
    void verifyNamesAPlanAlteredInTheDatabase() {
        RunRecord run = study("tamper");
        SessionRecord expert = Fixtures.session(run, "alpha", "expert-path", t0);
        store.startSession(expert);
        AttemptRecord a = attempt(expert, "record-allergy", 1, Outcome.SUCCESS, t0);
        store.saveAttempt(a, List.of());
        StudyPlan p = plan("tamper", 6);
        store.savePlan(p, "test");
        StoredPlan locked = store.lockPlan("tamper", "test");
        assertThat(store.verify("tamper").intact()).isTrue();
        String json = locked.json();
        assertThat(json).contains("\"weight\":6.0");

        // The weight changed with the guard off: the JSON no longer hashes to the plan's hash.
        bypassingTriggers("update study_plans set plan_json = replace(plan_json, '\"weight\":6.0', '\"weight\":9.0') "
                + "where study_code = 'tamper'");
        VerifyReport r = store.verify("tamper");
        assertThat(r.intact()).isFalse();
        assertThat(r.planAltered()).isTrue();
        assertThat(r.planHash()).isEqualTo(p.hash());
        assertThat(r.firstAlteredTable()).isEqualTo("study_plans");
        assertThat(r.firstAlteredRow()).isEqualTo("study_code = tamper");
        assertThat(r.firstAlteredChainNo()).isEqualTo(2L);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.problem()).startsWith("the plan of study tamper (" + p.hash() + ") (chain #2, locked ")
                .contains("was altered: its plan_json no longer hashes to its plan_hash");

        // Its hash recomputed too: the chain's link no longer matches.
        String altered = json.replace("\"weight\":6.0", "\"weight\":9.0");
        bypassingTriggers("update study_plans set plan_hash = '" + StudyPlan.hashOf(altered)
                + "' where study_code = 'tamper'");
        VerifyReport relinked = store.verify("tamper");
        assertThat(relinked.intact()).isFalse();
        assertThat(relinked.planAltered()).isTrue();
        assertThat(relinked.firstAlteredTable()).isEqualTo("study_plans");
        assertThat(relinked.problem()).contains("the plan of study tamper", "was altered", "plan hash");

        // JSON that is the same plan but not its canonical bytes is altered too.
        bypassingTriggers("update study_plans set plan_hash = '" + p.hash() + "', plan_json = '"
                + json.replace("{\"analysis\"", "{ \"analysis\"") + "' where study_code = 'tamper'");
        assertThat(store.verify("tamper").problem()).contains("no longer in canonical form");
        bypassingTriggers("update study_plans set plan_json = '" + json + "' where study_code = 'tamper'");
        assertThat(store.verify("tamper").intact()).isTrue();

        // An unlocked plan's JSON is checked as well.
        study("tamper-2");
        store.savePlan(plan("tamper-2", 6), "test");
        dsl.execute("update study_plans set plan_json = replace(plan_json, '\"weight\":6.0', '\"weight\":1.0') "
                + "where study_code = 'tamper-2'");
        VerifyReport unlocked = store.verify("tamper-2");
        assertThat(unlocked.intact()).isFalse();
        assertThat(unlocked.planAltered()).isTrue();
        assertThat(unlocked.planLocked()).isFalse();
        assertThat(unlocked.problem()).startsWith("the plan of study tamper-2 (");
    }

    /** Runs {@code sql} as a superuser going around every trigger (the way the other tamper tests go). */
    private void bypassingTriggers(String sql) {
        dsl.connection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = replica");
                try {
                    s.executeUpdate(sql);
                } finally {
                    s.execute("set session_replication_role = origin");
                }
            }
        });
    }
}
