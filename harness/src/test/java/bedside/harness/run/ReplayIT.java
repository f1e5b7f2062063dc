package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.browser.Browsers;
import bedside.harness.journal.Journal;
import bedside.harness.upload.ServerDestination;
import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import bedside.results.ReplayRecord;
import bedside.results.Role;
import bedside.results.VerifyReport;
import bedside.results.client.Json;
import bedside.results.client.ResultsClient;
import bedside.results.server.ResultsServer;
import bedside.results.store.AccessTokens;
import bedside.results.store.Database;
import bedside.results.store.DatabaseConfig;
import bedside.results.store.ResultsStore;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.bidi.module.LogInspector;

/**
 * The DOM replay of an attempt end to end, in team mode: register-patient on the streamlined sample candidate (it types
 * a new patient's names, NHS number, address and telephone) run by the scripted expert path in headless Chromium,
 * journalled, uploaded to a results server and stored in its chain; then read back under the attempt's access rules and
 * played in rrweb-player in Chromium. Nothing typed, and nothing the binding marks as patient data, is in the stored
 * bytes.
 */
class ReplayIT {
    static final String STUDY = "replays";
    /** What register-patient types (the suite's newPatient), and the NHS number as the candidate shows it. */
    static final List<String> TYPED = List.of("Eleanor", "Whitfield", "9994000047", "999 400 0047", "31 Kirkstall Lane",
            "Kirkstall", "LS5 3BW", "07700 900781", "21/07/1983", "bedside-demo");

