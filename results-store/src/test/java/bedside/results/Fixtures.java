package bedside.results;

import bedside.results.store.ResultsStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Sample studies, suites, runs, sessions, attempts and events, shaped like what {@code bedside demo} stores: the
 * one set of test data the store tests and the API tests share.
 */
public final class Fixtures {
    public static final String SUITE_ID = "medication-safety";
    public static final String SUITE_VERSION = "1.0.0";
    public static final List<TaskText> TASKS = List.of(
            task("record-allergy", "Record an allergy", "Record that ${patient.name} is allergic to penicillin."),
            task("order-medication", "Order a medication", "Order amoxicillin 500 mg three times a day."),
            task("review-results", "Review lab results", "Find the latest potassium result."));
    public static final String SUITE_HASH = sha256(SUITE_ID + SUITE_VERSION + TASKS);
    public static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    private Fixtures() {
    }

    public static TaskText task(String id, String title, String instruction) {
        return TaskText.of(id, title, instruction);
    }

    /** SHA-256 of the text's UTF-8 bytes, lower-case hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The study, two candidates (alpha, beta) and the suite version: what every run needs first. */
    public static void prepareStudy(ResultsStore store, String study) {
        store.ensureStudy(study, "Medication safety " + study);
        store.ensureCandidate(study, "alpha", "Alpha EHR", "Alpha Health");
        store.ensureCandidate(study, "beta", "Beta Records", "Beta Systems");
        store.saveSuiteVersion(SUITE_ID, SUITE_VERSION, SUITE_HASH, "Medication safety", TASKS);
    }

    public static RunRecord run(String study, Instant startedAt) {
        return run(study, "demo", startedAt);
    }

    public static RunRecord run(String study, String kind, Instant startedAt) {
        return new RunRecord(UUID.randomUUID(), study, SUITE_ID, SUITE_VERSION, SUITE_HASH, kind, startedAt, null);
    }

    public static SessionRecord session(RunRecord run, String candidate, String participant, Instant startedAt) {
        return new SessionRecord(UUID.randomUUID(), run.runId(), candidate, participant, startedAt);
    }

    /**
     * A plan of the study over a suite version and candidates: the fixtures' three tasks (record-allergy weighted
     * {@code allergyWeight}, then 2 and 1), completion, time and SUS, within subjects.
     */
    public static StudyPlan plan(String study, String suiteHash, List<String> candidates, double allergyWeight,
            boolean simulated) {
        return new StudyPlan(StudyPlan.SCHEMA, study, new StudyPlan.PlanSuite(SUITE_ID, SUITE_VERSION, suiteHash),
                candidates,
                List.of(new StudyPlan.PlanTask("record-allergy", allergyWeight, 3.0, allergyWeight / 3, 300,
                                List.of("penicillin allergy recorded"), List.of("no allergy on the wrong patient")),
                        new StudyPlan.PlanTask("order-medication", 2, null, null, 240, List.of("order signed"),
                                List.of()),
                        new StudyPlan.PlanTask("review-results", 1, null, null, 120, List.of("potassium read"),
                                List.of())),
                new StudyPlan.Analysis(List.of("completion", "time", "sus"), "sum", 0.95, 2000, 7, "within", 15),
                simulated);
    }

    /** A real plan of the study over the fixtures' suite and both candidates. */
    public static StudyPlan plan(String study, double allergyWeight) {
        return plan(study, "sha256:" + SUITE_HASH, List.of("alpha", "beta"), allergyWeight, false);
    }

    /** The study's real plan ({@link #plan(String, double)}) saved and locked: what moderated sessions need first. */
    public static StoredPlan lockPlan(ResultsStore store, String study) {
        store.savePlan(plan(study, 6), "test");
        return store.lockPlan(study, "test");
    }

