package bedside.harness.realapps;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.scenarios.ReadResult;
import bedside.scenarios.Suite;
import bedside.scenarios.SuiteReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What the tests on real apps share: the suite a run on an app takes, made by its script, and whether the app answers. */
final class RealApps {
    private RealApps() {}

    /** realapps/APP, the app's folder (scripts, overlay binding). */
    static Path folder(String app) {
        return Path.of("..", "realapps", app).toAbsolutePath().normalize();
    }

    /** The address the test runs on: the environment variable's, or the app's default. */
    static URI url(String variable, String fallback) {
        String given = System.getenv(variable);
        String u = given == null || given.isBlank() ? fallback : given;
        return URI.create(u.endsWith("/") ? u : u + "/");
    }

    /** realapps/APP/make-suite OUT, as a person runs it: the shipped suite with the app's binding. */
    static Path makeSuite(String app, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", folder(app).resolve("make-suite").toString(), out.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();
        assertThat(said.strip()).isEqualTo(out.toString());
        return out;
    }

    /** The suite in the folder, which must read without a problem and bind the candidate. */
    static Suite read(Path folder, String candidate) {
        ReadResult read = SuiteReader.read(folder);
        assertThat(read.problems()).as("problems in " + folder).isEmpty();
        assertThat(read.suite().bindings()).containsKey(candidate);
        return read.suite();
    }

    /** Each attempt in the test's output: what a reader of the log needs when an assertion fails. */
    static void print(String candidate, java.util.List<bedside.harness.run.AttemptResult> results) {
        for (var r : results) {
            System.out.println(candidate + ": " + r.attempt() + "\n  checks: " + r.checks() + "\n  KLM "
                    + (r.measures() == null ? "-" : r.measures().klmNotation()));
        }
    }

    /** A critical use error: every check answered, and its one critical check violated, saying {@code why}. */
    static void assertCriticalUseError(bedside.harness.run.AttemptResult r, String... why) {
        assertThat(r.attempt().outcome()).as(r.attempt().reason()).isEqualTo(bedside.results.Outcome.CRITICAL_USE_ERROR);
        assertThat(r.checks()).noneMatch(bedside.harness.run.CheckResult::unanswered);
        assertThat(r.checks()).filteredOn(bedside.harness.run.CheckResult::critical).singleElement()
                .satisfies(c -> assertThat(c.passed()).isFalse())
                .satisfies(c -> assertThat(c.detail()).contains(why));
    }

    /** GET u: null when it answers HTTP 200 with a body containing {@code mark} (any body when null), else what is wrong. */
    static String notAnswering(URI u, String mark) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return "GET " + u + " answered HTTP " + r.statusCode();
            }
            if (mark != null && !r.body().contains(mark)) {
                return "GET " + u + " does not hold \"" + mark + "\"";
            }
            return null;
        } catch (IOException e) {
            return "GET " + u + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
