package bedside.results;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One attempt at one task on one candidate by one participant, with the measures derived from what the
 * browser recorded. {@code attemptId} is made by the client, so storing the same attempt twice (a retry,
 * a replay from the journal) stores it once.
 *
 * @param failedStep the 1-based step of the binding where the attempt ended badly, or null
 * @param timeMs task time: from the clock start to the last recorded action of the attempt
 * @param session what a moderated session adds (the participant's word, derived measures); null for the expert path
 */
public record AttemptRecord(
        UUID attemptId,
        UUID sessionId,
        String candidate,
        String task,
        String participant,
        int attemptNo,
        Outcome outcome,
        String reason,
        Integer failedStep,
        Instant startedAt,
        long timeMs,
        int clicks,
        int keystrokes,
        int screens,
        int pageLoads,
        long scrollPx,
        int dialogs,
        int validationErrors,
        long systemResponseMs,
        long klmMs,
        SessionFacts session) {

    public AttemptRecord {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** An attempt of the scripted expert path (no participant's word, nothing derived from a session). */
    public AttemptRecord(UUID attemptId, UUID sessionId, String candidate, String task, String participant, int attemptNo,
                         Outcome outcome, String reason, Integer failedStep, Instant startedAt, long timeMs, int clicks,
                         int keystrokes, int screens, int pageLoads, long scrollPx, int dialogs, int validationErrors,
                         long systemResponseMs, long klmMs) {
        this(attemptId, sessionId, candidate, task, participant, attemptNo, outcome, reason, failedStep, startedAt, timeMs,
                clicks, keystrokes, screens, pageLoads, scrollPx, dialogs, validationErrors, systemResponseMs, klmMs, null);
    }

    /** This attempt with what a moderated session adds to it. */
    public AttemptRecord withSession(SessionFacts facts) {
        return new AttemptRecord(attemptId, sessionId, candidate, task, participant, attemptNo, outcome, reason, failedStep,
                startedAt, timeMs, clicks, keystrokes, screens, pageLoads, scrollPx, dialogs, validationErrors,
                systemResponseMs, klmMs, facts);
    }
}
