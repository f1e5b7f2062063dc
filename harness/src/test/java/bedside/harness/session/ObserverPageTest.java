package bedside.harness.session;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.record.PageEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The observer's page: nothing without its key, no marker before the session, events as lines for people. */
class ObserverPageTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void withoutTheKeyThereIsNothingAndBeforeTheSessionNoMarker() throws Exception {
        try (ObserverPage page = ObserverPage.start(0)) {
            String wrong = page.url().replaceAll("/observe/[0-9a-f]+/", "/observe/00/");
            assertThat(get(wrong).statusCode()).isEqualTo(404);
            assertThat(post(wrong + "marker", "{\"kind\":\"note\",\"note\":\"x\"}").statusCode()).isEqualTo(404);
            assertThat(get(page.url()).body()).contains("<title>Bedside — observer</title>");
            HttpResponse<String> early = post(page.url() + "marker", "{\"kind\":\"slip\"}");
            assertThat(early.statusCode()).isEqualTo(400);
            assertThat(early.body()).contains("has not started");
        }
    }

    @Test
    void screensAndClicksBecomeLinesAndTypingDoesNot() {
        assertThat(ObserverPage.line(event("page-start", true, "{}", "http://c/chart?id=3"))).isEqualTo("screen /chart");
        assertThat(ObserverPage.line(event("pointer-down", true,
                "{\"button\":0,\"target\":{\"tag\":\"button\",\"role\":\"button\",\"name\":\"Save allergy\",\"actionable\":true}}",
                "http://c/a"))).isEqualTo("click on button \u201cSave allergy\u201d");
        assertThat(ObserverPage.line(event("pointer-down", true,
                "{\"button\":0,\"target\":{\"tag\":\"h1\",\"name\":\"\",\"actionable\":false}}", "http://c/a")))
                .isEqualTo("click on h1 (nothing to act on)");
        assertThat(ObserverPage.line(event("pointer-down", true, "{\"button\":2,\"target\":{\"tag\":\"p\"}}", "http://c/a")))
                .isNull();
        assertThat(ObserverPage.line(event("key", true, "{\"key\":\"P\"}", "http://c/a"))).isNull();
        assertThat(ObserverPage.line(event("page-start", false, "{}", "http://c/frame"))).isNull();
    }

    private static PageEvent event(String type, boolean top, String data, String url) {
        try {
            return new PageEvent("doc", top, 1, 0, 0, type, url, 0L, (ObjectNode) JSON.readTree(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
