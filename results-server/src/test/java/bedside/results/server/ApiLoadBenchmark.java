package bedside.results.server;

import bedside.results.client.Json;
import bedside.results.AttemptRecord;
import bedside.results.Fixtures;
import bedside.results.Outcome;
import bedside.results.Role;
import bedside.results.SessionRecord;
import bedside.results.store.AccessTokens;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A bounded closed-loop load on the results API over loopback: C client threads, each sending its next request
 * when the previous answer has arrived, for D seconds per scenario after a warm-up. Reports requests/s and
 * latency percentiles. Embedded PostgreSQL (fsync on) in a temporary folder. Not a test: run by hand (see
 * BENCHMARKS.md). Args: CONCURRENCY SECONDS.
 */
public final class ApiLoadBenchmark {
    private record Scenario(String name, IntFunction<HttpRequest> request, int itemsPerRequest, String unit) {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path temp = Files.createTempDirectory("bedside-apibench-");
        try (Database db = Database.open(DatabaseConfig.embedded(temp.resolve("pg")));
             ResultsServer server = ResultsServer.start(db, 0)) {
            Fixtures.Seeded s = Fixtures.seed(new bedside.results.store.ResultsStore(db), "bench");
            AccessTokens tokens = new AccessTokens(db);
            String evaluator = tokens.create(Role.EVALUATOR, "bench", null, "bench-evaluator", "bench").secret();
            String vendor = tokens.create(Role.VENDOR, "bench", "alpha", "bench-vendor", "bench").secret();
            String base = server.url();
            // One session per client thread for uploads; attempt numbers count up per thread.
            List<SessionRecord> sessions = new ArrayList<>();
            var store = new bedside.results.store.ResultsStore(db);
            for (int i = 0; i < concurrency; i++) {
                SessionRecord session = new SessionRecord(UUID.randomUUID(), s.run().runId(), "alpha", "L" + i,
                        Instant.now());
                store.startSession(session);
                sessions.add(session);
            }
            AtomicInteger[] next = new AtomicInteger[concurrency];
            Arrays.setAll(next, i -> new AtomicInteger());
            String attemptId = s.alphaAttempt().attemptId().toString();
            int batch = 10;
            int eventsPerAttempt = 100;
            List<Scenario> scenarios = List.of(
                    new Scenario("GET /api/openapi.json (no token, no database)", w -> get(base + "/api/openapi.json", null), 1, "req"),
                    new Scenario("GET /api/studies/{study}/attempts/{id} (vendor: token, scope, one row)",
                            w -> get(base + "/api/studies/bench/attempts/" + attemptId, vendor), 1, "req"),
                    new Scenario("GET /api/studies/{study}/attempts?limit=100 (evaluator: a page of 18 rows + count)",
                            w -> get(base + "/api/studies/bench/attempts?limit=100", evaluator), 1, "req"),
                    new Scenario("POST /api/studies/{study}/attempts (evaluator: 10 new attempts x 100 events)",
                            w -> {
                                StringBuilder b = new StringBuilder("{\"attempts\":[");
                                for (int k = 0; k < batch; k++) {
                                    int no = next[w].incrementAndGet();
                                    AttemptRecord a = Fixtures.attempt(sessions.get(w), "record-allergy", no,
                                            Outcome.SUCCESS, Instant.now(), 5_000);
                                    var n = Json.attempt(null, a, null);
                                    n.remove("study");
                                    var ev = n.putArray("events");
                                    for (var e : bedside.results.bench.IngestBenchmark.events(a.attemptId(), eventsPerAttempt)) {
                                        try {
                                            ev.addObject().put("seq", e.seq()).put("tMs", e.tMs()).put("type", e.type())
                                                    .put("page", e.page()).set("data", Json.MAPPER.readTree(e.json()));
                                        } catch (Exception x) {
                                            throw new IllegalStateException(x);
                                        }
                                    }
                                    b.append(k == 0 ? "" : ",").append(n);
                                }
                                return post(base + "/api/studies/bench/attempts", evaluator, b.append("]}").toString());
                            }, batch, "attempts"));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            System.out.printf(Locale.ROOT, "Loopback %s, %d client threads (closed loop), %d s per scenario after 3 s "
                    + "warm-up, %d CPUs, embedded PostgreSQL (fsync on)%n", base, concurrency, seconds,
                    Runtime.getRuntime().availableProcessors());
            System.out.println("| scenario | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Scenario sc : scenarios) {
                run(client, sc, concurrency, 3, false);
                Result r = run(client, sc, concurrency, seconds, true);
                System.out.printf(Locale.ROOT, "| %s | %,.0f%s | %.1f | %.1f | %.1f | %.1f | %d |%n", sc.name(),
                        r.perSecond, sc.itemsPerRequest() > 1 ? String.format(Locale.ROOT, " (%,.0f %s/s, %,.0f events/s)",
                                r.perSecond * sc.itemsPerRequest(), sc.unit(),
                                r.perSecond * sc.itemsPerRequest() * eventsPerAttempt) : "",
                        r.p(0.50), r.p(0.95), r.p(0.99), r.p(1.0), r.errors);
            }
            System.out.println("verify: intact=" + store.verify("bench").intact() + ", attempts="
                    + store.verify("bench").attempts());
        } finally {
            try (var paths = Files.walk(temp)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private record Result(double perSecond, long[] nanos, int errors) {
        double p(double q) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(nanos.length - 1, Math.ceil(q * nanos.length) - 1);
            return nanos[Math.max(0, i)] / 1e6;
        }
    }

    private static Result run(HttpClient client, Scenario sc, int concurrency, int seconds, boolean measure)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest req = sc.request().apply(worker);
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    long t = System.nanoTime() - t0;
                    if (r.statusCode() >= 300) {
                        errors.incrementAndGet();
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = t;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(merged.length / elapsed, merged, errors.get());
    }

    private static HttpRequest get(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private static HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
