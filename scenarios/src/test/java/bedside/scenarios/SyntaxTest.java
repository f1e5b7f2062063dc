package bedside.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntaxTest {
    @Test
    void cssSelectorsAsBrowsersTakeThem() {
        assertThat(Syntax.cssError("#allergies li")).isEmpty();
        assertThat(Syntax.cssError("[role=status]")).isEmpty();
        assertThat(Syntax.cssError("li[data-id='${patient.id}'] > a:not(.hidden)")).isEmpty();
        assertThat(Syntax.cssError("#${row.id}")).isEmpty();
        assertThat(Syntax.cssError("div >> span")).get().asString().startsWith("invalid css selector");
        assertThat(Syntax.cssError("li:contains(Lee)")).contains("`:contains(` is not css a browser understands");
        assertThat(Syntax.cssError(" ")).contains("empty css selector");
    }

    @Test
    void xpathOneExpressions() {
        assertThat(Syntax.xpathError("//td[normalize-space()='${patient.name}']")).isEmpty();
        assertThat(Syntax.xpathError("//li[${n}]")).isEmpty();
        assertThat(Syntax.xpathError("//li[@id='x'")).get().asString().startsWith("invalid xpath");
    }

    @Test
    void jsonPathsAndRegularExpressions() {
        assertThat(Syntax.jsonPathError("$.entry[?(@.resource.code.text == 'Penicillin')]")).isEmpty();
        assertThat(Syntax.jsonPathError("$.entry[?(@.id == '${patient.id}')].resource")).isEmpty();
        assertThat(Syntax.jsonPathError("$.entry[?(@.code == 'x']")).get().asString().startsWith("invalid JsonPath");
        assertThat(Syntax.regexError("/chart/\\d+")).isEmpty();
        assertThat(Syntax.regexError("/chart/(")).get().asString().startsWith("invalid regular expression");
    }

    @Test
    void suggestionsForgiveCaseSeparatorsAndSmallTypos() {
        List<String> keys = SuiteReader.TASK_KEYS;
        assertThat(Suggest.closest("sucessCriteria", keys)).contains("successCriteria");
        assertThat(Suggest.closest("success_criteria", keys)).contains("successCriteria");
        assertThat(Suggest.closest("TimeLimit", keys)).contains("timeLimitSeconds");
        assertThat(Suggest.closest("banana", keys)).isEmpty();
    }

    @Test
    void keyNamesMapToSeleniumKeys() {
        assertThat(Keys.seleniumName("Enter")).contains("ENTER");
        assertThat(Keys.seleniumName("ArrowDown")).contains("ARROW_DOWN");
        assertThat(Keys.seleniumName("page-up")).contains("PAGE_UP");
        assertThat(Keys.seleniumName("Backspace")).contains("BACK_SPACE");
        assertThat(Keys.seleniumName("Esc")).contains("ESCAPE");
        assertThat(Keys.seleniumName("a")).contains("a");
        assertThat(Keys.seleniumName("Entr")).isEmpty();
    }
}
