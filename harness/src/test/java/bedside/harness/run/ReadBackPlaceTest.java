package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.scenarios.Binding;
import bedside.scenarios.Locator;
import bedside.scenarios.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a read-back answers: in a new tab when it begins by opening a page, else on the screen the attempt ended on. */
class ReadBackPlaceTest {
    final Step open = new Step.Open("/patients/2", null);
    final Locator name = new Locator(Locator.Kind.TEXT, "Okafor, Margaret", null, null);
    final Step look = new Step.Assert(name, null, null, null, 1, null);
    final Map<String, Binding.Fragment> fragments = Map.of(
            "goes", new Binding.Fragment("goes", List.of(), List.of(open), null),
            "stays", new Binding.Fragment("stays", List.of(), List.of(look), null),
            "via", new Binding.Fragment("via", List.of(), List.of(new Step.Use("goes", Map.of(), null)), null));

    @Test
    void aReadBackThatOpensAPageFirstGoesToANewTab() {
        assertThat(CheckRunner.opensAPage(List.of(open, look), fragments)).isTrue();
        assertThat(CheckRunner.opensAPage(List.of(new Step.Use("goes", Map.of(), null), look), fragments)).isTrue();
        assertThat(CheckRunner.opensAPage(List.of(new Step.Use("via", Map.of(), null), look), fragments)).isTrue();
    }

    @Test
    void anyOtherReadBackReadsTheAttemptsOwnScreen() {
        assertThat(CheckRunner.opensAPage(List.of(look), fragments)).isFalse();
        assertThat(CheckRunner.opensAPage(List.of(new Step.WaitFor(name, null, null, false, 10, null), look), fragments)).isFalse();
        assertThat(CheckRunner.opensAPage(List.of(new Step.Use("stays", Map.of(), null), look), fragments)).isFalse();
        assertThat(CheckRunner.opensAPage(List.of(new Step.Use("missing", Map.of(), null), look), fragments)).isFalse();
        // later opens do not count: the first step decides where the read-back starts
        assertThat(CheckRunner.opensAPage(List.of(look, open, look), fragments)).isFalse();
    }
}
