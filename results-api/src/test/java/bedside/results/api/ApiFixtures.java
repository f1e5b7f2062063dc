package bedside.results.api;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskText;
import bedside.results.store.ResultsStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** A study with two candidates (alpha, beta), three participants on each, three tasks, attempts and events. */
final class ApiFixtures {
    static final String SUITE_ID = "medication-safety";
    static final List<TaskText> TASKS = List.of(
            task("record-allergy", "Record an allergy", "Record that the patient is allergic to penicillin."),
            task("order-medication", "Order a medication", "Order amoxicillin 500 mg three times a day."),
            task("review-results", "Review lab results", "Find the latest potassium result."));
    static final String SUITE_HASH = sha256(SUITE_ID + TASKS);
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    /** What was seeded: ids to aim requests at. */
    record Seeded(String study, RunRecord run, List<SessionRecord> sessions, List<AttemptRecord> attempts,
            AttemptRecord alphaAttempt, AttemptRecord betaAttempt, SessionRecord alphaSession) {
    }

    private ApiFixtures() {
    }

    static TaskText task(String id, String title, String instruction) {
        return TaskText.of(id, title, instruction);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Seeded seed(ResultsStore store, String study) {
        store.ensureStudy(study, "Medication safety " + study);
        store.ensureCandidate(study, "alpha", "Alpha EHR", "Alpha Health");
        store.ensureCandidate(study, "beta", "Beta Records", "Beta Systems");
        store.saveSuiteVersion(SUITE_ID, "1.0.0", SUITE_HASH, "Medication safety", TASKS);
        RunRecord run = new RunRecord(UUID.randomUUID(), study, SUITE_ID, "1.0.0", SUITE_HASH, "run", T0, null);
        store.startRun(run);
        List<SessionRecord> sessions = new ArrayList<>();
        List<AttemptRecord> attempts = new ArrayList<>();
        Instant t = T0;
        int k = 0;
        for (String candidate : List.of("alpha", "beta")) {
            for (String participant : List.of("P1", "P2", "P3")) {
                SessionRecord s = new SessionRecord(UUID.randomUUID(), run.runId(), candidate, participant,
                        t = t.plusSeconds(60));
                store.startSession(s);
                sessions.add(s);
                for (TaskText task : TASKS) {
                    k++;
                    Outcome o = k % 4 == 0 ? Outcome.FAILURE : Outcome.SUCCESS;
                    AttemptRecord a = attempt(s, task.id(), o, t = t.plusSeconds(30), 10_000 + 1_000L * k
                            + (candidate.equals("beta") ? 9_000 : 0));
                    store.saveAttempt(a, events(a.attemptId(), 5));
                    attempts.add(a);
                }
            }
        }
        AttemptRecord alpha = attempts.stream().filter(a -> a.candidate().equals("alpha")).findFirst().orElseThrow();
        AttemptRecord beta = attempts.stream().filter(a -> a.candidate().equals("beta")).findFirst().orElseThrow();
        return new Seeded(study, run, sessions, attempts, alpha, beta, sessions.get(0));
    }

    static AttemptRecord attempt(SessionRecord s, String task, Outcome o, Instant at, long timeMs) {
        boolean bad = o != Outcome.SUCCESS;
        return new AttemptRecord(UUID.randomUUID(), s.sessionId(), s.candidate(), task, s.participant(), 1, o,
                bad ? "checked " + o.code() : null, bad ? 2 : null, at, timeMs, 7, 42, 3, 2, 800, 1, bad ? 1 : 0,
                1_234, 9_870);
    }

    static List<EventRecord> events(UUID attemptId, int n) {
        List<EventRecord> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String type = i % 3 == 0 ? "click" : i % 3 == 1 ? "key" : "navigation";
            events.add(new EventRecord(attemptId, i, 10.5 * i, type, "http://127.0.0.1:8080/patient/" + (i % 7),
                    "{\"x\": " + (i % 1000) + ", \"target\": \"#field-" + i + "\"}"));
        }
        return events;
    }
}
