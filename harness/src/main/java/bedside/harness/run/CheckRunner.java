package bedside.harness.run;

import bedside.scenarios.Binding;
import bedside.scenarios.Check;
import bedside.scenarios.Step;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * Judges an attempt by the candidate's state afterwards — its page, its URL, its own API — never by the
 * click path. Each check is retried until it passes or its timeout ends, since a candidate may save
 * asynchronously.
 */
final class CheckRunner {
    private static final Configuration JSON_PATH = Configuration.defaultConfiguration()
            .addOptions(Option.SUPPRESS_EXCEPTIONS);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final WebDriver driver;
    private final CandidateTarget candidate;
    private final FhirCheck fhir;

    CheckRunner(WebDriver driver, CandidateTarget candidate) {
        this(driver, candidate, Binding.Readers.NONE);
    }

    /** With the readers the candidate's binding names (its FHIR R4 API), for {@code fhir} checks. */
    CheckRunner(WebDriver driver, CandidateTarget candidate, Binding.Readers readers) {
        this.driver = driver;
        this.candidate = candidate;
        this.fhir = new FhirCheck(HTTP, candidate, readers == null ? null : readers.fhir(), Duration.ofSeconds(10));
    }

    CheckResult check(Check check, boolean critical, UnaryOperator<String> fill) {
        long deadline = System.nanoTime() + Math.round(Math.max(0.1, check.timeoutSeconds()) * 1e9);
        CheckResult last;
        while (true) {
            last = once(check, critical, fill);
            if (last.passed() || last.unanswered() || System.nanoTime() > deadline) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new CheckResult(last.description(), critical, false,
                        "the check was interrupted (Bedside is stopping)", true);
            }
        }
    }

    /** How long a read-back may take to reach its screen and answer (its own steps wait as steps do). */
    static final Duration READ_BACK_LIMIT = Duration.ofSeconds(60);

    /**
     * Answers a check in the candidate's own UI, as its binding says, after the clock has stopped (nothing done here
     * counts in the attempt's measures). A read-back that begins by opening a page runs in a new tab of the attempt's
     * browser, so the screen the attempt ended on stays as it was; one that does not answers on that very screen, in
     * the attempt's own tab (what was open when the clock stopped: the record a participant chose, say). A step before
     * the last that cannot be done means the screen that shows the answer was not reached: could not be checked. The
     * last step, the {@code assert}, is the answer: it fails, the check is not met.
     */
    CheckResult readBack(Check check, boolean critical, List<Step> steps, Map<String, ?> values,
                         Map<String, Binding.Fragment> fragments, UnaryOperator<String> fill) {
        String description = fill.apply(check.description());
        boolean newTab = opensAPage(steps, fragments);
        String original = null;
        if (newTab) {
            try {
                original = driver.getWindowHandle();
                driver.switchTo().newWindow(WindowType.TAB);
            } catch (WebDriverException e) {
                return new CheckResult(description, critical, false, "the read-back could not open a tab: "
                        + StepRunner.firstLine(e), true);
            }
        }
        StepRunner runner = new StepRunner(driver, candidate, fragments, System.nanoTime() + READ_BACK_LIMIT.toNanos());
        int last = steps.size() - 1;
        try {
            try {
                runner.run(steps.subList(0, last), values, "read-back ", 0);
            } catch (StepFailure f) {
                return new CheckResult(description, critical, false, "the read-back did not reach its answer: step "
                        + f.step() + ": " + f.getMessage(), true);
            } catch (StepRunner.TimeLimitReached t) {
                return new CheckResult(description, critical, false, "the read-back did not reach its answer within "
                        + READ_BACK_LIMIT.toSeconds() + " s (" + t.step + ")", true);
            }
            try {
                runner.run(steps.subList(last, last + 1), values, "read-back ", last);
                return new CheckResult(description, critical, true, "met", false);
            } catch (StepFailure f) {
                boolean gone = f.suggested() == bedside.results.Outcome.SYSTEM_ERROR;
                return new CheckResult(description, critical, false, (gone ? "the read-back could not answer: " : "")
                        + f.getMessage(), gone);
            } catch (StepRunner.TimeLimitReached t) {
                return new CheckResult(description, critical, false, "the read-back did not answer within "
                        + READ_BACK_LIMIT.toSeconds() + " s", true);
            }
        } finally {
            if (original != null) {
                try {
                    driver.close();
                    driver.switchTo().window(original);
                } catch (WebDriverException e) {
                    // the browser is going: the next check says so
                }
            }
        }
    }

    /**
     * Whether a read-back goes to its answer (its first step, or the first of the fragment it begins with, is an
     * {@code open}) rather than reading the screen the attempt ended on.
     */
    static boolean opensAPage(List<Step> steps, Map<String, Binding.Fragment> fragments) {
        Step first = steps.isEmpty() ? null : steps.get(0);
        for (int depth = 0; first instanceof Step.Use u && depth < 10; depth++) {
            Binding.Fragment f = fragments.get(u.fragment());
            first = f == null || f.steps().isEmpty() ? null : f.steps().get(0);
        }
        return first instanceof Step.Open;
    }

    private CheckResult once(Check check, boolean critical, UnaryOperator<String> fill) {
        String description = fill.apply(check.description());
        try {
            if (check instanceof Check.Fhir c) {
                return fhir.run(c, description, critical, fill);
            } else if (check instanceof Check.Http c) {
                return http(c, description, critical, fill);
            } else if (check instanceof Check.Dom c) {
                return dom(c, description, critical, fill);
            }
            return url((Check.Url) check, description, critical, fill);
        } catch (WebDriverException e) {
            return new CheckResult(description, critical, false, "the browser could not be asked: "
                    + StepRunner.firstLine(e), StepRunner.isBrowserGone(e));
        }
    }

    private CheckResult http(Check.Http c, String description, boolean critical, UnaryOperator<String> fill) {
        String url = candidate.resolve(fill.apply(c.get()));
        HttpResponse<String> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new CheckResult(description, critical, false, "GET " + url + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CheckResult(description, critical, false, "the check was interrupted (Bedside is stopping)", true);
        }
        if (response.statusCode() != c.status()) {
            // An error status is no answer about the candidate's state (the endpoint is not there, not allowed, or
            // failing); another success status than the one expected is an answer: not met.
            boolean error = response.statusCode() >= 400;
            return new CheckResult(description, critical, false, "GET " + url + " answered HTTP " + response.statusCode()
                    + ", expected " + c.status(), error);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();
        if (!looksLikeJson(type, body)) {
            return new CheckResult(description, critical, false, "GET " + url + " did not answer JSON (Content-Type "
                    + (type.isEmpty() ? "none" : type) + ", body starts " + StepRunner.quote(body, 40) + ")", true);
        }
        Object document;
        try {
            document = JSON_PATH.jsonProvider().parse(body);
        } catch (RuntimeException e) {
            return new CheckResult(description, critical, false, "GET " + url + " answered something that is not JSON: "
                    + StepRunner.firstLine(e), true);
        }
        for (Check.JsonExpectation x : c.expect()) {
            String path = fill.apply(x.path());
            Object value;
            try {
                value = JsonPath.using(JSON_PATH).parse(document).read(path);
            } catch (PathNotFoundException e) {
                value = null;
            }
            String problem = expectation(x, value, fill);
            if (problem != null) {
                return new CheckResult(description, critical, false, path + ": " + problem, false);
            }
        }
        return new CheckResult(description, critical, true, "GET " + url + " as expected", false);
    }

    /** A JSON answer: declared so (application/json, application/fhir+json, …) or, undeclared, shaped so. */
    static boolean looksLikeJson(String contentType, String body) {
        String t = contentType.toLowerCase(java.util.Locale.ROOT);
        if (t.contains("json")) {
            return true;
        }
        String b = body == null ? "" : body.stripLeading();
        return (t.isEmpty() || t.startsWith("text/plain")) && (b.startsWith("{") || b.startsWith("["));
    }

    /** Null when the JSON value meets the expectation, otherwise what was found instead. */
    static String expectation(Check.JsonExpectation x, Object value, UnaryOperator<String> fill) {
        int count = value == null ? 0 : value instanceof Collection<?> col ? col.size() : 1;
        if (x.count() != null && count != x.count()) {
            return "expected " + x.count() + " match(es), found " + count;
        }
        if (x.exists() != null && (count > 0) != x.exists()) {
            return x.exists() ? "expected it to exist, found nothing" : "expected nothing, found " + count;
        }
        if (x.equals() != null) {
            Object single = value instanceof List<?> list && list.size() == 1 ? list.get(0) : value;
            if (single == null || !fill.apply(x.equals()).equals(String.valueOf(single))) {
                return "expected \"" + fill.apply(x.equals()) + "\", found " + value;
            }
        }
        if (x.contains() != null) {
            String want = fill.apply(x.contains());
            boolean ok = value instanceof Collection<?> col
                    ? col.stream().anyMatch(v -> String.valueOf(v).contains(want))
                    : value != null && String.valueOf(value).contains(want);
            if (!ok) {
                return "expected it to contain \"" + want + "\", found " + value;
            }
        }
        return null;
    }

    private CheckResult dom(Check.Dom c, String description, boolean critical, UnaryOperator<String> fill) {
        List<WebElement> els = Locators.find(driver, c.target().map(fill)).visible();
        String where = StepRunner.shown(c.target(), fill);
        if (c.count() != null) {
            return result(description, critical, els.size() == c.count(), where + ": expected " + c.count() + ", found " + els.size());
        }
        if (els.isEmpty()) {
            return result(description, critical, false, where + ": no element matches");
        }
        if (c.text() != null) {
            String want = fill.apply(c.text());
            return result(description, critical, els.stream().anyMatch(e -> e.getText().contains(want)),
                    where + ": expected text \"" + want + "\"");
        }
        if (c.value() != null) {
            String want = fill.apply(c.value());
            return result(description, critical, els.stream().anyMatch(e -> want.equals(e.getDomProperty("value"))),
                    where + ": expected value \"" + want + "\"");
        }
        return result(description, critical, true, where + " is present");
    }

    private CheckResult url(Check.Url c, String description, boolean critical, UnaryOperator<String> fill) {
        String current = driver.getCurrentUrl();
        boolean ok = c.contains() != null ? current.contains(fill.apply(c.contains()))
                : Pattern.compile(fill.apply(c.matches())).matcher(current).find();
        return result(description, critical, ok, "the URL is " + current);
    }

    private static CheckResult result(String description, boolean critical, boolean passed, String detail) {
        return new CheckResult(description, critical, passed, passed ? "met" : detail, false);
    }
}
