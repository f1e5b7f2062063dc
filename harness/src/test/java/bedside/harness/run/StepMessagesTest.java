package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.record.PageEvent;
import bedside.scenarios.Locator;
import bedside.scenarios.Parameters;
import bedside.scenarios.Step;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Issue 19 (6): messages an evaluator can act on — the values used, not the templates; the page's own errors. */
class StepMessagesTest {
    static final UnaryOperator<String> FILL = t -> t == null ? null
            : Parameters.resolve(t, Map.of("patient", Map.of("listName", "Okafor, Margaret", "drug", "Penicillin")));

    @Test
    void stepsAreDescribedWithTheValuesUsed() {
        Locator row = new Locator(Locator.Kind.ROLE, "link", "${patient.listName}", null);
        Locator field = new Locator(Locator.Kind.LABEL, "Allergy to ${patient.drug}", null, null);
        assertThat(StepRunner.what(new Step.Click(row, null), FILL)).isEqualTo("click role=link name=\"Okafor, Margaret\"");
        assertThat(StepRunner.what(new Step.Select(field, "${patient.drug}", null), FILL))
                .isEqualTo("select \"Penicillin\" in label=\"Allergy to Penicillin\"");
        assertThat(StepRunner.shown(row, FILL)).doesNotContain("${");
    }

    static PageEvent event(String type, String message, String source) {
        ObjectNode data = new ObjectMapper().createObjectNode().put("message", message).put("source", source).put("line", 12);
        return new PageEvent("d1", true, 1, 0, 1.0, type, "http://x/", 0L, data);
    }

    @Test
    void thePagesOwnErrorsAreNamedLastThreeDistinct() {
        assertThat(TaskRunner.pageErrors(List.of())).isNull();
        assertThat(TaskRunner.pageErrors(List.of(event("js-error", "TypeError: form.id.trim is not a function", "app.js"))))
                .isEqualTo("the page reported an error: TypeError: form.id.trim is not a function (app.js:12)");
        String many = TaskRunner.pageErrors(List.of(event("js-error", "A", "a.js"), event("js-error", "B", "b.js"),
                event("js-error", "A", "a.js"), event("click", "x", "y"), event("js-error", "C", "c.js"),
                event("js-error", "D", "d.js")));
        assertThat(many).isEqualTo("the page reported 4 errors, the last: A (a.js:12); C (c.js:12); D (d.js:12)");
    }
}
