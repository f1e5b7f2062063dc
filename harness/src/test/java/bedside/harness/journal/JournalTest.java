package bedside.harness.journal;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.results.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    private Path write(String participant, Instant started) {
        UUID runId = UUID.randomUUID();
        try (Journal j = Journal.open(dir, runId)) {
            j.plan(new Journal.Plan("s", "h", "session", List.of("a"), List.of("t"), 1, "db", participant, true));
            j.run(new RunRecord(runId, "s", "suite", "1", "h", "session", started, null));
            return j.file();
        }
    }

    @Test
    void aJournalsPlanIsReadFromItsFirstLineAndOnlyWantedJournalsAreReadWhole() throws Exception {
        Path sim01 = write("SIM01", Instant.parse("2026-01-01T00:00:00Z"));
        write("SIM02", Instant.parse("2026-01-01T00:00:01Z"));
        Path later = write("SIM01", Instant.parse("2026-01-01T00:00:02Z"));
        Files.writeString(dir.resolve("torn.jsonl"), "{\"kind\":\"pl"); // a first line cut mid-write: no plan

        assertThat(Journal.planOf(sim01).participant()).isEqualTo("SIM01");
        assertThat(Journal.planOf(dir.resolve("torn.jsonl"))).isNull();
        List<Journal.Contents> found = Journal.all(dir, p -> "SIM01".equals(p.participant()));
        assertThat(found).extracting(Journal.Contents::file).containsExactly(sim01, later);
        assertThat(found).allMatch(c -> c.run() != null && c.plan().simulated());
    }
}
