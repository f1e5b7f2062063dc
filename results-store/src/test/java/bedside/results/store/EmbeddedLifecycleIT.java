package bedside.results.store;

import bedside.results.AttemptRecord;
import bedside.results.Fixtures;
import bedside.results.Outcome;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database's folder across the life of processes: kept across close and reopen, refused to a
 * second user while one holds it, and usable again after its owner was killed with {@code kill -9}.
 * Always embedded, whatever {@code BEDSIDE_TEST_PG_URL} says.
 */
class EmbeddedLifecycleIT {
    @TempDir
    Path tmp;

    private final List<Process> children = new ArrayList<>();

    @BeforeAll
    static void announce() {
        System.out.println("[bedside-test] EmbeddedLifecycleIT runs on embedded PostgreSQL (always)");
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process child : children) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        // Never leave servers behind, even when a test failed half-way.
        List<ProcessHandle> left;
        try (var dirs = Files.list(tmp)) {
            left = dirs.flatMap(EmbeddedServer::postgresProcessesIn).toList();
        }
        left.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void dataPersistsAcrossCloseAndReopen() {
        Path dir = tmp.resolve("pg");
        RunRecord first;
        try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
            assertThat(db.isEmbedded()).isTrue();
            assertThat(db.describe()).contains(dir.toString());
            first = Fixtures.demo(new ResultsStore(db), "persist", Instant.now(), 10);
            // zonky's defaults are for throw-away databases (fsync off, asynchronous commit): not this one.
            assertThat(db.dsl().fetchValue("show fsync")).isEqualTo("on");
            assertThat(db.dsl().fetchValue("show synchronous_commit")).isEqualTo("on");
            assertThat(db.dsl().fetchValue("show full_page_writes")).isEqualTo("on");

            // The same folder cannot be opened twice, not even by this process.
            assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(dir)))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining(dir.toString()).hasMessageContaining("in use");
        }
        assertThat(dir.resolve("PG_VERSION")).exists();
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
        assertNoServerOn(dir);

        try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
            ResultsStore store = new ResultsStore(db);
            assertThat(store.runs("persist")).extracting(RunRecord::runId).containsExactly(first.runId());
            assertThat(store.attemptsOfRun(first.runId())).hasSize(6);
            Fixtures.demo(store, "persist", Instant.now(), 10);
            assertThat(store.runs("persist")).hasSize(2);
        }
        assertNoServerOn(dir);
    }

    @Test
    void aProcessKilledWithSigkillLeavesAFolderTheNextRunOpensWithEverythingCommitted() throws Exception {
        Path dir = tmp.resolve("pg");
        Process child = startHolder(dir);
        String[] ready = awaitReady(child);
        UUID runId = UUID.fromString(ready[1]);
        UUID attemptId = UUID.fromString(ready[2]);

        // While it lives, nobody else may open the folder.
        assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(dir)))
                .isInstanceOf(DataDirectoryInUseException.class)
                .hasMessageContaining("pid=" + child.pid());

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // Its PostgreSQL server outlives it: the orphan the next open has to deal with.
        assertThat(EmbeddedServer.postgresProcessesIn(dir).count()).as("orphaned postgres processes").isPositive();
        assertThat(dir.resolve("postmaster.pid")).exists();

        reopenAndCheck(dir, runId, attemptId);
        assertNoServerOn(dir);
    }

    @Test
    void aFolderWhoseServerWasKilledTooIsRecovered() throws Exception {
        Path dir = tmp.resolve("pg");
        Process child = startHolder(dir);
        String[] ready = awaitReady(child);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
        server.destroyForcibly();
        server.onExit().get(30, TimeUnit.SECONDS);
        assertThat(dir.resolve("postmaster.pid")).exists();

        reopenAndCheck(dir, UUID.fromString(ready[1]), UUID.fromString(ready[2]));
        assertNoServerOn(dir);
    }

    @Test
    void anInterruptedFirstStartIsCleanedUpAndAForeignFolderIsRefused() throws Exception {
        Path dir = tmp.resolve("pg");
        Path staging = tmp.resolve("pg.init");
        Files.createDirectories(staging.resolve("base"));
        Files.writeString(staging.resolve("PG_VERSION"), "18\n");
        try (Database db = Database.open(DatabaseConfig.embedded(dir).withFsync(false))) {
            new ResultsStore(db).ensureStudy("s", "S");
        }
        assertThat(staging).doesNotExist();

        Path foreign = Files.createDirectories(tmp.resolve("documents"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(foreign)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not empty");
        assertThat(foreign.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aFixedPortIsUsedAndATakenOneIsReportedAtOnce() throws Exception {
        Path dir = tmp.resolve("pg");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(dir, taken.getLocalPort())))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("port " + taken.getLocalPort());
        }
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (Database db = Database.open(DatabaseConfig.embedded(dir, port).withFsync(false))) {
            assertThat(db.jdbcUrl()).contains(":" + port + "/");
            assertThat(db.describe()).contains("port " + port);
        }
        assertNoServerOn(dir);
    }

    private void reopenAndCheck(Path dir, UUID runId, UUID attemptId) {
        try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
            ResultsStore store = new ResultsStore(db);
            assertThat(store.run(runId)).isPresent();
            assertThat(store.attempt(attemptId)).isPresent();
            assertThat(store.eventCount(attemptId)).isEqualTo(500);

            // And it takes new writes.
            RunRecord run = Fixtures.run("crash", Instant.now());
            store.startRun(run);
            SessionRecord s = Fixtures.session(run, "beta", "expert-path", Instant.now());
            store.startSession(s);
            AttemptRecord a = Fixtures.attempt(s, "order-medication", 1, Outcome.SYSTEM_ERROR, Instant.now());
            assertThat(store.saveAttempt(a, Fixtures.events(a.attemptId(), 50))).isTrue();
            assertThat(store.runs("crash")).hasSize(2);
        }
    }

    private Process startHolder(Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldDatabaseMain.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        children.add(child);
        return child;
    }

    /** Echoes the child's output and returns its READY line, split on spaces. */
    private static String[] awaitReady(Process child) throws Exception {
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    System.out.println("[child " + child.pid() + "] " + line);
                    if (line.startsWith("READY ")) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                // the child was killed
            }
            ready.completeExceptionally(new IllegalStateException("the child ended before READY"));
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return ready.get(180, TimeUnit.SECONDS).split(" ");
    }

    private static void assertNoServerOn(Path dir) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (EmbeddedServer.postgresProcessesIn(dir).findAny().isPresent() && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertThat(EmbeddedServer.postgresProcessesIn(dir).map(ProcessHandle::pid).toList())
                .as("postgres processes left on " + dir).isEmpty();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
