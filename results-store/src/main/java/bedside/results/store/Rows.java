package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.CandidateRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.results.ParticipantRecord;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.StudyRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.store.jooq.tables.records.AttemptsRecord;
import bedside.results.store.jooq.tables.records.CandidatesRecord;
import bedside.results.store.jooq.tables.records.EventsRecord;
import bedside.results.store.jooq.tables.records.ParticipantsRecord;
import bedside.results.store.jooq.tables.records.RunsRecord;
import bedside.results.store.jooq.tables.records.SessionsRecord;
import bedside.results.store.jooq.tables.records.StudiesRecord;
import bedside.results.store.jooq.tables.records.TaskRatingsRecord;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Rows to records and records to the form they read back in. Shared because the same row is read by several
 * aggregates (an attempt by its queries, by the batch save's replay check and by verify, which must see exactly
 * what the hash was made of).
 */
final class Rows {
    private Rows() {
    }

    /** Times are stored to the microsecond (PostgreSQL's precision): instants are truncated to it on the way in. */
    static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    static StudyRecord toStudy(StudiesRecord r) {
        return new StudyRecord(r.getStudyCode(), r.getTitle(), r.getLocked(), r.getLockedAt(), r.getCreatedAt());
    }

    static CandidateRecord toCandidate(CandidatesRecord r) {
        return new CandidateRecord(r.getCandidateCode(), r.getDisplayName(), r.getVendor());
    }

    static ParticipantRecord toParticipant(ParticipantsRecord r) {
        return new ParticipantRecord(r.getParticipantCode(), r.getRole(), r.getYearsInRole(),
                r.getEhrExperienceYears(), r.getEhrSystemsUsed());
    }

    static RunRecord toRun(RunsRecord r) {
        return new RunRecord(r.getRunId(), r.getStudyCode(), r.getSuiteId(), r.getSuiteVersion(), r.getSuiteHash(),
                r.getKind(), r.getStartedAt(), r.getFinishedAt());
    }

    static SessionRecord toSession(SessionsRecord r) {
        return new SessionRecord(r.getSessionId(), r.getRunId(), r.getCandidateCode(), r.getParticipantCode(),
                r.getStartedAt());
    }

    static AttemptRecord toAttempt(AttemptsRecord r) {
        return new AttemptRecord(r.getAttemptId(), r.getSessionId(), r.getCandidateCode(), r.getTaskId(),
                r.getParticipantCode(), r.getAttemptNo(), Outcome.fromCode(r.getOutcome()), r.getReason(),
                r.getFailedStep(), r.getStartedAt(), r.getTimeMs(), r.getClicks(), r.getKeystrokes(), r.getScreens(),
                r.getPageLoads(), r.getScrollPx(), r.getDialogs(), r.getValidationErrors(), r.getSystemResponseMs(),
                r.getKlmMs());
    }

    static EventRecord toEvent(EventsRecord r) {
        return new EventRecord(r.getAttemptId(), r.getSeq(), r.getTMs(), r.getType(), r.getPage(), r.getJson().data());
    }

    static TaskRatingRecord toRating(TaskRatingsRecord r) {
        return new TaskRatingRecord(r.getSessionId(), r.getTaskId(), r.getInstrument(), r.getRating(),
                r.getScaleMin(), r.getScaleMax(), r.getComment(), r.getAnsweredAt());
    }

    // The records as they read back once stored (times truncated), to compare a replay with what is stored.

    static SessionRecord normalized(SessionRecord s) {
        return new SessionRecord(s.sessionId(), s.runId(), s.candidate(), s.participant(), micros(s.startedAt()));
    }

    static AttemptRecord normalized(AttemptRecord a) {
        return new AttemptRecord(a.attemptId(), a.sessionId(), a.candidate(), a.task(), a.participant(), a.attemptNo(),
                a.outcome(), a.reason(), a.failedStep(), micros(a.startedAt()), a.timeMs(), a.clicks(), a.keystrokes(),
                a.screens(), a.pageLoads(), a.scrollPx(), a.dialogs(), a.validationErrors(), a.systemResponseMs(),
                a.klmMs());
    }

    static TaskRatingRecord normalized(TaskRatingRecord r) {
        return new TaskRatingRecord(r.sessionId(), r.task(), r.instrument(), r.rating(), r.scaleMin(), r.scaleMax(),
                r.comment(), micros(r.answeredAt()));
    }
}
