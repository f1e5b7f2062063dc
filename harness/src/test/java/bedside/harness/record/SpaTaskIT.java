package bedside.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.measure.Measures;
import bedside.harness.run.AttemptResult;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.TaskRunner;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.scenarios.ReadResult;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import bedside.scenarios.Task;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One scripted path along the single-page fixture ({@link SpaFixture}, the suite in {@code src/test/resources/spa}),
 * run {@value #RUNS} times as attempts are run (TaskRunner: a fresh browser each time, setup untimed): the counts
 * are exact and the same every time, the task's last step (a route change) is drained, each event belongs to the
 * route it happened on, the delayed fetches are system response, and nothing of the recorder's is put down to the page.
 */
class SpaTaskIT {
    static final int RUNS = 10;
    static final ObjectMapper JSON = new ObjectMapper();

    static SpaFixture site;
    static final List<AttemptResult> attempts = new ArrayList<>();

    @BeforeAll
    static void runTenTimes() {
        site = new SpaFixture();
        ReadResult read = SuiteReader.read(Path.of("src/test/resources/spa/suite.yaml"));
        assertThat(read.errors()).isEmpty();
        Suite suite = read.suite();
        Task task = suite.task("update-patient").orElseThrow();
        CandidateTarget target = new CandidateTarget("spa", "Single-page fixture", "Bedside tests", site.baseUrl(), null);
        TaskRunner runner = new TaskRunner(BrowserSettings.local());
        for (int i = 1; i <= RUNS; i++) {
            AttemptResult a = runner.attempt(suite, task, target, UUID.randomUUID(), "script", i);
            attempts.add(a);
            Measures m = a.measures();
            System.out.printf("attempt %d: %s, %d ms; clicks %d, keys %d, screens %d %s, dialogs %d, validation %d,"
                            + " warnings %d, notices %d, recorder errors %d, system response %d ms, KLM %s%n", i,
                    a.attempt().outcome(), m.timeMs(), m.clicks(), m.keystrokes(), m.screens(), m.screensVisited(), m.dialogs(),
                    m.validationErrors(), m.warnings(), m.notices(), m.recorderErrors(), m.systemResponseMs(), m.klmNotation());
        }
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void everyAttemptSucceedsAndIsDrainedAfterItsRouteChange() {
        for (AttemptResult a : attempts) {
            assertThat(a.attempt().outcome()).as(a.attempt().reason()).isEqualTo(Outcome.SUCCESS);
            assertThat(a.recordingComplete()).as("the last events, after the route change, were drained").isTrue();
            assertThat(a.attempt().reason()).isNull();
        }
        assertThat(site.saves.get()).isEqualTo(RUNS);
    }

    @Test
    void countsAreExact() {
        for (AttemptResult a : attempts) {
            Measures m = a.measures();
            // Clicks: into the search field, the result, Save (no name), into Name, the list and its option, Save,
            // Confirm, Close, Finish. Not: the browser's click on Search for Enter, its click on Print for Enter.
            assertThat(m.clicks()).isEqualTo(10);
            // "ann", Enter; "ann smith"; Enter on Print.
            assertThat(m.keystrokes()).isEqualTo(14);
            // The role=dialog confirmation and the native <dialog> opened with showModal().
            assertThat(m.dialogs()).isEqualTo(2);
            // "Enter the patient's name"; not "Searching…", "1 patient found", "Saving…" (role=status) nor the
            // "Patient updated" toast (role=alert).
            assertThat(m.validationErrors()).isEqualTo(1);
            assertThat(m.warnings()).isZero();
            assertThat(m.notices()).isEqualTo(4);
            assertThat(m.screensVisited()).containsExactly("/app/search", "/app/patient/1", "/app/patient/1/summary", "/app/done");
            assertThat(m.screens()).isEqualTo(4);
            assertThat(m.pageLoads()).isZero();
            assertThat(m.recorderErrors()).isZero();
            assertThat(a.attempt().clicks()).isEqualTo(m.clicks());
        }
    }

    @Test
    void identicalScriptsGiveIdenticalCounts() {
        Measures first = attempts.get(0).measures();
        for (AttemptResult a : attempts) {
            Measures m = a.measures();
            assertThat(List.of(m.clicks(), m.keystrokes(), m.screens(), m.pageLoads(), m.dialogs(), m.validationErrors(),
                    m.warnings(), m.notices(), m.recorderErrors()))
                    .isEqualTo(List.of(first.clicks(), first.keystrokes(), first.screens(), first.pageLoads(), first.dialogs(),
                            first.validationErrors(), first.warnings(), first.notices(), first.recorderErrors()));
            assertThat(m.screensVisited()).isEqualTo(first.screensVisited());
            assertThat(m.klmNotation()).isEqualTo(first.klmNotation());
        }
    }

    @Test
    void theDelayedFetchesAreSystemResponse() {
        for (AttemptResult a : attempts) {
            // Enter until the results show, Confirm until the summary shows: each waits for a 300 ms answer.
            assertThat(a.measures().systemResponseMs()).isGreaterThanOrEqualTo(2 * SpaFixture.DELAY_MS);
            assertThat(a.measures().systemResponseMs()).isLessThan(a.measures().timeMs());
            List<JsonNode> responses = task(a, "response");
            assertThat(responses).filteredOn(r -> r.path("requests").asInt() > 0).hasSize(2)
                    .allMatch(r -> r.path("ms").asLong() >= SpaFixture.DELAY_MS);
        }
    }

    @Test
    void eachEventBelongsToTheRouteItHappenedOn() {
        for (AttemptResult a : attempts) {
            String search = site.url("/app/search");
            String patient = site.url("/app/patient/1");
            String summary = site.url("/app/patient/1/summary");
            assertThat(pressOn(a, "Ann Smith").page()).isEqualTo(search);
            assertThat(pressOn(a, "Confirm").page()).isEqualTo(patient);
            assertThat(pressOn(a, "Finish").page()).isEqualTo(summary);
            assertThat(a.events()).filteredOn(e -> e.type().equals("route")).extracting(EventRecord::page)
                    .containsExactly(patient, summary, site.url("/app/done"));
            // The response to Confirm is the patient screen's, though it settled on the summary.
            assertThat(a.events()).filteredOn(e -> e.type().equals("response") && e.json().contains("\"requests\":1"))
                    .extracting(EventRecord::page).containsExactly(search, patient);
        }
    }

    @Test
    void nothingOfTheRecorderIsPutDownToThePage() {
        for (AttemptResult a : attempts) {
            assertThat(a.events()).noneMatch(e -> e.type().equals("js-error") || e.type().equals("recorder-error"));
            // No click at the origin: clicks no pointer made have no place.
            assertThat(task(a, "click")).noneMatch(c -> c.has("x") && c.path("x").asInt() == 0 && c.path("y").asInt() == 0);
            assertThat(task(a, "click")).filteredOn(c -> "keyboard".equals(c.path("via").asText())).hasSize(2);
            assertThat(task(a, "click")).filteredOn(c -> "option".equals(c.path("via").asText())).hasSize(1);
            assertThat(task(a, "submit")).hasSize(3).allMatch(s -> s.path("target").path("id").asText().matches("find|edit"));
        }
    }

    static EventRecord pressOn(AttemptResult a, String name) {
        return a.events().stream().filter(e -> e.type().equals("pointer-down") && e.json().contains("\"name\":\"" + name + "\""))
                .findFirst().orElseThrow(() -> new AssertionError("no press on " + name));
    }

    /** The attempt's timed events of one type, as JSON. */
    static List<JsonNode> task(AttemptResult a, String type) {
        List<JsonNode> out = new ArrayList<>();
        for (EventRecord e : a.events()) {
            if (!e.type().equals(type)) {
                continue;
            }
            try {
                JsonNode j = JSON.readTree(e.json());
                if ("task".equals(j.path("phase").asText())) {
                    out.add(j);
                }
            } catch (java.io.IOException ex) {
                throw new AssertionError(ex);
            }
        }
        return out;
    }
}
