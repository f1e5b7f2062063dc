package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton's task end to end in real headless Chromium: record a penicillin allergy on both
 * sample candidates along the expert path, measured from inside the browser, judged by the candidate's
 * own API afterwards.
 */
class RecordAllergyIT {
    static SampleCandidate streamlined;
    static SampleCandidate legacy;
    static Suite suite;
    static Task task;
    static AttemptResult onStreamlined;
    static AttemptResult onLegacy;

    @BeforeAll
    static void runOnBoth() {
        streamlined = SampleCandidates.start(SampleCandidates.STREAMLINED, 0);
        legacy = SampleCandidates.start(SampleCandidates.LEGACY, 0);
        suite = ShippedSuite.read();
        task = suite.task("record-allergy").orElseThrow();
        TaskRunner runner = new TaskRunner(BrowserSettings.local());
        onStreamlined = runner.attempt(suite, task, ShippedSuite.target(streamlined), UUID.randomUUID(), "expert-path", 1);
        onLegacy = runner.attempt(suite, task, ShippedSuite.target(legacy), UUID.randomUUID(), "expert-path", 1);
        System.out.println("streamlined: " + onStreamlined.attempt() + "\n  KLM " + onStreamlined.measures().klmNotation());
        System.out.println("legacy: " + onLegacy.attempt() + "\n  KLM " + onLegacy.measures().klmNotation());
    }

    @AfterAll
    static void stop() {
        streamlined.close();
        legacy.close();
    }

    @Test
    void succeedsOnBothCandidates() {
        assertThat(onStreamlined.attempt().outcome()).as(onStreamlined.attempt().reason()).isEqualTo(Outcome.SUCCESS);
        assertThat(onLegacy.attempt().outcome()).as(onLegacy.attempt().reason()).isEqualTo(Outcome.SUCCESS);
        assertThat(onStreamlined.checks()).allMatch(CheckResult::passed).hasSize(2);
        assertThat(onLegacy.checks()).allMatch(CheckResult::passed).hasSize(2);
        assertThat(onStreamlined.recordingComplete()).isTrue();
        assertThat(onLegacy.recordingComplete()).isTrue();
    }

    @Test
    void eachAttemptKeepsTheVersionTheCandidateNamedWhenItEnded() throws Exception {
        for (AttemptResult a : List.of(onStreamlined, onLegacy)) {
            List<EventRecord> named = a.events().stream().filter(e -> e.type().equals("candidate-version")).toList();
            assertThat(named).as(a.attempt().candidate()).hasSize(1);
            var json = bedside.results.client.Json.MAPPER.readTree(named.get(0).json());
            assertThat(json.path("version").asText()).isEqualTo(bedside.candidates.web.CandidateServer.SOFTWARE_VERSION);
            assertThat(json.path("name").asText()).isNotBlank();
            assertThat(json.path("source").asText()).startsWith("GET http://").endsWith("/fhir/metadata");
            assertThat(json.path("phase").asText()).isEqualTo("after");
            // after the recorder's events, and counted in no measure
            assertThat(named.get(0).seq()).isEqualTo(a.events().size() - 1);
        }
        assertThat(onStreamlined.events().stream().filter(e -> e.type().equals("candidate-version")).findFirst()
                .orElseThrow().json()).isNotEqualTo(onLegacy.events().stream()
                .filter(e -> e.type().equals("candidate-version")).findFirst().orElseThrow().json());
    }

    @Test
    void measuresComeFromTheBrowser() {
        var s = onStreamlined.attempt();
        // Streamlined: the search field and then the Substance field have the cursor already, so a person
        // clicks three times: the search result, Add allergy, Save allergy.
        assertThat(s.clicks()).isEqualTo(3);
        assertThat(s.screens()).isEqualTo(2); // the search page it started on and the chart
        // The NHS number (10) and "Penicillin" (10 characters, with Shift for the capital: 11 keys).
        assertThat(s.keystrokes()).isBetween(20, 21);
        assertThat(s.timeMs()).isPositive();
        assertThat(s.klmMs()).isPositive();
        assertThat(onStreamlined.events()).extracting(EventRecord::type).contains("page-start", "page-load", "pointer-down",
                "click", "key", "input", "request-start", "request-end");
    }

    @Test
    void legacyClicksAreCountedAsAPersonMakesThem() {
        // Menus Patient, Find Patient..., the NHS No. field, Search, Select; Clinical, Allergies,
        // Allergies & Adverse Reactions; New Entry; three drop-down lists opened and an option chosen in
        // each (2 clicks apiece); Submit. The confirm dialog's OK is answered through WebDriver, not a click
        // in the page.
        assertThat(onLegacy.attempt().clicks()).isEqualTo(16);
        assertThat(onLegacy.attempt().screens()).isEqualTo(6);
    }

    @Test
    void theLegacyCandidateNeedsMoreEffort() {
        var s = onStreamlined.attempt();
        var l = onLegacy.attempt();
        assertThat(l.clicks()).isGreaterThan(s.clicks());
        assertThat(l.pageLoads()).isGreaterThan(s.pageLoads());
        assertThat(l.screens()).isGreaterThan(s.screens());
        assertThat(l.dialogs()).isEqualTo(1);
        assertThat(s.dialogs()).isZero();
        assertThat(l.klmMs()).isGreaterThan(s.klmMs());
        assertThat(l.timeMs()).isGreaterThan(s.timeMs());
    }

    @Test
    void setupIsNotTimedButIsKept() {
        List<EventRecord> events = onLegacy.events();
        assertThat(events).anyMatch(e -> e.json().contains("\"phase\":\"setup\"") && e.type().equals("key"));
        assertThat(events).allMatch(e -> e.json().contains("\"phase\":\"setup\"") == e.tMs() < 0);
    }

    @Test
    void noTypedCharacterLeavesThePage() {
        for (AttemptResult r : List.of(onStreamlined, onLegacy)) {
            assertThat(r.events()).noneMatch(e -> e.json().contains("bedside-demo")); // the password
            assertThat(r.events()).noneMatch(e -> e.json().contains("Penicillin\"") && e.type().equals("key"));
            assertThat(r.events()).filteredOn(e -> e.type().equals("key") && e.json().contains("\"keyClass\":\"character\""))
                    .allMatch(e -> e.json().contains("\"key\":null"));
        }
    }
}
