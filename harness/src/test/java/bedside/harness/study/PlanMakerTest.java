package bedside.harness.study;

import bedside.results.StudyPlan;
import bedside.scenarios.ReadResult;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanMakerTest {
    @TempDir
    Path dir;

    static Suite shipped() {
        Path p = Path.of("scenarios/suites/sed-core");
        ReadResult read = SuiteReader.read(Files.isDirectory(p) ? p : Path.of("../scenarios/suites/sed-core"));
        assertThat(read.errors()).isEmpty();
        return read.suite();
    }

    static PlanMaker.Settings settings(List<String> candidates, Path weights) {
        return new PlanMaker.Settings(candidates, weights, 15, "within", 10_000, 1, false);
    }

    @Test
    void weighsEachTaskByCriticalityTimesFrequencyAsTheSuiteStatesThem() {
        Suite suite = shipped();
        PlanMaker.Made made = PlanMaker.make("ward-a", suite, suite.tasks(), settings(List.of("streamlined", "legacy"),
                null), "W.csv");
        assertThat(made.problems()).isEmpty();
        StudyPlan plan = made.plan();
        assertThat(plan.suite().hash()).isEqualTo(suite.contentHash());
        assertThat(plan.candidates()).containsExactly("streamlined", "legacy");
        assertThat(plan.taskIds()).isEqualTo(suite.tasks().stream().map(t -> t.id()).toList());
        StudyPlan.PlanTask allergy = plan.tasks().get(plan.taskIds().indexOf("record-allergy"));
        assertThat(allergy.weight()).isEqualTo(9.0); // high (3) × frequency 3
        assertThat(allergy.criticality()).isEqualTo(3.0);
        assertThat(allergy.timeLimitSeconds()).isEqualTo(suite.task("record-allergy").orElseThrow().timeLimitSeconds());
        // The SUM's time specification, as the suite states it (45 s for record-allergy).
        assertThat(allergy.timeSpecSeconds()).isEqualTo(suite.task("record-allergy").orElseThrow().timeSpecSeconds())
                .isEqualTo(45.0);
        assertThat(allergy.successCriteria()).isNotEmpty();
        StudyPlan.PlanTask update = plan.tasks().get(plan.taskIds().indexOf("update-patient"));
        assertThat(update.weight()).isEqualTo(6.0); // medium (2) × 3
        // Made twice from the same inputs, the same plan to the byte.
        assertThat(PlanMaker.make("ward-a", suite, suite.tasks(), settings(List.of("streamlined", "legacy"), null),
                "W.csv").plan().hash()).isEqualTo(plan.hash());
    }

    @Test
    void takesAWeightsFileAndLocatesEveryProblemInIt() throws Exception {
        Suite suite = shipped();
        List<bedside.scenarios.Task> two = suite.tasks().subList(0, 2);
        Path w = dir.resolve("W.csv");
        Files.writeString(w, "task,weight\n" + two.get(0).id() + ",4\n" + two.get(1).id() + ",0.5\n");
        PlanMaker.Made made = PlanMaker.make("s", suite, two, settings(List.of("legacy"), w), "W.csv");
        assertThat(made.problems()).isEmpty();
        assertThat(made.plan().tasks()).extracting(StudyPlan.PlanTask::weight).containsExactly(4.0, 0.5);
        assertThat(made.plan().tasks().get(0).criticality()).isNull();

        Files.writeString(w, "task,weight\n" + two.get(0).id() + ",4\nno-such-task,1\n");
        made = PlanMaker.make("s", suite, two, settings(List.of("legacy"), w), "W.csv");
        assertThat(made.ok()).isFalse();
        assertThat(made.problems()).containsExactly(
                "W.csv:3: error: task \"no-such-task\" is not a task of suite sed-core (tasks: " + two.get(0).id() + ", "
                        + two.get(1).id() + ")",
                "W.csv: error: no weight for task(s) " + two.get(1).id()
                        + " (every planned task needs a row; weight 0 leaves a task out of the composite)");
    }

    @Test
    void refusesAPlanWithNoCandidatesOrAnUnboundOne() {
        Suite suite = shipped();
        assertThat(PlanMaker.make("s", suite, suite.tasks(), settings(List.of(), null), "W.csv").problems())
                .containsExactly("the plan names no candidates: give --candidates a,b");
        assertThat(PlanMaker.make("s", suite, suite.tasks(), settings(List.of("legacy", "epic"), null), "W.csv")
                .problems()).singleElement().asString().startsWith("candidate \"epic\" has no binding in suite sed-core");
    }
}
