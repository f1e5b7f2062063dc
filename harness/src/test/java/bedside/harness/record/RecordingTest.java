package bedside.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordingTest {
    @Test
    void anEventHasTheAddressItHappenedAtNotTheBatchs() {
        Recording r = new Recording();
        // A batch that began on /search; the route change and what followed happened on /patient/1 (recorder.js: loc).
        r.accept("{\"doc\":\"d1\",\"top\":true,\"seq\":0,\"url\":\"http://x/search\",\"events\":["
                + "{\"type\":\"click\",\"t\":1,\"via\":\"pointer\"},"
                + "{\"type\":\"route\",\"t\":2,\"to\":\"http://x/patient/1\",\"loc\":\"http://x/patient/1\"},"
                + "{\"type\":\"request-start\",\"t\":3,\"url\":\"/api/p\",\"loc\":\"http://x/patient/1\"}]}");

        assertThat(r.events()).extracting(PageEvent::url)
                .containsExactly("http://x/search", "http://x/patient/1", "http://x/patient/1");
        assertThat(r.events()).noneMatch(e -> e.data().has("loc"));
        assertThat(r.events().get(2).text("url")).as("an event's own url field is its own").isEqualTo("/api/p");
    }
}
