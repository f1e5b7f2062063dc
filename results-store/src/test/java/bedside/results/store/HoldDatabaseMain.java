package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.Fixtures;
import bedside.results.Outcome;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a child JVM by {@link EmbeddedLifecycleIT}: opens the embedded database in the folder given,
 * saves a run with one attempt and its events, prints {@code READY <runId> <attemptId>} and then waits to
 * be killed, never closing the database.
 */
public final class HoldDatabaseMain {
    private HoldDatabaseMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Database database = Database.open(DatabaseConfig.embedded(dir));
        ResultsStore store = new ResultsStore(database);
        Instant now = Instant.now();
        Fixtures.prepareStudy(store, "crash");
        RunRecord run = Fixtures.run("crash", now);
        store.startRun(run);
        SessionRecord s = Fixtures.session(run, "alpha", "expert-path", now);
        store.startSession(s);
        AttemptRecord a = Fixtures.attempt(s, "record-allergy", 1, Outcome.SUCCESS, now);
        store.saveAttempt(a, Fixtures.events(a.attemptId(), 500));
        System.out.println("READY " + run.runId() + " " + a.attemptId());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
