package bedside.harness.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task panel over HTTP: its key, stale presses, and answers refused with a reason until they are valid. */
class SessionPanelTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    SessionPanel panel;

    @BeforeEach
    void start() {
        panel = SessionPanel.start(0);
    }

    @AfterEach
    void stop() {
        panel.close();
    }

    @Test
    void withoutTheKeyThereIsNoPanel() throws Exception {
        String wrong = panel.url().replaceAll("/session/[0-9a-f]+/", "/session/0123/");
        assertThat(get(wrong + "state").statusCode()).isEqualTo(404);
        assertThat(post(wrong + "start", "{\"version\":1}").statusCode()).isEqualTo(404);
        assertThat(get(panel.url()).body()).contains("<title>Bedside — task panel</title>");
    }

    @Test
    void consentAndDetailsAreAskedAgainUntilComplete() throws Exception {
        CompletableFuture<SessionPanel.Details> given = CompletableFuture.supplyAsync(() -> panel.consent("P07", true));
        JsonNode s = awaitScreen("consent");
        post(panel.url() + "consent", "{\"version\":" + s.get("version") + ",\"consent\":false}");
        s = awaitProblem(s);
        assertThat(s.get("problem").asText()).contains("confirm consent");
        post(panel.url() + "consent", "{\"version\":" + s.get("version") + ",\"consent\":true,\"role\":\"nurse\","
                + "\"yearsInRole\":\"3\",\"ehrExperienceYears\":\"x\",\"ageBand\":\"30-39\",\"assistiveTechnology\":\"none\"}");
        s = awaitProblem(s);
        assertThat(s.get("problem").asText()).contains("years of using electronic health records");
        post(panel.url() + "consent", "{\"version\":" + s.get("version") + ",\"consent\":true,\"role\":\"nurse\","
                + "\"yearsInRole\":\"3\",\"ehrExperienceYears\":2,\"ehrSystemsUsed\":\"EMIS\",\"ageBand\":\"30-39\","
                + "\"assistiveTechnology\":\"screen magnifier\"}");
        assertThat(given.get(10, TimeUnit.SECONDS)).isEqualTo(
                new SessionPanel.Details("nurse", 3, 2, "EMIS", "30-39", "screen magnifier"));
    }

    @Test
    void aPressForAScreenNoLongerShownIsNotTaken() throws Exception {
        SessionPanel.TaskView task = new SessionPanel.TaskView("t", "A task", "Do it.", 1, 1, 60);
        CompletableFuture<Double> start = CompletableFuture.supplyAsync(() -> panel.awaitStart(task));
        JsonNode s = awaitScreen("task");
        assertThat(s.get("instruction").asText()).isEqualTo("Do it.");
        int stale = s.get("version").asInt() - 1;
        assertThat(post(panel.url() + "start", "{\"version\":" + stale + ",\"t\":5}").statusCode()).isEqualTo(409);
        assertThat(post(panel.url() + "start", "{\"version\":" + s.get("version") + ",\"t\":1234.5}").statusCode())
                .isEqualTo(202);
        assertThat(start.get(10, TimeUnit.SECONDS)).isEqualTo(1234.5);
    }

    @Test
    void susIsTakenOnlyWithEveryItemAnswered() throws Exception {
        CompletableFuture<List<Integer>> answers = CompletableFuture.supplyAsync(() -> panel.askSus("Candidate A"));
        JsonNode s = awaitScreen("sus");
        assertThat(s.get("items")).hasSize(10);
        post(panel.url() + "sus", "{\"version\":" + s.get("version") + ",\"answers\":[1,2,3,4,5,1,2,null,4,5]}");
        s = awaitProblem(s);
        assertThat(s.get("problem").asText()).contains("SUS item 8 not answered");
        post(panel.url() + "sus", "{\"version\":" + s.get("version") + ",\"answers\":[1,2,3,4,5,1,2,3,4,5]}");
        assertThat(answers.get(10, TimeUnit.SECONDS)).containsExactly(1, 2, 3, 4, 5, 1, 2, 3, 4, 5);
    }

    private JsonNode awaitScreen(String name) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            JsonNode s = JSON.readTree(get(panel.url() + "state").body());
            if (s.get("screen").asText().equals(name)) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the panel never showed " + name);
    }

    /** The screen again with a problem, newer than {@code after}. */
    private JsonNode awaitProblem(JsonNode after) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            JsonNode s = JSON.readTree(get(panel.url() + "state").body());
            if (s.has("problem") && s.get("version").asInt() > after.get("version").asInt()) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the panel never showed a problem");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
