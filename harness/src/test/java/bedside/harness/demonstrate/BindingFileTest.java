package bedside.harness.demonstrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The binding file's text after a demonstration: only the task's steps change; comments and everything else stay. */
class BindingFileTest {
    static final String YAML = """
            # The candidate's binding.
            candidate: ehr

            fragments:
              log-on:
                steps:
                  - open: /login

            tasks:
              record-allergy:
                setup:
                  - use: log-on
                # the old way
                steps:
                  - click: {role: button, name: Old}
                  - click: {role: button, name: Older}
                readBack:
                  "the allergy is listed":
                    - assert: {role: row, name: Penicillin}

              # prescribing is done elsewhere
              prescribe: {notApplicable: "no prescribing module"}
            """;

    static DemonstratedSteps.Drafted click(String name) {
        Map<String, Object> locator = new LinkedHashMap<>();
        locator.put("role", "button");
        locator.put("name", name);
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("click", locator);
        return new DemonstratedSteps.Drafted(step, null);
    }

    @Test
    void theStepsOfABoundTaskAreReplacedAndNothingElse() {
        String after = BindingFile.withSteps(YAML, "record-allergy", 10, List.of("Recorded."), List.of(),
                List.of(click("New: \"quoted\""), click("Save")));
        assertThat(after).isEqualTo(YAML.replace("""
                    steps:
                      - click: {role: button, name: Old}
                      - click: {role: button, name: Older}
                """, """
                    # Recorded.
                    steps:
                      - click: {role: button, name: 'New: "quoted"'}
                      - click: {role: button, name: Save}
                """));
    }

    @Test
    void aTaskMarkedNotApplicableOrUnboundGetsAnEntryOfItsOwn() {
        String replaced = BindingFile.withSteps(YAML, "prescribe", 22, List.of("Recorded."),
                List.of(new DemonstratedSteps.Drafted(Map.of("open", "/rx"), null)), List.of(click("Prescribe")));
        assertThat(replaced).contains("""
                  # prescribing is done elsewhere
                  prescribe:
                    setup:
                      - open: /rx
                    # Recorded.
                    steps:
                      - click: {role: button, name: Prescribe}
                """).doesNotContain("notApplicable");
        String added = BindingFile.withSteps(YAML, "find-patient", 0, List.of(), List.of(), List.of(click("Find")));
        assertThat(added).startsWith(YAML.stripTrailing()).endsWith("""

                  find-patient:
                    steps:
                      - click: {role: button, name: Find}
                """);
    }
}
