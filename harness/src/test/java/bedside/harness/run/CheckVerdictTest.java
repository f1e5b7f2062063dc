package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.scenarios.Check;
import io.javalin.Javalin;
import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a check answers met, not met, or could not be checked. An error status, an HTML page where JSON was
 * expected, a refused connection are no answer about the candidate's state — never a verdict against it; an
 * absence check counts only on a valid answer. Against a real HTTP server (no browser needed for HTTP checks).
 */
class CheckVerdictTest {
    static Javalin app;
    static CheckRunner checks;
    static final UnaryOperator<String> SAME = s -> s;

    @BeforeAll
    static void serve() {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/fhir/AllergyIntolerance", ctx -> ctx.contentType("application/fhir+json")
                    .result("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"code\":{\"text\":\"Penicillin\"}}}]}"));
            cfg.routes.get("/fhir/Empty", ctx -> ctx.contentType("application/json").result("{\"resourceType\":\"Bundle\"}"));
            cfg.routes.get("/app/fhir/Patient", ctx -> ctx.html("<!doctype html><html><body><div id=root></div></body></html>"));
            cfg.routes.get("/broken", ctx -> ctx.status(500).result("oops"));
            cfg.routes.get("/created", ctx -> ctx.status(201).contentType("application/json").result("{}"));
        }).start("127.0.0.1", 0);
        checks = new CheckRunner(null, new CandidateTarget("t", "Test", "Tests",
                URI.create("http://127.0.0.1:" + app.port() + "/"), null));
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    static Check.Http get(String path, Check.JsonExpectation... expect) {
        return new Check.Http("the record", path, 200, List.of(expect), 0.1, null);
    }

    static Check.JsonExpectation count(String path, int n) {
        return new Check.JsonExpectation(path, null, null, n, null, null);
    }

    @Test
    void aValidAnswerIsMetOrNotMet() {
        CheckResult met = checks.check(get("/fhir/AllergyIntolerance", count("$.entry[*]", 1)), false, SAME);
        assertThat(met.passed()).isTrue();
        assertThat(met.unanswered()).isFalse();
        CheckResult unmet = checks.check(get("/fhir/AllergyIntolerance", count("$.entry[*]", 2)), false, SAME);
        assertThat(unmet.passed()).isFalse();
        assertThat(unmet.unanswered()).isFalse();
        assertThat(unmet.detail()).contains("expected 2 match(es), found 1");
        // an absence check on a valid answer counts
        CheckResult absent = checks.check(get("/fhir/Empty", count("$.entry[*]", 0)), true, SAME);
        assertThat(absent.passed()).isTrue();
        // another success status than expected is an answer: not met
        CheckResult created = checks.check(get("/created"), false, SAME);
        assertThat(created.passed()).isFalse();
        assertThat(created.unanswered()).isFalse();
    }

    @Test
    void noValidAnswerIsCouldNotBeCheckedNeverAVerdict() {
        // an HTML page answered with 200: an absence check must not pass on it
        CheckResult html = checks.check(get("/app/fhir/Patient", count("$.entry[*]", 0)), true, SAME);
        assertThat(html.passed()).isFalse();
        assertThat(html.unanswered()).isTrue();
        assertThat(html.detail()).contains("did not answer JSON").contains("text/html");
        CheckResult missing = checks.check(get("/fhir/Patient", count("$.entry[*]", 1)), false, SAME);
        assertThat(missing.unanswered()).isTrue();
        assertThat(missing.detail()).contains("answered HTTP 404, expected 200");
        CheckResult failing = checks.check(get("/broken", count("$.x", 1)), false, SAME);
        assertThat(failing.unanswered()).isTrue();
        CheckRunner nowhere = new CheckRunner(null, new CandidateTarget("t", "Test", "Tests",
                URI.create("http://127.0.0.1:9/"), null));
        CheckResult refused = nowhere.check(get("/fhir/AllergyIntolerance", count("$.entry[*]", 1)), false, SAME);
        assertThat(refused.unanswered()).isTrue();
        assertThat(refused.detail()).contains("ConnectException");
    }

    @Test
    void jsonIsRecognisedByItsTypeOrItsShape() {
        assertThat(CheckRunner.looksLikeJson("application/fhir+json; charset=utf-8", "")).isTrue();
        assertThat(CheckRunner.looksLikeJson("", " {\"a\":1}")).isTrue();
        assertThat(CheckRunner.looksLikeJson("text/html", "{\"a\":1}")).isFalse();
        assertThat(CheckRunner.looksLikeJson("", "<html>")).isFalse();
    }
}