    /** An attempt (a new id) with plausible measures; one that did not succeed has a reason, a step and an error. */
    public static AttemptRecord attempt(SessionRecord s, String task, int no, Outcome outcome, Instant startedAt,
            long timeMs) {
        boolean bad = outcome != Outcome.SUCCESS;
        return new AttemptRecord(UUID.randomUUID(), s.sessionId(), s.candidate(), task, s.participant(), no, outcome,
                bad ? "checked " + outcome.code() : null, bad ? 2 : null, startedAt, timeMs, 7, 42, 3, 2, 800, 1,
                bad ? 1 : 0, 1_234, 9_870);
    }

    public static AttemptRecord attempt(SessionRecord s, String task, int no, Outcome outcome, Instant startedAt) {
        return attempt(s, task, no, outcome, startedAt, 12_345 + no);
    }

    /** {@code n} events; the JSON is in PostgreSQL's jsonb output form so it reads back identical. */
    public static List<EventRecord> events(UUID attemptId, int n) {
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
    public static RunRecord demo(ResultsStore store, String study, Instant at, int eventsPerAttempt) {
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

    /** What {@link #seed} stored: ids to aim requests at. */
    public record Seeded(String study, RunRecord run, List<SessionRecord> sessions, List<AttemptRecord> attempts,
            AttemptRecord alphaAttempt, AttemptRecord betaAttempt, SessionRecord alphaSession) {
    }

    /**
     * A study with both candidates, three participants (P1–P3) on each, every task once per session with 5 events
     * (every fourth attempt a failure; beta about 9 s slower), in one run (kind {@code run}) that stays open.
     */
    public static Seeded seed(ResultsStore store, String study) {
        prepareStudy(store, study);
        RunRecord run = run(study, "run", T0);
        store.startRun(run);
        List<SessionRecord> sessions = new ArrayList<>();
        List<AttemptRecord> attempts = new ArrayList<>();
        Instant t = T0;
        int k = 0;
        for (String candidate : List.of("alpha", "beta")) {
            for (String participant : List.of("P1", "P2", "P3")) {
                SessionRecord s = session(run, candidate, participant, t = t.plusSeconds(60));
                store.startSession(s);
                sessions.add(s);
                for (TaskText task : TASKS) {
                    k++;
                    Outcome o = k % 4 == 0 ? Outcome.FAILURE : Outcome.SUCCESS;
                    AttemptRecord a = attempt(s, task.id(), 1, o, t = t.plusSeconds(30), 10_000 + 1_000L * k
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

    /**
     * A participant's moderated sessions on both candidates (every task done, the order stored), after the study's
     * plan is locked ({@link #lockPlan}): what a study's scores are computed from.
     */
    public static List<AttemptRecord> participantSessions(ResultsStore store, String study, String participant,
            Instant at) {
        store.saveParticipant(study, new ParticipantRecord(participant, "nurse", 4, 3, "EMIS", "30-39", "none", at));
        RunRecord run = run(study, "session", at);
        store.startRun(run);
        List<AttemptRecord> attempts = new ArrayList<>();
        Instant t = at;
        int position = 0;
        for (String candidate : List.of("alpha", "beta")) {
            SessionRecord s = new SessionRecord(UUID.randomUUID(), run.runId(), candidate, participant,
                    t = t.plusSeconds(60), new SessionOrder("fixed", null, null,
                    TASKS.stream().map(TaskText::id).toList(), ++position));
            store.startSession(s);
            for (TaskText task : TASKS) {
                AttemptRecord a = new AttemptRecord(UUID.randomUUID(), s.sessionId(), candidate, task.id(), participant,
                        1, Outcome.SUCCESS, null, null, t = t.plusSeconds(30), 20_000 + (candidate.equals("beta")
                        ? 9_000 : 0), 6, 12, 3, 2, 0, 1, 0, 900, 15_000, new SessionFacts("done", null, null, null, null,
                        0));
                store.saveAttempt(a, events(a.attemptId(), 3));
                attempts.add(a);
            }
        }
        return attempts;
    }
}
