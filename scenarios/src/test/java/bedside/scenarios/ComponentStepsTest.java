package bedside.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, part 4, as the reader sees it: {@code choose}, {@code setDate}, locators with {@code match}, {@code within}
 * and {@code nth}, {@code waitFor} counts and disappearance, {@code assert} with a timeout, and a binding's
 * {@code reset}; each mistake reported where it is.
 */
class ComponentStepsTest {
    static final String SUITE = """
            suite: {id: cs, title: Components, candidates: [alpha]}
            dataSets:
              default:
                patient: {name: "Okafor, Margaret"}
                allergy: {allergen: Penicillin, date: "1983-07-21", time: "14:30"}
            tasks:
              - {id: record, title: Record, instruction: Record., criticality: high, timeLimitSeconds: 60,
                 successCriteria: [{description: done, dom: {role: row, name: Penicillin, match: contains, nth: 1}}]}
            """;

    static ReadResult read(String binding) throws IOException {
        return readWithSuite(SUITE, binding);
    }

    static List<String> errors(ReadResult r) {
        return r.problems().stream().filter(Problem::isError).map(p -> p.at().line() + ":" + p.at().column() + " " + p.message())
                .toList();
    }

    @Test
    void theNewStepsAndLocatorKeysAreReadIntoTheModel() throws IOException {
        ReadResult r = read("""
                candidate: alpha
                reset:
                  request: {method: delete, url: /api/test-data}
                  steps:
                    - open: /patients
                    - click: {role: button, name: Clear local data}
                tasks:
                  record:
                    steps:
                      - click: {role: button, name: Open, within: {role: row, name: "${patient.name}", match: contains}}
                      - choose: {from: {label: Allergen}, option: "${allergy.allergen}", search: Peni}
                      - choose: {from: {label: Severity}, option: sev, match: contains}
                      - setDate: {into: {label: Reaction date}, value: "${allergy.date}", format: DD/MM/YYYY}
                      - setDate: {into: {label: Reaction time}, value: "${allergy.time}", format: "HH:mm"}
                      - click: {role: button, name: Add item, nth: 2}
                      - click: {text: "^Save$", match: regex, within: {role: dialog}}
                      - waitFor: {text: Allergy saved, gone: true, timeout: 5}
                      - waitFor: {role: row, count: 2}
                      - assert: {role: heading, name: Allergies, timeout: 3}
                """);
        assertThat(errors(r)).isEmpty();
        Binding b = r.suite().bindings().get("alpha");
        assertThat(b.reset().request()).isEqualTo(new Binding.Request("DELETE", "/api/test-data", b.reset().request().at()));
        assertThat(b.reset().steps()).hasSize(2);
        List<Step> steps = b.tasks().get("record").steps();

        Step.Click open = (Step.Click) steps.get(0);
        assertThat(open.target().within()).isNotNull();
        assertThat(open.target().within().kind()).isEqualTo(Locator.Kind.ROLE);
        assertThat(open.target().within().match()).isEqualTo(Locator.Match.CONTAINS);
        assertThat(open.target().match()).isEqualTo(Locator.Match.EXACT);
        Map<String, Object> values = Parameters.effectiveValues(r.suite(), r.suite().task("record").orElseThrow());
        assertThat(Parameters.fill(open, values)).isInstanceOfSatisfying(Step.Click.class, c -> assertThat(c.target().describe())
                .isEqualTo("role=button name=\"Open\" within role=row name=\"Okafor, Margaret\" match=contains"));

        Step.Choose allergen = (Step.Choose) steps.get(1);
        assertThat(allergen.from().kind()).isEqualTo(Locator.Kind.LABEL);
        assertThat(allergen.search()).isEqualTo("Peni");
        assertThat(allergen.match()).isEqualTo(Locator.Match.EXACT);
        assertThat(((Step.Choose) Parameters.fill(allergen, values)).option()).isEqualTo("Penicillin");
        assertThat(((Step.Choose) steps.get(2)).match()).isEqualTo(Locator.Match.CONTAINS);

        Step.SetDate date = (Step.SetDate) Parameters.fill(steps.get(3), values);
        assertThat(date.value()).isEqualTo("1983-07-21");
        assertThat(date.format()).isEqualTo("DD/MM/YYYY");
        assertThat(((Step.Click) steps.get(5)).target().nth()).isEqualTo(2);
        assertThat(((Step.Click) steps.get(6)).target().match()).isEqualTo(Locator.Match.REGEX);

        Step.WaitFor gone = (Step.WaitFor) steps.get(7);
        assertThat(gone.gone()).isTrue();
        assertThat(gone.timeoutSeconds()).isEqualTo(5);
        Step.WaitFor count = (Step.WaitFor) steps.get(8);
        assertThat(count.count()).isEqualTo(2);
        assertThat(count.gone()).isFalse();
        assertThat(((Step.Assert) steps.get(9)).timeoutSeconds()).isEqualTo(3);

        Check.Dom check = (Check.Dom) r.suite().task("record").orElseThrow().successCriteria().get(0);
        assertThat(check.target().nth()).isEqualTo(1);
    }

