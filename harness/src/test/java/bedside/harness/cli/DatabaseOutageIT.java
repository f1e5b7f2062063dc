package bedside.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.journal.Journal;
import bedside.results.AttemptRecord;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results database goes down in the middle of a {@code bedside run} that writes straight to it (a PostgreSQL
 * server named by {@code BEDSIDE_DB_URL}; here a real PostgreSQL this test stops and starts again on the same
 * port). The run goes on recording and journalling; when the database is back the uploader stores what waited:
 * every attempt once, with all its events, and the study's hash chain intact.
 */
class DatabaseOutageIT {
    @TempDir
    static Path dir;
    static Database db;

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void databaseDownMidRunAndBackDuringIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DatabaseConfig config = DatabaseConfig.embedded(dir.resolve("server-pg")).withPort(port).withFsync(false);
        db = Database.open(config);
        String url = db.jdbcUrl();
        Path home = dir.resolve("client");
        Files.createDirectories(home);
        Path log = home.resolve("run.log");
        ProcessBuilder pb = TeamModeIT.bedside(home, "run", TeamModeIT.SUITE, "--candidate", "streamlined", "--task",
                "record-allergy", "--repeat", "12", "--study", "outage");
        pb.environment().put("BEDSIDE_DB_URL", url);
        pb.environment().put("BEDSIDE_DB_USER", "postgres");
        Process run = pb.redirectOutput(log.toFile()).start();
        TeamModeIT.await("the first attempt stored", () -> TeamModeIT.lines(home, "stored") >= 1, run);
        db.close(); // the database goes away
        db = null;
        long finishedBefore = TeamModeIT.lines(home, "attempt");
        TeamModeIT.await("two more attempts during the outage", () -> TeamModeIT.lines(home, "attempt") >= finishedBefore + 2, run);
        // A run's pool waits 5 s for a connection before it gives up: the database stays down until the run has said so,
        // and comes back while attempts are still being made.
        TeamModeIT.await("the outage reported", () -> read(log).contains("cannot store in"), run);
        long storedDuringOutage = TeamModeIT.lines(home, "stored");
        db = Database.open(config); // back, same port
        TeamModeIT.Finished f = TeamModeIT.finish(run, log);

        assertThat(storedDuringOutage).as("nothing reached the database while it was down").isEqualTo(1);
        assertThat(f.exit()).as(f.output()).isZero();
        assertThat(f.output()).contains("cannot store in").contains("reachable again").contains("Stored as run");
        List<Journal.Contents> journals = Journal.all(home.resolve("journal"));
        assertThat(journals).hasSize(1);
        Journal.Contents j = journals.get(0);
        assertThat(j.attempts()).hasSize(12);
        assertThat(j.notStored()).isEmpty();
        ResultsStore store = new ResultsStore(db);
        List<AttemptRecord> stored = store.attemptsOfRun(j.run().runId());
        assertThat(stored).extracting(AttemptRecord::attemptId).containsExactlyInAnyOrderElementsOf(j.attempts().keySet());
        for (AttemptRecord a : stored) {
            assertThat(store.eventCount(a.attemptId())).isEqualTo(j.attempts().get(a.attemptId()).events().size());
        }
        assertThat(store.run(j.run().runId()).orElseThrow().finishedAt()).isNotNull();
        assertThat(store.verify("outage").intact()).isTrue();
    }
}
