package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.Fixtures;
import bedside.results.MarkerRecord;
import bedside.results.Outcome;
import bedside.results.ParticipantRecord;
import bedside.results.RunRecord;
import bedside.results.SessionFacts;
import bedside.results.SessionOrder;
import bedside.results.SessionRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.VerifyReport;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static bedside.results.Fixtures.attempt;
import static bedside.results.Fixtures.events;
import static bedside.results.Fixtures.prepareStudy;
import static bedside.results.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a moderated session adds — demographics and consent, the task order, the participant's word and the derived
 * measures of an attempt, markers — stored, read back exactly, idempotent, refused once locked, and chained.
 */
class ModeratedSessionsIT {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private final ResultsStore store = DB.store();
    private final DSLContext dsl = DB.database().dsl();
    private final Instant t0 = Instant.parse("2026-11-25T09:00:00.123456789Z");

    /** A study with its plan locked and a run; returns the run. */
    private RunRecord study(String code) {
        prepareStudy(store, code);
        Fixtures.lockPlan(store, code); // chain #1: what a moderated session needs
        RunRecord run = run(code, t0);
        store.startRun(run);
        return run;
    }

    private static SessionOrder latin() {
        return new SessionOrder("latin", null, 4, List.of("review-results", "record-allergy", "order-medication"), 2);
    }

    private SessionRecord moderated(RunRecord run, String participant) {
        SessionRecord s = new SessionRecord(UUID.randomUUID(), run.runId(), "alpha", participant, t0, latin());
        store.startSession(s);
        return s;
    }

    private MarkerRecord marker(SessionRecord s, UUID attempt, String task, String kind, Double tMs, String note) {
        return new MarkerRecord(UUID.randomUUID(), s.sessionId(), attempt, task, kind, tMs, note, "moderator",
                t0.plusSeconds(5));
    }

    @Test
    void participantsKeepDemographicsAndConsentAndGetThemFilledInOnce() {
        study("people");
        Instant consent = Instant.parse("2026-11-25T08:59:00.987654321Z");
        ParticipantRecord full = new ParticipantRecord("P01", "nurse", 6, 4, "Epic, Cerner", "30-39", "screen magnifier",
                consent);
        store.ensureParticipant("people", full);
        ParticipantRecord stored = store.participant("people", "P01").orElseThrow();
        assertThat(stored).isEqualTo(new ParticipantRecord("P01", "nurse", 6, 4, "Epic, Cerner", "30-39",
                "screen magnifier", Instant.parse("2026-11-25T08:59:00.987654Z")));
        // ensure leaves an existing participant unchanged, whatever it is given.
        store.ensureParticipant("people", new ParticipantRecord("P01", "physician", 1, 1, null, "20-29", null, null));
        assertThat(store.participant("people", "P01").orElseThrow()).isEqualTo(stored);

        // A participant an old session made with its code only gets its details once.
        store.ensureParticipant("people", ParticipantRecord.of("P02"));
        ParticipantRecord details = new ParticipantRecord("P02", "pharmacist", null, 10, null, "50-59", "none", consent);
        ParticipantRecord filled = store.saveParticipant("people", details);
        assertThat(filled).isEqualTo(store.participant("people", "P02").orElseThrow());
        assertThat(filled.consentedAt()).isEqualTo(Instant.parse("2026-11-25T08:59:00.987654Z"));
        // The same again, or less, changes nothing; a detail still missing can be added.
        assertThat(store.saveParticipant("people", details)).isEqualTo(filled);
        assertThat(store.saveParticipant("people", ParticipantRecord.of("P02"))).isEqualTo(filled);
        ParticipantRecord more = store.saveParticipant("people", new ParticipantRecord("P02", null, 3, null, null,
                null, null, null));
        assertThat(more.yearsInRole()).isEqualTo(3);
        assertThat(more.ageBand()).isEqualTo("50-59");
        // Another value for a stored detail is a conflict, and nothing changes.
        assertThatThrownBy(() -> store.saveParticipant("people", new ParticipantRecord("P02", "nurse", 3, null, null,
                "60-69", null, null))).isInstanceOf(RecordConflictException.class).hasMessageContaining("role");
        assertThatThrownBy(() -> store.saveParticipant("people", new ParticipantRecord("P02", null, null, null, null,
                null, null, consent.plusSeconds(1)))).isInstanceOf(RecordConflictException.class)
                .hasMessageContaining("consentedAt");
        assertThat(store.participant("people", "P02").orElseThrow()).isEqualTo(more);
        // A new participant is simply stored.
        assertThat(store.saveParticipant("people", withCode(full, "P03"))).isEqualTo(withCode(stored, "P03"));
        assertThat(store.participants("people")).hasSize(3);

        // Once the study is locked: a replay still succeeds, a change is refused.
        store.lockStudy("people", "test");
        assertThat(store.saveParticipant("people", details)).isEqualTo(more);
        assertThatThrownBy(() -> store.saveParticipant("people", new ParticipantRecord("P02", null, null, null, "Epic",
                null, null, null))).isInstanceOf(StudyLockedException.class);
        assertThatThrownBy(() -> store.saveParticipant("people", withCode(full, "P04")))
                .isInstanceOf(StudyLockedException.class);
        assertThat(store.participant("people", "P02").orElseThrow()).isEqualTo(more);
    }

