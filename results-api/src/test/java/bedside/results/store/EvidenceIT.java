package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.results.ParticipantRecord;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.StudyRecord;
import bedside.results.SusRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.VerifyReport;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static bedside.results.store.Fixtures.attempt;
import static bedside.results.store.Fixtures.events;
import static bedside.results.store.Fixtures.prepareStudy;
import static bedside.results.store.Fixtures.run;
import static bedside.results.store.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tamper evidence (the per-study hash chain and verify) and locking, by every path including raw SQL. */
class EvidenceIT {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private final ResultsStore store = DB.store();
    private final DSLContext dsl = DB.database().dsl();
    private final Instant t0 = Instant.parse("2026-11-25T09:00:00.123456789Z");

    /** A study with one session and {@code n} attempts of 4 events each; returns the attempts in chain order. */
    private List<AttemptRecord> study(String code, int n) {
        prepareStudy(store, code);
        RunRecord run = run(code, t0);
        store.startRun(run);
        SessionRecord s = session(run, "alpha", "P01", t0);
        store.startSession(s);
        List<AttemptRecord> attempts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AttemptRecord a = attempt(s, Fixtures.TASKS.get(i % 3).id(), 1 + i / 3, Outcome.SUCCESS, t0.plusSeconds(i));
            List<EventRecord> ev = new ArrayList<>(events(a.attemptId(), 3));
            ev.add(new EventRecord(a.attemptId(), 3, 0.1 + 0.2, "input", null,
                    "{\"z\": 1.50, \"a\": \"\\u00e9\\n\\\"q\\\"\", \"n\": 1E+2, \"deep\": {\"y\": [true, null, -0.0]}}"));
            store.saveAttempt(a, ev);
            attempts.add(a);
        }
        return attempts;
    }

    @Test
    void attemptsAreChainedAndAnUntouchedStudyVerifies() {
        List<AttemptRecord> attempts = study("chain", 4);
        String previous = RecordHash.GENESIS;
        for (int i = 0; i < attempts.size(); i++) {
            AttemptRecord a = attempts.get(i);
            String stored = store.recordHash(a.attemptId()).orElseThrow();
            String expected = RecordHash.chain(previous, RecordHash.canonical("chain", Fixtures.SUITE_HASH,
                    store.attempt(a.attemptId()).orElseThrow(), store.eventsOfAttempt(a.attemptId())));
            assertThat(stored).isEqualTo(expected);
            assertThat(dsl.fetchValue("select chain_no from attempts where attempt_id = ?", a.attemptId()))
                    .isEqualTo((long) i + 1);
            previous = stored;
        }
        VerifyReport r = store.verify("chain");
        assertThat(r.intact()).as(r.problem()).isTrue();
        assertThat(r.attempts()).isEqualTo(4);
        assertThat(r.events()).isEqualTo(16);
        assertThat(r.headHash()).isEqualTo(previous);
        assertThat(r.firstAlteredAttempt()).isNull();
        store.ensureStudy("empty-chain", "Nothing yet");
        assertThat(store.verify("empty-chain").intact()).isTrue();
        assertThat(store.verify("empty-chain").attempts()).isZero();
    }

    @Test
    void verifyNamesTheFirstAttemptAlteredBySqlUpdate() {
        List<AttemptRecord> attempts = study("tamper", 5);
        AttemptRecord victim = attempts.get(2);
        assertThat(dsl.execute("update attempts set clicks = clicks - 1 where attempt_id = ?", victim.attemptId()))
                .isEqualTo(1);
        // A later row is altered too; verify reports the first.
        dsl.execute("update attempts set outcome = 'failure' where attempt_id = ?", attempts.get(4).attemptId());

        VerifyReport r = store.verify("tamper");
        assertThat(r.intact()).isFalse();
        assertThat(r.firstAlteredAttempt()).isEqualTo(victim.attemptId());
        assertThat(r.firstAlteredChainNo()).isEqualTo(3L);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.problem()).contains(victim.attemptId().toString(), "chain #3", "altered");
    }

    @Test
    void verifyNamesAnAttemptWhoseEventsWereAlteredRemovedOrAdded() {
        List<AttemptRecord> attempts = study("events", 4);
        dsl.execute("update events set json = jsonb_set(json, '{x}', '999') where attempt_id = ? and seq = 1",
                attempts.get(1).attemptId());
        assertThat(store.verify("events").firstAlteredAttempt()).isEqualTo(attempts.get(1).attemptId());

        List<AttemptRecord> more = study("events2", 3);
        dsl.execute("delete from events where attempt_id = ? and seq = 0", more.get(0).attemptId());
        assertThat(store.verify("events2").firstAlteredChainNo()).isEqualTo(1L);

        List<AttemptRecord> added = study("events3", 3);
        dsl.execute("insert into events (attempt_id, seq, t_ms, type, json) values (?, 99, 1, 'click', '{}')",
                added.get(2).attemptId());
        assertThat(store.verify("events3").firstAlteredAttempt()).isEqualTo(added.get(2).attemptId());
    }

    @Test
    void verifyNoticesRemovedAttemptsAndAForgedHash() {
        List<AttemptRecord> attempts = study("removed", 4);
        UUID last = attempts.get(3).attemptId();
        dsl.execute("delete from events where attempt_id = ?", last);
        dsl.execute("delete from attempts where attempt_id = ?", last);
        VerifyReport tail = store.verify("removed");
        assertThat(tail.intact()).isFalse();
        assertThat(tail.problem()).contains("removed");

        List<AttemptRecord> middle = study("middle", 4);
        dsl.execute("delete from events where attempt_id = ?", middle.get(1).attemptId());
        dsl.execute("delete from attempts where attempt_id = ?", middle.get(1).attemptId());
        VerifyReport gap = store.verify("middle");
        assertThat(gap.firstAlteredAttempt()).isEqualTo(middle.get(2).attemptId());
        assertThat(gap.problem()).contains("expected chain #2");

        // Rewriting a row and its hash still breaks the link to the next attempt.
        List<AttemptRecord> forged = study("forged", 3);
        dsl.execute("update attempts set clicks = 0, record_hash = ? where attempt_id = ?", "f".repeat(64),
                forged.get(0).attemptId());
        assertThat(store.verify("forged").firstAlteredAttempt()).isEqualTo(forged.get(0).attemptId());
    }

    @Test
    void aLockedStudyRefusesChangesByEveryPath() {
        List<AttemptRecord> attempts = study("final", 3);
        AttemptRecord a = attempts.get(0);
        UUID session = a.sessionId();
        StudyRecord locked = store.lockStudy("final", "test");
        assertThat(locked.locked()).isTrue();
        assertThat(locked.lockedAt()).isNotNull();
        assertThat(store.lockStudy("final", "again").lockedAt()).isEqualTo(locked.lockedAt());

        // Raw SQL, as any database user, is refused by the triggers.
        for (String sql : List.of(
                "update attempts set clicks = 0 where attempt_id = '" + a.attemptId() + "'",
                "delete from events where attempt_id = '" + a.attemptId() + "'",
                "update events set t_ms = 0 where attempt_id = '" + a.attemptId() + "'",
                "insert into events (attempt_id, seq, t_ms, type, json) values ('" + a.attemptId() + "', 50, 1, 'x', '{}')",
                "update sessions set participant_code = participant_code where session_id = '" + session + "'",
                "update runs set kind = 'x' where study_code = 'final'",
                "update candidates set display_name = 'x' where study_code = 'final'",
                "update participants set role = 'x' where study_code = 'final'",
                "update studies set locked = false, locked_at = null where study_code = 'final'",
                "update studies set title = 'x' where study_code = 'final'",
                "delete from studies where study_code = 'final'",
                "update study_chains set length = 0, head_hash = null where study_code = 'final'")) {
            assertThatThrownBy(() -> dsl.execute(sql)).as(sql).isInstanceOf(DataAccessException.class)
                    .satisfies(e -> assertThat(ResultsStore.isLocked(e)).as(sql).isTrue());
        }
        // Through the store: nothing new, replays still fine.
        assertThat(store.saveAttempt(a, store.eventsOfAttempt(a.attemptId()))).isFalse();
        AttemptRecord late = attempt(store.session(session).orElseThrow(), "review-results", 9, Outcome.SUCCESS, t0);
        assertThatThrownBy(() -> store.saveAttempt(late, List.of())).isInstanceOf(StudyLockedException.class);
        assertThatThrownBy(() -> store.ensureCandidate("final", "gamma", "Gamma", null))
                .isInstanceOf(StudyLockedException.class);
        store.ensureCandidate("final", "alpha", "Alpha EHR", "Alpha Health");
        assertThatThrownBy(() -> store.ensureParticipant("final", ParticipantRecord.of("P99")))
                .isInstanceOf(StudyLockedException.class);
        assertThatThrownBy(() -> store.saveTaskRating(new TaskRatingRecord(session, "record-allergy", "seq", 5, 1, 7,
                null, t0))).isInstanceOf(StudyLockedException.class);
        assertThatThrownBy(() -> store.saveSus(new SusRecord(session, List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3), t0)))
                .isInstanceOf(StudyLockedException.class);
        assertThatThrownBy(() -> store.startSession(session(store.run(
                store.session(session).orElseThrow().runId()).orElseThrow(), "alpha", "P02", t0)))
                .isInstanceOf(StudyLockedException.class);
        assertThatThrownBy(() -> store.finishRun(store.session(session).orElseThrow().runId(), t0.plusSeconds(9)))
                .isInstanceOf(StudyLockedException.class);
        assertThat(store.verify("final").intact()).isTrue();
        assertThat(dsl.fetchValue("select count(*) from audit_log where action = 'study.lock' and study_code = 'final'"))
                .isEqualTo(1L);
    }

    @Test
    void evenASuperuserBypassingTheTriggersIsCaughtByVerify() {
        List<AttemptRecord> attempts = study("bypass", 3);
        store.lockStudy("bypass", "test");
        dsl.connection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = replica");
                try {
                    s.executeUpdate("update attempts set time_ms = 1 where attempt_id = '" + attempts.get(1).attemptId() + "'");
                } finally {
                    s.execute("set session_replication_role = origin");
                }
            }
        });
        VerifyReport r = store.verify("bypass");
        assertThat(r.intact()).isFalse();
        assertThat(r.locked()).isTrue();
        assertThat(r.firstAlteredAttempt()).isEqualTo(attempts.get(1).attemptId());
    }

    @Test
    void concurrentSavesIntoOneStudyKeepOneUnbrokenChain() throws Exception {
        prepareStudy(store, "busy");
        RunRecord run = run("busy", t0);
        store.startRun(run);
        List<SessionRecord> sessions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SessionRecord s = session(run, i % 2 == 0 ? "alpha" : "beta", "P" + i, t0);
            store.startSession(s);
            sessions.add(s);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SessionRecord s : sessions) {
                futures.add(pool.submit(() -> {
                    for (int k = 0; k < 6; k++) {
                        AttemptRecord a = attempt(s, Fixtures.TASKS.get(k % 3).id(), 1 + k / 3, Outcome.SUCCESS, t0);
                        store.saveAttempt(a, events(a.attemptId(), 20));
                    }
                }));
            }
            // Verifying while attempts are being saved sees a consistent snapshot: always intact.
            int verified = 0;
            while (futures.stream().anyMatch(f -> !f.isDone()) || verified == 0) {
                VerifyReport during = store.verify("busy");
                assertThat(during.intact()).as(during.problem()).isTrue();
                verified++;
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        VerifyReport r = store.verify("busy");
        assertThat(r.intact()).as(r.problem()).isTrue();
        assertThat(r.attempts()).isEqualTo(24);
    }

    @Test
    void questionnaireAnswersAreStoredOnceAndConflictsRefused() {
        List<AttemptRecord> attempts = study("answers", 1);
        UUID session = attempts.get(0).sessionId();
        TaskRatingRecord r = new TaskRatingRecord(session, "record-allergy", "seq", 6, 1, 7, "fine", t0);
        assertThat(store.saveTaskRating(r)).isTrue();
        assertThat(store.saveTaskRating(r)).isFalse();
        assertThatThrownBy(() -> store.saveTaskRating(new TaskRatingRecord(session, "record-allergy", "seq", 2, 1, 7,
                "fine", t0))).isInstanceOf(RecordConflictException.class);
        assertThatThrownBy(() -> store.saveTaskRating(new TaskRatingRecord(session, "record-allergy", "seq", 9, 1, 7,
                null, t0))).isInstanceOf(IllegalArgumentException.class);
        SusRecord sus = new SusRecord(session, List.of(4, 2, 4, 1, 5, 2, 4, 2, 4, 2), t0);
        assertThat(store.saveSus(sus)).isTrue();
        assertThat(store.saveSus(sus)).isFalse();
        assertThat(store.taskRatings("answers")).hasSize(1);
        assertThat(store.susAnswers("answers")).hasSize(1);
        assertThat(store.susAnswers("answers").get(0).answers()).isEqualTo(sus.answers());
    }
}
