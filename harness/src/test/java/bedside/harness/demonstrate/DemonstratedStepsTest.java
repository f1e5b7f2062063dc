package bedside.harness.demonstrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules that turn a demonstration's events into binding steps, on events as the recorder sends them. */
class DemonstratedStepsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, Object> VALUES = Map.of("patient", Map.of("nhsNumber", "9995260182", "name", "Margaret Okafor",
            "birthDate", "1948-03-12"), "sex", "F");

    static DemonstratedSteps.Seen seen(String type, String json) throws Exception {
        return new DemonstratedSteps.Seen(type, JSON.readTree(json));
    }

    static List<String> lines(List<DemonstratedSteps.Drafted> steps) {
        return BindingFile.stepLines(steps, 0);
    }

    @Test
    void elementsAreFoundByTestIdThenRoleAndNameThenLabelThenStableAttributesNeverByClassOrPlace() throws Exception {
        List<DemonstratedSteps.Seen> events = List.of(
                // a test id wins over everything else
                seen("pointer-down", "{\"button\":0,\"target\":{\"tag\":\"button\",\"role\":\"button\",\"name\":\"Save\","
                        + "\"css\":\"div.css-1q2w3e > button:nth-of-type(2)\",\"testId\":{\"attr\":\"data-testid\","
                        + "\"value\":\"save-allergy\"},\"actionable\":true}}"),
                // role and name; the framework's generated id and class path are never used
                seen("pointer-down", "{\"button\":0,\"target\":{\"tag\":\"a\",\"id\":\":r5:\",\"role\":\"link\","
                        + "\"name\":\"Allergies\",\"css\":\"#\\\\:r5\\\\:\",\"same\":1,\"actionable\":true}}"),
                // a press on nothing that acts: no step
                seen("pointer-down", "{\"button\":0,\"target\":{\"tag\":\"p\",\"name\":\"Some text\",\"actionable\":false}}"),
                // no role: its label
                seen("pointer-down", "{\"button\":0,\"target\":{\"tag\":\"div\",\"label\":\"Severity\",\"css\":\"div.x\","
                        + "\"actionable\":true}}"),
                // nothing but a name attribute
                seen("pointer-down", "{\"button\":0,\"target\":{\"tag\":\"div\",\"attrs\":{\"name\":\"picker\"},"
                        + "\"css\":\"div.jss42\",\"actionable\":true}}"),
                // an id a framework made: not used; visible text instead
                seen("pointer-down", "{\"button\":0,\"target\":{\"tag\":\"span\",\"id\":\"mui-12345\",\"name\":\"Next\","
                        + "\"css\":\"#mui-12345\",\"actionable\":true}}"),
                // a hand-written id is stable
                seen("pointer-down", "{\"button\":0,\"target\":{\"tag\":\"div\",\"id\":\"allergy-form\",\"css\":\"#allergy-form\","
                        + "\"actionable\":true}}"),
                // two of the same role and name: the one pressed, said so in a comment
                seen("pointer-down", "{\"button\":0,\"target\":{\"tag\":\"a\",\"role\":\"link\",\"name\":\"Process\",\"same\":3,"
                        + "\"index\":2,\"actionable\":true}}"),
                // the right button opens a context menu: not a click
                seen("pointer-down", "{\"button\":2,\"target\":{\"tag\":\"a\",\"role\":\"link\",\"name\":\"X\",\"actionable\":true}}"));
        List<DemonstratedSteps.Drafted> steps = new DemonstratedSteps(VALUES).from(events);
        assertThat(lines(steps)).containsExactly(
                "- click: {css: '[data-testid=\"save-allergy\"]'}",
                "- click: {role: link, name: Allergies}",
                "- click: {label: Severity}",
                "- click: {css: 'div[name=\"picker\"]'}",
                "- click: {text: Next}",
                "- click: {css: '#allergy-form'}",
                "# 3 elements share this role and name: the one pressed is chosen by its place; a `within:` (the row or"
                        + " dialog it is in) would be sturdier",
                "- click: {role: link, name: Process, nth: 2}");
        assertThat(String.join("\n", lines(steps))).doesNotContain("css-1q2w3e", "jss42", "nth-of-type", "mui-12345", ":r5:");
    }

    @Test
    void typedValuesBecomeTheSuitesParametersAndGoWhereTheTypingBegan() throws Exception {
        String nhs = "{\"tag\":\"input\",\"role\":\"textbox\",\"name\":\"NHS No.\",\"inputType\":\"text\",\"key\":4,\"css\":\"#nhs\"}";
        String dob = "{\"tag\":\"input\",\"role\":\"textbox\",\"name\":\"Date of birth\",\"inputType\":\"text\",\"key\":5,\"css\":\"#dob\"}";
        String pw = "{\"tag\":\"input\",\"role\":\"textbox\",\"name\":\"Password\",\"inputType\":\"password\",\"key\":6,\"css\":\"#pw\"}";
        List<DemonstratedSteps.Seen> events = List.of(
                seen("pointer-down", "{\"button\":0,\"target\":" + nhs + "}"), // focusing a field is not a step
                seen("input", "{\"target\":" + nhs + "}"),
                seen("input", "{\"target\":" + nhs + "}"),
                // the press on Search blurs the field: its change comes after, its step goes before
                seen("pointer-down", "{\"button\":0,\"target\":{\"tag\":\"button\",\"role\":\"button\",\"name\":\"Search\",\"actionable\":true}}"),
                seen("change", "{\"target\":" + nhs + ",\"value\":\"9995260182\"}"),
                // a row naming the patient among other text: the parameter, matched as contained
                seen("pointer-down", "{\"button\":0,\"target\":{\"tag\":\"a\",\"role\":\"link\",\"name\":\"Margaret Okafor — 999 526 0182\",\"actionable\":true}}"),
                seen("input", "{\"target\":" + dob + "}"),
                seen("change", "{\"target\":" + dob + ",\"value\":\"12/03/1948\"}"),
                seen("input", "{\"target\":" + pw + "}"),
                seen("change", "{\"target\":" + pw + ",\"value\":\"not-a-parameter\"}"),
                seen("change", "{\"target\":{\"tag\":\"select\",\"role\":\"combobox\",\"name\":\"Sex\",\"key\":7},\"value\":\"F\"}"),
                seen("dialog-open", "{\"kind\":\"confirm\",\"message\":\"Are you sure you want to save this for Margaret Okafor?\"}"),
                seen("dialog-close", "{\"kind\":\"confirm\",\"accepted\":true}"));
        assertThat(lines(new DemonstratedSteps(VALUES).from(events))).containsExactly(
                "- type: {into: {role: textbox, name: NHS No.}, text: '${patient.nhsNumber}'}",
                "- click: {role: button, name: Search}",
                "- click: {role: link, name: '${patient.name}', match: contains}",
                "- setDate: {into: {role: textbox, name: Date of birth}, value: '${patient.birthDate}', format: DD/MM/YYYY}",
                "# a secret was typed here that is none of the suite's parameters: put it in the suite's data and name"
                        + " its parameter (it is not written here)",
                "- type: {into: {role: textbox, name: Password}, text: '', secret: true}",
                "- select: {from: {role: combobox, name: Sex}, option: '${sex}'}",
                "- acceptDialog: {text: Are you sure you}");
    }

    @Test
    void aValueTooShortToMeanAParameterInsideTextIsLeftAsItIs() throws Exception {
        DemonstratedSteps d = new DemonstratedSteps(VALUES);
        assertThat(d.parameterised("F")).isEqualTo("${sex}");
        assertThat(d.parameterised("Find patient")).isEqualTo("Find patient");
        assertThat(d.parameterised("Okafor, Margaret Okafor!")).isEqualTo("Okafor, ${patient.name}!");
    }

}
