package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.scenarios.ReadResult;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, part 4: the step language on real component libraries. One suite ({@code src/test/resources/components-suite})
 * runs the same steps on the MUI and the Ant Design build of {@link ComponentFixture}, as attempts are run (a fresh
 * browser, the binding's reset, untimed setup, the recorder on): the allergy is stored exactly as the data set says
 * on both; and each broken script fails as a script error whose message says what and where.
 */
class ComponentStepsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static ComponentFixture site;
    static Suite suite;
    static final Map<String, AttemptResult> results = new LinkedHashMap<>();
    /** Each library's record-allergy attempts, in order. */
    static final Map<String, List<AttemptResult>> repeated = new LinkedHashMap<>();
    /** What the server held after each library's last record-allergy attempt. */
    static final Map<String, List<Map<String, Object>>> stored = new LinkedHashMap<>();

    @BeforeAll
    static void runEveryTaskOnBothLibraries() {
        site = new ComponentFixture();
        ReadResult read = SuiteReader.read(Path.of("src/test/resources/components-suite"));
        assertThat(read.errors()).isEmpty();
        suite = read.suite();
        TaskRunner runner = new TaskRunner(BrowserSettings.local());
        for (String variant : ComponentFixture.VARIANTS) {
            CandidateTarget target = new CandidateTarget(variant, variant, "Bedside tests", site.baseUrl(), null);
            // record-allergy three times on each: the binding's reset (a request, then steps in the browser) must leave
            // one stored allergy after every attempt, and the same script must give the same counts every time.
            List<String> tasks = new java.util.ArrayList<>(List.of("record-allergy", "record-allergy", "record-allergy",
                    "unreachable-read-back", "ambiguous-add-item", "wrong-option", "wrong-date-format", "covered-click"));
            if (variant.equals("mui")) {
                tasks.add(3, "wrong-patient");
                tasks.add(4, "native-date");
                tasks.add(5, "shadow-dom");
                tasks.add(6, "open-record");
                tasks.add(7, "open-lookalike-record");
            }
            for (String task : tasks) {
                AttemptResult a = runner.attempt(suite, suite.task(task).orElseThrow(), target, UUID.randomUUID(), "script", 1);
                results.put(variant + "/" + task, a);
                if (task.equals("record-allergy")) {
                    repeated.computeIfAbsent(variant, k -> new java.util.ArrayList<>()).add(a);
                }
                if (task.equals("record-allergy")) {
                    stored.put(variant, site.allergies(1));
                }
                System.out.printf("%s / %s: %s %s%n", variant, task, a.attempt().outcome(),
                        a.attempt().reason() == null ? "" : a.attempt().reason());
            }
        }
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    static AttemptResult result(String variant, String task) {
        return results.get(variant + "/" + task);
    }

    @Test
    void theSameStepsRecordTheAllergyExactlyOnBothLibraries() {
        for (String v : ComponentFixture.VARIANTS) {
            AttemptResult a = result(v, "record-allergy");
            assertThat(a.attempt().outcome()).as(v + ": " + a.attempt().reason()).isEqualTo(Outcome.SUCCESS);
            assertThat(a.checks()).as(v).allMatch(CheckResult::passed);
            assertThat(a.measures().recorderErrors()).as(v).isZero();
            assertThat(a.measures().validationErrors()).as(v + ": a typed date or a chosen option is no input error: "
                    + a.events().stream().filter(e -> e.type().equals("validation")).map(EventRecord::json).toList()).isZero();
            // What the server held after the last attempt (the binding's reset emptied it before each): one allergy,
            // exactly as the data set says.
            assertThat(stored.get(v)).as(v).hasSize(1);
            assertThat(stored.get(v).get(0)).as(v).containsEntry("allergen", "Penicillin").containsEntry("severity", "Severe")
                    .containsEntry("reactionDate", "1983-07-21").containsEntry("reactionTime", "14:30")
                    .containsEntry("notes", "Rash within an hour of the first dose")
                    .containsEntry("reactions", List.of("Hives"));
        }
    }

    @Test
    void checksTheCandidateAnswersInItsOwnScreensAreReadBackAfterTheClock() throws Exception {
        for (String v : ComponentFixture.VARIANTS) {
            AttemptResult a = result(v, "record-allergy");
            assertThat(a.checks()).extracting(CheckResult::description).contains("the allergy is in the patient's record",
                    "no allergy was recorded on the look-alike patient (wrong patient)");
            assertThat(a.checks()).allSatisfy(c -> assertThat(c.passed()).as(v + ": " + c.shown()).isTrue());
            // Read back in a new tab after the clock stopped: no screen of it is the attempt's.
            assertThat(a.measures().screensVisited()).as(v).noneMatch(s -> s.contains("/patients/2"));
        }
        // On the look-alike patient the read-back finds the allergy: the critical check is violated.
        AttemptResult wrong = result("mui", "wrong-patient");
        assertThat(wrong.attempt().outcome()).as(wrong.attempt().reason()).isEqualTo(Outcome.CRITICAL_USE_ERROR);
        assertThat(wrong.attempt().reason()).contains("critical check violated: no allergy was recorded on the look-alike"
                + " patient (wrong patient)").contains("expected 0 element(s), found 1");
        // No observer marked it: the window the attempt ended on is kept as its evidence, after the clock, in the
        // attempt's own tab, and an attempt without a critical error has no such picture.
        List<EventRecord> pictures = wrong.events().stream().filter(e -> e.type().equals("evidence-screenshot")).toList();
        assertThat(pictures).hasSize(1);
        var picture = bedside.results.client.Json.MAPPER.readTree(pictures.get(0).json());
        assertThat(picture.path("found").asText()).isEqualTo("checks");
        assertThat(picture.path("phase").asText()).isEqualTo("after");
        assertThat(java.util.Base64.getDecoder().decode(picture.path("image").asText())).startsWith(0xFF, 0xD8, 0xFF);
        assertThat(pictures.get(0).tMs()).isEqualTo(wrong.attempt().timeMs(), org.assertj.core.data.Offset.offset(2.0));
        assertThat(pictures.get(0).page()).contains("/mui/patients/");
        assertThat(result("mui", "record-allergy").events()).noneMatch(e -> e.type().equals("evidence-screenshot"));
    }

    @Test
    void aReadBackThatOpensNoPageJudgesTheScreenTheAttemptEndedOn() {
        // Nothing is stored: only the screen left open says whose record was chosen. The suite's own dom checks look
        // for an element no page has, so only the read-backs, in the attempt's tab, can have met them.
        AttemptResult right = result("mui", "open-record");
        assertThat(right.attempt().outcome()).as(right.attempt().reason()).isEqualTo(Outcome.SUCCESS);
        assertThat(right.checks()).hasSize(2).allSatisfy(c -> assertThat(c.passed()).as(c.shown()).isTrue());
        AttemptResult wrong = result("mui", "open-lookalike-record");
        assertThat(wrong.attempt().outcome()).as(wrong.attempt().reason()).isEqualTo(Outcome.CRITICAL_USE_ERROR);
        assertThat(wrong.attempt().reason()).contains("critical check violated: the look-alike patient's record is not"
                + " the one open (wrong patient)").contains("expected 0 element(s), found 1");
    }

    @Test
    void theBrowsersOwnDateAndTimeInputsTakeTheValueInTheBrowsersOrder() {
        AttemptResult a = result("mui", "native-date");
        assertThat(a.attempt().outcome()).as(a.attempt().reason()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void fieldsAndButtonsInsideOpenShadowRootsAreFoundAndRecordedAsThemselves() throws Exception {
        AttemptResult a = result("mui", "shadow-dom");
        assertThat(a.attempt().outcome()).as(a.attempt().reason()).isEqualTo(Outcome.SUCCESS);
        // The recorder names what was pressed inside the shadow root, not the component that hosts it.
        List<String> pressed = a.events().stream().filter(e -> e.type().equals("pointer-down"))
                .map(e -> e.json()).toList();
        assertThat(pressed).anySatisfy(j -> assertThat(j).contains("\"role\":\"button\"", "\"name\":\"Save\""));
        assertThat(pressed).noneMatch(j -> j.contains("\"tag\":\"allergy-form\"") || j.contains("\"tag\":\"save-button\""));
        assertThat(a.measures().keystrokes()).isEqualTo("Penicillin".length() + 1); // Shift for the capital P
    }

    @Test
    void aReadBackThatCannotReachItsScreenIsNotAVerdict() {
        for (String v : ComponentFixture.VARIANTS) {
            AttemptResult a = result(v, "unreachable-read-back");
            assertThat(a.attempt().outcome()).as(v + ": " + a.attempt().reason()).isEqualTo(Outcome.NOT_CHECKED);
            assertThat(a.attempt().reason()).as(v).contains("could not be checked")
                    .contains("the read-back did not reach its answer: step read-back 2: wait for role=heading name=\"Allergy history\"");
        }
    }

    @Test
    void theSameScriptGivesTheSameCountsEveryTime() {
        for (String v : ComponentFixture.VARIANTS) {
            List<AttemptResult> runs = repeated.get(v);
            assertThat(runs).as(v).hasSize(3).allSatisfy(a -> assertThat(a.attempt().outcome()).isEqualTo(Outcome.SUCCESS));
            bedside.harness.measure.Measures first = runs.get(0).measures();
            for (AttemptResult a : runs) {
                bedside.harness.measure.Measures m = a.measures();
                assertThat(List.of(m.clicks(), m.keystrokes(), m.screens(), m.pageLoads(), m.dialogs(), m.validationErrors(),
                        m.warnings(), m.notices(), m.recorderErrors())).as(v)
                        .isEqualTo(List.of(first.clicks(), first.keystrokes(), first.screens(), first.pageLoads(),
                                first.dialogs(), first.validationErrors(), first.warnings(), first.notices(),
                                first.recorderErrors()));
                assertThat(m.screensVisited()).as(v).isEqualTo(first.screensVisited());
                assertThat(m.klmNotation()).as(v).isEqualTo(first.klmNotation());
            }
            // The confirmation is a modal dialog. MUI's toast (role=alert, success) is a notice, not a validation
            // message; Ant Design's has no role at all, so a screen reader never hears it: no message either way.
            assertThat(first.dialogs()).as(v).isGreaterThanOrEqualTo(1);
            assertThat(first.validationErrors()).as(v).isZero();
            if (v.equals("mui")) {
                assertThat(first.notices()).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Test
    void aCaptionNotLinkedToItsFieldIsRecordedAsAnAccessibilityFinding() throws Exception {
        for (String v : ComponentFixture.VARIANTS) {
            List<EventRecord> findings = result(v, "record-allergy").events().stream()
                    .filter(e -> e.type().equals("accessibility")).toList();
            assertThat(findings).as(v).hasSize(1);
            JsonNode f = JSON.readTree(findings.get(0).json());
            assertThat(f.path("rule").asText()).isEqualTo("label-not-linked");
            assertThat(f.path("message").asText()).contains("\"Notes\"");
            assertThat(f.at("/target/tag").asText()).isEqualTo("textarea");
        }
    }

    @Test
    void severalMatchesAreAnErrorThatListsThem() {
        for (String v : ComponentFixture.VARIANTS) {
            AttemptResult a = result(v, "ambiguous-add-item");
            assertThat(a.attempt().outcome()).isEqualTo(Outcome.SCRIPT_ERROR);
            assertThat(a.attempt().reason()).as(v)
                    .contains("step 1: 2 elements match role=button name=\"Add item\":")
                    .contains("\"Add item\" in region \"Reactions\"")
                    .contains("\"Add item\" in region \"Medications\"")
                    .contains("say which with `within:`");
            // the window the step could not be done in is kept with the attempt, for the run report
            assertThat(a.events()).filteredOn(e -> e.type().equals("evidence-screenshot")).singleElement()
                    .satisfies(e -> assertThat(e.json()).contains("\"found\":\"step\"", "\"format\":\"jpeg\""));
        }
    }

    @Test
    void anOptionTheListDoesNotHaveIsNamedWithTheOptionsShown() {
        for (String v : ComponentFixture.VARIANTS) {
            AttemptResult a = result(v, "wrong-option");
            assertThat(a.attempt().outcome()).isEqualTo(Outcome.SCRIPT_ERROR);
            assertThat(a.attempt().reason()).as(v)
                    .contains("choose \"Critical\" in label=\"Severity\": no option \"Critical\" showed (waited ")
                    .contains("\"Mild\", \"Moderate\"");
        }
    }

    @Test
    void aDateTypedInTheWrongFormatSaysWhatTheFieldShows() {
        for (String v : ComponentFixture.VARIANTS) {
            AttemptResult a = result(v, "wrong-date-format");
            assertThat(a.attempt().outcome()).isEqualTo(Outcome.SCRIPT_ERROR);
            assertThat(a.attempt().reason()).as(v)
                    .contains("set 1983-07-21 in label=\"Reaction date\": after typing 1983-07-21 as MM/DD/YYYY (\"07/21/1983\")")
                    .contains("the field shows");
        }
    }

    @Test
    void aClickOnSomethingCoveredFailsNamingTheCover() {
        for (String v : ComponentFixture.VARIANTS) {
            AttemptResult a = result(v, "covered-click");
            assertThat(a.attempt().outcome()).isEqualTo(Outcome.SCRIPT_ERROR);
            // MUI: the dialog's backdrop over the page's Discard; Ant Design: the date's calendar over the time field.
            assertThat(a.attempt().reason()).as(v).contains(v.equals("mui") ? "click text=\"Discard\": covered by <div"
                    : "click label=\"Reaction time\": covered by <div").contains("s for it to be uncovered");
        }
    }
}
