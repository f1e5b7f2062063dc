package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.scenarios.Suite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the accessibility audit of the screens each expert path reaches, after the attempt, on both sample
 * candidates. The legacy one has three deliberate, documented faults — an unlabelled field, low-contrast text, a
 * scrolling box the keyboard cannot reach — and the audit must find exactly those, on the screens where they are;
 * the streamlined one passes.
 */
class AccessibilityAuditIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TASKS = List.of("record-allergy", "review-results");
    static final List<AttemptResult> streamlined = new ArrayList<>();
    static final List<AttemptResult> legacy = new ArrayList<>();

    @BeforeAll
    static void auditBoth() {
        Suite suite = ShippedSuite.read();
        TaskRunner runner = new TaskRunner(BrowserSettings.local()).withAccessibilityAudit();
        for (String id : List.of(SampleCandidates.STREAMLINED, SampleCandidates.LEGACY)) {
            try (SampleCandidate c = SampleCandidates.start(id, 0)) {
                for (String task : TASKS) {
                    AttemptResult a = runner.attempt(suite, suite.task(task).orElseThrow(), ShippedSuite.target(c),
                            UUID.randomUUID(), "expert-path", 1);
                    assertThat(a.attempt().outcome()).as(a.attempt().reason()).isEqualTo(Outcome.SUCCESS);
                    (id.equals(SampleCandidates.LEGACY) ? legacy : streamlined).add(a);
                }
            }
        }
    }

    static List<JsonNode> of(List<AttemptResult> attempts, String type) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (AttemptResult a : attempts) {
            for (EventRecord e : a.events()) if (e.type().equals(type)) out.add(JSON.readTree(e.json()));
        }
        return out;
    }

    @Test
    void everyScreenOfEveryPathIsAuditedAfterTheAttempt() throws Exception {
        for (List<AttemptResult> attempts : List.of(streamlined, legacy)) {
            assertThat(of(attempts, "a11y-incomplete")).isEmpty();
            // each screen audited once in the run, the first path's starting screen first
            List<JsonNode> all = of(attempts, "a11y-screen");
            assertThat(all.get(0).path("step").asText()).isEqualTo("start");
            assertThat(all.stream().map(s -> s.path("screen").asText()).distinct().count()).isEqualTo(all.size());
            assertThat(all).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(s -> assertThat(s.path("rulesPassed").asInt()).isPositive());
            // every screen the attempts showed was audited
            for (AttemptResult a : attempts) {
                for (EventRecord e : a.events()) {
                    if (e.type().equals("page-start") && e.json().contains("\"phase\":\"task\"")) {
                        assertThat(all).as(e.page()).anyMatch(s -> s.path("screen").asText()
                                .equals(AccessibilityAudit.screenOf(e.page())));
                    }
                }
                // outside the clock: the attempt's time is the path's alone, and its events end before the audit's
                assertThat(a.events().stream().filter(e -> e.type().startsWith("a11y-")).map(EventRecord::tMs))
                        .allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(a.attempt().timeMs() - 1.0));
            }
        }
    }

    @Test
    void theStreamlinedCandidatePasses() throws Exception {
        assertThat(of(streamlined, "a11y-violation")).isEmpty();
    }

    @Test
    void theLegacyCandidatesThreeDeliberateFaultsAreFoundExactlyWhereTheyAre() throws Exception {
        List<JsonNode> found = of(legacy, "a11y-violation");
        Set<String> kinds = found.stream().map(v -> v.path("rule").asText() + " " + v.path("selector").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(kinds).containsExactly("color-contrast .ptbar", "label #forename", "scrollable-region-focusable .notices");
        for (JsonNode v : found) {
            switch (v.path("rule").asText()) {
                case "label" -> {
                    assertThat(v.path("screen").asText()).isEqualTo("/patient/search.do");
                    assertThat(v.path("impact").asText()).isEqualTo("critical");
                    assertThat(v.path("criteria").toString()).contains("4.1.2");
                }
                case "scrollable-region-focusable" -> {
                    assertThat(v.path("screen").asText()).isEqualTo("/main.do");
                    assertThat(v.path("criteria").toString()).contains("2.1.1");
                }
                default -> { // low contrast: the patient bar on every screen before a patient is chosen, and only there
                    assertThat(v.path("html").asText()).contains("No patient selected");
                    assertThat(v.path("criteria").toString()).contains("1.4.3");
                }
            }
        }
        Set<String> lowContrast = found.stream().filter(v -> v.path("rule").asText().equals("color-contrast"))
                .map(v -> v.path("screen").asText()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(lowContrast).contains("/main.do", "/patient/search.do").doesNotContain("/clinical/allergies.do");
        // what a participant typed never appears in an excerpt
        assertThat(found).noneMatch(v -> v.path("html").asText().contains("9995260182"));
    }
}
