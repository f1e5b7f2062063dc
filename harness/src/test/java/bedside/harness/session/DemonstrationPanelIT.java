package bedside.harness.session;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.demonstrate.BindingFile;
import bedside.harness.demonstrate.Demonstration;
import bedside.harness.run.CandidateTarget;
import bedside.harness.run.CheckResult;
import bedside.harness.run.ShippedSuite;
import bedside.results.Outcome;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import bedside.scenarios.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 part 2 as {@code bedside record} does it: the task panel shows the task, the issue-7 scripted participant
 * presses Start, clicks on nothing, wanders to another screen and back, does the task and presses Done. The binding
 * written from that is the task without the wandering, and it passes the suite's checks when replayed headless.
 */
class DemonstrationPanelIT {
    @TempDir
    Path dir;

    @Test
    void aDemonstrationFromThePanelWithADetourIsWrittenWithoutIt() throws Throwable {
        Path suitePath = ShippedSuite.copyTo(dir.resolve("suite"));
        Suite suite = SuiteReader.read(suitePath).suite();
        Task task = suite.task("record-allergy").orElseThrow();
        try (SampleCandidate legacy = SampleCandidates.start(SampleCandidates.LEGACY, 0);
             SessionPanel panel = SessionPanel.start(0)) {
            CandidateTarget target = ShippedSuite.target(legacy);
            ScriptedParticipant participant = new ScriptedParticipant(suite, List.of(target),
                    Map.of("legacy/record-allergy", ScriptedParticipant.Way.DETOUR), Map.of(), List.of(), 200);
            try (participant) {
                participant.begin(panel);
                SessionPanel.TaskView view = SessionPanel.TaskView.of(suite, task, 1, 1);
                Demonstration.Result r = new Demonstration(BrowserSettings.local(), BrowserSettings.local())
                        .record(suitePath, suite, task, target, panel.performer(view, participant));
                panel.finished("Recorded.");
                participant.finish();
                assertThat(r.problem()).isNull();
                String written = String.join("\n", BindingFile.stepLines(r.steps(), 0));
                System.out.println(written);
                // The demonstration had the misclick and the detour; the binding has neither.
                assertThat(participant.did).singleElement().satisfies(d -> assertThat(d.misclicks()).isEqualTo(1));
                assertThat(r.demonstration().events()).anyMatch(e -> e.type().equals("page-start")
                        && e.page() != null && e.page().contains("/help/about.do"));
                assertThat(written).doesNotContain("about", "help").startsWith("- click: {role: button, name: Patient}");
                assertThat(r.replay().attempt().outcome()).as(r.replay().attempt().reason()).isEqualTo(Outcome.SUCCESS);
                assertThat(r.replay().checks()).isNotEmpty().allMatch(CheckResult::passed);
            }
        }
    }
}
