package bedside.harness.realapps;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.harness.run.AttemptResult;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.CheckResult;
import bedside.harness.run.TaskRunner;
import bedside.results.Outcome;
import bedside.scenarios.Binding;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped suite's tasks on a real open-source clinical web app Bedside did not write: HAPI FHIR JPA server starter
 * 8.8.0 through its own web UI (the tester), judged by the suite's own FHIR checks against the server's FHIR API.
 *
 * <p>Needs the server up: {@code realapps/hapi-fhir/start} (port 8091; {@code BEDSIDE_REALAPP_HAPI_URL} names another
 * address). Without it every test here is reported as skipped, with a line saying why — never as passed.
 */
class HapiFhirIT {
    static final String CANDIDATE = "hapi-fhir";

    static URI url;
    static Suite suite;
    static AttemptResult wrongPatient;
    /** One attempt at each task the binding binds, in the suite's order, right after the slip. */
    static final Map<String, AttemptResult> attempts = new LinkedHashMap<>();
    static AttemptResult allergyAgain;
    /** Why the tests are not run (no server), or null. */
    static String notRun;

    @BeforeAll
    static void runOnTheRealApp(@TempDir Path dir) throws Exception {
        url = RealApps.url("BEDSIDE_REALAPP_HAPI_URL", "http://127.0.0.1:8091/");
        String down = down(url);
        if (down != null) {
            notRun = "HapiFhirIT NOT RUN: no HAPI FHIR server at " + url + " (" + down + "). Start one with "
                    + "realapps/hapi-fhir/start, or set BEDSIDE_REALAPP_HAPI_URL to where one runs.";
            System.out.println(notRun);
            return;
        }

        // The suite a run takes: the shipped one plus this candidate's binding, made by the script a person uses.
        Path folder = RealApps.makeSuite(CANDIDATE, dir.resolve("sed-core"));
        suite = RealApps.read(folder, CANDIDATE);
        // The same suite with one slip in the binding: the allergy typed against the look-alike's record.
        Path slip = RealApps.makeSuite(CANDIDATE, dir.resolve("sed-core-slip"));
        Path binding = slip.resolve("bindings/hapi-fhir.yaml");
        String text = Files.readString(binding);
        String right = "{\"reference\": \"Patient/nhs-${patient.nhsNumber}\"}";
        assertThat(text).contains(right);
        Files.writeString(binding, text.replace(right, "{\"reference\": \"Patient/nhs-${lookalike.nhsNumber}\"}"));
        Suite slipped = RealApps.read(slip, CANDIDATE);

        CandidateTarget target = new CandidateTarget(CANDIDATE, "HAPI FHIR JPA server starter 8.8.0 (tester UI)",
                "HAPI FHIR (open source)", url, null);
        TaskRunner runner = new TaskRunner(BrowserSettings.local());
        UUID session = UUID.randomUUID();
        // In this order: the slip first, so that the next attempts also show the reset undoing it.
        wrongPatient = runner.attempt(slipped, slipped.task("record-allergy").orElseThrow(), target, session, "expert-path", 1);
        for (Task task : suite.tasks()) {
            if (suite.bindings().get(CANDIDATE).tasks().containsKey(task.id())) {
                attempts.put(task.id(), runner.attempt(suite, task, target, session, "expert-path", 1));
            }
        }
        allergyAgain = runner.attempt(suite, suite.task("record-allergy").orElseThrow(), target, session, "expert-path", 2);
        List<AttemptResult> all = new ArrayList<>(List.of(wrongPatient));
        all.addAll(attempts.values());
        all.add(allergyAgain);
        RealApps.print(CANDIDATE, all);
    }

    /** Each test, not the class, is skipped: Failsafe counts tests skipped this way ("Skipped: 3"), not a class aborted. */
    @BeforeEach
    void onlyWithTheServer() {
        Assumptions.assumeTrue(notRun == null, () -> notRun);
    }

    @Test
    void recordsTheAllergyThroughTheTesterAndTheSuitesFhirChecksFindIt() {
        for (AttemptResult r : List.of(attempts.get("record-allergy"), allergyAgain)) {
            assertThat(r.attempt().outcome()).as(r.attempt().reason()).isEqualTo(Outcome.SUCCESS);
            // the penicillin allergy on Margaret Okafor (count 1: the reset took away the attempts before), none on
            // the look-alike Margaret Oakley: both answered by the real server, none unanswered
            assertThat(r.checks()).hasSize(2).allMatch(CheckResult::passed).noneMatch(CheckResult::unanswered);
            assertThat(r.recordingComplete()).isTrue();
            assertThat(r.attempt().clicks()).isPositive();
            assertThat(r.attempt().keystrokes()).isGreaterThan(300); // the resource is typed as JSON
            assertThat(r.attempt().klmMs()).isPositive();
        }
    }

    @Test
    void theAllergyOnTheLookAlikeIsACriticalUseError() {
        RealApps.assertCriticalUseError(wrongPatient, "expected 0, found 1 AllergyIntolerance of patient 9991590838");
    }

    @Test
    void everyBoundTaskSucceedsJudgedByEveryOneOfItsChecks() {
        assertThat(attempts.keySet()).containsExactly("record-allergy", "register-patient", "update-patient", "add-problem",
                "record-medication", "order-lab", "order-imaging", "prescribe-medication", "find-patient");
        attempts.forEach((id, r) -> {
            Task task = suite.task(id).orElseThrow();
            assertThat(r.attempt().outcome()).as(id + ": " + r.attempt().reason()).isEqualTo(Outcome.SUCCESS);
            assertThat(r.checks()).as(id).hasSize(task.successCriteria().size() + task.criticalChecks().size())
                    .allMatch(CheckResult::passed).noneMatch(CheckResult::unanswered);
        });
    }

    @Test
    void theTasksHapiHasNoFunctionForAreMarkedWithAReason() {
        Binding binding = suite.bindings().get(CANDIDATE);
        assertThat(binding.notApplicable().keySet()).containsExactlyInAnyOrder("e-prescribe", "drug-drug-interaction",
                "drug-allergy-interaction", "respond-to-cds-alert", "review-results", "reconcile-medications");
        assertThat(binding.notApplicable().values()).allSatisfy(n -> assertThat(n.reason()).startsWith("HAPI FHIR"));
    }

    /** Null when the server and its tester answer, else what is wrong. */
    static String down(URI base) {
        String api = RealApps.notAnswering(base.resolve("fhir/metadata"), null);
        return api != null ? api : RealApps.notAnswering(base, "HAPI");
    }
}
