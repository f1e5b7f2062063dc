package bedside.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CandidateLifecycleTest {

    @Test
    void idsAreStreamlinedAndLegacy() {
        assertThat(SampleCandidates.ids()).containsExactly("streamlined", "legacy");
    }

    @Test
    void unknownIdIsRejected() {
        assertThatThrownBy(() -> SampleCandidates.start("modern", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamlined");
    }

    @Test
    void namesAndVendors() {
        try (SampleCandidate s = SampleCandidates.start("streamlined", 0);
                SampleCandidate l = SampleCandidates.start("legacy", 0)) {
            assertThat(s.id()).isEqualTo("streamlined");
            assertThat(s.displayName()).isEqualTo("Streamlined EHR (sample)");
            assertThat(s.vendor()).isEqualTo("Bedside sample vendor A");
            assertThat(l.id()).isEqualTo("legacy");
            assertThat(l.displayName()).isEqualTo("Legacy-style EHR (sample)");
            assertThat(l.vendor()).isEqualTo("Bedside sample vendor B");
            assertThat(s.baseUrl()).isNotEqualTo(l.baseUrl());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"streamlined", "legacy"})
    void startsOnAFreeLoopbackPortAndStopsOnClose(String id) {
        SampleCandidate c = SampleCandidates.start(id, 0);
        WebClient client = new WebClient(c);
        try {
            assertThat(c.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(c.baseUrl().getPort()).isPositive();
            assertThat(client.get("/fhir/Patient").statusCode()).isEqualTo(200);
            HttpResponse<String> reset = client.send(HttpRequest.newBuilder(c.baseUrl().resolve("/admin/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(reset.statusCode()).isEqualTo(204);
        } finally {
            c.close();
        }
        assertThatThrownBy(() -> client.get("/fhir/Patient")).isInstanceOf(java.io.UncheckedIOException.class);
        c.close(); // idempotent
    }

    @ParameterizedTest
    @ValueSource(strings = {"streamlined", "legacy"})
    void staticFilesAreServedWithoutSignIn(String id) {
        try (SampleCandidate c = SampleCandidates.start(id, 0)) {
            WebClient client = new WebClient(c);
            HttpResponse<String> js = client.get("/static/" + id + ".js");
            assertThat(js.statusCode()).isEqualTo(200);
            assertThat(js.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
            assertThat(client.get("/static/" + id + ".css").statusCode()).isEqualTo(200);
            assertThat(client.get("/static/nothing.js").statusCode()).isEqualTo(404);
        }
    }
}
