package bedside.results.server;

import bedside.results.client.ResultsClient;
import bedside.results.AttemptRecord;
import bedside.results.Fixtures;
import bedside.results.Outcome;
import bedside.results.Role;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.store.AccessTokens;
import bedside.results.store.TestDatabase;
import com.sun.net.httpserver.HttpServer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Team-mode uploads against a real server: retries with backoff, and never a duplicate. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsClientIT {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private String token;
    private DSLContext dsl;

    @BeforeAll
    void setUp() {
        dsl = DB.database().dsl();
        token = new AccessTokens(DB.database()).create(Role.EVALUATOR, null, null, "harness", "test").secret();
    }

    /** A run on a fresh study with two sessions and {@code n} attempts (10 events each) to upload. */
    private record Work(String study, RunRecord run, List<SessionRecord> sessions, List<ResultsClient.Upload> uploads) {
    }

    private Work work(String study, int n) {
        DB.store().ensureStudy(study, "Team " + study);
        DB.store().ensureCandidate(study, "alpha", "Alpha EHR", null);
        DB.store().ensureCandidate(study, "beta", "Beta Records", null);
        RunRecord run = new RunRecord(UUID.randomUUID(), study, Fixtures.SUITE_ID, "1.0.0", Fixtures.SUITE_HASH,
                "run", Fixtures.T0, null);
        List<SessionRecord> sessions = List.of(
                new SessionRecord(UUID.randomUUID(), run.runId(), "alpha", "P1", Fixtures.T0),
                new SessionRecord(UUID.randomUUID(), run.runId(), "beta", "P1", Fixtures.T0));
        List<ResultsClient.Upload> uploads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SessionRecord s = sessions.get(i % 2);
            AttemptRecord a = Fixtures.attempt(s, Fixtures.TASKS.get((i / 2) % 3).id(), 1 + i / 6, Outcome.SUCCESS,
                    Fixtures.T0.plusSeconds(i), 5_000 + i);
            uploads.add(new ResultsClient.Upload(a, Fixtures.events(a.attemptId(), 10)));
        }
        return new Work(study, run, sessions, uploads);
    }

    private static void sendAll(ResultsClient client, Work w) {
        client.saveSuiteVersion(Fixtures.SUITE_ID, "1.0.0", Fixtures.SUITE_HASH, "Medication safety",
                Fixtures.TASKS);
        client.startRun(w.run());
        for (SessionRecord s : w.sessions()) {
            client.startSession(w.study(), s);
        }
    }

    private long attemptsIn(String study) {
        return (Long) dsl.fetchValue("select count(*) from attempts where study_code = ?", study);
    }

    private long eventsIn(String study) {
        return (Long) dsl.fetchValue("select count(*) from events e join attempts a using (attempt_id) "
                + "where a.study_code = ?", study);
    }

    @Test
    void uploadsInBatchesAndAReplayStoresNothingTwice() {
        Work w = work("team", 12);
        try (ResultsServer server = ResultsServer.start(DB.database(), 0)) {
            ResultsClient client = ResultsClient.builder(URI.create(server.url()), token).batch(5, 1_000).build();
            sendAll(client, w);
            assertThat(client.uploadAttempts("team", w.uploads())).isEqualTo(new ResultsClient.UploadResult(12, 0));
            sendAll(client, w);
            assertThat(client.uploadAttempts("team", w.uploads())).isEqualTo(new ResultsClient.UploadResult(0, 12));
            client.finishRun("team", w.run().runId(), Fixtures.T0.plusSeconds(600));
            assertThat(attemptsIn("team")).isEqualTo(12);
            assertThat(eventsIn("team")).isEqualTo(120);
            assertThat(client.get("/api/studies/team/verify").path("intact").asBoolean()).isTrue();
        }
    }

    /** In team mode too, each task's text reaches the store as participants read it, beside its template. */
    @Test
    void aSuiteVersionKeepsEachTasksTextAsGiven() {
        String hash = "sha256:" + Fixtures.sha256("team-as-given");
        bedside.results.TaskText task = bedside.results.TaskText.of("find", "Find the patient", "Find ${patient.name}.")
                .given("Find Okafor, Margaret.");
        try (ResultsServer server = ResultsServer.start(DB.database(), 0)) {
            ResultsClient client = ResultsClient.builder(URI.create(server.url()), token).build();
            client.saveSuiteVersion("team-given", "1.0.0", hash, "As given", List.of(task));
        }
        assertThat(DB.store().suiteTasks(hash)).containsExactly(task);
    }

    @Test
    void waitsForAServerThatIsDownForTheFirstTries() throws Exception {
        Work w = work("late", 6);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ResultsClient client = ResultsClient.builder(URI.create("http://127.0.0.1:" + port), token)
                .initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(800)).maxAttempts(20).build();
        CompletableFuture<ResultsClient.UploadResult> upload = CompletableFuture.supplyAsync(() -> {
            sendAll(client, w);
            return client.uploadAttempts("late", w.uploads());
        });
        Thread.sleep(1_000);
        assertThat(upload).isNotDone();
        int refused = client.requestsSent();
        assertThat(refused).isGreaterThanOrEqualTo(2);
        try (ResultsServer server = ResultsServer.start(DB.database(), ResultsServer.Options.loopback(port))) {
            assertThat(upload.get(30, TimeUnit.SECONDS)).isEqualTo(new ResultsClient.UploadResult(6, 0));
            assertThat(server.port()).isEqualTo(port);
        }
        assertThat(client.requestsSent()).isGreaterThan(refused);
        assertThat(attemptsIn("late")).isEqualTo(6);
        assertThat(eventsIn("late")).isEqualTo(60);
    }

    @Test
    void retriesAfterLostAnswersFindTheAttemptsStoredAndDuplicateNothing() throws Exception {
        Work w = work("lossy", 8);
        try (ResultsServer server = ResultsServer.start(DB.database(), 0)) {
            // A proxy that passes every request on, but loses the server's answer to the first two uploads.
            AtomicInteger uploads = new AtomicInteger();
            HttpClient forward = HttpClient.newHttpClient();
            HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            proxy.createContext("/", exchange -> {
                try {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()
                            + exchange.getRequestURI())).method(exchange.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(body));
                    exchange.getRequestHeaders().forEach((k, vs) -> {
                        if (k.equalsIgnoreCase("Authorization") || k.equalsIgnoreCase("Content-Type")) {
                            vs.forEach(v -> b.header(k, v));
                        }
                    });
                    HttpResponse<byte[]> r = forward.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                    boolean lose = exchange.getRequestURI().getPath().endsWith("/attempts")
                            && uploads.incrementAndGet() <= 2;
                    byte[] out = lose ? "{\"title\":\"Bad gateway\"}".getBytes() : r.body();
                    exchange.getResponseHeaders().add("Content-Type", lose ? "application/problem+json"
                            : r.headers().firstValue("Content-Type").orElse("application/json"));
                    exchange.sendResponseHeaders(lose ? 502 : r.statusCode(), out.length == 0 ? -1 : out.length);
                    if (out.length > 0) {
                        try (OutputStream os = exchange.getResponseBody()) {
                            os.write(out);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                } finally {
                    exchange.close();
                }
            });
            proxy.start();
            try {
                List<Duration> waits = new ArrayList<>();
                ResultsClient client = ResultsClient.builder(URI.create("http://127.0.0.1:" + proxy.getAddress().getPort()),
                        token).initialBackoff(Duration.ofMillis(200)).sleeper(waits::add).build();
                sendAll(client, w);
                ResultsClient.UploadResult result = client.uploadAttempts("lossy", w.uploads());
                assertThat(result).isEqualTo(new ResultsClient.UploadResult(0, 8));
                assertThat(uploads.get()).isEqualTo(3);
                // Exponential backoff with jitter: the second wait is drawn from [200, 400] ms, the first from [100, 200].
                assertThat(waits).hasSize(2);
                assertThat(waits.get(0).toMillis()).isBetween(100L, 200L);
                assertThat(waits.get(1).toMillis()).isBetween(200L, 400L);
            } finally {
                proxy.stop(0);
            }
        }
        assertThat(attemptsIn("lossy")).isEqualTo(8);
        assertThat(eventsIn("lossy")).isEqualTo(80);
    }

    @Test
    void finalAnswersAreNotRetriedAndExhaustedRetriesSaySo() throws Exception {
        Work w = work("final", 1);
        try (ResultsServer server = ResultsServer.start(DB.database(), 0)) {
            ResultsClient bad = ResultsClient.builder(URI.create(server.url()), "bst_wrong").build();
            assertThatThrownBy(() -> bad.uploadAttempts("final", w.uploads()))
                    .isInstanceOfSatisfying(ResultsClient.ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.title()).isEqualTo("Invalid token");
                    });
            assertThat(bad.requestsSent()).isEqualTo(1);
            ResultsClient client = ResultsClient.builder(URI.create(server.url()), token).build();
            // The session was never started: 422 naming the field, not retried.
            assertThatThrownBy(() -> client.uploadAttempts("final", w.uploads()))
                    .isInstanceOfSatisfying(ResultsClient.ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.field()).isEqualTo("attempts[0].sessionId");
                    });
            assertThat(client.requestsSent()).isEqualTo(1);
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<Duration> waits = new ArrayList<>();
        ResultsClient nowhere = ResultsClient.builder(URI.create("http://127.0.0.1:" + port), token).maxAttempts(3)
                .sleeper(waits::add).build();
        assertThatThrownBy(() -> nowhere.get("/api/studies"))
                .isInstanceOfSatisfying(ResultsClient.ApiException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).contains("after 3 tries");
                });
        assertThat(nowhere.requestsSent()).isEqualTo(3);
        assertThat(waits).hasSize(2);
        assertThat(Instant.now()).isNotNull();
    }
}
