package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.journal.Journal;
import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out: the same task on a Selenium Grid (a 4.48 standalone started in this JVM from the selenium-grid
 * artifact, with the local chromedriver and Chromium) instead of a local browser, two sessions at once, each
 * worker on its own instance of the sample candidates. The recorder must see the same as locally: through the
 * Grid the driver is an augmented RemoteWebDriver, and the recorder's Chrome DevTools connection goes through the
 * Grid's WebSocket proxy ({@code se:cdp}).
 */
class GridIT {
    @TempDir
    static Path dir;
    static URL grid;
    static List<SampleCandidate> samples = new ArrayList<>();
    static Database db;
    static SuiteRunner.Outcome outcome;
    static long wallMillis;

    @BeforeAll
    static void runOnTheGrid() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("grid.toml");
        Files.writeString(config, """
                [server]
                host = "127.0.0.1"
                port = %d

                [node]
                detect-drivers = false
                selenium-manager = false
                max-sessions = 2
                override-max-sessions = true

                [[node.driver-configuration]]
                display-name = "Chromium"
                webdriver-executable = "%s"
                max-sessions = 2
                stereotype = '{"browserName": "chrome", "goog:chromeOptions": {"binary": "%s"}}'
                """.formatted(port, BrowserSettings.DEBIAN_CHROMEDRIVER, BrowserSettings.DEBIAN_CHROMIUM));
        org.openqa.selenium.grid.Main.main(new String[] {"standalone", "--config", config.toString()});
        grid = URI.create("http://127.0.0.1:" + port + "/").toURL();
        awaitReady(grid);

        Suite suite = ShippedSuite.read();
        Task task = suite.task("record-allergy").orElseThrow();
        List<CandidateInstances> candidates = new ArrayList<>();
        for (String id : List.of(SampleCandidates.STREAMLINED, SampleCandidates.LEGACY)) {
            List<CandidateTarget> instances = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                SampleCandidate c = SampleCandidates.start(id, 0);
                samples.add(c);
                instances.add(ShippedSuite.target(c));
            }
            candidates.add(new CandidateInstances(instances.get(0), instances));
        }
        db = Database.open(DatabaseConfig.embedded(dir.resolve("pg")).withFsync(false));
        ResultsStore store = new ResultsStore(db);
        store.ensureStudy("grid", "grid test");
        for (CandidateInstances c : candidates) {
            store.ensureCandidate("grid", c.target().id(), c.target().displayName(), c.target().vendor());
        }
        SuiteRunner.registerSuite(store, suite);
        UUID runId = UUID.randomUUID();
        long t0 = System.nanoTime();
        try (Journal journal = Journal.open(dir.resolve("journal"), runId)) {
            outcome = new SuiteRunner(new TaskRunner(BrowserSettings.local().onGrid(grid)), store, journal, "grid")
                    .run(runId, suite, candidates, List.of(task), 2, 2, "test", new PrintStream(System.out), a -> { }, null);
        }
        wallMillis = (System.nanoTime() - t0) / 1_000_000;
        outcome.attempts().forEach(a -> System.out.println("grid: " + a.attempt()));
    }

    static void awaitReady(URL grid) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(grid.toURI().resolve("status"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.body().contains("\"ready\": true") || r.body().contains("\"ready\":true")) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the Grid did not become ready at " + grid);
    }

    @AfterAll
    static void stop() {
        samples.forEach(SampleCandidate::close);
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyAttemptSucceedsOnTheGrid() {
        assertThat(outcome.attempts()).hasSize(4);
        for (AttemptResult r : outcome.attempts()) {
            assertThat(r.attempt().outcome()).as(r.attempt().reason()).isEqualTo(Outcome.SUCCESS);
            assertThat(r.recordingComplete()).isTrue();
        }
    }

    @Test
    void theRecorderSeesTheSameThroughTheGrid() {
        for (AttemptResult r : outcome.attempts()) {
            AttemptRecord a = r.attempt();
            if (a.candidate().equals(SampleCandidates.STREAMLINED)) {
                assertThat(a.clicks()).isEqualTo(3);
                assertThat(a.keystrokes()).isBetween(20, 21);
                assertThat(a.screens()).isEqualTo(2);
            } else {
                assertThat(a.clicks()).isEqualTo(16);
                assertThat(a.keystrokes()).isEqualTo(10);
                assertThat(a.screens()).isEqualTo(6);
                assertThat(a.dialogs()).isEqualTo(1);
            }
            assertThat(r.events()).extracting(e -> e.type()).contains("page-start", "page-load", "click", "key");
        }
    }

    @Test
    void theRunCommandUsesTheGrid() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path json = dir.resolve("grid.json");
        ProcessBuilder pb = new ProcessBuilder(root.resolve("bedside").toString(), "run", "scenarios/suites/sed-core",
                "--candidate", "streamlined", "--task", "record-allergy", "--grid", grid.toString(), "--json", json.toString())
                .directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("BEDSIDE_HOME", dir.resolve("home").toString());
        pb.environment().put("BEDSIDE_NO_BUILD", "1");
        pb.environment().putIfAbsent("BEDSIDE_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"); // see cli.Launcher
        pb.environment().remove("BEDSIDE_DB_URL");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        System.out.println(out);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("on the Grid " + grid)
                .containsPattern("(?m)^streamlined\\s+record-allergy\\s+success\\s+\\d+\\.\\d+\\s+3\\s+2[01]\\s+2\\s");
        var attempts = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).path("outcome").asText()).isEqualTo("success");
    }
}
