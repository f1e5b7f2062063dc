package bedside.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void defaultsToBothOnFreePorts() {
        Main.Options o = Main.parse(new String[0]);
        assertThat(o.ids()).containsExactly("streamlined", "legacy");
        assertThat(o.ports()).isEmpty();
    }

    @Test
    void namedCandidatesAndPorts() {
        Main.Options o = Main.parse(new String[] {"legacy", "--port-legacy", "8082", "--port-streamlined=8081"});
        assertThat(o.ids()).containsExactly("legacy");
        assertThat(o.ports()).isEqualTo(Map.of("legacy", 8082, "streamlined", 8081));
        assertThat(Main.parse(new String[] {"--help"}).help()).isTrue();
    }

    @Test
    void rejectsUnknownArguments() {
        assertThatThrownBy(() -> Main.parse(new String[] {"modern"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Main.parse(new String[] {"--port-modern", "1"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Main.parse(new String[] {"--port-legacy"})).isInstanceOf(IllegalArgumentException.class);
    }
}
