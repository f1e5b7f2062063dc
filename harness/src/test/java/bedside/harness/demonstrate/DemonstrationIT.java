package bedside.harness.demonstrate;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.harness.run.AttemptResult;
import bedside.harness.run.CheckResult;
import bedside.harness.run.TaskRunner;
import bedside.harness.run.Performer;
import bedside.harness.run.ShippedSuite;
import bedside.results.Outcome;
import bedside.scenarios.Binding;
import bedside.scenarios.Locator;
import bedside.scenarios.ReadResult;
import bedside.scenarios.Step;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14 part 2: bindings by demonstration, on both sample candidates. A scripted participant (the expert path, in a
 * real browser) demonstrates the task; Bedside writes the steps it saw into a copy of the shipped suite's binding and
 * replays them headless: the suite's checks must pass, and the written locators must name no class, no DOM position
 * and no value of the suite's data. The same steps then run on a rebuild of the candidate whose every class name is
 * changed (pages, style sheets and scripts alike), and still meet every check.
 */
class DemonstrationIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} · {1}")
    @CsvSource({"streamlined, record-allergy", "legacy, record-allergy", "streamlined, register-patient",
            "legacy, register-patient"})
    void aDemonstratedTaskIsWrittenAsABindingThatPassesTheSuitesChecks(String candidate, String taskId) throws IOException {
        Path suitePath = ShippedSuite.copyTo(dir.resolve("suite"));
        Suite suite = SuiteReader.read(suitePath).suite();
        Path bindingFile = suite.bindings().get(candidate).at().file();
        String before = Files.readString(bindingFile);
        try (SampleCandidate c = SampleCandidates.start(candidate, 0)) {
            Demonstration.Result r = new Demonstration(BrowserSettings.local(), BrowserSettings.local())
                    .record(suitePath, suite, suite.task(taskId).orElseThrow(), ShippedSuite.target(c), Performer.EXPERT_PATH);
            if (r.demonstration() != null && r.problem() != null) {
                r.demonstration().events().stream().filter(e -> e.type().equals("change"))
                        .forEach(e -> System.out.println("  change " + e.json()));
            }
            assertThat(r.problem()).as(String.join("\n", r.invalid())).isNull();
            String after = Files.readString(bindingFile);
            System.out.println(candidate + " · " + taskId + ":\n" + String.join("\n", BindingFile.stepLines(r.steps(), 4)));
            assertThat(r.replay().attempt().outcome()).as(r.replay().attempt().reason()).isEqualTo(Outcome.SUCCESS);
            assertThat(r.replay().checks()).isNotEmpty().allMatch(CheckResult::passed);
            // Only the task's steps changed: every other line of the file is as it was; the old file is kept beside it.
            assertThat(Files.readString(r.backup())).isEqualTo(before);
            assertThat(after).contains("Recorded by `bedside record`");
            assertThat(linesOutsideTask(after, taskId)).isEqualTo(linesOutsideTask(before, taskId));
            // The replayed steps are the written ones, found by role and name, label, test id or text: no CSS path.
            ReadResult reread = SuiteReader.read(suitePath);
            Binding written = reread.suite().bindings().get(candidate);
            List<Locator> locators = locators(written.tasks().get(taskId).steps());
            assertThat(locators).isNotEmpty().allSatisfy(l -> {
                assertThat(l.kind()).isNotIn(Locator.Kind.XPATH);
                if (l.kind() == Locator.Kind.CSS) {
                    assertThat(l.value()).as("a CSS locator may only name a test id or a stable attribute").matches("[a-z*]*\\[[a-z-]+=\".*\"\\]");
                }
            });
            // The suite's data is written as its parameters, never copied from the screen.
            String stepsText = String.join("\n", taskLines(after, taskId));
            assertThat(stepsText).contains("${").doesNotContain("9995260182", "Okafor");

            // A rebuild that renames every class (pages, styles and scripts alike): the written steps still find
            // every element and the checks are met.
            try (SampleCandidate rebuilt = SampleCandidates.startRestyled(candidate, 0, "r3b")) {
                String page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(rebuilt.baseUrl() + "/static/" + candidate + ".css")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                assertThat(page).containsPattern("\\.[a-z-]+-r3b\\b");
                AttemptResult again = new TaskRunner(BrowserSettings.local()).attempt(reread.suite(),
                        reread.suite().task(taskId).orElseThrow(), ShippedSuite.target(rebuilt), java.util.UUID.randomUUID(),
                        "replay", 1);
                assertThat(again.attempt().outcome()).as(again.attempt().reason()).isEqualTo(Outcome.SUCCESS);
                assertThat(again.checks()).isNotEmpty().allMatch(CheckResult::passed);
                assertThat(again.events()).anyMatch(e -> e.type().equals("page-start"));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static List<Locator> locators(List<Step> steps) {
        List<Locator> out = new ArrayList<>();
        for (Step s : steps) {
            if (s instanceof Step.Click c) out.add(c.target());
            else if (s instanceof Step.Check c) out.add(c.target());
            else if (s instanceof Step.Type t) out.add(t.into());
            else if (s instanceof Step.Select x) out.add(x.from());
            else if (s instanceof Step.SetDate d) out.add(d.into());
        }
        return out;
    }

    /** The file's lines without the task's entry. */
    private static List<String> linesOutsideTask(String yaml, String task) {
        List<String> lines = new ArrayList<>(yaml.lines().toList());
        int[] at = entry(lines, task);
        lines.subList(at[0], at[1]).clear();
        return lines;
    }

    private static List<String> taskLines(String yaml, String task) {
        List<String> lines = yaml.lines().toList();
        int[] at = entry(lines, task);
        return lines.subList(at[0], at[1]);
    }

    /** Where the task's entry starts and ends (its key line, then blank lines and lines indented deeper). */
    private static int[] entry(List<String> lines, String task) {
        int start = lines.indexOf("  " + task + ":");
        assertThat(start).as("the entry of " + task).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && (lines.get(end).isBlank() || lines.get(end).startsWith("   "))) end++;
        return new int[] {start, end};
    }
}
