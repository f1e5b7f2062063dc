package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Fixtures;
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

import static bedside.results.Fixtures.attempt;
import static bedside.results.Fixtures.events;
import static bedside.results.Fixtures.prepareStudy;
import static bedside.results.Fixtures.run;
import static bedside.results.Fixtures.session;
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
    void aBatchOfAttemptsIsChainedInOrderAndStoredWhollyOrNotAtAll() {
        List<AttemptRecord> before = study("batch", 2);
        SessionRecord s = store.session(before.get(0).sessionId()).orElseThrow();
        List<AttemptRecord> batch = new ArrayList<>();
        List<List<EventRecord>> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            AttemptRecord a = attempt(s, Fixtures.TASKS.get(i % 3).id(), 5 + i, Outcome.SUCCESS, t0.plusSeconds(60 + i));
            batch.add(a);
            events.add(events(a.attemptId(), 7));
        }
        // A replay amid new attempts; another study's attempt in the same batch.
        batch.add(1, before.get(0));
        events.add(1, store.eventsOfAttempt(before.get(0).attemptId()));
        List<AttemptRecord> other = study("batch-other", 1);
        AttemptRecord elsewhere = attempt(store.session(other.get(0).sessionId()).orElseThrow(), "review-results", 7,
                Outcome.FAILURE, t0);
        batch.add(elsewhere);
        events.add(events(elsewhere.attemptId(), 2));

        // One bad attempt refuses the whole batch, naming it.
        List<AttemptRecord> bad = new ArrayList<>(batch);
        List<List<EventRecord>> badEvents = new ArrayList<>(events);
        AttemptRecord noTask = attempt(s, "no-such-task", 1, Outcome.SUCCESS, t0);
        bad.add(3, noTask);
        badEvents.add(3, List.of());
        assertThatThrownBy(() -> store.saveAttempts(bad, badEvents)).isInstanceOf(AttemptRefusedException.class)
                .satisfies(e -> {
                    assertThat(((AttemptRefusedException) e).index()).isEqualTo(3);
                    assertThat(((AttemptRefusedException) e).reason()).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("no-such-task");
                });
        assertThat(dsl.fetchValue("select count(*) from attempts where study_code = 'batch'")).isEqualTo(2L);
        AttemptRecord changed = new AttemptRecord(before.get(1).attemptId(), s.sessionId(), s.candidate(),
                before.get(1).task(), s.participant(), before.get(1).attemptNo(), Outcome.FAILURE, "x", 1,
                before.get(1).startedAt(), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThatThrownBy(() -> store.saveAttempts(List.of(batch.get(0), changed), List.of(events.get(0), List.of())))
                .isInstanceOf(AttemptRefusedException.class)
                .satisfies(e -> assertThat(((AttemptRefusedException) e).reason())
                        .isInstanceOf(RecordConflictException.class));
        assertThatThrownBy(() -> store.saveAttempts(List.of(batch.get(0), batch.get(0)), List.of(events.get(0),
                events.get(0)))).isInstanceOf(AttemptRefusedException.class)
                .satisfies(e -> assertThat(((AttemptRefusedException) e).index()).isEqualTo(1));

        assertThat(store.saveAttempts(batch, events)).containsExactly(true, false, true, true, true, true);
        assertThat(dsl.fetch("select chain_no from attempts where study_code = 'batch' order by started_at")
                .getValues(0, Long.class)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(store.eventCount(batch.get(4).attemptId())).isEqualTo(7);
        VerifyReport r = store.verify("batch");
        assertThat(r.intact()).as(r.problem()).isTrue();
        assertThat(r.attempts()).isEqualTo(6);
        assertThat(r.events()).isEqualTo(2 * 4 + 4 * 7);
        assertThat(store.verify("batch-other").intact()).isTrue();
        assertThat(store.verify("batch-other").attempts()).isEqualTo(2);
        // The same batch again: nothing stored, the chains stay as they are.
        assertThat(store.saveAttempts(batch, events)).containsOnly(false);
        assertThat(dsl.fetchValue("select length from study_chains where study_code = 'batch'")).isEqualTo(6L);
        // Into a locked study: refused, naming the first new attempt.
        store.lockStudy("batch-other", "test");
        AttemptRecord late = attempt(store.session(other.get(0).sessionId()).orElseThrow(), "review-results", 8,
                Outcome.SUCCESS, t0);
        assertThatThrownBy(() -> store.saveAttempts(List.of(elsewhere, late), List.of(events.get(5), List.of())))
                .isInstanceOf(AttemptRefusedException.class)
                .satisfies(e -> {
                    assertThat(((AttemptRefusedException) e).index()).isEqualTo(1);
                    assertThat(((AttemptRefusedException) e).reason()).isInstanceOf(StudyLockedException.class);
                });
    }

    @Test
    void aBatchLargerThanOneInsertIsStoredAndChainedWhole() {
        List<AttemptRecord> first = study("big-batch", 1);
        SessionRecord s = store.session(first.get(0).sessionId()).orElseThrow();
        int n = ResultsStore.ATTEMPT_BATCH * 2 + 7;
        List<AttemptRecord> batch = new ArrayList<>();
        List<List<EventRecord>> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AttemptRecord a = attempt(s, "order-medication", 10 + i, Outcome.SUCCESS, t0.plusMillis(i));
            batch.add(a);
            events.add(events(a.attemptId(), 1));
        }
        assertThat(store.saveAttempts(batch, events)).hasSize(n).containsOnly(true);
        VerifyReport r = store.verify("big-batch");
        assertThat(r.intact()).as(r.problem()).isTrue();
        assertThat(r.attempts()).isEqualTo(n + 1);
        assertThat(r.events()).isEqualTo(4 + n);
        assertThat(store.saveAttempts(batch, events)).containsOnly(false);
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

    /**
     * A study with one session, attempts and questionnaire answers interleaved in the chain: attempt, its rating,
     * attempt, its rating, ..., then the session's SUS. Returns the session.
     */
    private UUID studyWithAnswers(String code, int n) {
        prepareStudy(store, code);
        RunRecord run = run(code, t0);
        store.startRun(run);
        SessionRecord s = session(run, "beta", "P07", t0);
        store.startSession(s);
        for (int i = 0; i < n; i++) {
            AttemptRecord a = attempt(s, Fixtures.TASKS.get(i % 3).id(), 1 + i / 3, Outcome.SUCCESS, t0.plusSeconds(i));
            store.saveAttempt(a, events(a.attemptId(), 3));
            store.saveTaskRating(new TaskRatingRecord(s.sessionId(), a.task(), "seq-" + (1 + i / 3), 1 + i % 7, 1, 7,
                    i % 2 == 0 ? null : "tricky \"text\"\n\t\u0001\u001f é 😀 \\ /", t0.plusSeconds(i).plusNanos(1_500)));
        }
        store.saveSus(new SusRecord(s.sessionId(), List.of(5, 1, 5, 1, 5, 1, 5, 1, 5, 1), t0.plusSeconds(600)));
        return s.sessionId();
    }

    @Test
    void questionnaireAnswersAreChainedWithTheAttempts() {
        UUID session = studyWithAnswers("answered", 3);
        // attempt #1, rating #2, attempt #3, rating #4, attempt #5, rating #6, SUS items 1..10 #7..#16
        assertThat(dsl.fetch("select chain_no from task_ratings where study_code = 'answered' order by chain_no")
                .getValues(0, Long.class)).containsExactly(2L, 4L, 6L);
        assertThat(dsl.fetch("select chain_no from sus_answers where session_id = ? order by item", session)
                .getValues(0, Long.class)).containsExactly(7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L);
        String afterFirstAttempt = dsl.fetchOne("select record_hash from attempts where study_code = 'answered' "
                + "and chain_no = 1").get(0, String.class);
        TaskRatingRecord first = store.taskRatings("answered").get(0);
        assertThat(dsl.fetchValue("select record_hash from task_ratings where chain_no = 2 and study_code = 'answered'"))
                .isEqualTo(RecordHash.chain(afterFirstAttempt,
                        RecordHash.canonicalTaskRating("answered", "beta", "P07", first)));
        VerifyReport r = store.verify("answered");
        assertThat(r.intact()).as(r.problem()).isTrue();
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(r.events()).isEqualTo(9);
        assertThat(r.taskRatings()).isEqualTo(3);
        assertThat(r.susAnswers()).isEqualTo(10);
        assertThat(r.headHash()).isEqualTo(dsl.fetchValue("select record_hash from sus_answers where session_id = ? "
                + "and item = 10", session));
        assertThat(r.firstAlteredTable()).isNull();
        assertThat(r.firstAlteredRow()).isNull();
    }

    @Test
    void verifyNamesATaskRatingAlteredBySqlUpdate() {
        UUID session = studyWithAnswers("rating-tamper", 3);
        assertThat(store.verify("rating-tamper").intact()).isTrue();
        assertThat(dsl.execute("update task_ratings set rating = rating + 1 where session_id = ? and task_id = ?",
                session, "order-medication")).isEqualTo(1);

        VerifyReport r = store.verify("rating-tamper");
        assertThat(r.intact()).isFalse();
        assertThat(r.firstAlteredTable()).isEqualTo("task_ratings");
        assertThat(r.firstAlteredRow())
                .isEqualTo("session_id = " + session + ", task_id = order-medication, instrument = seq-1");
        assertThat(r.firstAlteredAttempt()).isNull();
        assertThat(r.firstAlteredChainNo()).isEqualTo(4L);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.taskRatings()).isEqualTo(1);
        assertThat(r.problem()).contains("seq-1 rating of task order-medication in session " + session, "chain #4",
                "altered");

        // Its comment alone, too; and a session changed to another participant shows up in its answers.
        UUID other = studyWithAnswers("comment-tamper", 2);
        dsl.execute("update task_ratings set comment = 'better' where session_id = ? and task_id = 'order-medication'",
                other);
        assertThat(store.verify("comment-tamper").firstAlteredChainNo()).isEqualTo(4L);
        prepareStudy(store, "session-tamper");
        RunRecord run = run("session-tamper", t0);
        store.startRun(run);
        SessionRecord answersOnly = session(run, "alpha", "P08", t0);
        store.startSession(answersOnly);
        store.saveSus(new SusRecord(answersOnly.sessionId(), List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3), t0));
        dsl.execute("insert into participants (study_code, participant_code) values ('session-tamper', 'P99')");
        dsl.execute("update sessions set participant_code = 'P99' where session_id = ?", answersOnly.sessionId());
        VerifyReport sessionChanged = store.verify("session-tamper");
        assertThat(sessionChanged.firstAlteredTable()).isEqualTo("sus_answers");
        assertThat(sessionChanged.firstAlteredRow()).isEqualTo("session_id = " + answersOnly.sessionId() + ", item = 1");
        assertThat(sessionChanged.problem()).contains("participant P99", "its session");
    }

    @Test
    void verifyNamesASusAnswerAlteredBySqlUpdate() {
        UUID session = studyWithAnswers("sus-tamper", 2);
        assertThat(dsl.execute("update sus_answers set answer = 3 where session_id = ? and item = 4", session))
                .isEqualTo(1);

        VerifyReport r = store.verify("sus-tamper");
        assertThat(r.intact()).isFalse();
        assertThat(r.firstAlteredTable()).isEqualTo("sus_answers");
        assertThat(r.firstAlteredRow()).isEqualTo("session_id = " + session + ", item = 4");
        assertThat(r.firstAlteredChainNo()).isEqualTo(4L + 4);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.taskRatings()).isEqualTo(2);
        assertThat(r.susAnswers()).isEqualTo(3);
        assertThat(r.problem()).contains("SUS answer item 4 of session " + session, "chain #8", "candidate beta",
                "participant P07", "altered");

        // When the answer was given counts too.
        UUID when = studyWithAnswers("sus-time", 1);
        dsl.execute("update sus_answers set answered_at = answered_at + interval '1 day' where session_id = ?", when);
        assertThat(store.verify("sus-time").firstAlteredRow()).isEqualTo("session_id = " + when + ", item = 1");
    }

    @Test
    void verifyNoticesRemovedAnswers() {
        UUID session = studyWithAnswers("rating-removed", 3);
        dsl.execute("delete from task_ratings where session_id = ? and task_id = 'record-allergy'", session);
        VerifyReport gap = store.verify("rating-removed");
        assertThat(gap.intact()).isFalse();
        assertThat(gap.firstAlteredChainNo()).isEqualTo(3L);
        assertThat(gap.firstAlteredTable()).isEqualTo("attempts");
        assertThat(gap.problem()).contains("expected chain #2", "removed");

        UUID sus = studyWithAnswers("sus-removed", 1);
        dsl.execute("delete from sus_answers where session_id = ? and item = 6", sus);
        VerifyReport middle = store.verify("sus-removed");
        assertThat(middle.firstAlteredRow()).isEqualTo("session_id = " + sus + ", item = 7");
        assertThat(middle.problem()).contains("expected chain #8", "SUS answer item 7 of session " + sus);

        UUID tail = studyWithAnswers("sus-tail", 1);
        dsl.execute("delete from sus_answers where session_id = ? and item = 10", tail);
        VerifyReport last = store.verify("sus-tail");
        assertThat(last.intact()).isFalse();
        assertThat(last.susAnswers()).isEqualTo(9);
        assertThat(last.firstAlteredChainNo()).isEqualTo(12L);
        assertThat(last.problem()).contains("removed");

        // An answer slipped in by SQL, outside the chain, is named as such.
        UUID added = studyWithAnswers("rating-added", 1);
        dsl.execute("insert into task_ratings (session_id, task_id, instrument, rating, answered_at, study_code) "
                + "values (?, 'review-results', 'seq', 7, now(), 'rating-added')", added);
        VerifyReport outside = store.verify("rating-added");
        assertThat(outside.intact()).isFalse();
        assertThat(outside.firstAlteredTable()).isEqualTo("task_ratings");
        assertThat(outside.firstAlteredRow()).contains("task_id = review-results");
        assertThat(outside.problem()).contains("outside the chain");
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
    void anAttemptsReplayIsALinkOfTheChainStoredOnceAndItsBytesAreVerified() {
        List<AttemptRecord> attempts = study("replay", 2);
        UUID first = attempts.get(0).attemptId();
        bedside.results.ReplayRecord replay = bedside.results.ReplayRecord.of(first,
                List.of("{\"type\":4,\"timestamp\":1}", "{\"type\":2,\"timestamp\":2}"));
        assertThat(store.saveReplay(replay)).isTrue();
        assertThat(store.saveReplay(replay)).as("the same bytes again store nothing").isFalse();
        assertThat(store.replay(first)).contains(replay);
        assertThat(store.replay(attempts.get(1).attemptId())).isEmpty();
        assertThat(dsl.fetchValue("select chain_no from attempt_replays where attempt_id = ?", first)).isEqualTo(3L);
        assertThatThrownBy(() -> store.saveReplay(bedside.results.ReplayRecord.of(first, List.of("{}"))))
                .isInstanceOf(RecordConflictException.class);
        assertThatThrownBy(() -> store.saveReplay(bedside.results.ReplayRecord.of(UUID.randomUUID(), List.of("{}"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("store the attempt before its replay");
        VerifyReport intact = store.verify("replay");
        assertThat(intact.intact()).as(intact.problem()).isTrue();
        assertThat(intact.replays()).as("the replays verify re-hashed").isEqualTo(1);
        assertThat(intact.attempts()).isEqualTo(2);

        // One byte of the stored replay changed (its sha256 column left as it was): verify names the replay.
        dsl.execute("update attempt_replays set gzip = overlay(gzip placing '\\x00'::bytea from 12 for 1) "
                + "where attempt_id = ?", first);
        VerifyReport altered = store.verify("replay");
        assertThat(altered.intact()).isFalse();
        assertThat(altered.firstAlteredTable()).isEqualTo("attempt_replays");
        assertThat(altered.firstAlteredRow()).isEqualTo("attempt_id = " + first);
        assertThat(altered.problem()).contains("the replay of attempt " + first).contains("its replay bytes");
    }

    @Test
    void aLockedStudyRefusesChangesByEveryPath() {
        List<AttemptRecord> attempts = study("final", 3);
        AttemptRecord a = attempts.get(0);
        UUID session = a.sessionId();
        // Questionnaire answers in a second session.
        SessionRecord second = session(store.run(store.session(session).orElseThrow().runId()).orElseThrow(), "beta",
                "P02", t0);
        store.startSession(second);
        UUID answered = second.sessionId();
        TaskRatingRecord rating = new TaskRatingRecord(answered, "order-medication", "seq", 6, 1, 7, "ok", t0);
        SusRecord sus = new SusRecord(answered, List.of(4, 2, 4, 1, 5, 2, 4, 2, 4, 2), t0);
        assertThat(store.saveTaskRating(rating)).isTrue();
        assertThat(store.saveSus(sus)).isTrue();
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
                "update study_chains set length = 0, head_hash = null where study_code = 'final'",
                "update task_ratings set rating = 1 where session_id = '" + answered + "'",
                "update task_ratings set comment = null where study_code = 'final'",
                "delete from task_ratings where session_id = '" + answered + "'",
                "insert into task_ratings (session_id, task_id, rating, answered_at, study_code) values ('" + answered
                        + "', 'review-results', 4, now(), 'final')",
                "update sus_answers set answer = 5 where session_id = '" + answered + "' and item = 4",
                "delete from sus_answers where session_id = '" + answered + "' and item = 10",
                "insert into sus_answers (session_id, item, answer, answered_at, study_code) values ('" + session
                        + "', 1, 3, now(), 'final')",
                "truncate task_ratings",
                "truncate sus_answers",
                "truncate events",
                "truncate attempts cascade",
                "truncate studies cascade")) {
            assertThatThrownBy(() -> dsl.execute(sql)).as(sql).isInstanceOf(DataAccessException.class)
                    .satisfies(e -> assertThat(ResultsStore.isLocked(e)).as(sql).isTrue());
        }
        assertThatThrownBy(() -> dsl.execute("truncate audit_log")).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        // Through the store: nothing new, replays still fine.
        assertThat(store.saveAttempt(a, store.eventsOfAttempt(a.attemptId()))).isFalse();
        assertThat(store.saveTaskRating(rating)).isFalse();
        assertThat(store.saveSus(sus)).isFalse();
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
        VerifyReport verified = store.verify("final");
        assertThat(verified.intact()).as(verified.problem()).isTrue();
        assertThat(verified.taskRatings()).isEqualTo(1);
        assertThat(verified.susAnswers()).isEqualTo(10);
        assertThat(dsl.fetchValue("select count(*) from audit_log where action = 'study.lock' and study_code = 'final'"))
                .isEqualTo(1L);
        assertThat(dsl.fetchValue("select (details ->> 'chainLength')::bigint from audit_log "
                + "where action = 'study.lock' and study_code = 'final'")).isEqualTo(3L + 1 + 10);
    }

    @Test
    void evenASuperuserBypassingTheTriggersOnAnswersIsCaughtByVerify() {
        List<AttemptRecord> attempts = study("bypass-answers", 2);
        UUID session = attempts.get(0).sessionId();
        store.saveSus(new SusRecord(session, List.of(4, 2, 4, 1, 5, 2, 4, 2, 4, 2), t0));
        store.lockStudy("bypass-answers", "test");
        dsl.connection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = replica");
                try {
                    s.executeUpdate("update sus_answers set answer = 1 where session_id = '" + session + "' and item = 5");
                } finally {
                    s.execute("set session_replication_role = origin");
                }
            }
        });
        VerifyReport r = store.verify("bypass-answers");
        assertThat(r.intact()).isFalse();
        assertThat(r.locked()).isTrue();
        assertThat(r.firstAlteredTable()).isEqualTo("sus_answers");
        assertThat(r.firstAlteredRow()).isEqualTo("session_id = " + session + ", item = 5");
        assertThat(r.firstAlteredChainNo()).isEqualTo(2L + 5);
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
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SessionRecord s : sessions) {
                futures.add(pool.submit(() -> {
                    for (int k = 0; k < 6; k++) {
                        AttemptRecord a = attempt(s, Fixtures.TASKS.get(k % 3).id(), 1 + k / 3, Outcome.SUCCESS, t0);
                        store.saveAttempt(a, events(a.attemptId(), 20));
                        if (k % 3 == 2) {
                            store.saveTaskRating(new TaskRatingRecord(s.sessionId(), a.task(), "seq" + k, 5, 1, 7,
                                    null, t0.plusSeconds(k)));
                        }
                    }
                    store.saveSus(new SusRecord(s.sessionId(), List.of(4, 2, 4, 1, 5, 2, 4, 2, 4, 2), t0));
                }));
                // The same answers replayed at the same time by another client: stored once.
                futures.add(pool.submit(() -> {
                    store.saveSus(new SusRecord(s.sessionId(), List.of(4, 2, 4, 1, 5, 2, 4, 2, 4, 2), t0));
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
        assertThat(r.taskRatings()).isEqualTo(8);
        assertThat(r.susAnswers()).isEqualTo(40);
        assertThat(dsl.fetchValue("select length from study_chains where study_code = 'busy'")).isEqualTo(24L + 8 + 40);
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
        assertThatThrownBy(() -> store.saveSus(new SusRecord(session, List.of(4, 2, 4, 1, 5, 2, 4, 2, 4, 3), t0)))
                .isInstanceOf(RecordConflictException.class);
        // Replays and refused conflicts leave the chain as it was: the attempt, the rating, ten SUS answers.
        assertThat(dsl.fetchValue("select length from study_chains where study_code = 'answers'")).isEqualTo(12L);
        assertThat(store.verify("answers").intact()).isTrue();
        assertThat(store.taskRatings("answers")).hasSize(1);
        assertThat(store.susAnswers("answers")).hasSize(1);
        assertThat(store.susAnswers("answers").get(0).answers()).isEqualTo(sus.answers());
    }
}
