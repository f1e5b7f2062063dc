package bedside.harness.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11: what a session refuses before anything is stored — a participant named, a SUS item left out. */
class SessionInputTest {

    @Test
    void aParticipantIsACodeNeverANameOrAnAddress() {
        assertThat(ParticipantCode.of(" P07 ")).isEqualTo("P07");
        assertThat(ParticipantCode.problem("N-03")).isEmpty();
        assertThat(ParticipantCode.problem("nurse_12.b")).isEmpty();
        assertThat(ParticipantCode.problem("jane.doe@trust.nhs.uk")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("looks like an e-mail address").contains("use a code such as P07");
        assertThat(ParticipantCode.problem("Jane Doe")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("has a space, as a name has");
        assertThat(ParticipantCode.problem("")).contains("a participant code is needed, e.g. P07");
        assertThat(ParticipantCode.problem("P/07")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("is not a participant code");
        assertThat(ParticipantCode.problem("P".repeat(33))).isPresent();
        assertThatThrownBy(() -> ParticipantCode.of("Jane Doe")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theQuestionnairesAreTheStandardOnesAndEveryAnswerIsChecked() {
        assertThat(Instruments.SUS_ITEMS).hasSize(10);
        assertThat(Instruments.SUS_ITEMS.get(7)).isEqualTo("I found the system very cumbersome to use.");
        assertThat(Instruments.seqProblem(7)).isEmpty();
        assertThat(Instruments.seqProblem(0)).contains("the task's rating (SEQ) is 1 to 7, not 0");
        assertThat(Instruments.seqProblem(null)).isPresent();

        List<Integer> all = new ArrayList<>(Arrays.asList(4, 2, 4, 1, 4, 2, 5, 1, 4, 2));
        assertThat(Instruments.susProblem(all)).isEmpty();
        all.set(3, null);
        all.set(8, null);
        assertThat(Instruments.susProblem(all)).contains("SUS items 4, 9 not answered: all ten are required");
        all.set(8, 6);
        all.set(3, 1);
        assertThat(Instruments.susProblem(all)).contains("SUS item 9 is answered 1 to 5, not 6");
        assertThat(Instruments.susProblem(List.of(1, 2, 3))).isPresent();
    }
}
