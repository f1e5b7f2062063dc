package bedside.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A replay knows what it lacks: a batch a page numbered that never arrived makes it incomplete, and says so. */
class ReplayCaptureTest {
    static String message(String doc, long seq, long timestamp) {
        return "{\"replay\":1,\"doc\":\"" + doc + "\",\"seq\":" + seq + ",\"events\":[{\"type\":3,\"timestamp\":"
                + timestamp + ",\"data\":{}}]}";
    }

    @Test
    void aBatchMissingBetweenTwoThatArrivedIsAProblem() {
        ReplayCapture replay = new ReplayCapture(TypedMask.NONE);
        replay.accept(message("a", 0, 1000));
        replay.accept(message("a", 2, 1200));
        replay.accept(message("a", 2, 1200)); // sent again: no gap of its own
        replay.accept(message("b", 0, 1300));
        replay.accept(message("b", 1, 1400));
        assertThat(replay.problems()).containsExactly("1 batch(es) of replay events from 1 page(s) never arrived");
        assertThat(replay.events()).hasSize(4);
    }

    @Test
    void aBatchThatArrivesLateFillsItsGapEvenAfterTheSeal() {
        ReplayCapture replay = new ReplayCapture(TypedMask.NONE);
        replay.accept(message("a", 1, 1100));
        assertThat(replay.problems()).hasSize(1); // batch 0 not (yet) here
        replay.seal();
        replay.accept(message("a", 0, 1000)); // arrived late: not taken, but it did arrive
        assertThat(replay.problems()).isEmpty();
        assertThat(replay.events()).extracting(ReplayCapture.Event::batch).containsExactly(1L);
    }
}
