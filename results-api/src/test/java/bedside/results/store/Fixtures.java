package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Sample studies, suites, runs and attempts, shaped like what {@code bedside demo} stores. */
final class Fixtures {
    static final String SUITE_ID = "medication-safety";
    static final String SUITE_VERSION = "1.0.0";
    static final List<TaskText> TASKS = List.of(
            task("record-allergy", "Record an allergy", "Record that ${patient.name} is allergic to penicillin."),
            task("order-medication", "Order a medication", "Order amoxicillin 500 mg three times a day."),
            task("review-results", "Review lab results", "Find the latest potassium result."));
    static final String SUITE_HASH = sha256(SUITE_ID + SUITE_VERSION + TASKS);

    private Fixtures() {
    }

    static TaskText task(String id, String title, String instruction) {
        return TaskText.of(id, title, instruction);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Study, two candidates and the suite version: what every run needs first. */
    static void prepareStudy(ResultsStore store, String study) {
        store.ensureStudy(study, "Medication safety " + study);
        store.ensureCandidate(study, "alpha", "Alpha EHR", "Alpha Health");
        store.ensureCandidate(study, "beta", "Beta Records", null);
        store.saveSuiteVersion(SUITE_ID, SUITE_VERSION, SUITE_HASH, "Medication safety", TASKS);
    }

    static RunRecord run(String study, Instant startedAt) {
        return new RunRecord(UUID.randomUUID(), study, SUITE_ID, SUITE_VERSION, SUITE_HASH, "demo", startedAt, null);
    }

    static SessionRecord session(RunRecord run, String candidate, String participant, Instant startedAt) {
        return new SessionRecord(UUID.randomUUID(), run.runId(), candidate, participant, startedAt);
    }

    static AttemptRecord attempt(SessionRecord s, String task, int no, Outcome outcome, Instant startedAt) {
        boolean bad = outcome != Outcome.SUCCESS;
        return new AttemptRecord(UUID.randomUUID(), s.sessionId(), s.candidate(), task, s.participant(), no, outcome,
                bad ? "checked " + outcome.code() : null, bad ? 2 : null, startedAt, 12_345 + no, 7, 42, 3, 2, 800, 1, 0,
                1_234, 9_870);
    }

    /** {@code n} events; the JSON is in PostgreSQL's jsonb output form so it reads back identical. */
    static List<EventRecord> events(UUID attemptId, int n) {
        List<EventRecord> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String type = i % 3 == 0 ? "click" : i % 3 == 1 ? "key" : "navigation";
            events.add(new EventRecord(attemptId, i, 10.5 * i, type, "http://127.0.0.1:8080/patient/" + (i % 7),
                    "{\"x\": " + (i % 1000) + ", \"target\": \"#field-" + i + "\"}"));
        }
        return events;
    }

    /**
     * What one {@code bedside demo} stores: a run with an expert-path session per candidate, one attempt per
     * task with {@code eventsPerAttempt} events each, then the run finished. Returns the run.
     */
    static RunRecord demo(ResultsStore store, String study, Instant at, int eventsPerAttempt) {
        prepareStudy(store, study);
        RunRecord run = run(study, at);
        store.startRun(run);
        Instant t = at;
        for (String candidate : List.of("alpha", "beta")) {
            SessionRecord s = session(run, candidate, "expert-path", t = t.plusSeconds(1));
            store.startSession(s);
            int i = 0;
            for (TaskText task : TASKS) {
                Outcome outcome = Outcome.values()[i++ % Outcome.values().length];
                AttemptRecord a = attempt(s, task.id(), 1, outcome, t = t.plusSeconds(30));
                store.saveAttempt(a, events(a.attemptId(), eventsPerAttempt));
            }
        }
        store.finishRun(run.runId(), t.plusSeconds(5));
        return run;
    }
}
