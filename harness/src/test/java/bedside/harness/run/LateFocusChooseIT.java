package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.browser.BrowserSettings;
import bedside.results.Outcome;
import bedside.scenarios.ReadResult;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code choose} with {@code search:} on a combobox that moves the focus into its search field only a moment after the
 * click, as Select2 4 does (HAPI FHIR's tester, realapps/hapi-fhir): it focuses the field on mousedown, the browser then
 * focuses the clicked control, and Select2 takes the focus back in a setTimeout. The step must wait for that, not fail
 * with "the control takes no typing once opened" whenever the click returns before the timeout has run.
 */
class LateFocusChooseIT {
    /** The page: the list opens on mousedown; its search field gets the focus back 300 ms later. */
    static final String PAGE = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Search</title></head><body>
            <span id="caption">Search parameter</span>
            <span id="box" role="combobox" tabindex="0" aria-labelledby="caption" aria-expanded="false">(choose)</span>
            <div id="drop" hidden>
              <input id="search" aria-label="Filter parameters">
              <ul role="listbox" aria-label="Parameters">
                <li role="option">identifier - A patient identifier</li>
                <li role="option">name - A portion of the name</li>
                <li role="option">birthdate - The date of birth</li>
              </ul>
            </div>
            <p>Chosen: <output id="chosen"></output></p>
            <script>
              const box = document.getElementById('box'), drop = document.getElementById('drop');
              const search = document.getElementById('search'), chosen = document.getElementById('chosen');
              box.addEventListener('mousedown', () => {
                drop.hidden = false; box.setAttribute('aria-expanded', 'true');
                search.focus();                                  // taken back by the browser's focus of the box...
                setTimeout(() => search.focus(), 300);           // ...and given back later
              });
              search.addEventListener('input', () => {
                for (const li of drop.querySelectorAll('li')) li.hidden = !li.textContent.includes(search.value);
              });
              for (const li of drop.querySelectorAll('li')) li.addEventListener('click', () => {
                chosen.textContent = li.textContent.split(' - ')[0]; drop.hidden = true; search.value = '';
                box.setAttribute('aria-expanded', 'false');
              });
            </script></body></html>
            """;

    static final String SUITE = """
            suite:
              id: late-focus
              title: A combobox that focuses its search field late
              candidates: [late]
            dataSets:
              default: {param: identifier}
            tasks:
              - id: choose-late
                title: Choose a search parameter
                instruction: Choose the identifier parameter.
                criticality: low
                timeLimitSeconds: 30
                successCriteria:
                  - description: identifier is chosen
                    dom: {css: "#chosen", text: identifier}
            bindings:
              late:
                tasks:
                  choose-late:
                    setup:
                      - open: /
                    steps:
                      - choose: {from: {role: combobox}, option: identifier - A patient identifier, search: "${param}"}
            """;

    static Javalin site;
    static AttemptResult result;

    @BeforeAll
    static void choose(@TempDir Path dir) throws Exception {
        site = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.routes.get("/", ctx -> ctx.html(PAGE));
        }).start("127.0.0.1", 0);
        Path file = dir.resolve("late-focus.yaml");
        Files.writeString(file, SUITE);
        ReadResult read = SuiteReader.read(file);
        assertThat(read.problems()).isEmpty();
        Suite suite = read.suite();
        CandidateTarget target = new CandidateTarget("late", "late", "Bedside tests",
                URI.create("http://127.0.0.1:" + site.port()), null);
        result = new TaskRunner(BrowserSettings.local()).attempt(suite, suite.task("choose-late").orElseThrow(), target,
                UUID.randomUUID(), "script", 1);
        System.out.println("late focus: " + result.attempt().outcome() + " " + result.attempt().reason());
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.stop();
        }
    }

    @Test
    void theSearchIsTypedOnceTheFieldHasTheFocusAndTheOptionPicked() {
        assertThat(result.attempt().outcome()).as(result.attempt().reason()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.checks()).singleElement().satisfies(c -> assertThat(c.passed()).isTrue());
        assertThat(result.attempt().keystrokes()).isEqualTo("identifier".length());
    }
}
