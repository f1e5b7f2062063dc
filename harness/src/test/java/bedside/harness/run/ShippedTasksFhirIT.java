package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.results.Outcome;
import bedside.scenarios.Check;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19: every shipped task, judged by its vendor-neutral {@code fhir} checks read through the candidate's binding
 * (its FHIR R4 API), succeeds on the sample candidate along the scripted path in real headless Chromium, every
 * check met (none "could not be checked").
 */
class ShippedTasksFhirIT {

    @ParameterizedTest
    @ValueSource(strings = {SampleCandidates.STREAMLINED, SampleCandidates.LEGACY})
    void everyShippedTaskSucceedsJudgedThroughFhir(String id) {
        Suite suite = ShippedSuite.read();
        assertThat(suite.tasks()).allSatisfy(t -> assertThat(t.successCriteria()).allMatch(c -> c instanceof Check.Fhir));
        List<String> problems = new ArrayList<>();
        try (SampleCandidate c = SampleCandidates.start(id, 0)) {
            TaskRunner runner = new TaskRunner(BrowserSettings.local());
            for (Task task : suite.tasks()) {
                AttemptResult r = runner.attempt(suite, task, ShippedSuite.target(c), UUID.randomUUID(), "expert-path", 1);
                System.out.println(id + " " + task.id() + ": " + r.attempt().outcome() + " " + r.checks().size() + " checks");
                if (r.attempt().outcome() != Outcome.SUCCESS) {
                    problems.add(task.id() + ": " + r.attempt().outcome() + " " + r.attempt().reason());
                }
                for (CheckResult check : r.checks()) {
                    if (!check.passed()) {
                        problems.add(task.id() + ": " + check.description() + ": " + check.detail()
                                + (check.unanswered() ? " (could not be checked)" : ""));
                    }
                }
            }
        }
        assertThat(problems).as(id).isEmpty();
    }
}