    @TempDir
    static Path dir;
    static Database db;
    static ResultsStore store;
    static ResultsServer server;
    static SampleCandidate streamlined;
    static AttemptResult result;
    static Path journalFile;
    static String evaluator;
    static String ownVendor;
    static String otherVendor;
    static String board;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void registerAPatient() throws Exception {
        Suite suite = ShippedSuite.read();
        Task task = suite.task("register-patient").orElseThrow();
        db = Database.open(DatabaseConfig.embedded(dir.resolve("pg")).withFsync(false));
        store = new ResultsStore(db);
        streamlined = SampleCandidates.start(SampleCandidates.STREAMLINED, 0);
        CandidateTarget target = ShippedSuite.target(streamlined);
        store.ensureStudy(STUDY, "replay tests");
        AccessTokens tokens = new AccessTokens(db);
        evaluator = tokens.create(Role.EVALUATOR, STUDY, null, "evaluator", "test").secret();
        server = ResultsServer.start(db, 0);
        ServerDestination destination = new ServerDestination(URI.create(server.url()),
                ResultsClient.builder(URI.create(server.url()), evaluator).build());
        destination.ensureCandidate(STUDY, target.id(), target.displayName(), target.vendor());
        destination.ensureCandidate(STUDY, "legacy", "Legacy", "Legacy Co");
        ownVendor = tokens.create(Role.VENDOR, STUDY, "streamlined", "vendor", "test").secret();
        otherVendor = tokens.create(Role.VENDOR, STUDY, "legacy", "other vendor", "test").secret();
        board = tokens.create(Role.BOARD, STUDY, null, "board", "test").secret();
        SuiteRunner.registerSuite(destination, suite);
        UUID runId = UUID.randomUUID();
        try (Journal journal = Journal.open(dir.resolve("journal"), runId)) {
            journalFile = journal.file();
            SuiteRunner.Outcome run = new SuiteRunner(new TaskRunner(BrowserSettings.local()), destination, journal,
                    STUDY).run(runId, suite, List.of(target), List.of(task), 1, "run", new PrintStream(System.out),
                    a -> { });
            result = run.attempts().get(0);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (streamlined != null) {
            streamlined.close();
        }
        if (db != null) {
            db.close();
        }
    }

    AttemptRecord attempt() {
        return result.attempt();
    }

    @Test
    void theAttemptIsStoredWithItsReplayInTheChainAndNothingTypedIsInIt() throws Exception {
        assertThat(attempt().outcome()).as(attempt().reason()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.events()).extracting(e -> e.type()).doesNotContain("replay-incomplete");
        ReplayRecord stored = store.replay(attempt().attemptId()).orElseThrow();
        assertThat(stored).isEqualTo(result.replay());
        // The journal holds the same bytes (what a later upload would send).
        assertThat(Journal.read(journalFile).attempts().get(attempt().attemptId()).replay()).isEqualTo(stored);

        String json = new String(stored.json(), StandardCharsets.UTF_8);
        for (String typed : TYPED) {
            int at = json.indexOf(typed);
            assertThat(at).as("the stored replay holds %s: …%s…", typed,
                    at < 0 ? "" : json.substring(Math.max(0, at - 300), Math.min(json.length(), at + 100))).isEqualTo(-1);
        }
        JsonNode events = Json.MAPPER.readTree(json);
        // Every page of the attempt: a Meta event with its address and a full snapshot of its document, the form the
        // events say was filled in, and the chart the registration ended on.
        List<String> pages = new ArrayList<>();
        events.forEach(e -> {
            if (e.path("type").asInt() == 4) {
                pages.add(e.path("data").path("href").asText());
            }
        });
        assertThat(pages).anyMatch(p -> p.endsWith("/login")).anyMatch(p -> p.contains("/patients/"));
        int snapshots = 0;
        for (JsonNode e : events) {
            snapshots += e.path("type").asInt() == 2 ? 1 : 0;
        }
        assertThat(snapshots).isEqualTo(pages.size());
        assertThat(json).contains("Register patient", "Patient registered");
        // The same web pages as the recorder's events (without their queries: the replay's are masked). The replay
        // records http(s) pages only; the recorder may also see the tab's first about:blank, which has no path.
        assertThat(pages.stream().map(ReplayIT::path).distinct()).containsExactlyInAnyOrderElementsOf(result.events()
                .stream().filter(e -> e.type().equals("page-start") && e.json().contains("\"top\":true"))
                .filter(e -> e.page() != null && e.page().startsWith("http"))
                .map(e -> path(e.page())).distinct().toList());

        VerifyReport verified = store.verify(STUDY);
        assertThat(verified.intact()).as(verified.problem()).isTrue();
        assertThat(db.dsl().fetchValue("select chain_no from attempt_replays where attempt_id = ?",
                attempt().attemptId())).isEqualTo(2L);
    }

    @Test
    void theReplayIsReadUnderTheAttemptsAccessRules() throws Exception {
        String base = server.url() + "/api/studies/" + STUDY + "/attempts/";
        String replay = base + attempt().attemptId() + "/replay";
        HttpResponse<byte[]> json = get(replay + ".json", evaluator);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(new GZIPInputStream(new java.io.ByteArrayInputStream(json.body())).readAllBytes())
                .isEqualTo(store.replay(attempt().attemptId()).orElseThrow().json());
        assertThat(get(replay, evaluator).statusCode()).isEqualTo(200);
        assertThat(get(replay, ownVendor).statusCode()).isEqualTo(200);
        assertThat(get(replay + ".json", ownVendor).statusCode()).isEqualTo(200);
        // Another candidate's vendor gets what a missing attempt gets; the board reads no attempt at all.
        HttpResponse<byte[]> other = get(replay, otherVendor);
        HttpResponse<byte[]> missing = get(base + UUID.randomUUID() + "/replay", otherVendor);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(problemType(other)).isEqualTo(problemType(missing)).isEqualTo("urn:bedside:problem:not-found");
        assertThat(get(replay + ".json", otherVendor).statusCode()).isEqualTo(404);
        assertThat(get(replay, board).statusCode())
                .isEqualTo(get(base + attempt().attemptId(), board).statusCode()).isEqualTo(403);
    }

    @Test
    void theReplayPlaysInChromiumAndShowsTheScreensTheEventsSay() throws Exception {
        HttpResponse<byte[]> page = get(server.url() + "/api/studies/" + STUDY + "/attempts/" + attempt().attemptId()
                + "/replay", evaluator);
        Path file = Files.write(dir.resolve("replay.html"), page.body());
        List<String> console = new ArrayList<>();
        try (Browsers.Session browser = Browsers.start(BrowserSettings.local(), true);
             LogInspector log = new LogInspector(browser.driver())) {
            log.onConsoleEntry(e -> console.add("console " + e.getLevel() + ": " + e.getText()));
            log.onJavaScriptLog(e -> console.add("js " + e.getLevel() + ": " + e.getText()));
            browser.driver().manage().window().setSize(new Dimension(1280, 1000));
            browser.driver().get(file.toUri().toString());
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            waitFor(js, "return !!(window.bedsideReplay && (window.bedsideReplay.player || window.bedsideReplay.problem))");
            assertThat(js.executeScript("return window.bedsideReplay.problem || null")).isNull();
            // The marks: the clock's start, the clicks and pages the events hold, under the player and on its timeline.
            @SuppressWarnings("unchecked")
            List<String> marks = (List<String>) js.executeScript(
                    "return [...document.querySelectorAll('#marks li')].map(li => li.textContent)");
            assertThat(marks).anyMatch(m -> m.contains("the task's clock starts"))
                    .anyMatch(m -> m.contains("click on button \u201cRegister patient\u201d"))
                    .anyMatch(m -> m.contains("new page /patients/"))
                    .noneMatch(m -> TYPED.stream().anyMatch(m::contains));
            // Going to just before the form was sent shows that form (a fixed delay after it opened can already be
            // the chart on a quick machine); going to the chart shows it registered.
            assertThat(screenAt(js, "click on button \u201cRegister patient\u201d", -100)).contains("First name");
            assertThat(screenAt(js, "new page /patients/", 1500)).contains("Patient registered")
                    .doesNotContain("Whitfield");
        }
        assertThat(console).isEmpty();
    }

    /** The replayer's screen, as text, a moment after the last mark whose text contains {@code mark}. */
    static String screenAt(JavascriptExecutor js, String mark, int afterMs) throws InterruptedException {
        Object ok = js.executeScript("const li = [...document.querySelectorAll('#marks li')]"
                + ".filter(l => l.textContent.includes(arguments[0])).pop(); if (!li) return false;"
                + " const r = window.bedsideReplay; r.player.goto(Math.max(0, Math.min(Number(li.dataset.at) - r.first + arguments[1], r.last - r.first)), false);"
                + " return true;", mark, afterMs);
        assertThat(ok).as("a mark %s", mark).isEqualTo(true);
        Thread.sleep(300);
        return (String) js.executeScript("const f = document.querySelector('.replayer-wrapper iframe');"
                + " return f && f.contentDocument && f.contentDocument.body ? f.contentDocument.body.innerText : '';");
    }

    static String path(String url) {
        return URI.create(url).getPath();
    }

    static void waitFor(JavascriptExecutor js, String condition) throws InterruptedException {
        long until = System.nanoTime() + 15_000_000_000L;
        while (!Boolean.TRUE.equals(js.executeScript(condition))) {
            assertThat(System.nanoTime()).as("waited 15 s for: " + condition).isLessThan(until);
            Thread.sleep(50);
        }
    }

    static HttpResponse<byte[]> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static String problemType(HttpResponse<byte[]> r) throws Exception {
        return Json.MAPPER.readTree(r.body()).path("type").asText();
    }
}
