package bedside.results.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The request bodies of the API (boxed types: a missing field is reported by name, never taken as 0). */
final class Bodies {
    private Bodies() {
    }

    record NotApplicable(String candidate, String suiteHash, String task, String reason) {
    }

    record NotApplicableMarks(List<NotApplicable> items) {
    }

    record Study(String code, String title) {
    }

    record Candidate(String code, String displayName, String vendor) {
    }

    record Participant(String code, String role, Integer yearsInRole, Integer ehrExperienceYears,
            String ehrSystemsUsed, String ageBand, String assistiveTechnology, Instant consentedAt, Boolean simulated) {
    }

    /** @param given the instruction as participants read it (optional: a client before it was kept sends none) */
    record Task(String id, String title, String instruction, String contentHash, String given) {
    }

    record SuiteVersion(String suiteId, String version, String contentHash, String title, List<Task> tasks) {
    }

    record Run(UUID runId, String suiteId, String suiteVersion, String suiteHash, String kind, Instant startedAt,
            Instant finishedAt) {
    }

    record Finish(Instant finishedAt) {
    }

    record Order(String mode, Long seed, Integer participantIndex, List<String> tasks, Integer candidatePosition) {
    }

    record Session(UUID sessionId, UUID runId, String candidate, String participant, Instant startedAt, Order order,
            Boolean pilot, Boolean simulated) {
    }

    record Event(Long seq, @JsonProperty("tMs") Double tMs, String type, String page, JsonNode data) {
    }

    record Attempt(UUID attemptId, UUID sessionId, String candidate, String task, String participant,
            Integer attemptNo, String outcome, String reason, Integer failedStep, Instant startedAt, Long timeMs,
            Integer clicks, Integer keystrokes, Integer screens, Integer pageLoads, Long scrollPx, Integer dialogs,
            Integer validationErrors, Long systemResponseMs, Long klmMs, SessionFacts session, List<Event> events) {
    }

    record SessionFacts(String participantSaid, Double pathDeviation, Double timeDeviation, String success,
            Double lostness, Integer misclicks) {
    }

    record Marker(UUID markerId, UUID sessionId, UUID attemptId, String task, String kind,
            @JsonProperty("tMs") Double tMs, String note, String by, Instant at) {
    }

    record MarkerBatch(List<Marker> markers) {
    }

    record AttemptBatch(List<Attempt> attempts) {
    }

    record TaskRating(UUID sessionId, String task, String instrument, Integer rating, Integer scaleMin,
            Integer scaleMax, String comment, Instant answeredAt) {
    }

    record Sus(UUID sessionId, List<Integer> answers, Instant answeredAt) {
    }

    record Questionnaires(List<TaskRating> taskRatings, List<Sus> sus) {
    }
}
