package bedside.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {
    static final Map<String, Object> DATA = Map.of(
            "patient", Map.of("name", "Margaret Okafor", "nhsNumber", "999 526 0182"),
            "medications", List.of(Map.of("name", "Amoxicillin")),
            "ward", "7B");

    @Test
    void fillsNestedValues() {
        assertThat(Parameters.resolve("${patient.name} (NHS ${patient.nhsNumber}) on ${ward}", DATA))
                .isEqualTo("Margaret Okafor (NHS 999 526 0182) on 7B");
        assertThat(Parameters.resolve("${ patient.name }", DATA)).isEqualTo("Margaret Okafor");
        assertThat(Parameters.resolve("${medications.0.name}", DATA)).isEqualTo("Amoxicillin");
    }

    @Test
    void textWithoutParametersIsUnchangedAndEscapesAreLiteral() {
        assertThat(Parameters.resolve("plain $ text {x}", DATA)).isEqualTo("plain $ text {x}");
        assertThat(Parameters.resolve("$${patient.name} is ${patient.name}", DATA)).isEqualTo("${patient.name} is Margaret Okafor");
        assertThat(Parameters.resolve(null, DATA)).isNull();
    }

    @Test
    void missingMalformedAndGroupParametersFail() {
        assertThatThrownBy(() -> Parameters.resolve("${patient.nhsNumbr}", DATA))
                .isInstanceOf(Parameters.UnresolvedParameterException.class)
                .hasMessage("no value for `${patient.nhsNumbr}`");
        assertThatThrownBy(() -> Parameters.resolve("${patient}", DATA))
                .hasMessage("`${patient}` names a group of values, not one value");
        assertThatThrownBy(() -> Parameters.resolve("${patient.name", DATA)).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Parameters.resolve("${a b}", DATA)).hasMessageContaining("is not a parameter name");
        assertThatThrownBy(() -> Parameters.resolve("${medications.3.name}", DATA))
                .isInstanceOfSatisfying(Parameters.UnresolvedParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("medications.3.name"));
    }

    @Test
    void listsReferencesWithOffsets() {
        List<Parameters.Reference> refs = Parameters.references("a ${x.y} $${z} ${} ${q");
        assertThat(refs).extracting(Parameters.Reference::name).containsExactly("x.y", "", "q");
        assertThat(refs.get(0).start()).isEqualTo(2);
        assertThat(refs.get(0).end()).isEqualTo(8);
        assertThat(refs.get(0).error()).isNull();
        assertThat(refs.get(1).error()).isEqualTo("empty parameter `${}`");
        assertThat(refs.get(2).error()).contains("not closed");
    }

    @Test
    void taskParametersOverrideTheDataSetAndMayUseIt() {
        Map<String, Object> values = Parameters.effectiveValues(DATA,
                Map.of("patient.name", "M. Okafor", "query", "NHS ${patient.nhsNumber}", "substance", "Penicillin"));
        assertThat(Parameters.resolve("${patient.name}|${patient.nhsNumber}|${query}|${substance}", values))
                .isEqualTo("M. Okafor|999 526 0182|NHS 999 526 0182|Penicillin");
        assertThat(DATA.get("patient")).isEqualTo(Map.of("name", "Margaret Okafor", "nhsNumber", "999 526 0182"));
    }

    @Test
    void fragmentArgumentsComeFirst() {
        Map<String, Object> inFragment = Parameters.withArguments(DATA, Map.of("name", "Okafor, Margaret", "ward", "8A"));
        assertThat(Parameters.resolve("${name} ${ward} ${patient.nhsNumber}", inFragment))
                .isEqualTo("Okafor, Margaret 8A 999 526 0182");
    }

    @Test
    void effectiveValuesOfATaskUseItsOwnOrTheDefaultDataSet() {
        Suite suite = SuiteReader.read(SuiteReaderTest.ALLERGY).suite();
        Task task = suite.task("record-allergy").orElseThrow();
        assertThat(Parameters.resolve("${patient.name}", Parameters.effectiveValues(suite, task))).isEqualTo("Margaret Okafor");
    }

    @Test
    void namesListsEveryLeaf() {
        assertThat(Parameters.names(Map.of("patient", Map.of("name", "x")))).containsExactly("patient.name");
    }

    @Test
    void expandsFragmentsAndFillsEveryStep() {
        Suite suite = SuiteReader.read(SuiteReaderTest.ALLERGY).suite();
        Task task = suite.task("record-allergy").orElseThrow();
        Binding binding = suite.bindings().get("streamlined");
        Map<String, Object> values = Parameters.effectiveValues(suite, task);

        List<Step> setup = Parameters.expand(binding, binding.tasks().get("record-allergy").setup(), values);
        assertThat(setup).hasSize(4);
        assertThat(setup.get(0)).isInstanceOfSatisfying(Step.Open.class, o -> assertThat(o.url()).isEqualTo("/login"));
        assertThat(setup.get(1)).isInstanceOfSatisfying(Step.Type.class, t -> assertThat(t.text()).isEqualTo("dr.evans"));
        assertThat(setup.get(2)).isInstanceOfSatisfying(Step.Type.class, t -> {
            assertThat(t.text()).isEqualTo("bedside-demo");
            assertThat(t.secret()).isTrue();
        });

        List<Step> steps = Parameters.expand(binding, binding.tasks().get("record-allergy").steps(), values);
        assertThat(steps).noneMatch(s -> s instanceof Step.Use);
        assertThat(steps.get(0)).isInstanceOfSatisfying(Step.Type.class, t -> assertThat(t.text()).isEqualTo("9995260182"));
        assertThat(steps.get(1)).isInstanceOfSatisfying(Step.Click.class,
                c -> assertThat(c.target().name()).isEqualTo("Margaret Okafor"));

        Check check = Parameters.fill(task.criticalChecks().get(0), values);
        assertThat(((Check.Http) check).get()).isEqualTo("/fhir/AllergyIntolerance?patient=9991590838");
        assertThat(Parameters.resolve(task.instruction(), values)).startsWith("Margaret Okafor (NHS number 9995260182)");
    }
}
