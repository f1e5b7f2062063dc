package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.scenarios.Check;
import bedside.scenarios.Parameters;
import bedside.scenarios.ReadResult;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import bedside.scenarios.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19: the shipped suite's {@code fhir} checks, read through each sample candidate's binding (its FHIR R4 API),
 * on the seeded record (no browser: nothing has been done yet). Every check gets an answer (none "could not be
 * checked": each expression evaluates on the samples' R4), every wrong-patient check is met, every success
 * criterion is not met yet. The browser run (RecordAllergyIT, DemoLauncherIT) proves they are met after the tasks.
 */
class ShippedFhirChecksTest {
    static Path suiteFolder() {
        Path p = Path.of("scenarios/suites/sed-core");
        return Files.isDirectory(p) ? p : Path.of("../scenarios/suites/sed-core");
    }

    @ParameterizedTest
    @ValueSource(strings = {"streamlined", "legacy"})
    void everyCheckIsAnsweredOnTheSeededRecord(String id) {
        ReadResult read = SuiteReader.read(suiteFolder());
        assertThat(read.errors()).isEmpty();
        Suite suite = read.suite();
        try (SampleCandidate c = SampleCandidates.start(id, 0)) {
            CandidateTarget target = new CandidateTarget(id, id, "Bedside", c.baseUrl(), null);
            // once each, without the wait for a condition to become true that a run allows
            FhirCheck checks = new FhirCheck(java.net.http.HttpClient.newHttpClient(), target,
                    suite.bindings().get(id).readers().fhir(), java.time.Duration.ofSeconds(10));
            int fhirChecks = 0;
            for (Task task : suite.tasks()) {
                Map<String, Object> values = Parameters.effectiveValues(suite, task);
                UnaryOperator<String> fill = t -> t == null ? null : Parameters.resolve(t, values);
                for (Check check : task.criticalChecks()) {
                    if (!(check instanceof Check.Fhir f)) continue;
                    fhirChecks++;
                    CheckResult r = checks.run(f, f.description(), true, fill);
                    assertThat(r.unanswered()).as(task.id() + ": " + r.description() + ": " + r.detail()).isFalse();
                    if (f.description().contains("wrong patient")) {
                        assertThat(r.passed()).as(task.id() + ": " + r.description() + ": " + r.detail()).isTrue();
                    }
                }
                for (Check check : task.successCriteria()) {
                    if (!(check instanceof Check.Fhir f)) continue;
                    fhirChecks++;
                    CheckResult r = checks.run(f, f.description(), false, fill);
                    assertThat(r.unanswered()).as(task.id() + ": " + r.description() + ": " + r.detail()).isFalse();
                    assertThat(r.passed()).as(task.id() + ": " + r.description() + " is met before the task").isFalse();
                }
            }
            assertThat(fhirChecks).isGreaterThan(30);
        }
    }
}