    @Test
    void mistakesAreReportedWhereTheyAre() throws IOException {
        ReadResult r = read("""
                candidate: alpha
                reset: {}
                tasks:
                  record:
                    steps:
                      - click: {role: button, name: Save, match: fuzzy}
                      - click: {css: "#save", match: contains}
                      - click: {role: button, nth: 0}
                      - choose: {from: {label: Allergen}}
                      - setDate: {into: {label: Date}, value: "21/07/1983", format: DD/MM/YYYY}
                      - setDate: {into: {label: Date}, value: "1983-07-21", format: "--"}
                      - waitFor: {text: Saved, gone: true, count: 2}
                      - click: {text: "([a-z", match: regex}
                      - click: {target: {text: Save}, nth: 2}
                """);
        assertThat(errors(r)).containsExactly(
                "2:8 `reset` needs `request` (sent before each attempt), `steps` (run before each attempt) or both",
                "6:50 `match` is one of exact, contains, regex, not `fuzzy`",
                "7:31 `match` says how a role's `name`, a `label` or a `text` is compared; `css` is matched as written",
                "8:36 `nth` counts from 1 (the first match in the page's order)",
                "9:17 `choose` is missing `option`",
                "10:47 `21/07/1983` is not a date (YYYY-MM-DD), a time (HH:mm) or both (YYYY-MM-DDTHH:mm)",
                "11:69 `--` has no date or time letters",
                "12:32 `gone` waits until no element matches: it does not go with `count`",
                "13:23 not a regular expression: Unclosed character class near index 4",
                "14:39 `nth` beside `target`: write the locator either inside `target:` or directly, not both");
    }

    static final String FHIR_SUITE = """
            suite: {id: rb, title: Read-back, candidates: [alpha]}
            dataSets:
              default:
                patient: {nhs: "9990000011", name: "Okafor, Margaret"}
            tasks:
              - id: record
                title: Record
                instruction: Record.
                criticality: high
                timeLimitSeconds: 60
                successCriteria:
                  - description: the allergy is recorded
                    fhir: {search: AllergyIntolerance, patient: {system: "https://fhir.nhs.uk/Id/nhs-number", value: "${patient.nhs}"}, count: 1}
                criticalChecks:
                  - description: nothing on the look-alike
                    fhir: {search: AllergyIntolerance, patient: {system: "https://fhir.nhs.uk/Id/nhs-number", value: "1"}, count: 0}
            """;

    static ReadResult readWithSuite(String suite, String binding) throws IOException {
        Path dir = Files.createTempDirectory("bedside-rb");
        Files.writeString(dir.resolve("suite.yaml"), suite);
        Files.createDirectories(dir.resolve("bindings"));
        Files.writeString(dir.resolve("bindings/alpha.yaml"), binding);
        return SuiteReader.read(dir);
    }

    @Test
    void aReadBackAnswersAChecksInTheCandidatesOwnScreensInsteadOfAReader() throws IOException {
        ReadResult r = readWithSuite(FHIR_SUITE, """
                candidate: alpha
                tasks:
                  record:
                    steps: [{open: /record}]
                    readBack:
                      "the allergy is recorded":
                        - open: /patients
                        - waitFor: {role: heading, name: "${patient.name}"}
                        - assert: {role: row, name: Penicillin, match: contains}
                      "nothing on the look-alike":
                        - open: /patients/2
                        - assert: {role: row, count: 0}
                """);
        assertThat(errors(r)).isEmpty();
        Binding.TaskBinding t = r.suite().bindings().get("alpha").tasks().get("record");
        assertThat(t.readBack()).containsOnlyKeys("the allergy is recorded", "nothing on the look-alike");
        assertThat(t.readBack().get("the allergy is recorded")).hasSize(3).last().isInstanceOf(Step.Assert.class);

        ReadResult half = readWithSuite(FHIR_SUITE, """
                candidate: alpha
                tasks:
                  record:
                    steps: [{open: /record}]
                    readBack:
                      "the allergy is recorded":
                        - assert: {role: row, name: Penicillin, match: contains}
                """);
        assertThat(errors(half)).containsExactly("1:12 task record, check 'nothing on the look-alike' (suite.yaml:15:9) needs"
                + " a fhir reader; this binding has none");
    }

    @Test
    void aReadBackNamesACheckOfItsTaskAndEndsWithTheAssertThatAnswersIt() throws IOException {
        ReadResult r = readWithSuite(FHIR_SUITE, """
                candidate: alpha
                readers: {fhir: {base: /fhir}}
                tasks:
                  record:
                    steps: [{open: /record}]
                    readBack:
                      "the allergy is recordd":
                        - assert: {role: row, count: 1}
                      "nothing on the look-alike":
                        - open: /patients/2
                """);
        assertThat(errors(r)).containsExactly(
                "7:7 task record has no check 'the allergy is recordd' to read back",
                "9:7 the read-back of 'nothing on the look-alike' must end with the `assert` that answers the check");
    }

    @Test
    void aDateValueIsWrittenInTheFieldsFormat() {
        DateValue v = DateValue.of("1983-07-21T14:05");
        assertThat(v.format("DD/MM/YYYY")).isEqualTo("21/07/1983");
        assertThat(v.format("MM/DD/YYYY")).isEqualTo("07/21/1983");
        assertThat(v.format("D MMM YYYY")).isEqualTo("21 Jul 1983");
        assertThat(v.format("YYYY-MM-DD HH:mm")).isEqualTo("1983-07-21 14:05");
        assertThat(v.format("hh:mm A")).isEqualTo("02:05 PM");
        assertThat(v.format("h:mm a")).isEqualTo("2:05 pm");
        assertThat(DateValue.of("9:30").time()).hasToString("09:30");
        assertThat(DateValue.of("1983-07-21").fits("HH:mm")).contains("the format `HH:mm` shows a time, the value has none");
        assertThat(DateValue.parts("DD/MM/YYYY")).containsExactly("DD", "/", "MM", "/", "YYYY");
    }
}
