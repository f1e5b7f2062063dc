package bedside.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplayRecordTest {
    @Test
    void theSameEventsAreAlwaysTheSameBytesAndReadBackAsAJsonArray() {
        UUID id = UUID.randomUUID();
        List<String> events = List.of("{\"type\":4,\"timestamp\":1}", "{\"type\":2,\"timestamp\":2}");
        ReplayRecord a = ReplayRecord.of(id, events);
        ReplayRecord b = ReplayRecord.of(id, events);
        assertThat(a.gzip()).isEqualTo(b.gzip());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.sha256()).isEqualTo(b.sha256()).hasSize(64).isEqualTo(ReplayRecord.sha256(a.gzip()));
        assertThat(new String(a.json(), StandardCharsets.UTF_8))
                .isEqualTo("[{\"type\":4,\"timestamp\":1},{\"type\":2,\"timestamp\":2}]");
        assertThat(new String(ReplayRecord.of(id, List.of()).json(), StandardCharsets.UTF_8)).isEqualTo("[]");
        // Its bytes cannot be changed from outside.
        a.gzip()[10] ^= 1;
        assertThat(a).isEqualTo(b);
        assertThat(ReplayRecord.of(id, List.of("{}"))).isNotEqualTo(a);
    }
}
