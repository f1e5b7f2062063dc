package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.CandidateRecord;
import bedside.results.EventRecord;
import bedside.results.MarkerRecord;
import bedside.results.Outcome;
import bedside.results.ParticipantRecord;
import bedside.results.RunRecord;
import bedside.results.SessionFacts;
import bedside.results.SessionOrder;
import bedside.results.SessionRecord;
import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
import bedside.results.StudyRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.store.jooq.tables.records.AttemptsRecord;
import bedside.results.store.jooq.tables.records.CandidatesRecord;
import bedside.results.store.jooq.tables.records.EventsRecord;
import bedside.results.store.jooq.tables.records.MarkersRecord;
import bedside.results.store.jooq.tables.records.ParticipantsRecord;
import bedside.results.store.jooq.tables.records.RunsRecord;
import bedside.results.store.jooq.tables.records.SessionsRecord;
import bedside.results.store.jooq.tables.records.StudiesRecord;
import bedside.results.store.jooq.tables.records.StudyPlansRecord;
import bedside.results.store.jooq.tables.records.TaskRatingsRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.JSONB;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Rows to records and records to the form they read back in. Shared because the same row is read by several
 * aggregates (an attempt by its queries, by the batch save's replay check and by verify, which must see exactly
 * what the hash was made of).
 */
final class Rows {
    private static final ObjectMapper JSON = new ObjectMapper();

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
                r.getEhrExperienceYears(), r.getEhrSystemsUsed(), r.getAgeBand(), r.getAssistiveTechnology(),
                r.getConsentedAt(), r.getSimulated());
    }

    static RunRecord toRun(RunsRecord r) {
        return new RunRecord(r.getRunId(), r.getStudyCode(), r.getSuiteId(), r.getSuiteVersion(), r.getSuiteHash(),
                r.getKind(), r.getStartedAt(), r.getFinishedAt());
    }

    static SessionRecord toSession(SessionsRecord r) {
        SessionOrder order = r.getOrderMode() == null ? null : new SessionOrder(r.getOrderMode(), r.getOrderSeed(),
                r.getParticipantIndex(), taskIds(r.getTaskOrder()), r.getCandidatePosition());
        return new SessionRecord(r.getSessionId(), r.getRunId(), r.getCandidateCode(), r.getParticipantCode(),
                r.getStartedAt(), order, r.getPilot(), r.getSimulated());
    }

    /** A session's task order as stored: a JSON array of task ids. */
    static JSONB taskOrder(SessionOrder order) {
        try {
            return order == null ? null : JSONB.valueOf(JSON.writeValueAsString(order.tasks()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> taskIds(JSONB json) {
        try {
            return json == null ? List.of() : JSON.readValue(json.data(), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a session's task_order is not a JSON array of task ids: " + json, e);
        }
    }

    static AttemptRecord toAttempt(AttemptsRecord r) {
        return new AttemptRecord(r.getAttemptId(), r.getSessionId(), r.getCandidateCode(), r.getTaskId(),
                r.getParticipantCode(), r.getAttemptNo(), Outcome.fromCode(r.getOutcome()), r.getReason(),
                r.getFailedStep(), r.getStartedAt(), r.getTimeMs(), r.getClicks(), r.getKeystrokes(), r.getScreens(),
                r.getPageLoads(), r.getScrollPx(), r.getDialogs(), r.getValidationErrors(), r.getSystemResponseMs(),
                r.getKlmMs(), r.getParticipantSaid() == null ? null : new SessionFacts(r.getParticipantSaid(),
                        r.getPathDeviation(), r.getTimeDeviation(), r.getSuccessPath(), r.getLostness(),
                        r.getMisclicks() == null ? 0 : r.getMisclicks()));
    }

    /**
     * A stored plan. Its JSON is read as a plan; a row whose JSON no longer reads as one (altered in the database:
     * verify names it) fails here.
     */
    static StoredPlan toPlan(StudyPlansRecord r) {
        StudyPlan plan;
        try {
            plan = StudyPlan.fromJson(r.getPlanJson());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the stored plan of study " + r.getStudyCode() + " cannot be read ("
                    + e.getMessage() + "): verify the study", e);
        }
        return new StoredPlan(plan, r.getPlanJson(), r.getPlanHash(), r.getSavedAt(), r.getSavedBy(), r.getLockedAt(),
                r.getChainNo());
    }

    static MarkerRecord toMarker(MarkersRecord r) {
        return new MarkerRecord(r.getMarkerId(), r.getSessionId(), r.getAttemptId(), r.getTaskId(), r.getKind(),
                r.getTMs(), r.getNote(), r.getMarkedBy(), r.getMarkedAt());
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
        return new SessionRecord(s.sessionId(), s.runId(), s.candidate(), s.participant(), micros(s.startedAt()),
                s.order(), s.pilot(), s.simulated());
    }

    static AttemptRecord normalized(AttemptRecord a) {
        return new AttemptRecord(a.attemptId(), a.sessionId(), a.candidate(), a.task(), a.participant(), a.attemptNo(),
                a.outcome(), a.reason(), a.failedStep(), micros(a.startedAt()), a.timeMs(), a.clicks(), a.keystrokes(),
                a.screens(), a.pageLoads(), a.scrollPx(), a.dialogs(), a.validationErrors(), a.systemResponseMs(),
                a.klmMs(), a.session());
    }

    static ParticipantRecord normalized(ParticipantRecord p) {
        return new ParticipantRecord(p.code(), p.role(), p.yearsInRole(), p.ehrExperienceYears(), p.ehrSystemsUsed(),
                p.ageBand(), p.assistiveTechnology(), micros(p.consentedAt()), p.simulated());
    }

    static MarkerRecord normalized(MarkerRecord m) {
        return new MarkerRecord(m.markerId(), m.sessionId(), m.attemptId(), m.task(), m.kind(), m.tMs(), m.note(),
                m.by(), micros(m.at()));
    }

    static TaskRatingRecord normalized(TaskRatingRecord r) {
        return new TaskRatingRecord(r.sessionId(), r.task(), r.instrument(), r.rating(), r.scaleMin(), r.scaleMax(),
                r.comment(), micros(r.answeredAt()));
    }
}
