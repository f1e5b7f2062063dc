package bedside.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.journal.Journal;
import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import bedside.results.Role;
import bedside.results.RunRecord;
import bedside.results.server.ResultsServer;
import bedside.results.store.AccessTokens;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode through the launcher: {@code bedside run --server URL --token-file F} with an evaluator's token, against
 * a real results server ({@code ResultsServer} on PostgreSQL) that goes down mid-run. The harness keeps recording
 * and journalling while the server is away, and nothing is lost or stored twice: when the server comes back during
 * the run the uploader sends what waited; when it comes back only after the run, {@code bedside upload} does.
 * No local database is made in team mode.
 */
class TeamModeIT {
    static final Path ROOT = Launcher.ROOT;
    static final String SUITE = "scenarios/suites/sed-core";

    @TempDir
    static Path dir;
    static Database db;
    static ResultsStore store;
    static int port;
    static ResultsServer server;
    static Path tokenFile;

    @BeforeAll
    static void startServer() throws Exception {
        // The server's admin makes the study with the CLI; then this test serves that database.
        Path serverHome = dir.resolve("server-home");
        Finished created = bedsideNow(serverHome, "study", "create", "team", "--title", "Team-mode study");
        assertThat(created.exit()).as(created.output()).isZero();
        assertThat(created.output()).contains("Created study team (Team-mode study)");
        Finished listed = bedsideNow(serverHome, "study", "list");
        assertThat(listed.output()).containsPattern("team\\s+open\\s+Team-mode study");
        db = Database.open(DatabaseConfig.embedded(serverHome.resolve("pg")).withFsync(false));
        store = new ResultsStore(db);
        AccessTokens.Issued issued = new AccessTokens(db).create(Role.EVALUATOR, "team", null, "evaluator in team mode", "test");
        tokenFile = dir.resolve("evaluator.token");
        Files.writeString(tokenFile, issued.secret() + "\n");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = ResultsServer.start(db, port);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    record Finished(int exit, String output) {}

    static ProcessBuilder bedside(Path home, String... args) {
        return Launcher.command(home, args);
    }

    static Finished finish(Process p, Path log) throws Exception {
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(out);
        return new Finished(p.exitValue(), out);
    }

    static Finished bedsideNow(Path home, String... args) throws Exception {
        Path log = home.resolve("cmd-" + System.nanoTime() + ".log");
        Files.createDirectories(home);
        return finish(bedside(home, args).redirectOutput(log.toFile()).start(), log);
    }

    static String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Journal lines of this kind so far (0 before the journal exists). */
    static long lines(Path home, String kind) {
        if (!Files.isDirectory(home.resolve("journal"))) {
            return 0;
        }
        try (var files = Files.list(home.resolve("journal"))) {
            long n = 0;
            for (Path f : files.toList()) {
                n += Files.readAllLines(f).stream().filter(l -> l.startsWith("{\"kind\":\"" + kind + "\"")).count();
            }
            return n;
        } catch (IOException e) {
            return 0;
        }
    }

    static void await(String what, java.util.function.BooleanSupplier condition, Process p) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (!condition.getAsBoolean()) {
            assertThat(p.isAlive()).as("the run ended before " + what).isTrue();
            assertThat(System.currentTimeMillis()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** The one run the journal in {@code home} holds, and its attempts (all of them, with their events). */
    static Journal.Contents journal(Path home) {
        List<Journal.Contents> all = Journal.all(home.resolve("journal"));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** Every journalled attempt is on the server exactly once, with exactly the events journalled for it. */
    static void assertAllOnServer(Journal.Contents j) {
        List<AttemptRecord> stored = store.attemptsOfRun(j.run().runId());
        assertThat(stored).extracting(AttemptRecord::attemptId)
                .containsExactlyInAnyOrderElementsOf(j.attempts().keySet());
        for (AttemptRecord a : stored) {
            AttemptRecord journalled = j.attempts().get(a.attemptId()).attempt();
            assertThat(a).usingRecursiveComparison().comparingOnlyFields("outcome", "reason", "task", "attemptNo", "timeMs",
                    "clicks", "keystrokes", "screens", "klmMs").isEqualTo(journalled);
            assertThat(store.eventCount(a.attemptId())).isEqualTo(j.attempts().get(a.attemptId()).events().size())
                    .isGreaterThan(10);
        }
        assertThat(j.notStored()).isEmpty();
        assertThat(store.verify("team").intact()).isTrue();
    }

    @Test
    void serverDownMidRunAndBackDuringIt() throws Exception {
        Path home = dir.resolve("client-a");
        Files.createDirectories(home);
        Path log = home.resolve("run.log");
        Process run = bedside(home, "run", SUITE, "--candidate", "streamlined", "--task", "record-allergy", "--repeat", "5",
                "--study", "team", "--server", url(), "--token-file", tokenFile.toString())
                .redirectOutput(log.toFile()).start();
        await("the first attempt stored", () -> lines(home, "stored") >= 1, run);
        server.close(); // outage
        long finishedBefore = lines(home, "attempt");
        await("two more attempts during the outage", () -> lines(home, "attempt") >= finishedBefore + 2, run);
        // The client retries a few times itself before the uploader calls it an outage: the server stays away until then.
        await("the outage reported", () -> DatabaseOutageIT.read(log).contains("cannot store in"), run);
        long storedDuringOutage = lines(home, "stored");
        server = ResultsServer.start(db, port); // back
        Finished f = finish(run, log);

        assertThat(storedDuringOutage).as("nothing reached the server while it was down").isEqualTo(1);
        assertThat(f.exit()).as(f.output()).isZero();
        assertThat(f.output()).contains("Results:      results server " + url())
                .contains("cannot store in results server").contains("reachable again")
                .contains("Stored as run");
        Journal.Contents j = journal(home);
        assertThat(j.attempts()).hasSize(5);
        assertThat(j.attempts().values()).allMatch(a -> a.attempt().outcome() == Outcome.SUCCESS);
        assertAllOnServer(j);
        RunRecord r = store.run(j.run().runId()).orElseThrow();
        assertThat(r.finishedAt()).isNotNull();
        assertThat(home.resolve("pg")).as("team mode makes no local database").doesNotExist();
    }

    @Test
    void serverBackOnlyAfterTheRunThenUpload() throws Exception {
        Path home = dir.resolve("client-b");
        Files.createDirectories(home);
        Path log = home.resolve("run.log");
        Process run = bedside(home, "run", SUITE, "--candidate", "legacy", "--task", "record-allergy", "--repeat", "3",
                "--study", "team", "--server", url(), "--token-file", tokenFile.toString())
                .redirectOutput(log.toFile()).start();
        await("the first attempt stored", () -> lines(home, "stored") >= 1, run);
        server.close();
        Finished f = finish(run, log);
        assertThat(f.exit()).as("attempts left in the journal: exit 1").isEqualTo(1);
        assertThat(f.output()).contains("2 attempt(s) could not be stored in results server " + url())
                .contains("bedside upload --server " + url());
        Journal.Contents before = journal(home);
        assertThat(before.attempts()).hasSize(3);
        assertThat(before.notStored()).hasSize(2);
        assertThat(store.attemptsOfRun(before.run().runId())).hasSize(1);

        // A local upload does not send a team run's attempts to the laptop's database.
        Finished local = bedsideNow(home, "upload");
        assertThat(local.output()).contains("2 journalled attempt(s) wait for server " + url());
        assertThat(journal(home).notStored()).hasSize(2);

        server = ResultsServer.start(db, port);
        Finished upload = bedsideNow(home, "upload", "--server", url(), "--token-file", tokenFile.toString());
        assertThat(upload.exit()).as(upload.output()).isZero();
        assertThat(upload.output()).contains("Uploaded 2 attempt(s) of run " + before.run().runId());
        assertAllOnServer(journal(home));
        assertThat(store.run(before.run().runId()).orElseThrow().finishedAt()).as("the run's end was sent too").isNotNull();

        Finished again = bedsideNow(home, "upload", "--server", url(), "--token-file", tokenFile.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.output()).contains("Nothing to upload");
        assertThat(store.attemptsOfRun(before.run().runId())).hasSize(3);
    }

    @Test
    void aRefusedTokenOrADownServerStopsBeforeAnythingRuns() throws Exception {
        Path home = dir.resolve("client-c");
        Path wrong = dir.resolve("wrong.token");
        Files.writeString(wrong, "not-a-token");
        Finished refused = bedsideNow(home, "run", SUITE, "--candidate", "streamlined", "--task", "record-allergy",
                "--study", "team", "--server", url(), "--token-file", wrong.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.output()).contains("refused the token").contains("Nothing was run");
        Finished noToken = bedsideNow(home, "run", SUITE, "--candidate", "streamlined", "--server", url());
        assertThat(noToken.exit()).isEqualTo(2);
        assertThat(noToken.output()).contains("team mode needs an API token");
        assertThat(home.resolve("journal")).doesNotExist();
    }
}
