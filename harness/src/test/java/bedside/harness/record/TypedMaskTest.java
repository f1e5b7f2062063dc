package bedside.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypedMaskTest {
    final TypedMask mask = new TypedMask(List.of("Eleanor Whitfield", "Eleanor", "31 Kirkstall Lane", "7", ""));

    @Test
    void typedTextIsMaskedWhereverTheScreenOrItsAddressShowsItAgain() {
        assertThat(mask.apply("{\"type\":3,\"data\":{\"texts\":[{\"id\":9,\"value\":\"Patient registered: Eleanor "
                + "Whitfield of 31 Kirkstall Lane\"}]}}")).isEqualTo("{\"type\":3,\"data\":{\"texts\":[{\"id\":9,"
                + "\"value\":\"Patient registered: ***************** of *****************\"}]}}");
        // In a page's address: URL-encoded, with + or %20 for its spaces.
        assertThat(mask.apply("{\"type\":4,\"data\":{\"href\":\"http://x/p/1?status=Patient+registered%3A+Eleanor+"
                + "Whitfield&a=31%20Kirkstall%20Lane\"}}")).isEqualTo("{\"type\":4,\"data\":{\"href\":\"http://x/p/1"
                + "?status=Patient+registered%3A+*****************&a=*********************\"}}");
    }

    @Test
    void numbersKeysAndShortTextAreLeftAlone() {
        String event = "{\"type\":7,\"data\":{\"Eleanor\":1,\"x\":7,\"t\":\"7 days\"},\"timestamp\":1700000000007}";
        assertThat(mask.apply(event)).isEqualTo(event);
        // Nothing typed in an event: it is not even read.
        assertThat(new TypedMask(List.of("Whitfield")).apply(event)).isSameAs(event);
        assertThat(TypedMask.NONE.apply(event)).isSameAs(event);
    }
}