    private static ParticipantRecord withCode(ParticipantRecord p, String code) {
        return new ParticipantRecord(code, p.role(), p.yearsInRole(), p.ehrExperienceYears(), p.ehrSystemsUsed(),
                p.ageBand(), p.assistiveTechnology(), p.consentedAt());
    }

    @Test
    void aSessionKeepsItsTaskOrder() {
        RunRecord run = study("order");
        SessionRecord s = moderated(run, "P01");
        assertThat(store.session(s.sessionId()).orElseThrow()).isEqualTo(Rows.normalized(s));
        assertThat(store.session(s.sessionId()).orElseThrow().order()).isEqualTo(latin());
        SessionRecord random = new SessionRecord(UUID.randomUUID(), run.runId(), "beta", "P01", t0,
                new SessionOrder("random", -42L, null, List.of("order-medication"), 1));
        store.startSession(random);
        assertThat(store.sessionsOfStudy("order")).extracting(SessionRecord::order)
                .containsExactlyInAnyOrder(latin(), random.order());
        // The expert path has none.
        SessionRecord expert = Fixtures.session(run, "beta", "expert-path", t0);
        store.startSession(expert);
        assertThat(store.session(expert.sessionId()).orElseThrow().order()).isNull();

        // Replays: the same order is nothing new; another order, or none, is a conflict.
        store.startSession(s);
        assertThatThrownBy(() -> store.startSession(new SessionRecord(s.sessionId(), run.runId(), "alpha", "P01", t0,
                new SessionOrder("latin", null, 5, latin().tasks(), 2)))).isInstanceOf(RecordConflictException.class);
        assertThatThrownBy(() -> store.startSession(new SessionRecord(s.sessionId(), run.runId(), "alpha", "P01", t0)))
                .isInstanceOf(RecordConflictException.class);
        // An order names tasks of the run's suite, each once.
        assertThatThrownBy(() -> store.startSession(new SessionRecord(UUID.randomUUID(), run.runId(), "alpha", "P02",
                t0, new SessionOrder("fixed", null, null, List.of("record-allergy", "no-such-task"), 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-task");
        assertThatThrownBy(() -> store.startSession(new SessionRecord(UUID.randomUUID(), run.runId(), "alpha", "P02",
                t0, new SessionOrder("fixed", null, null, List.of("record-allergy", "record-allergy"), 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void anAttemptKeepsWhatTheParticipantSaidAndItsDerivedMeasures() {
        RunRecord run = study("facts");
        SessionRecord s = moderated(run, "P01");
        // Doubles that print long, tiny and exact: each comes back as the same double (and so the same hash).
        AttemptRecord a = attempt(s, "record-allergy", 1, Outcome.SUCCESS, t0)
                .withSession(new SessionFacts("done", 0.1 + 0.2, 1.0 / 3, "indirect", 4.9e-324, 3));
        AttemptRecord gaveUp = attempt(s, "order-medication", 1, Outcome.FAILURE, t0.plusSeconds(1))
                .withSession(new SessionFacts("gave-up", null, null, null, null, 0));
        AttemptRecord expert = attempt(s, "review-results", 1, Outcome.SUCCESS, t0.plusSeconds(2));
        assertThat(store.saveAttempts(List.of(a, gaveUp, expert), List.of(events(a.attemptId(), 2), List.of(),
                List.of()))).containsExactly(true, true, true);
        assertThat(store.attempt(a.attemptId()).orElseThrow()).isEqualTo(Rows.normalized(a));
        assertThat(store.attempt(gaveUp.attemptId()).orElseThrow().session())
                .isEqualTo(new SessionFacts("gave-up", null, null, null, null, 0));
        assertThat(store.attempt(expert.attemptId()).orElseThrow().session()).isNull();
        assertThat(store.attemptsOfStudy("facts", null)).extracting(AttemptRecord::session).hasSize(3)
                .contains(a.session(), gaveUp.session());

        // A replay is nothing new; other facts (or none) for the same id are a conflict.
        assertThat(store.saveAttempt(a, events(a.attemptId(), 2))).isFalse();
        assertThatThrownBy(() -> store.saveAttempt(a.withSession(new SessionFacts("done", 0.1 + 0.2, 1.0 / 3,
                "direct", 4.9e-324, 3)), List.of())).isInstanceOf(RecordConflictException.class);
        assertThatThrownBy(() -> store.saveAttempt(a.withSession(null), List.of()))
                .isInstanceOf(RecordConflictException.class);
        // Refused before anything is written: a success path on an attempt that failed, a measure that is not a number.
        assertThatThrownBy(() -> store.saveAttempt(attempt(s, "record-allergy", 2, Outcome.FAILURE, t0)
                .withSession(new SessionFacts("timed-out", null, null, "direct", null, 0)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("direct success");
        assertThatThrownBy(() -> store.saveAttempt(attempt(s, "record-allergy", 2, Outcome.SUCCESS, t0)
                .withSession(new SessionFacts("done", Double.NaN, null, null, null, 0)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pathDeviation");

        VerifyReport r = store.verify("facts");
        assertThat(r.intact()).as(r.problem()).isTrue();
        assertThat(r.attempts()).isEqualTo(3);
    }

    @Test
    void markersAreStoredOnceChainedAndReadBySessionAndStudy() {
        RunRecord run = study("marks");
        SessionRecord s = moderated(run, "P01");
        SessionRecord other = moderated(run, "P02");
        AttemptRecord a = attempt(s, "record-allergy", 1, Outcome.FAILURE, t0);
        store.saveAttempt(a, events(a.attemptId(), 3));
        MarkerRecord slip = marker(s, a.attemptId(), "record-allergy", "slip", 0.1 + 0.2, "typed \"penicilin\"\n");
        MarkerRecord note = new MarkerRecord(UUID.randomUUID(), s.sessionId(), null, null, "note", null, null,
                "observer", t0.plusSeconds(1));
        MarkerRecord assist = marker(other, null, "order-medication", "assist", null, "showed the menu");
        assertThat(store.saveMarker(slip)).isTrue();
        assertThat(store.saveMarker(note)).isTrue();
        assertThat(store.saveMarker(assist)).isTrue();
        assertThat(store.markersOfSession(s.sessionId())).containsExactly(Rows.normalized(note),
                Rows.normalized(slip));
        assertThat(store.markers("marks")).hasSize(3).contains(Rows.normalized(assist));
        assertThat(store.markers("marks").stream().filter(m -> m.markerId().equals(slip.markerId())).findFirst()
                .orElseThrow().tMs()).isEqualTo(0.1 + 0.2);

        // Idempotent by marker id; other content under the id is a conflict.
        long length = (Long) dsl.fetchValue("select length from study_chains where study_code = 'marks'");
        assertThat(store.saveMarker(slip)).isFalse();
        assertThat(dsl.fetchValue("select length from study_chains where study_code = 'marks'")).isEqualTo(length);
        assertThatThrownBy(() -> store.saveMarker(new MarkerRecord(slip.markerId(), slip.sessionId(), slip.attemptId(),
                slip.task(), "mistake", slip.tMs(), slip.note(), slip.by(), slip.at())))
                .isInstanceOf(RecordConflictException.class);
        // A marker fits its session: its attempt, its attempt's task, its suite, a known marker.
        assertThatThrownBy(() -> store.saveMarker(marker(other, a.attemptId(), null, "slip", null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an attempt of session");
        assertThatThrownBy(() -> store.saveMarker(marker(s, a.attemptId(), "order-medication", "slip", null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its attempt is of task");
        assertThatThrownBy(() -> store.saveMarker(marker(s, null, "no-such-task", "note", null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-task");
        assertThatThrownBy(() -> store.saveMarker(new MarkerRecord(UUID.randomUUID(), s.sessionId(), null, null, "note",
                null, null, "vendor", t0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.saveMarker(marker(s, null, null, "note", -1.0, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.saveMarker(new MarkerRecord(UUID.randomUUID(), UUID.randomUUID(), null, null,
                "note", null, null, "moderator", t0))).isInstanceOf(IllegalStateException.class);

        // Markers share the study's one chain with attempts and ratings.
        store.saveTaskRating(new TaskRatingRecord(s.sessionId(), "record-allergy", "seq", 2, 1, 7, null, t0));
        MarkerRecord last = marker(s, null, null, "critical", null, "wrong patient");
        store.saveMarker(last);
        assertThat(dsl.fetch("select chain_no from markers where study_code = 'marks' order by chain_no")
                .getValues(0, Long.class)).containsExactly(3L, 4L, 5L, 7L);
        VerifyReport r = store.verify("marks");
        assertThat(r.intact()).as(r.problem()).isTrue();
        assertThat(r.markers()).isEqualTo(4);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.taskRatings()).isEqualTo(1);
    }

    @Test
    void aLockedStudyRefusesNewMarkersByEveryPath() {
        RunRecord run = study("closed");
        SessionRecord s = moderated(run, "P01");
        MarkerRecord kept = marker(s, null, null, "note", 12.0, "kept");
        store.saveMarker(kept);
        store.lockStudy("closed", "test");
        assertThat(store.saveMarker(kept)).isFalse(); // a replay still succeeds
        assertThatThrownBy(() -> store.saveMarker(marker(s, null, null, "slip", null, "late")))
                .isInstanceOf(StudyLockedException.class);
        for (String sql : List.of(
                "update markers set note = 'changed' where study_code = 'closed'",
                "delete from markers where study_code = 'closed'",
                "insert into markers (marker_id, session_id, study_code, kind, marked_by, marked_at) values ('"
                        + UUID.randomUUID() + "', '" + s.sessionId() + "', 'closed', 'note', 'observer', now())",
                "truncate markers")) {
            assertThatThrownBy(() -> dsl.execute(sql)).as(sql).isInstanceOf(DataAccessException.class)
                    .satisfies(e -> assertThat(ResultsStore.isLocked(e)).as(sql).isTrue());
        }
        assertThat(store.markers("closed")).containsExactly(Rows.normalized(kept));
        assertThat(store.verify("closed").intact()).isTrue();
    }

    @Test
    void verifyNamesATamperedMarkerAndATamperedParticipantSaid() {
        RunRecord run = study("tamper");
        SessionRecord s = moderated(run, "P01");
        AttemptRecord a = attempt(s, "record-allergy", 1, Outcome.SUCCESS, t0)
                .withSession(new SessionFacts("done", 1.5, 2.25, "direct", 0.0, 0));
        store.saveAttempt(a, events(a.attemptId(), 2));
        MarkerRecord m = marker(s, a.attemptId(), null, "mistake", 800.25, "looked under Medications");
        store.saveMarker(m);
        assertThat(store.verify("tamper").intact()).isTrue();

        dsl.execute("update markers set kind = 'slip' where marker_id = ?", m.markerId());
        VerifyReport marker = store.verify("tamper");
        assertThat(marker.intact()).isFalse();
        assertThat(marker.firstAlteredTable()).isEqualTo("markers");
        assertThat(marker.firstAlteredRow()).isEqualTo("marker_id = " + m.markerId());
        assertThat(marker.firstAlteredChainNo()).isEqualTo(3L);
        assertThat(marker.problem()).contains(m.markerId().toString(), "altered");
        dsl.execute("update markers set kind = 'mistake' where marker_id = ?", m.markerId());
        assertThat(store.verify("tamper").intact()).isTrue();

        dsl.execute("update attempts set participant_said = 'gave-up' where attempt_id = ?", a.attemptId());
        VerifyReport said = store.verify("tamper");
        assertThat(said.intact()).isFalse();
        assertThat(said.firstAlteredTable()).isEqualTo("attempts");
        assertThat(said.firstAlteredAttempt()).isEqualTo(a.attemptId());
        // Removing the facts altogether (the expert path's shape) is seen too.
        dsl.execute("update attempts set participant_said = null, path_deviation = null, time_deviation = null, "
                + "success_path = null, lostness = null, misclicks = null where attempt_id = ?", a.attemptId());
        assertThat(store.verify("tamper").firstAlteredAttempt()).isEqualTo(a.attemptId());
    }
}
