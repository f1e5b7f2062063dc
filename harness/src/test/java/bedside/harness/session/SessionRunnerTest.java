package bedside.harness.session;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import bedside.results.ParticipantRecord;
import bedside.results.SessionFacts;
import bedside.scenarios.TaskOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The parts of a session that need no browser: the participant's place in the study, and what an assist does. */
class SessionRunnerTest {
    static ParticipantRecord consented(String code, long at) {
        return new ParticipantRecord(code, "nurse", 1, 1, null, "30-39", "none", Instant.ofEpochSecond(at));
    }

    @Test
    void aParticipantsIndexIsTheirPlaceInTheOrderOfConsent() {
        List<ParticipantRecord> known = List.of(consented("P03", 300), consented("P01", 100),
                ParticipantRecord.of("expert-path"), consented("P02", 200));
        assertThat(SessionRunner.participantIndex(known, known.get(1))).isZero();
        assertThat(SessionRunner.participantIndex(known, known.get(3))).isEqualTo(1);
        assertThat(SessionRunner.participantIndex(known, known.get(0))).isEqualTo(2);
        // A new participant comes after every one who consented before.
        assertThat(SessionRunner.participantIndex(known, consented("P10", 400))).isEqualTo(3);
    }

    @Test
    void aPilotTakesNoRowOfTheStudysLatinSquare() {
        List<ParticipantRecord> known = List.of(consented("PILOT1", 50), consented("P01", 100), consented("P02", 200));
        UUID run = UUID.randomUUID();
        bedside.results.SessionOrder order = new bedside.results.SessionOrder("latin", null, 0, List.of("t"), 1);
        List<bedside.results.SessionRecord> sessions = List.of(
                new bedside.results.SessionRecord(UUID.randomUUID(), run, "a", "PILOT1", Instant.EPOCH, order, true, false),
                new bedside.results.SessionRecord(UUID.randomUUID(), run, "a", "P01", Instant.EPOCH, order),
                new bedside.results.SessionRecord(UUID.randomUUID(), run, "a", "expert-path", Instant.EPOCH));
        ParticipantRecord p03 = consented("P03", 300);
        assertThat(SessionRunner.participantIndex(SessionRunner.countedInOrder(known, false, sessions), known.get(1)))
                .isZero();
        assertThat(SessionRunner.participantIndex(SessionRunner.countedInOrder(known, false, sessions), p03))
                .isEqualTo(2); // after P01 and P02 (who consented, with no session yet); not after the pilot
        assertThat(SessionRunner.participantIndex(SessionRunner.countedInOrder(known, true, sessions),
                consented("PILOT2", 400))).isEqualTo(2); // after PILOT1 and P02, never after P01
    }

    @Test
    void candidatesAreCounterbalancedLikeTasks() {
        List<String> candidates = List.of("streamlined", "legacy");
        assertThat(TaskOrder.of(candidates, TaskOrder.Mode.LATIN_SQUARE, 0, 0)).containsExactly("streamlined", "legacy");
        assertThat(TaskOrder.of(candidates, TaskOrder.Mode.LATIN_SQUARE, 1, 0)).containsExactly("legacy", "streamlined");
        assertThat(TaskOrder.of(candidates, TaskOrder.Mode.LATIN_SQUARE, 2, 0)).containsExactly("streamlined", "legacy");
    }

    @Test
    void anAssistedSuccessIsAFailureInCompletionWithNoSuccessPath() {
        AttemptRecord a = new AttemptRecord(UUID.randomUUID(), UUID.randomUUID(), "c", "t", "P01", 1, Outcome.SUCCESS, null,
                null, Instant.EPOCH, 30000, 10, 20, 3, 3, 0, 0, 0, 1000, 20000,
                new SessionFacts("done", 1.2, 1.5, "indirect", 0.2, 1));
        AttemptRecord assisted = SessionRunner.assisted(a);
        assertThat(assisted.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(assisted.reason()).startsWith("assisted:").contains("NISTIR 7742");
        assertThat(assisted.session()).isEqualTo(new SessionFacts("done", 1.2, 1.5, null, 0.2, 1));
        assertThat(assisted.timeMs()).isEqualTo(a.timeMs());
    }
}
