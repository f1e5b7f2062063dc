package bedside.harness.realapps;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.run.AttemptResult;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.CheckResult;
import bedside.harness.run.TaskRunner;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.scenarios.Binding;
import bedside.scenarios.Suite;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped suite's find-patient on a second real app Bedside did not write: the SMART on FHIR patient browser (a
 * React single-page app) on the HAPI FHIR server, as a run takes it (a fresh browser, untimed setup, the recorder, the
 * expert path, the checks). Nothing is stored when a record is opened, so the checks are answered on the screen the
 * attempt ended on, by the binding's read-backs.
 *
 * <p>Needs the app up: {@code realapps/patient-browser/start} (port 8093, with HAPI on 8091;
 * {@code BEDSIDE_REALAPP_PATIENT_BROWSER_URL} names another address). Without it every test here is reported as
 * skipped, with a line saying why — never as passed.
 */
class PatientBrowserIT {
    static final String CANDIDATE = "patient-browser";

    static Suite suite;
    static AttemptResult right;
    static AttemptResult wrong;
    /** Why the tests are not run (no app, or no FHIR server behind it), or null. */
    static String notRun;

    @BeforeAll
    static void runOnTheRealApp(@TempDir Path dir) throws Exception {
        URI url = RealApps.url("BEDSIDE_REALAPP_PATIENT_BROWSER_URL", "http://127.0.0.1:8093/");
        String down = down(url);
        if (down != null) {
            notRun = "PatientBrowserIT NOT RUN: " + down + ". Start it with realapps/patient-browser/start (it starts"
                    + " HAPI FHIR too), or set BEDSIDE_REALAPP_PATIENT_BROWSER_URL to where it runs.";
            System.out.println(notRun);
            return;
        }
        suite = RealApps.read(RealApps.makeSuite(CANDIDATE, dir.resolve("sed-core")), CANDIDATE);
        // The same binding with the classic slip: the look-alike Margaret picked from a list that shows both. (Searched
        // first: the app opens the patient at the row's position in the search as typed, not as listed.)
        Path slip = RealApps.makeSuite(CANDIDATE, dir.resolve("sed-core-slip"));
        Path binding = slip.resolve("bindings/" + CANDIDATE + ".yaml");
        String text = Files.readString(binding);
        Matcher steps = Pattern.compile("(?s)\n    steps:\n.*?\n    #").matcher(text);
        assertThat(steps.find()).isTrue();
        Files.writeString(binding, text.substring(0, steps.start()) + String.join("\n", "",
                "    steps:",
                "      - type: {into: {label: Name}, text: Margaret}",
                "      - click: {role: button, name: Search}",
                "      - waitFor: {role: link, name: \"${hughes.name}\", match: contains, gone: true}",
                "      - click: {role: link, name: \"${lookalike.name}\", match: contains}",
                "      - waitFor: {role: heading, name: \"${lookalike.name}\"}",
                "    #") + text.substring(steps.end()));
        Suite slipped = RealApps.read(slip, CANDIDATE);

        CandidateTarget target = new CandidateTarget(CANDIDATE, "SMART on FHIR patient browser 2.0.0 on HAPI FHIR 8.8.0",
                "SMART Health IT (open source)", url, null);
        TaskRunner runner = new TaskRunner(BrowserSettings.local());
        UUID session = UUID.randomUUID();
        right = runner.attempt(suite, suite.task("find-patient").orElseThrow(), target, session, "expert-path", 1);
        wrong = runner.attempt(slipped, slipped.task("find-patient").orElseThrow(), target, session, "expert-path", 1);
        RealApps.print(CANDIDATE, List.of(right, wrong));
    }

    /** Each test, not the class, is skipped: Failsafe counts tests skipped this way, not a class aborted. */
    @BeforeEach
    void onlyWithTheApp() {
        Assumptions.assumeTrue(notRun == null, () -> notRun);
    }

    @Test
    void findsHerAndOpensHerRecordJudgedOnTheScreenItEndedOn() {
        assertThat(right.attempt().outcome()).as(right.attempt().reason()).isEqualTo(Outcome.SUCCESS);
        // both checks answered by read-back on the final screen, both met; none left unanswered
        assertThat(right.checks()).extracting(CheckResult::description).containsExactly(
                "the look-alike patient's record is not the one open (wrong patient)", "the patient's record is the one open");
        assertThat(right.checks()).allMatch(CheckResult::passed).noneMatch(CheckResult::unanswered);
        assertThat(right.recordingComplete()).isTrue();
        assertThat(right.attempt().clicks()).isEqualTo(3); // the field, Search, her row
        assertThat(right.attempt().keystrokes()).isGreaterThanOrEqualTo("Okafor".length());
        // the list and her page: one single-page app, two screens by route
        assertThat(right.measures().screens()).isEqualTo(2);
        assertThat(right.measures().pageLoads()).isZero();
        assertThat(right.attempt().klmMs()).isPositive();
    }

    @Test
    void theLookAlikesRecordOpenIsACriticalUseError() {
        RealApps.assertCriticalUseError(wrong, "role=heading name=\"Margaret Oakley\"", "expected 0 element(s), found 1");
        assertThat(wrong.checks()).filteredOn(c -> !c.critical()).singleElement()
                .satisfies(c -> assertThat(c.passed()).isFalse());
        // the screen the error was made on is kept as its evidence
        assertThat(wrong.events()).filteredOn(e -> e.type().equals("evidence-screenshot")).extracting(EventRecord::page)
                .singleElement().satisfies(p -> assertThat(p).contains("#/patient/"));
    }

    @Test
    void everyOtherTaskIsMarkedNotApplicableWithTheReason() {
        Binding binding = suite.bindings().get(CANDIDATE);
        assertThat(binding.tasks().keySet()).containsExactly("find-patient");
        assertThat(binding.notApplicable()).hasSize(suite.tasks().size() - 1);
        assertThat(binding.notApplicable().values()).allSatisfy(n -> assertThat(n.reason()).startsWith("a patient picker"));
    }

    /** Null when the app answers and so does the FHIR server its configuration names, else what is wrong. */
    static String down(URI base) {
        URI config = base.resolve("config/bedside.json5");
        String app = RealApps.notAnswering(config, "server:");
        if (app != null) {
            return "no patient browser at " + base + " (" + app + ")";
        }
        try {
            String body = new String(config.toURL().openStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Matcher fhir = Pattern.compile("url: \"([^\"]+)\"").matcher(body);
            if (!fhir.find()) {
                return "the patient browser at " + base + " names no FHIR server in " + config;
            }
            String api = RealApps.notAnswering(URI.create(fhir.group(1) + "/Patient?name=Okafor"), "Okafor");
            return api == null ? null : "the patient browser's FHIR server does not answer with the seeded patients (" + api + ")";
        } catch (java.io.IOException e) {
            return "GET " + config + ": " + e;
        }
    }
}
