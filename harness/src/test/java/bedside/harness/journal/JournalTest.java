package bedside.harness.journal;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
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

    /** A run's journal: one attempt begun and made; stored and finished as asked. */
    private Path run(boolean stored, boolean finished, boolean answersStored) {
        UUID runId = UUID.randomUUID();
        UUID attemptId = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        RunRecord run = new RunRecord(runId, "s", "suite", "1", "h", "session", t, null);
        try (Journal j = Journal.open(dir, runId)) {
            j.plan(new Journal.Plan("s", "h", "session", List.of("a"), List.of("t"), 1, "db", "P01", false));
            j.run(run);
            j.participant(new bedside.results.ParticipantRecord("P01", "nurse", 3, 2, "x", "30-39", "none", t, false));
            j.attemptStarted(attemptId, sessionId, "a", "t", "P01", 1, t);
            j.attempt(new AttemptRecord(attemptId, sessionId, "a", "t", "P01", 1, Outcome.SUCCESS, null, null, t, 1000, 1,
                    1, 1, 1, 0, 0, 0, 0, 1000), List.of(new EventRecord(attemptId, 0, 1.0, "click", "http://x/", "{}")));
            if (stored) {
                j.stored(attemptId);
            }
            if (finished) {
                j.finished(new RunRecord(runId, "s", "suite", "1", "h", "session", t, t.plusSeconds(5)));
            }
            if (answersStored) {
                j.answersStored();
            }
            return j.file();
        }
    }

    @Test
    void onlyJournalsWithSomethingLeftToDoAreReadForARunsStart() {
        Path settled = run(true, true, true);
        Path unstored = run(false, true, true);
        Path unfinished = run(true, false, true);
        Path answersWaiting = run(true, true, false);
        assertThat(Journal.settled(settled)).isTrue();
        assertThat(Journal.unsettled(dir)).extracting(Journal.Contents::file)
                .containsExactlyInAnyOrder(unstored, unfinished, answersWaiting);
        // Every journal is still there, and read whole by all().
        assertThat(Journal.all(dir)).hasSize(4);
    }

    /**
     * The replay's events journalled while an attempt ran are kept when it is cut off (the same bytes however often the
     * journal is read, so uploading it again stores nothing twice); a finished attempt's replay is read back as written.
     */
    @Test
    void anAttemptsReplayIsKeptWhetherItFinishedOrWasCutOff() {
        UUID runId = UUID.randomUUID();
        UUID cut = UUID.randomUUID();
        UUID done = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        bedside.results.ReplayRecord finished = bedside.results.ReplayRecord.of(done, List.of("{\"type\":4}"));
        Path file;
        try (Journal j = Journal.open(dir, runId)) {
            j.run(new RunRecord(runId, "s", "suite", "1", "h", "run", t, null));
            j.attemptStarted(done, sessionId, "a", "t", "expert-path", 1, t);
            j.attempt(new AttemptRecord(done, sessionId, "a", "t", "expert-path", 1, Outcome.SUCCESS, null, null, t, 1,
                    0, 0, 1, 1, 0, 0, 0, 0, 1), List.of(), finished);
            j.attemptStarted(cut, sessionId, "a", "t", "expert-path", 2, t);
            // Two batches out of order, one of them twice (as a resent batch may arrive): ordered by time, kept once.
            j.replayEvents(cut, List.of(new bedside.harness.record.ReplayCapture.Event("d", 1, 0, 20.5,
                    "{\"type\":3,\"timestamp\":20.5}")));
            j.replayEvents(cut, List.of(new bedside.harness.record.ReplayCapture.Event("d", 0, 0, 10,
                    "{\"type\":4,\"timestamp\":10}"), new bedside.harness.record.ReplayCapture.Event("d", 0, 1, 11,
                    "{\"type\":2,\"timestamp\":11,\"data\":{\"node\":{}}}")));
            j.replayEvents(cut, List.of(new bedside.harness.record.ReplayCapture.Event("d", 1, 0, 20.5,
                    "{\"type\":3,\"timestamp\":20.5}")));
            file = j.file();
        }
        Journal.Contents read = Journal.read(file);
        assertThat(read.attempts().get(done).replay()).isEqualTo(finished);
        Journal.Stored cutOff = read.attempts().get(cut);
        assertThat(cutOff.attempt().outcome()).isEqualTo(Outcome.SYSTEM_ERROR);
        assertThat(new String(cutOff.replay().json(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "[{\"type\":4,\"timestamp\":10},{\"type\":2,\"timestamp\":11,\"data\":{\"node\":{}}},"
                        + "{\"type\":3,\"timestamp\":20.5}]");
        assertThat(Journal.read(file).attempts().get(cut).replay()).isEqualTo(cutOff.replay());
    }
}
