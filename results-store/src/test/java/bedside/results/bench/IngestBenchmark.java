package bedside.results.bench;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskText;
import bedside.results.store.Database;
import bedside.results.store.ResultsStore;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Events per second through {@link ResultsStore#saveAttempt} (one transaction per attempt: session checks, the
 * study's chain lock, canonical JSON and SHA-256 of the attempt and its events, multi-row INSERTs, the lock
 * triggers) against the same rows written by one raw {@code COPY events FROM STDIN} (PostgreSQL CopyManager),
 * the limit. Not a test: run by hand (see BENCHMARKS.md). Args: ATTEMPTS EVENTS_PER_ATTEMPT ROUNDS.
 */
public final class IngestBenchmark {
    private static final List<TaskText> TASKS = List.of(new TaskText("t1", "Task one", "Do it.", "0".repeat(64)));
    private static final String SUITE = "1".repeat(64);

    public static void main(String[] args) throws Exception {
        int attempts = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int perAttempt = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (BenchDatabase bench = BenchDatabase.open()) {
            Database db = bench.database();
            ResultsStore store = new ResultsStore(db);
            System.out.printf(Locale.ROOT, "%s; %d attempts x %d events = %,d events per round, %d rounds, %d CPUs%n",
                    bench.describe(), attempts, perAttempt, attempts * perAttempt, rounds,
                    Runtime.getRuntime().availableProcessors());
            store.saveSuiteVersion("bench", "1", SUITE, "Bench", TASKS);
            // Warm-up (JIT, pool, plans), not counted.
            SessionRecord warm = session(store, "bench", "warm");
            for (int i = 0; i < 20; i++) {
                AttemptRecord a = attempt(warm, i + 1);
                store.saveAttempt(a, events(a.attemptId(), perAttempt));
            }
            copy(db, List.of(attempt(session(store, "bench-copy", "warm"), 999)), perAttempt, store);
            for (int r = 1; r <= rounds; r++) {
                SessionRecord s = session(store, "bench", "save" + r);
                List<AttemptRecord> list = new ArrayList<>();
                List<List<EventRecord>> events = new ArrayList<>();
                for (int i = 0; i < attempts; i++) {
                    AttemptRecord a = attempt(s, i + 1);
                    list.add(a);
                    events.add(events(a.attemptId(), perAttempt));
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < attempts; i++) {
                    store.saveAttempt(list.get(i), events.get(i));
                }
                double saveS = (System.nanoTime() - t0) / 1e9;

                SessionRecord c = session(store, "bench-copy", "copy" + r);
                List<AttemptRecord> copyAttempts = new ArrayList<>();
                for (int i = 0; i < attempts; i++) {
                    copyAttempts.add(attempt(c, i + 1));
                }
                double copyS = copy(db, copyAttempts, perAttempt, store);
                long n = (long) attempts * perAttempt;
                System.out.printf(Locale.ROOT,
                        "round %d: saveAttempt %,.0f events/s (%.2f s, %.1f ms/attempt); COPY %,.0f events/s (%.2f s); "
                                + "saveAttempt at %.0f%% of COPY%n",
                        r, n / saveS, saveS, saveS * 1000 / attempts, n / copyS, copyS, 100 * copyS / saveS);
            }
            // The saveAttempt study verifies; the COPY study does not (raw COPY bypasses the hash chain).
            System.out.println("verify bench (saveAttempt): intact=" + store.verify("bench").intact()
                    + "; verify bench-copy (raw COPY): intact=" + store.verify("bench-copy").intact());
        }
    }

    /** Stores the attempts without events (not timed), then times one COPY of all their events. */
    private static double copy(Database db, List<AttemptRecord> attempts, int perAttempt, ResultsStore store)
            throws Exception {
        for (AttemptRecord a : attempts) {
            store.saveAttempt(a, List.of());
        }
        StringBuilder text = new StringBuilder(attempts.size() * perAttempt * 120);
        for (AttemptRecord a : attempts) {
            for (EventRecord e : events(a.attemptId(), perAttempt)) {
                text.append(e.attemptId()).append('\t').append(e.seq()).append('\t').append(e.tMs()).append('\t')
                        .append(e.type()).append('\t').append(e.page()).append('\t').append(e.json()).append('\n');
            }
        }
        String data = text.toString();
        try (Connection c = db.dataSource().getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            copy.copyIn("COPY events (attempt_id, seq, t_ms, type, page, json) FROM STDIN", new StringReader(data));
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static SessionRecord session(ResultsStore store, String study, String name) {
        store.ensureStudy(study, "Benchmark");
        store.ensureCandidate(study, "alpha", "Alpha", null);
        RunRecord run = new RunRecord(UUID.randomUUID(), study, "bench", "1", SUITE, "bench", Instant.now(), null);
        store.startRun(run);
        SessionRecord s = new SessionRecord(UUID.randomUUID(), run.runId(), "alpha", name, Instant.now());
        store.startSession(s);
        return s;
    }

    private static AttemptRecord attempt(SessionRecord s, int no) {
        return new AttemptRecord(UUID.randomUUID(), s.sessionId(), "alpha", "t1", s.participant(), no, Outcome.SUCCESS,
                null, null, Instant.now(), 12_345, 7, 42, 3, 2, 800, 1, 0, 1_234, 9_870);
    }

    /** Events shaped like the recorder's: a click, key or navigation with a few fields. */
    public static List<EventRecord> events(UUID attemptId, int n) {
        List<EventRecord> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String type = i % 3 == 0 ? "click" : i % 3 == 1 ? "key" : "navigation";
            events.add(new EventRecord(attemptId, i, 10.5 * i, type, "http://127.0.0.1:8080/patient/" + (i % 7),
                    "{\"x\": " + (i % 1000) + ", \"y\": " + (i % 700) + ", \"target\": \"#field-" + i
                            + "\", \"tag\": \"input\", \"pageSeq\": " + i + "}"));
        }
        return events;
    }
}
